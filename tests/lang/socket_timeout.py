# needs: float
# Timeouts and non-blocking sockets.
import errno
import socket
import time

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
print(srv.gettimeout(), srv.getblocking())

srv.settimeout(0.1)
print(srv.gettimeout(), srv.getblocking())
t0 = time.time()
try:
    srv.accept()
except OSError as e:
    print("accept:", isinstance(e, TimeoutError), isinstance(e, socket.timeout))
print(0.08 < time.time() - t0 < 2)

cli = socket.socket()
cli.connect(srv.getsockname())
conn, _ = srv.accept()
print(conn.gettimeout())  # accepted sockets block

conn.settimeout(0.05)
try:
    conn.recv(10)
except OSError as e:
    print("recv:", isinstance(e, TimeoutError))
conn.settimeout(None)
print(conn.gettimeout())

# non-blocking
conn.setblocking(False)
print(conn.gettimeout(), conn.getblocking())
try:
    conn.recv(10)
except OSError as e:
    print("recv:", type(e).__name__, e.errno == errno.EAGAIN)
cli.send(b"now")
time.sleep(0.05)
print(conn.recv(10))
conn.setblocking(True)
print(conn.gettimeout())

# a writer that fills the peer's buffer times out
cli.settimeout(0.1)
try:
    while True:
        cli.send(b"x" * 65536)
except OSError as e:
    print("send:", isinstance(e, TimeoutError))

# connect without blocking
nb = socket.socket()
nb.setblocking(False)
try:
    nb.connect(srv.getsockname())
    print("connected at once")
except OSError as e:
    print("connect:", e.errno == errno.EINPROGRESS)
nb.close()

for s in (srv, cli, conn):
    s.close()

for bad in (-1, float("nan")):
    try:
        socket.socket().settimeout(bad)
    except ValueError as e:
        print("ValueError")
