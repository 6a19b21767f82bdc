# MicroPython's stream write(buf[, len]): only the first len bytes of buf
# (None, a negative len or one past the end: all of it), on every binary
# stream; a text stream's write takes no length. readinto(buf[, nbytes])
# likewise. CPython's write takes no length.
import io, os, socket, deflate

b = io.BytesIO()
print(b.write(b"hello", 2), b.write(bytearray(b"xyz"), None), b.write(b"abc", -1), b.write(b"abc", 10),
      b.write(memoryview(b"0123456")[2:], 3), b.write(b"zz", 0), b.getvalue())
try:
    b.write(b"x", "1")
except TypeError as e:
    print("TypeError", e)
try:
    b.write(b"x", 1, 2)
except TypeError as e:
    print("TypeError")
for text in (io.StringIO(), open("/tmp/px_stream_write_len_t_%d" % id(b), "w")):
    try:
        text.write("ab", 1)
    except TypeError as e:
        print("TypeError", e)
    text.close()
os.remove("/tmp/px_stream_write_len_t_%d" % id(b))

path = "/tmp/px_stream_write_len_%d" % id(b)
with open(path, "wb") as f:
    print(f.write(b"12345", 3), f.write("h\u00e9llo", 3))
with open(path, "rb") as f:
    buf = bytearray(8)
    print(f.readinto(buf, 2), buf[:2], f.readinto(buf), buf[:4])
os.remove(path)

w = io.BufferedWriter(io.BytesIO(), 8)
print(w.write(b"abcdef", 4))

z = io.BytesIO()
with deflate.DeflateIO(z, deflate.RAW) as d:
    print(d.write(b"compressed?", 10))
print(deflate.DeflateIO(io.BytesIO(z.getvalue()), deflate.RAW).read())

srv = "/tmp/px_stream_write_len_%d.sock" % id(b)
a = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
a.bind(srv)
a.listen(1)
c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
c.connect(srv)
s, _ = a.accept()
print(c.write(b"socket", 4))
buf = bytearray(8)
print(s.readinto(buf, 3), buf[:3])
for o in (c, s, a):
    o.close()
os.remove(srv)
