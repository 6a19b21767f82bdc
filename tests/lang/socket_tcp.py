# TCP over loopback: a server and a client socket in one script.
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(4)
host, port = srv.getsockname()
print(host, 0 < port < 65536)
print(srv.family == socket.AF_INET, srv.type == socket.SOCK_STREAM)

cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
cli.connect(("127.0.0.1", port))
conn, peer = srv.accept()
print(peer == cli.getsockname(), conn.getpeername() == cli.getsockname())
print(cli.getpeername() == (host, port))

# send/recv, sendall with a large buffer, recv_into
print(cli.send(b"abc"))
print(conn.recv(3))
big = bytes(range(256)) * 1000
cli.sendall(big)
got = bytearray()
while len(got) < len(big):
    got += conn.recv(65536)
print(len(got), got == big)
cli.sendall(b"0123456789")
buf = bytearray(16)
n = 0
while n < 10:
    n += conn.recv_into(memoryview(buf)[n:])
print(n, bytes(buf[:n]))
cli.sendall(b"xyz")
buf = bytearray(8)
print(conn.recv_into(buf, 2), bytes(buf[:2]))
print(conn.recv(1))

# options
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
print(cli.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)

# the peer shuts down its side, then disconnects
cli.sendall(b"last")
cli.shutdown(socket.SHUT_WR)
print(conn.recv(100), conn.recv(100), conn.recv(100))
conn.sendall(b"still open")
print(cli.recv(100))
cli.close()
print(cli.fileno())
try:
    for i in range(100):
        conn.sendall(b"x" * 65536)
    print("no error")
except OSError as e:
    print(type(e).__name__)

# operations on a closed socket
try:
    cli.send(b"x")
except OSError as e:
    print("closed:", type(e).__name__)
cli.close()  # twice is fine
conn.close()

# with statement
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.fileno() >= 0)
print(s.fileno())

# refused
port2 = srv.getsockname()[1]
srv.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port2))
except OSError as e:
    print(type(e).__name__, e.errno)
c.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port2)) == 111)
c.close()
