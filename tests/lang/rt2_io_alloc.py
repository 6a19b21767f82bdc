# io.StringIO(alloc_size) / io.BytesIO(alloc_size): MicroPython's
# preallocating constructors (CPython has no such form).
import io

s = io.StringIO(100)
print(s.write("abc"), s.getvalue())
b = io.BytesIO(8)
print(b.write(b"xy"), b.getvalue(), b.tell())
