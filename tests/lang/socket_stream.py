# Sockets as MicroPython's binary streams: makefile, read, readline,
# readinto, write, through the file object makefile gives.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
cli = socket.socket()
cli.connect(srv.getsockname())
conn, _ = srv.accept()

w = cli.makefile("wb")
r = conn.makefile("rb")
w.write(b"line one\nline two\npartial")
w.flush()
print(r.readline())
print(r.readline())
print(r.read(4))
w.write(b"12345678")
w.flush()
buf = bytearray(6)
print(r.readinto(buf), bytes(buf))
w.close()
cli.close()
print(r.read())
print(r.readline())
r.close()
conn.close()
srv.close()
