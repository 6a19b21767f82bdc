# needs: bigint
# Big ints whose digits take pages of their own (over 2 KiB) are computed
# into blocks that are not zeroed first: products, sums, differences and
# quotients of such numbers, with zero digits inside and at either end.
import random

random.seed(5)
h = 0
for i in range(120):
    a = random.getrandbits(random.randrange(1, 60000)) * random.choice((1, -1))
    b = random.getrandbits(random.randrange(1, 60000)) * random.choice((1, -1)) or 7
    c = random.getrandbits(random.randrange(1, 64)) + 1
    z = (a << 20000) + (1 << 40000) + 12345  # runs of zero digits
    for v in (a * b, a * c, c * a, a + b, a - b, a // b, a % b, a // c, a % c, (a * b) // b, a * 0,
              a * (1 << 30000), a * a, z * c, z * z, z + a, z - (z >> 1), z // (c << 17000), divmod(z, b)[1]):
        h = (h * 1000003 + v) % (1 << 61)
    if i % 40 == 0:
        print(i, h)
print(h)
t = 1
for k in range(1, 3000):
    t = t * (2 * k + 1)
print(t % 1000000007, t.bit_length(), (t * 10) // 3 % 1000000007)
