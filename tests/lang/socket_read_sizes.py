# socket.read(n) (MicroPython's stream read): a blocking socket reads until
# n bytes or the end; a non-blocking one returns what has arrived (None if
# nothing); read() without n reads to the end or, non-blocking, what is
# there. Sizes around the first chunk (4096 bytes) and beyond it.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
cli = socket.socket()
cli.connect(srv.getsockname())
conn, _ = srv.accept()

print(conn.read(0))
cli.write(b"abc")
cli.write(b"def")
print(conn.read(6))
cli.write(b"x" * 5000)
print(len(conn.read(5000)))
cli.write(b"y" * 4096)
print(len(conn.read(4096)))

conn.setblocking(False)
print(conn.read(10))
cli.write(b"short")
print(conn.read(10))
cli.write(b"z" * 9000)
got = b""
while len(got) < 9000:
    part = conn.read()
    if part is not None:
        got += part
print(len(got), set(got) == {ord("z")})
cli.write(b"tail")
while True:
    part = conn.read(4)
    if part is not None:
        break
print(part, conn.read(4))
cli.close()
while True:
    part = conn.read(100)
    if part is not None:
        break
print(part)
conn.close()
srv.close()
