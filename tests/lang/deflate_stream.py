# deflate.DeflateIO: each format and window size round trip, written and
# read in pieces of every size; AUTO detection; what reading and writing
# produce on the wire; errors for bad, cut and corrupted data and for
# windows too small. CPython has no deflate module: .exp file.
# big heap: compresses and decompresses megabytes (not run in the 2 MiB heap pass)
import deflate
import io

data = b"".join(b"%d: the quick brown fox jumps over the lazy dog %d\n" % (i, i * i % 97) for i in range(2000))
data += bytes((i * 31 + (i >> 7)) & 255 for i in range(5000))
print(deflate.AUTO, deflate.RAW, deflate.ZLIB, deflate.GZIP)


def compress(fmt, wbits, payload, piece=1000):
    s = io.BytesIO()
    with deflate.DeflateIO(s, fmt, wbits) as d:
        d.write(payload[:piece])  # an empty payload is written once too
        for i in range(piece, len(payload), piece):
            d.write(payload[i:i + piece])
    return s.getvalue()


for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP):
    for wbits in (0, 5, 8, 12, 15):
        c = compress(fmt, wbits, data)
        rbits = wbits or (8 if fmt == deflate.RAW else 0)
        whole = deflate.DeflateIO(io.BytesIO(c), fmt, rbits).read()
        d = deflate.DeflateIO(io.BytesIO(c), fmt, rbits)
        parts = []
        while True:
            p = d.read(777)
            if not p:
                break
            parts.append(p)
        print(fmt, wbits, whole == data, b"".join(parts) == data, len(c) < len(data))

# readinto, with and without a limit; read(0); AUTO picks zlib or gzip
c = compress(deflate.ZLIB, 10, data)
d = deflate.DeflateIO(io.BytesIO(c))
buf = bytearray(100)
print(d.readinto(buf), buf[:20], d.readinto(buf, 10), bytes(buf[:10]), d.read(0))
rest = d.read()
print(len(rest) == len(data) - 110, d.read(), d.readinto(buf))
g = compress(deflate.GZIP, 9, data, 4096)
print(deflate.DeflateIO(io.BytesIO(g)).read() == data, g[:4], g[-4:] == len(data).to_bytes(4, "little"))
z = compress(deflate.ZLIB, 9, b"abc")
print(z[:2], len(z), z[-4:])
print(compress(deflate.AUTO, 0, b"abc") == compress(deflate.RAW, 0, b"abc"))
print(compress(deflate.RAW, 8, b""), compress(deflate.ZLIB, 8, b""), len(compress(deflate.GZIP, 8, b"")))
print(deflate.DeflateIO(io.BytesIO(compress(deflate.GZIP, 8, b""))).read())

# close=True closes the stream; a closed DeflateIO refuses work
s = io.BytesIO()
d = deflate.DeflateIO(s, deflate.ZLIB, 0, True)
d.write(b"x" * 100)
d.close()
d.close()
try:
    s.getvalue()
except ValueError:
    print("stream closed")
for op in (lambda: d.write(b"a"), lambda: d.read()):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

# one object both ways: reading from and writing to the same stream
s = io.BytesIO(compress(deflate.RAW, 8, b"hello"))
d = deflate.DeflateIO(s, deflate.RAW)
print(d.read())
d.write(b"world")
d.close()
print(len(s.getvalue()) > 7)

# a json document through DeflateIO, as the documentation shows
import json
s = io.BytesIO()
with deflate.DeflateIO(s, deflate.GZIP, 6) as f:
    json.dump({"a": [1, 2, 3], "b": "text" * 50}, f)
with deflate.DeflateIO(io.BytesIO(s.getvalue()), deflate.GZIP, 6) as f:
    print(json.load(f))


def fails(label, fn):
    try:
        fn()
        print(label, "no error")
    except OSError as e:
        print(label, "OSError", e.errno)
    except ValueError as e:
        print(label, "ValueError", e)


good = compress(deflate.ZLIB, 12, data)
fails("not zlib", lambda: deflate.DeflateIO(io.BytesIO(b"hello world"), deflate.ZLIB).read())
fails("not auto", lambda: deflate.DeflateIO(io.BytesIO(b"\x00\x01\x02\x03")).read())
fails("not gzip", lambda: deflate.DeflateIO(io.BytesIO(good), deflate.GZIP).read())
fails("cut short", lambda: deflate.DeflateIO(io.BytesIO(good[:len(good) // 2]), deflate.ZLIB).read())
fails("no trailer", lambda: deflate.DeflateIO(io.BytesIO(good[:-4]), deflate.ZLIB).read())
bad = bytearray(good)
bad[-1] ^= 1
fails("bad adler", lambda: deflate.DeflateIO(io.BytesIO(bad), deflate.ZLIB).read())
gz = bytearray(compress(deflate.GZIP, 12, data))
gz[-5] ^= 1
fails("bad crc", lambda: deflate.DeflateIO(io.BytesIO(gz), deflate.GZIP).read())
fails("bad block", lambda: deflate.DeflateIO(io.BytesIO(b"\x07\x00"), deflate.RAW).read())
fails("bad stored", lambda: deflate.DeflateIO(io.BytesIO(b"\x01\x05\x00\x00\x00abcde"), deflate.RAW).read())
fails("window", lambda: deflate.DeflateIO(io.BytesIO(compress(deflate.RAW, 12, data)), deflate.RAW, 8).read())
fails("zlib window", lambda: deflate.DeflateIO(io.BytesIO(good), deflate.ZLIB, 9).read())
fails("wbits 4", lambda: deflate.DeflateIO(io.BytesIO(), deflate.RAW, 4))
fails("wbits 16", lambda: deflate.DeflateIO(io.BytesIO(), deflate.RAW, 16))
fails("format 4", lambda: deflate.DeflateIO(io.BytesIO(), 4))
print(deflate.DeflateIO(io.BytesIO(b"\x01\x05\x00\xfa\xffabcde"), deflate.RAW).read())
# a DeflateIO stops after one gzip member, as MicroPython's (what follows
# in the stream is left to the caller); gzip's private format reads on
two = compress(deflate.GZIP, 9, b"one") + compress(deflate.GZIP, 9, b"two")
print(deflate.DeflateIO(io.BytesIO(two), deflate.GZIP).read(), deflate.DeflateIO(io.BytesIO(two)).read(),
      deflate.DeflateIO(io.BytesIO(two), deflate._GZIP_MEMBERS).read())
# blocks: text gets codes of its own (dynamic blocks, BTYPE 10), and the
# stream is smaller than the fixed codes would make it; a few bytes stay
# in one fixed block (BTYPE 01)
text = b"".join(b"%d the quick brown fox jumps over the lazy dog, said %s\n" % (i, b"abcdefgh"[i % 8:]) for i in range(3000))
raw = compress(deflate.RAW, 15, text)
print((raw[0] >> 1) & 3, (compress(deflate.RAW, 15, b"hello")[0] >> 1) & 3, len(raw) < len(text) // 16)
print(deflate.DeflateIO(io.BytesIO(raw), deflate.RAW, 15).read() == text)
