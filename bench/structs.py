# struct: packing and unpacking records (the module functions with a
# literal format, a Struct, pack_into/unpack_from over one buffer, and
# iter_unpack over a packed table).
import struct


def records(n):
    rec = struct.Struct("<IhHdq4s")
    total = 0
    for i in range(n):
        b = struct.pack("<IhHdq4s", i, -i % 30000, i & 0xFFFF, i * 0.5, -i, b"abcd")
        t = struct.unpack("<IhHdq4s", b)
        total += t[0] + t[1] + t[2]
        c = rec.pack(i, 1, 2, 0.25, i, b"wxyz")
        total += rec.unpack(c)[4]
    return total


def table(rounds):
    total = 0
    buf = bytearray(12 * 1000)
    for r in range(rounds):
        for k in range(1000):
            struct.pack_into(">iif", buf, 12 * k, k, -k, k * 0.125)
        for k in range(1000):
            a, b, f = struct.unpack_from(">iif", buf, 12 * k)
            total += a + b
    for r in range(rounds):
        for a, b, f in struct.iter_unpack(">iif", buf):
            total += a - b
    return total


print(records(300000), table(100))
