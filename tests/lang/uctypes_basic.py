# needs: bigint
# uctypes: structure descriptors over bytearrays, every layout type,
# sizeof, addressof, bytes_at, bytearray_at.
import sys
import uctypes

print(uctypes.UINT8, uctypes.INT8, uctypes.UINT16, uctypes.INT16, uctypes.UINT32, uctypes.INT32)
print(uctypes.UINT64, uctypes.INT64, uctypes.FLOAT32, uctypes.FLOAT64, uctypes.VOID)
print(uctypes.PTR, uctypes.ARRAY, uctypes.BF_POS, uctypes.BF_LEN)
print(uctypes.BFUINT8, uctypes.BFINT8, uctypes.BFUINT16, uctypes.BFINT16, uctypes.BFUINT32, uctypes.BFINT32)
print(uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN, uctypes.NATIVE)

# The ELF example of the documentation
ELF_HEADER = {
    "EI_MAG": (0x0 | uctypes.ARRAY, 4 | uctypes.UINT8),
    "EI_DATA": 0x5 | uctypes.UINT8,
    "e_machine": 0x12 | uctypes.UINT16,
}
elf = bytearray(b"\x7fELF\x02\x01\x01" + bytes(11) + b"\x3e\x00" + bytes(44))
print(uctypes.sizeof(ELF_HEADER, uctypes.LITTLE_ENDIAN))
h = uctypes.struct(uctypes.addressof(elf), ELF_HEADER, uctypes.LITTLE_ENDIAN)
print(h.EI_MAG == b"\x7fELF", h.EI_MAG != b"\x7fELF", h.EI_DATA, hex(h.e_machine), bytes(h.EI_MAG))
print(h.EI_MAG[0], h.EI_MAG[3], uctypes.sizeof(h.EI_MAG))

# every scalar type, both byte orders
ALL = {
    "u8": 0 | uctypes.UINT8,
    "i8": 1 | uctypes.INT8,
    "u16": 2 | uctypes.UINT16,
    "i16": 4 | uctypes.INT16,
    "u32": 6 | uctypes.UINT32,
    "i32": 10 | uctypes.INT32,
    "u64": 14 | uctypes.UINT64,
    "i64": 22 | uctypes.INT64,
    "f32": 30 | uctypes.FLOAT32,
    "f64": 34 | uctypes.FLOAT64,
}
for layout, code in ((uctypes.LITTLE_ENDIAN, "<"), (uctypes.BIG_ENDIAN, ">")):
    buf = bytearray(42)
    s = uctypes.struct(uctypes.addressof(buf), ALL, layout)
    s.u8, s.i8, s.u16, s.i16 = 250, -5, 65000, -300
    s.u32, s.i32 = 4000000000, -2000000000
    s.u64, s.i64 = 2**64 - 3, -(2**62)
    s.f32, s.f64 = 1.5, -2.25
    order = "little" if code == "<" else "big"
    want = b"".join(
        v.to_bytes(n, order, signed=v < 0)
        for v, n in ((250, 1), (-5, 1), (65000, 2), (-300, 2), (4000000000, 4), (-2000000000, 4), (2**64 - 3, 8), (-(2**62), 8))
    )
    floats = b"\x00\x00\xc0\x3f" + b"\x00" * 6 + b"\x02\xc0"  # 1.5 and -2.25, little-endian
    want += floats if order == "little" else floats[3::-1] + floats[:3:-1]
    print(bytes(buf) == want, s.u8, s.i8, s.u16, s.i16, s.u32, s.i32, s.u64, s.i64, s.f32, s.f64)
    s.u8 = 0x1FF  # truncated, as C does
    s.i8 = 200
    print(s.u8, s.i8, uctypes.sizeof(ALL, layout))
print(uctypes.sizeof(ALL), uctypes.sizeof(ALL, uctypes.NATIVE))  # native rounds up to 8

