# gzip.decompress and GzipFile read every member of a multi-member gzip
# stream, and zero padding after them, as CPython's gzip does; anything
# else after a member is an error. zlib.crc32 and zlib.adler32 as
# CPython's zlib has them.
import gzip
import io
import zlib


def member(data, name=None, extra=None):
    # a gzip member with the optional header fields CPython's compressor
    # leaves out: FEXTRA, FNAME (and our body and trailer)
    body = zlib.compress(data, wbits=-15)
    flags = (4 if extra is not None else 0) | (8 if name is not None else 0)
    head = bytes([0x1F, 0x8B, 8, flags, 0, 0, 0, 0, 0, 255])
    if extra is not None:
        head += len(extra).to_bytes(2, "little") + extra
    if name is not None:
        head += name + b"\0"
    return head + body + zlib.crc32(data).to_bytes(4, "little") + (len(data) & 0xFFFFFFFF).to_bytes(4, "little")


one = gzip.compress(b"first member\n")
two = member(b"second " * 50, name=b"two.txt")
three = member(b"", extra=b"xy")
four = member(bytes(range(256)) * 40)
print(gzip.decompress(one + two) == b"first member\n" + b"second " * 50)
whole = one + two + three + four
want = b"first member\n" + b"second " * 50 + bytes(range(256)) * 40
print(gzip.decompress(whole) == want, len(gzip.decompress(whole)))
print(gzip.decompress(whole + bytes(7)) == want, gzip.decompress(one + bytes(3) + two)[-7:])
print(gzip.decompress(b""), gzip.decompress(three + three))

# GzipFile reads across member boundaries, in pieces of any size
for n in (1, 5, 64, 1000):
    f = gzip.GzipFile(fileobj=io.BytesIO(whole * 2), mode="rb")
    got = bytearray()
    while True:
        piece = f.read(n)
        if not piece:
            break
        got += piece
    print(n, got == want * 2)
buf = bytearray(100)
f = gzip.GzipFile(fileobj=io.BytesIO(one + two), mode="rb")
print(f.readinto(buf), bytes(buf[:13]))

# a member written by CPython-compatible compressors at several sizes
big = b"".join(b"line %d of a log\n" % i for i in range(5000))
parts = [big[i:i + 16384] for i in range(0, len(big), 16384)]
print(gzip.decompress(b"".join(gzip.compress(p) for p in parts)) == big)

# not a member after one; a cut header; a header with another method: an
# OSError (CPython's is its subclass gzip.BadGzipFile, ours the OSError
# EINVAL that deflate raises for every damaged stream, as MicroPython's)
for bad in (whole + b"xy", whole + b"\x1f", one + b"\x1f\x8b\x09" + bytes(7)):
    try:
        gzip.decompress(bad)
        print("no error")
    except OSError:
        print("OSError")
# a damaged second member: its checksum
try:
    gzip.decompress(one + two[:-8] + b"\0\0\0\0" + two[-4:])
    print("no error")
except OSError:
    print("bad crc: OSError")

# zlib.crc32 / adler32: start values, chaining, any buffer, values
# beyond 32 bits taken modulo 2**32
print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")) == zlib.crc32(b"hello world"))
print(zlib.crc32(b"123456789"), zlib.crc32(b"x", 0xFFFFFFFF), zlib.crc32(b"x", -1), zlib.crc32(b"x", 2**40 + 3))
print(zlib.adler32(b""), zlib.adler32(b"Wikipedia"), zlib.adler32(b"world", zlib.adler32(b"hello ")) == zlib.adler32(b"hello world"))
print(zlib.adler32(bytearray(b"abc")), zlib.adler32(memoryview(b"xabcx")[1:4]), zlib.adler32(b"x", 2**33 + 7))
print(zlib.adler32(bytes(100000)), zlib.adler32(b"\xff" * 100000), zlib.crc32(b"\xff" * 100000))
for bad in ("text", None, 5):
    try:
        zlib.crc32(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
