# needs: bigint
# struct: every format character in every byte order, round trips and
# known byte strings.
import struct

print(struct.pack("<bBhHiIlLqQ", -1, 255, -2, 65535, -3, 4294967295, -4, 4294967295, -5, 2 ** 64 - 1))
print(struct.pack(">bBhHiIlLqQ", -1, 255, -2, 65535, -3, 4294967295, -4, 4294967295, -5, 2 ** 64 - 1))
print(struct.pack("!hIq", 0x1234, 0x89ABCDEF, -0x123456789ABCDEF))
print(struct.pack("=hiq", 0x1234, 0x789ABCDE, 0x0123456789ABCDEF))
print(struct.pack("<q", -2 ** 63), struct.pack(">Q", 2 ** 63), struct.pack("<i", -2 ** 31))

for order in "<>!=":
    fmt = order + "xcbB?hHiIlLqQefd5s5p"
    vals = (b"Z", -128, 255, True, -32768, 65535, -2 ** 31, 2 ** 32 - 1, 2 ** 31 - 1, 0, 2 ** 63 - 1,
            2 ** 64 - 1, 1.5, -0.25, 1e300, b"hello", b"hi")
    data = struct.pack(fmt, *vals)
    print(order, struct.calcsize(fmt), len(data), data)
    print(struct.unpack(fmt, data) == vals, struct.unpack(fmt, data))

# strings: s pads or cuts; p is a Pascal string (a length byte first)
print(struct.pack("3s", b"a"), struct.pack("3s", b"abcdef"), struct.pack("0s", b"abc"), struct.pack("s", b""))
print(struct.pack("5p", b"ab"), struct.pack("3p", b"abcdef"), struct.pack("p", b"abc"), struct.pack("3s", bytearray(b"xy")))
print(struct.unpack("3s", b"a\x00\x00"), struct.unpack("5p", b"\x02abzz"), struct.unpack("3p", b"\x09abc"[:3]))
print(struct.pack("300p", b"x" * 300)[:3], len(struct.pack("300p", b"x" * 300)), struct.unpack("300p", struct.pack("300p", b"x" * 300))[0] == b"x" * 255)
print(struct.pack("4x"), struct.pack("<h2xh", 1, 2), struct.unpack("<h2xh", b"\x01\x00\xff\xff\x02\x00"))
print(struct.pack("?????", 0, 1, [], [0], "x"), struct.unpack("???", b"\x00\x01\x7f"))
print(struct.pack("3c", b"a", b"b", b"c"), struct.unpack("2c", b"\x00\xff"))
print(struct.pack("<3h", 1, 2, 3), struct.unpack(">3H", b"\x00\x01\x00\x02\xff\xff"))

# half floats (IEEE 754 binary16): known bit patterns
for x in [0.0, -0.0, 1.0, -2.0, 0.5, 65504.0, 65519.99, 2.0 ** -14, 2.0 ** -24, 2.0 ** -25, 3 * 2.0 ** -26,
          0.1, 1.0 / 3, 1.0009765625, 1.00048828125, 1.00146484375, float("inf"), -float("inf")]:
    b = struct.pack(">e", x)
    print(x, b, struct.unpack(">e", b)[0], struct.unpack("<e", struct.pack("<e", x))[0])
print(struct.pack("<e", float("nan")), struct.unpack("<e", b"\x00\x7e"), struct.unpack("<e", b"\x01\x7c"))
print(struct.pack("<f", 3.4028234663852886e38), struct.pack(">f", 1e-45), struct.pack("<f", 0.1), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.pack(">d", 0.1), struct.pack("<d", -0.0), struct.unpack(">d", b"\x7f\xf0" + bytes(6)), struct.pack("<f", float("inf")))

# ints from objects with __index__, floats from ints and objects with __float__
class Idx:
    def __index__(self):
        return 300

class Flt:
    def __float__(self):
        return 2.5

print(struct.pack("<H", Idx()), struct.pack("<d", 3), struct.pack("<f", Flt()), struct.pack("<e", True), struct.pack("<I", True))

# formats as bytes, whitespace between items, counts of zero
print(struct.pack(b"<i", 7), struct.calcsize("i i"), struct.calcsize("< 2h  i"), struct.calcsize("0i"), struct.pack("<0ih", 5))
print(struct.calcsize(""), struct.pack(""), struct.unpack("", b""), struct.calcsize("<"))
