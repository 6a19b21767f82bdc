# io.BufferedWriter: small writes wait in the buffer, raw gets them on a
# full buffer, flush() or close().
import io

raw = io.BytesIO()
w = io.BufferedWriter(raw, 8)
print(w.write(b"abc"), raw.getvalue(), w.raw is raw, w.writable(), w.closed)
print(w.write(bytearray(b"de")), w.write(memoryview(b"f")), raw.getvalue())
w.flush()
print(raw.getvalue())
w.write(b"0123456789" * 3)
print(len(raw.getvalue()) >= 3 + 30 - 8)  # at most one buffer held back
w.flush()
print(raw.getvalue())
try:
    w.write("text")
except TypeError:
    print("TypeError")

# with and close(): flushed, then raw closed too
raw2 = io.BytesIO()
with io.BufferedWriter(raw2, 4) as w2:
    w2.write(b"xy")
    print(w2.closed)
print(w2.closed, raw2.closed)
for op in (lambda: w2.write(b"z"), lambda: w2.flush()):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
w2.close()


# raw may accept less than it is given: the rest is offered again
class Trickle(io.RawIOBase if hasattr(io, "RawIOBase") else io.IOBase):
    def __init__(self):
        self.got = []

    def writable(self):
        return True

    def write(self, b):
        self.got.append(bytes(b[:3]))
        return min(3, len(b))


t = Trickle()
w3 = io.BufferedWriter(t, 16)
w3.write(b"hello world")
w3.flush()
print(b"".join(t.got))
print(isinstance(w3, io.IOBase))
for bad in (0, -1):
    try:
        io.BufferedWriter(io.BytesIO(), bad)
    except ValueError as e:
        print("ValueError", e)

# big writes through a small buffer arrive whole and in order
raw4 = io.BytesIO()
w4 = io.BufferedWriter(raw4, 7)
data = bytes(range(256)) * 40
for i in range(0, len(data), 13):
    w4.write(data[i : i + 13])
w4.flush()
print(raw4.getvalue() == data)
