# needs: bigint
# big-int arithmetic on pseudo-random operands of many sizes (checksummed)
seed = 12345
def rnd(bits):
    global seed
    r = 0
    for _ in range((bits + 29) // 30):
        seed = (seed * 1103515245 + 12345) % 2147483648
        r = (r << 30) | (seed >> 1)
    r >>= (-bits) % 30
    return r

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

M = 2**61 - 1
sizes = [1, 5, 30, 31, 32, 33, 49, 50, 51, 63, 64, 65, 100, 128, 300, 1000, 3000]
vals = []
for b in sizes:
    v = rnd(b)
    vals += [v, -v, v + 1, -(1 << b), (1 << b) - 1]
acc = 0
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a == b, a >= b]
        if b:
            r += [a // b, a % b, divmod(a, b)[0] - a // b]
            q, m = divmod(a, b)
            assert q * b + m == a and (m == 0 or (m < 0) == (b < 0)) and abs(m) < abs(b)
        for x in r:
            acc = (acc * 31 + int(x)) % M
print(acc)
for a in vals[:40]:
    for s in (0, 1, 7, 31, 32, 33, 63, 64, 65, 100, 1000):
        acc = (acc * 31 + (a << s) % M + (a >> s)) % M
        assert (a >> s) == a // (1 << s)
    acc = (acc * 31 + a.bit_length() + a.bit_count() + (~a) % M + (-a) % M + abs(a) % M) % M
print(acc)
# pow with modulus, including negative exponents (modular inverse)
for a in vals[:30]:
    for e in (0, 1, 2, 3, 65537, rnd(200)):
        for m in (1, 2, 97, 2**61 - 1, -7, rnd(150) + 3, -(rnd(90) + 2)):
            acc = (acc * 31 + pow(a, e, m)) % M
print(acc)
t(lambda: pow(3, -1, 7))
t(lambda: pow(-3, -2, 7))
t(lambda: pow(38, -1, 97 * 2**100 + 1))
t(lambda: pow(2, -1, 4))
t(lambda: pow(2, 3, 0))
t(lambda: pow(2, -1, 1))
t(lambda: pow(2.0, 3, 5))
t(lambda: pow(2, 3.0, 5))
t(lambda: pow(2, 3, 5.0))
t(lambda: pow(0, -1))
t(lambda: pow(0, -1.0))
t(lambda: pow(0.0, -1))
t(lambda: pow(2, -2))
t(lambda: pow(-2, -3))
t(lambda: 2 ** -1075)
t(lambda: 10 ** -400)
t(lambda: 2 ** 1024.0)
t(lambda: 1 << -1)
t(lambda: 1 >> -1)
t(lambda: 1 << 2**70)
t(lambda: 0 << 2**70)
t(lambda: 5 >> 2**70)
t(lambda: -5 >> 2**70)
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: divmod(2**100, 0))
t(lambda: (2**100) // 0.0)
t(lambda: 1 / 0)
t(lambda: 1 + "a")
t(lambda: ~(2**64))
t(lambda: -(2**63) // -1)
t(lambda: (-2**49) // -1)
t(lambda: (-2**30) // -1)
t(lambda: abs(-2**49))
t(lambda: -(-2**49))
t(lambda: (2**49 - 1) + 1)
t(lambda: (2**30 - 1) + 1)
t(lambda: (-2**30) - 1)
t(lambda: (2**25) * (2**25))
t(lambda: (2**15) * (2**15))
t(lambda: (-2**49) * -1)
t(lambda: (-2**30) * -1)
t(lambda: 3 ** 40)
t(lambda: (-3) ** 41)
t(lambda: int.bit_length(-2**100))
t(lambda: (0).bit_length())
t(lambda: (-1).bit_count())
t(lambda: (2**100 - 1) & -(2**64))
t(lambda: -(2**100) | 12345)
t(lambda: -(2**100) ^ -(2**70 + 3))
t(lambda: (-1) & (2**200 - 1) == 2**200 - 1)
t(lambda: int.__floor__(5))
t(lambda: (7).__round__(-1))
t(lambda: (7).numerator + (7).denominator)
t(lambda: (-7).as_integer_ratio())
t(lambda: (2**100).real == 2**100)
t(lambda: (5).imag)
t(lambda: (5).conjugate())
t(lambda: (5).is_integer())  # int has none in CPython 3.11 (3.12 added it)
for e in (66, 100):  # 2**40..2**65: MemoryError on 64-bit, OverflowError on 32-bit
    t(lambda: 1 << 2**e)
t(lambda: pow("a", "b", 1.0))
t(lambda: pow(2, "b", 3))
