# needs: bigint
# struct.pack_into and unpack_from with offsets (negative ones count from
# the end), iter_unpack, and the Struct type.
import array
import struct

buf = bytearray(16)
struct.pack_into("<hi", buf, 2, -2, 0x01020304)
print(buf)
struct.pack_into(">H", buf, -2, 0xABCD)
print(buf)
struct.pack_into("<I", buf, -16, 0xFFFFFFFF)
print(buf, struct.pack_into("B", buf, 15, 7), buf[15])
print(struct.unpack_from("<hi", buf, 2), struct.unpack_from(">H", buf, -2), struct.unpack_from("<I", buf))
print(struct.unpack_from("<I", buf, offset=-16), struct.unpack_from("<b", buffer=buf, offset=-1))
print(struct.unpack_from("4s", b"abcdefgh", 4), struct.unpack_from("4s", memoryview(b"abcdefgh"), -4))
print(struct.unpack_from("<h", b"\x01\x02\x03", True), struct.unpack_from("0s", b"", 0), struct.unpack_from("", b"ab", 2))

a = array.array("b", [0] * 8)
struct.pack_into("<h", a, 1, -2)
print(a, struct.unpack_from("<h", a, 1))
m = memoryview(bytearray(6))
struct.pack_into(">hh", m, 2, 1, -1)
print(bytes(m))

print(list(struct.iter_unpack("<hb", b"\x01\x00\x02\x03\x00\x04")), list(struct.iter_unpack("b", b"")))
it = struct.iter_unpack(">H", bytes(range(6)))
print(next(it), next(it), list(it), list(it))

s = struct.Struct("<hxI")
print(s.size, s.format, s.pack(-1, 7), s.unpack(b"\xff\xff\x00\x07\x00\x00\x00"))
print(s.unpack_from(b"..\xff\xff\x00\x07\x00\x00\x00", 2), s.unpack_from(b"\xff\xff\x00\x07\x00\x00\x00", offset=0))
b2 = bytearray(9)
s.pack_into(b2, 1, 5, 6)
print(b2, list(s.iter_unpack(bytes(14))))
sb = struct.Struct(b">q")
print(sb.format, sb.size, sb.pack(-1), struct.Struct(format="b").size)

class MyStruct(struct.Struct):
    def total(self, data):
        return sum(self.unpack(data))

ms = MyStruct("3B")
print(ms.total(b"\x01\x02\x03"), ms.size, isinstance(ms, struct.Struct))

for f, args in [(struct.unpack_from, ("i", b"abcdef", 3)), (struct.unpack_from, ("i", b"abcdef", -7)),
                (struct.unpack_from, ("i", b"abcdef", -3)), (struct.unpack_from, ("i", b"abcdef", 10)),
                (struct.pack_into, ("i", bytearray(6), 3, 1)), (struct.pack_into, ("i", bytearray(6), -7, 1)),
                (struct.pack_into, ("i", bytearray(6), -3, 1)), (struct.pack_into, ("i", bytearray(6), 10, 1)),
                (struct.pack_into, ("i", b"abcdef", 0, 1)), (struct.pack_into, ("i", bytearray(6), 1.0, 1)),
                (struct.pack_into, ("i", bytearray(6), 0)), (struct.pack_into, ("ii", bytearray(8), 0, 1)),
                (struct.unpack_from, ("<h", b"abcdef", 2 ** 70)), (struct.iter_unpack, ("i", b"abcdef")),
                (struct.iter_unpack, ("0i", b"")), (struct.unpack, ("i", b"abc")), (struct.unpack, ("i", "abcd")),
                (s.unpack, (b"",)), (s.pack, (1,)), (s.pack_into, (bytearray(3), 0, 1, 2))]:
    try:
        print(f(*args))
    except (struct.error, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
