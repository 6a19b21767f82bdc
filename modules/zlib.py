# zlib as the MicroPython documentation describes it: compress() and
# decompress() on top of the built-in deflate module. wbits chooses the
# format and the window: -5..-15 raw DEFLATE, 5..15 zlib, 21..31 gzip;
# decompress() also takes 0 (zlib, window from its header) and 35..47
# (zlib or gzip, whichever the header says). crc32 and adler32 as
# CPython's zlib has them (not in MicroPython's docs; CPython programs
# use them): crc32(data, value=0), adler32(data, value=1).
import deflate
import io

crc32 = deflate._crc32
adler32 = deflate._adler32


def _mode(wbits, reading):
    if -15 <= wbits <= -5:
        return deflate.RAW, -wbits
    if 5 <= wbits <= 15:
        return deflate.ZLIB, wbits
    if 21 <= wbits <= 31:
        return deflate.GZIP, wbits - 16
    if reading and wbits == 0:
        return deflate.ZLIB, 0
    if reading and 35 <= wbits <= 47:
        return deflate.AUTO, wbits - 32
    raise ValueError("invalid wbits %d" % wbits)


def compress(data, wbits=15, level=-1):
    # level: accepted for CPython's keyword; the compressor has one level
    fmt, window = _mode(wbits, False)
    out = io.BytesIO()
    with deflate.DeflateIO(out, fmt, window) as d:
        d.write(data)
    return out.getvalue()


def decompress(data, wbits=15, /):
    fmt, window = _mode(wbits, True)
    if fmt == deflate.ZLIB and window:
        window = 0  # the header gives the window; a larger wbits does not matter
    with deflate.DeflateIO(io.BytesIO(data), fmt, window) as d:
        return d.read()