# bitfields: the WWDG example over a buffer
WWDG_LAYOUT = {
    "WWDG_CR": (0, {
        "WDGA": 7 << uctypes.BF_POS | 1 << uctypes.BF_LEN | uctypes.BFUINT32,
        "T": 0 << uctypes.BF_POS | 7 << uctypes.BF_LEN | uctypes.BFUINT32,
    }),
    "WWDG_CFR": (4, {
        "EWI": 9 << uctypes.BF_POS | 1 << uctypes.BF_LEN | uctypes.BFUINT32,
        "WDGTB": 7 << uctypes.BF_POS | 2 << uctypes.BF_LEN | uctypes.BFUINT32,
        "W": 0 << uctypes.BF_POS | 7 << uctypes.BF_LEN | uctypes.BFUINT32,
    }),
}
regs = bytearray(8)
w = uctypes.struct(uctypes.addressof(regs), WWDG_LAYOUT, uctypes.LITTLE_ENDIAN)
w.WWDG_CFR.WDGTB = 0b10
w.WWDG_CR.WDGA = 1
w.WWDG_CR.T = 0x7F
w.WWDG_CFR.W = 0x55
print(bytes(regs), w.WWDG_CR.T, w.WWDG_CR.WDGA, w.WWDG_CFR.WDGTB, w.WWDG_CFR.EWI, w.WWDG_CFR.W)
w.WWDG_CR.T = 0x100  # only the field's bits change
print(bytes(regs), uctypes.sizeof(WWDG_LAYOUT))
BF = {
    "lo": 0 | 0 << uctypes.BF_POS | 4 << uctypes.BF_LEN | uctypes.BFINT8,
    "hi": 0 | 4 << uctypes.BF_POS | 4 << uctypes.BF_LEN | uctypes.BFUINT8,
    "mid": 2 | 4 << uctypes.BF_POS | 8 << uctypes.BF_LEN | uctypes.BFUINT16,
    "top": 2 | 12 << uctypes.BF_POS | 4 << uctypes.BF_LEN | uctypes.BFINT16,
}
b = bytearray(b"\xf9\x00\x34\x92")
bf = uctypes.struct(uctypes.addressof(b), BF, uctypes.BIG_ENDIAN)
print(bf.lo, bf.hi, hex(bf.mid), bf.top)

# arrays of scalars and of structures, pointers, nested structures
POINT = {"x": 0 | uctypes.INT16, "y": 2 | uctypes.INT16}
SHAPE = {
    "n": 0 | uctypes.UINT8,
    "pts": (2 | uctypes.ARRAY, 3, POINT),
    "tags": (14 | uctypes.ARRAY, 2 | uctypes.UINT16),
    "origin": (18, POINT),
}
mem = bytearray(22)
sh = uctypes.struct(uctypes.addressof(mem), SHAPE, uctypes.LITTLE_ENDIAN)
sh.n = 3
for i in range(3):
    sh.pts[i].x = i * 10
    sh.pts[i].y = -i
sh.tags[0], sh.tags[1] = 0xBEEF, 7
sh.origin.x = 99
print(bytes(mem).hex(), [(sh.pts[i].x, sh.pts[i].y) for i in range(3)], sh.tags[1], sh.origin.x)
print(uctypes.sizeof(SHAPE, uctypes.LITTLE_ENDIAN), uctypes.sizeof(sh), uctypes.sizeof(sh.pts), uctypes.sizeof(sh.origin))
for bad in (lambda: sh.tags[2], lambda: sh.pts[-1], lambda: sh.pts[3]):
    try:
        bad()
    except IndexError as e:
        print("IndexError", e)

target = bytearray(b"".join(i.to_bytes(2, sys.byteorder) for i in (1, 2, 3, 4)))
words = uctypes.addressof(target)
ptr_size = 8 if sys.maxsize > 2**32 else 4
P = {
    "p": (0 | uctypes.PTR, uctypes.UINT16),
    "ps": (8 | uctypes.PTR, POINT),
    "void": (0 | uctypes.PTR, uctypes.VOID),
}
holder = bytearray(16)
holder[0:ptr_size] = words.to_bytes(ptr_size, sys.byteorder)
holder[8 : 8 + ptr_size] = (words + 4).to_bytes(ptr_size, sys.byteorder)
ps = uctypes.struct(uctypes.addressof(holder), P, uctypes.NATIVE)
print(ps.p[0], ps.p[3], ps.ps[0].x, ps.ps[0].y, ps.void[1])
ps.p[1] = 500
print([int.from_bytes(target[i : i + 2], sys.byteorder) for i in (0, 2, 4, 6)], uctypes.sizeof(P) == 8 + ptr_size)

# bytes_at copies, bytearray_at shares
data = bytearray(b"hello world")
a = uctypes.addressof(data)
snap, live = uctypes.bytes_at(a, 5), uctypes.bytearray_at(a + 6, 5)
data[0:5] = b"HELLO"
live[0] = ord("W")
print(snap, bytes(live), data)
try:
    live.append(1)
except ValueError as e:
    print("ValueError", e)
print(uctypes.bytes_at(a, 0))

# errors
for bad in (lambda: uctypes.sizeof(1), lambda: uctypes.sizeof("x"), lambda: uctypes.addressof(1),
            lambda: uctypes.struct(0, 5), lambda: setattr(sh, "pts", 1), lambda: sh.tags.x):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(str(sh)[:14], str(sh.pts)[:13], str(ps.p)[:11])
