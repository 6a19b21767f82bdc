# needs: float
# What MicroPython's socket does beyond CPython's: errno.ETIMEDOUT on a
# timeout, select.poll reporting the socket object, streams returning None
# when a non-blocking socket has nothing, errors naming the address.
import errno
import select
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
port = srv.getsockname()[1]
cli = socket.socket()
cli.connect(("127.0.0.1", port))
conn, _ = srv.accept()

conn.settimeout(0.02)
try:
    conn.recv(1)
except OSError as e:
    print(e.errno == errno.ETIMEDOUT, e.args[1])

p = select.poll()
p.register(conn, select.POLLIN)
print(p.poll(0))
cli.write(b"ab\n")
print([(o is conn, ev) for o, ev in p.poll(1000)])
print(cli.makefile() is cli)

conn.setblocking(False)
print(conn.readline(), conn.read(), conn.readinto(bytearray(4)))
try:
    conn.recv(1)
except OSError as e:
    print(e.errno == errno.EAGAIN)
cli.close()
conn.close()

srv.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except OSError as e:
    print(e.errno == errno.ECONNREFUSED, e.filename == "127.0.0.1:%d" % port)
try:
    socket.socket(socket.AF_INET6).connect(("::1", port))
except OSError as e:
    print(e.filename == "[::1]:%d" % port)
try:
    socket.socket(socket.AF_UNIX).connect("/nonexistent/sock")
except OSError as e:
    print(e)
