# int() of bytes-like objects: their bytes are the literal (base 10), or
# with an explicit base only bytes and bytearray, as CPython.
import array
print(int(b"12"), int(bytearray(b" -7 ")), int(b"ff", 16), int(bytearray(b"101"), 2))
print(int(memoryview(b"42")), int(memoryview(b"x123")[1:]), int(array.array("b", [0x35, 0x36])))
print(int(b"0x1f", 0), int(b"1_000"))
for v in (b"1x", b"", memoryview(b"1.5"), b"\xff"):
    try:
        print(int(v))
    except ValueError as e:
        print("ValueError", e)
for v, base in ((memoryview(b"5"), 10), (array.array("b", [0x35]), 16)):
    try:
        print(int(v, base))
    except TypeError as e:
        print("TypeError", e)
