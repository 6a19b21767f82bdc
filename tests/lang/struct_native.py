# needs: bigint
# struct's native mode ('@', the default): sizes and alignments as the C
# compiler lays out a struct, the same as CPython on this machine. The
# expected layouts are those of the x86-64 (LP64) and i386 (ILP32, where
# long long and double members are 4-aligned) System V ABIs; the 32-bit
# build of the test suite checks the second.
import struct
import sys

LP64 = {"c": (1, 1), "b": (1, 1), "B": (1, 1), "?": (1, 1), "h": (2, 2), "H": (2, 2), "e": (2, 2),
        "i": (4, 4), "I": (4, 4), "l": (8, 8), "L": (8, 8), "q": (8, 8), "Q": (8, 8), "n": (8, 8),
        "N": (8, 8), "f": (4, 4), "d": (8, 8), "P": (8, 8), "s": (1, 1), "p": (1, 1), "x": (1, 1)}
ILP32 = dict(LP64, l=(4, 4), L=(4, 4), q=(8, 4), Q=(8, 4), n=(4, 4), N=(4, 4), d=(8, 4), P=(4, 4))
expected = LP64 if sys.maxsize > 2 ** 32 else ILP32

for code in "cbB?hHeiIlLqQnNfdPspx":
    size, align = expected[code]
    print(code, struct.calcsize(code) == size, struct.calcsize("c" + code) == align + size,
          struct.calcsize(code + "c") == size + 1, struct.calcsize("c0" + code) == align,
          struct.calcsize("@" + code) == struct.calcsize(code))

def layout(fmt):
    # offset of each item, from the expected table
    off = 0
    for code in fmt:
        size, align = expected[code]
        off = (off + align - 1) // align * align + size
    return off

for fmt in ["bhilqd", "dcP", "cid", "hcq", "cPc", "bq", "ce", "?d?"]:
    print(fmt, struct.calcsize(fmt) == layout(fmt))

# values through the native types, within every target's range
vals = (-5, 200, 30000, 2 ** 31 - 1, -2 ** 31, -123456, 2 ** 62, 2 ** 64 - 1, 12345, 1.5, 2.25, True)
fmt = "bHhiilqQnfd?"
data = struct.pack(fmt, *vals)
print(len(data) == struct.calcsize(fmt), struct.unpack(fmt, data) == vals)
print(struct.unpack("P", struct.pack("P", 4096)), struct.unpack("N", struct.pack("N", 77)))
print(struct.pack("=i", 1) == struct.pack("<i" if sys.byteorder == "little" else ">i", 1))
print(struct.pack("@h", 1) == struct.pack("=h", 1), struct.calcsize("=bhilqd"), struct.calcsize("=l"))
