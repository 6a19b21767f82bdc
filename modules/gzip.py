# gzip as the MicroPython documentation describes it: GzipFile streams,
# open(), compress() and decompress(), all in the gzip format through the
# built-in deflate module (a 512-byte window when writing, 32 KB when
# reading, as gzip files from other compressors need). Reading takes
# every member of a multi-member file (and zero padding after them), as
# CPython's gzip does: deflate's private _GZIP_MEMBERS format.
import deflate
import io

_open = open


class GzipFile:
    def __init__(self, *, fileobj, mode):
        if mode not in ("rb", "wb", "ab"):
            raise ValueError("mode must be 'rb', 'wb' or 'ab', not %r" % (mode,))
        if mode == "rb":
            self._d = deflate.DeflateIO(fileobj, deflate._GZIP_MEMBERS)
        else:
            self._d = deflate.DeflateIO(fileobj, deflate.GZIP, 9)
        self._owned = None

    def read(self, n=-1):
        return self._d.read(n)

    def readinto(self, buf, n=-1):
        return self._d.readinto(buf) if n < 0 else self._d.readinto(buf, n)

    def write(self, data):
        return self._d.write(data)

    def close(self):
        self._d.close()
        if self._owned is not None:
            self._owned.close()
            self._owned = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open(filename, mode):
    f = _open(filename, mode)
    g = GzipFile(fileobj=f, mode=mode)
    g._owned = f
    return g


def compress(data, /):
    out = io.BytesIO()
    with deflate.DeflateIO(out, deflate.GZIP, 9) as d:
        d.write(data)
    return out.getvalue()


def decompress(data, /):
    if not data:
        return b""
    with deflate.DeflateIO(io.BytesIO(data), deflate._GZIP_MEMBERS) as d:
        return d.read()
