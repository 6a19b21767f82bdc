# io.StringIO and io.BytesIO.
import io

s = io.StringIO()
print(s.write("héllo\n"), s.write("wörld\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.read(2)), s.tell(), repr(s.readline()), repr(s.read()))
s.seek(1)
print(s.write("E"), repr(s.getvalue()))
s.seek(0)
print(s.readlines())
s.seek(0)
print([l for l in s])
print(s.truncate(3), repr(s.getvalue()))
s.seek(0, 2)
s.write("!")
print(repr(s.getvalue()))
print("x", 1, file=s)
print(repr(s.getvalue()))
s.close()
print(s.closed)
try:
    s.read()
except ValueError as e:
    print(e)

with io.StringIO("a\nb\nc") as t:
    print(t.readline(), t.read(), t.tell())
try:
    io.StringIO(b"x")
except TypeError as e:
    print(e)

b = io.BytesIO(b"0123456789")
print(b.read(3), b.tell(), b.seek(-2, 2), b.read(), b.seek(2), b.seek(2, 1))
buf = bytearray(3)
print(b.readinto(buf), buf, b.tell())
b.seek(0)
print(b.write(b"ab"), b.getvalue(), b.read(2))
b.seek(12)
b.write(b"Z")
print(b.getvalue())
b.seek(0)
print(b.readline(), b.readlines())
try:
    b.write(5)
except TypeError as e:
    print(e)
print(io.BytesIO().getvalue(), io.BytesIO(bytearray(b"q")).read())
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.open is open, io.open.__name__)
s = io.StringIO("héllo wörld")
print(s.truncate(20), repr(s.getvalue()), s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(2); print(s.truncate(), repr(s.getvalue()))
b = io.BytesIO(b"abcdef"); b.seek(3); print(b.truncate(), b.getvalue(), b.truncate(10), b.truncate(1), b.getvalue(), b.tell())
