# needs: bigint
# struct: bad formats, values out of range and of the wrong type, with
# CPython's exceptions and messages (struct_valueerror.py: struct.error
# is also a ValueError here).
import struct

print(issubclass(struct.error, Exception), struct.error.__name__)

def attempt(f, *args):
    try:
        print(f(*args))
    except (struct.error, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

for fmt in ["y", "3", "<n", "<P", "=N", ">P", "i i", "3 i", "99999999999999999999x", "9999999999999999999x",
            "\x00", "<2", "@@i", "i<"]:
    attempt(struct.calcsize, fmt)
attempt(struct.pack, 1, 1)
attempt(struct.calcsize, None)

for order in "@=<>!":
    for c in "bBhHiIlLqQnNP":
        row = []
        for v in [-1, 2 ** 7, 2 ** 8, 2 ** 15, 2 ** 16, 2 ** 31, 2 ** 32, -2 ** 31 - 1, 2 ** 40, 2 ** 63, 2 ** 64, -2 ** 63 - 1]:
            if order == "@" and c in "lLnNP" and 2 ** 31 <= abs(v) < 2 ** 64:
                continue  # the native long and pointer differ between 32- and 64-bit builds
            try:
                struct.pack(order + c, v)
                row.append("ok")
            except struct.error as e:
                row.append(str(e))
        print(order + c, row)

for fmt, v in [("b", 1.5), ("i", "x"), ("Q", None), ("<f", "a"), ("d", None), ("e", [1]), ("c", b"ab"),
               ("c", "a"), ("c", bytearray(b"a")), ("s", "a"), ("p", 1), ("<e", 1e10), ("<e", 65520.0),
               ("<f", 1e40), ("<f", 3.4028236e38), (">f", -1e39)]:
    attempt(struct.pack, fmt, v)
attempt(struct.pack, "ii", 1)
attempt(struct.pack, "i", 1, 2)
attempt(struct.pack, "x", 1)
attempt(struct.pack, "3s2p")

