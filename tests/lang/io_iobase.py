# io.IOBase as the base of streams written in Python, and its CPython
# methods (the parts MicroPython and CPython share).
import io


class Lines(io.IOBase):
    """A readable stream over a bytes object, through read()."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readable(self):
        return True

    def read(self, n=-1):
        if n < 0:
            n = len(self.data) - self.pos
        chunk = self.data[self.pos : self.pos + n]
        self.pos += len(chunk)
        return chunk


s = Lines(b"one\ntwo\n\nthree")
print(isinstance(s, io.IOBase), s.closed, s.readable(), s.writable(), s.seekable(), s.isatty())
print(s.readline(), s.readline(2), s.readline(), s.readline())
print(s.readlines())
print(list(Lines(b"a\nb\nc")))
print(Lines(b"a\nbb\nccc\n").readlines(3))
for bad in ("fileno", "tell"):
    try:
        getattr(s, bad)()
    except io.UnsupportedOperation as e:
        print(bad, "UnsupportedOperation", e)
try:
    s.seek(0)
except io.UnsupportedOperation as e:
    print("seek UnsupportedOperation", e)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))


class Sink(io.IOBase):
    def __init__(self):
        self.parts = []
        self.flushes = 0

    def write(self, b):
        self.parts.append(bytes(b))
        return len(b)

    def flush(self):
        super().flush()
        self.flushes += 1


# close() flushes once; closed streams refuse work; the with statement closes
k = Sink()
with k as entered:
    print(entered is k)
    k.writelines([b"ab", b"cd"])
print(k.parts, k.closed, k.flushes)
k.close()
print(k.flushes)
for op in (lambda: k.flush(), lambda: k.writelines([b"x"]), lambda: iter(k), lambda: k.__enter__()):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)


# a flush that fails still leaves the stream closed, and the error comes out
class BadFlush(io.IOBase):
    def flush(self):
        raise OSError(5, "device gone")


b = BadFlush()
try:
    b.close()
except OSError as e:
    print("OSError", e.args, b.closed)
b.close()

# a subclass may keep its own idea of closed
class Always(io.IOBase):
    closed = False


a = Always()
a.close()
print(a.closed)
try:
    a.flush()  # IOBase's own state says closed
except ValueError as e:
    print("ValueError", e)

# StringIO and BytesIO are IOBases too
print(isinstance(io.StringIO(), io.IOBase), isinstance(io.BytesIO(), io.IOBase))
