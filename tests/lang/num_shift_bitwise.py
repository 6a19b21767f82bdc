# needs: bigint
# shifts and bitwise operators with two's complement semantics
vals = [0, 1, -1, 5, -5, 255, -256, 2**40 + 3, -(2**40) - 3, 2**70 + 2**35 + 1, -(2**70) - 12345]
for a in vals:
    for b in vals:
        print(a & b, a | b, a ^ b)
    print(~a, a << 3, a >> 3, a << 70, a >> 70, a >> 1, a << 0)
print(1 << 100, -1 << 100, (1 << 100) >> 99, (-(1 << 100)) >> 99, -1 >> 1000, 5 >> 10**30)
print(-7 >> 1, -8 >> 1, -9 >> 2, 7 >> 1, (-(2**80) + 1) >> 40)
for e in ["1 << -1", "1 >> -1", "(2**70) << -1"]:
    try:
        print(eval(e))
    except ValueError as ex:
        print("ValueError", ex)
x = 0xF0
x &= 0x3C
x |= 1
x ^= 0xFF
x <<= 2
x >>= 1
print(x)
print(True & True, True | False, True ^ True, type(True & True).__name__, True & 3, type(True | 2).__name__)
