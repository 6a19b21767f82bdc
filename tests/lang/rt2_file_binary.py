# open() in binary mode: bytes in and out, readinto, seek from every
# whence, truncate, fileno, buffering=0.
import sys

path = "/tmp/rt2_file_binary_" + "".join(c if c.isalnum() else "_" for c in sys.executable)

with open(path, "wb") as f:
    print(f.mode, f.write(b"0123456789"), f.write(bytearray(b"ab")), f.write(memoryview(b"cd")), f.tell())
    print(type(f.fileno()) is int, f.isatty())
with open(path, "rb") as f:
    print(f.read(3), f.read(0), f.tell())
    buf = bytearray(4)
    print(f.readinto(buf), buf)
    print(f.seek(-2, 2), f.read())
    print(f.seek(2), f.seek(3, 1), f.read(2), f.seek(-1, 1), f.read(1))
    print(f.read(), f.read(5))
with open(path, "r+b") as f:
    print(f.mode)
    f.seek(4)
    f.write(b"XY")
    print(f.read(2), f.tell())
    print(f.truncate(8), f.seek(0, 2))
    f.seek(0)
    print(f.read())
with open(path, "ab+") as f:
    print(f.mode, f.tell())
    f.write(b"\nline2\nline3")
    f.seek(0)
    print(f.readline(), f.readlines())
with open(path, "rb", buffering=0) as f:
    print(f.read(4), f.readline(), list(f))
with open(path, "wb", buffering=0) as f:
    f.write(b"unbuffered")
    with open(path, "rb") as g:
        print(g.read())
