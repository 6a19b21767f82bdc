# socket.socket(fileno=fd) refuses what is not a socket, leaving the
# descriptor alone (adopting systemd's sockets: tests/services).
import socket

with open(__file__, "rb") as f:
    for fd in (f.fileno(), 1000):
        try:
            socket.socket(fileno=fd)
        except OSError as e:
            print(fd == f.fileno(), e.errno)
    print(f.read(8))
try:
    socket.socket(fileno="3")
except TypeError:
    print("TypeError")
