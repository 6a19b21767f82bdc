# Loopback TCP echo with plain sockets: 20000 small round trips between a
# client and the server's connection, in one process.
import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
cli = socket.socket()
cli.connect(srv.getsockname())
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
conn, _ = srv.accept()
conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
total = 0
for i in range(20000):
    cli.sendall(b"message %d\n" % i)
    data = conn.recv(100)
    conn.sendall(data)
    total += len(cli.recv(100))
print(total)
for s in (cli, conn, srv):
    s.close()
