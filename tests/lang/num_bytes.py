# needs: bigint
# int.to_bytes / int.from_bytes
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(0, "big"))
print((255).to_bytes(), (65535).to_bytes(4, byteorder="little"))
print((-1).to_bytes(2, "big", signed=True), (-128).to_bytes(1, "big", signed=True), (127).to_bytes(1, "big", signed=True))
print((-32768).to_bytes(2, "little", signed=True), (2**64 - 1).to_bytes(8, "big"), (-(2**63)).to_bytes(8, "big", signed=True))
print((2**100).to_bytes(13, "big"))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"))
print(int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True), int.from_bytes(b"", "big"), int.from_bytes(b"\x01"))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"))
for n in [0, 1, -1, 127, 128, -128, -129, 2**31, -(2**31), 2**70 + 5, -(2**70) - 5]:
    for signed in (True, False):
        try:
            b = n.to_bytes(12, "little", signed=signed)
            print(n, signed, b, int.from_bytes(b, "little", signed=signed) == n)
        except OverflowError as e:
            print(n, signed, "OverflowError", e)
for args in [(256, 1, "big"), (128, 1, "big", True), (-129, 1, "big", True), (-1, 1, "big", False), (1, 1, "middle"), (1, -1, "big")]:
    try:
        if len(args) == 4:
            print(args[0].to_bytes(args[1], args[2], signed=args[3]))
        else:
            print(args[0].to_bytes(args[1], args[2]))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
