# needs: bigint
# int.to_bytes / int.from_bytes: byte orders, signed, overflow errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0, 1, -1, 127, 128, -128, -129, 255, 256, -256, 32767, -32768, 65535,
        2**31 - 1, -2**31, 2**32, 2**63 - 1, -2**63, 2**64 - 1, 2**64, -2**64, 2**100 + 7, -(2**100) - 3]
for v in vals:
    for n in (1, 2, 4, 8, 9, 16):
        for bo in ("big", "little"):
            for sg in (False, True):
                t(lambda: v.to_bytes(n, bo, signed=sg))
for v in vals:
    n = (v.bit_length() + 8) // 8
    for bo in ("big", "little"):
        b = v.to_bytes(n, bo, signed=True)
        print(int.from_bytes(b, bo, signed=True) == v, int.from_bytes(b, bo))
for b in (b"", b"\x00", b"\xff", b"\x80\x00", b"\x00\x80", b"\xff" * 20, b"\x01\x02\x03",
          bytearray(b"\xfe\xff"), [1, 2, 255], (0x80,)):
    for bo in ("big", "little"):
        t(lambda: (int.from_bytes(b, bo), int.from_bytes(b, bo, signed=True)))
t(lambda: (1).to_bytes(1, "middle"))
t(lambda: int.from_bytes(b"\x01", "middle"))
t(lambda: (1).to_bytes(-1, "big"))
t(lambda: (0).to_bytes(0, "big"))
t(lambda: (1).to_bytes(0, "big"))
t(lambda: int.from_bytes(iter([1, 2]), "big"))
t(lambda: int.from_bytes(5, "big"))
t(lambda: int.from_bytes(memoryview(b"\x01\x00"), "little"))
t(lambda: (1).to_bytes())
t(lambda: (258).to_bytes(2))
t(lambda: int.from_bytes(b"\x01\x02"))
t(lambda: (1).to_bytes(length=2, byteorder="little"))
t(lambda: int.from_bytes(bytes=b"\x01\x02", byteorder="little", signed=True))
t(lambda: int.from_bytes("ab", "big"))
t(lambda: int.from_bytes([256], "big"))
t(lambda: (1.5).to_bytes(1, "big"))
t(lambda: True.to_bytes(2, "big"))
t(lambda: bool.from_bytes(b"\x01", "big"))
t(lambda: (2**80).to_bytes(10, "big"))
t(lambda: (2**80).to_bytes(11, "little"))
t(lambda: (2**80).to_bytes(10, "big", signed=True))
t(lambda: (-2**79).to_bytes(10, "big", signed=True))
t(lambda: (-2**79 - 1).to_bytes(10, "big", signed=True))
