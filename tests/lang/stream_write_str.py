# MicroPython's binary streams take a str in write() as its UTF-8 (its
# requests package writes header lines so); CPython raises TypeError.
# Text streams and other objects are unchanged.
import io, os, socket
b = io.BytesIO()
print(b.write("GET / HTTP/1.0\r\n"), b.write("h\u00e9"), b.getvalue())
path = "/tmp/px_stream_write_str_%d" % id(b)
with open(path, "wb") as f:
    print(f.write("caf\u00e9"), f.write(b"!"))
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
a, c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM), None
srv = "/tmp/px_stream_write_str_%d.sock" % id(b)
a.bind(srv)
a.listen(1)
c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
c.connect(srv)
s, _ = a.accept()
print(c.write("w"), c.send("s"), c.sendall("all"))
print(s.recv(16))
for o in (c, s, a):
    o.close()
os.remove(srv)
for obj in (io.BytesIO(), io.StringIO()):
    try:
        obj.write(5)
    except TypeError as e:
        print("TypeError", e)
