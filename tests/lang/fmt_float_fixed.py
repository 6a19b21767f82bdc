# needs: float
# Fixed-point float formatting ('f', '%', "%.Nf") is exact: the binary value
# rounded half to even, for values and precisions on both sides of the
# range the integer fast path covers (x * 10**prec below 2**64).
import struct

edges = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 0.625, 1e-320, 5e-324, 1e18, 1.7e19, 1.8e19, 1.85e19,
         9.999999e18, 123456789.987654321, 0.1, 0.7, 1 / 3, 2 / 3, 1e-5, 5e-7, 4.35, 2.675, 1.005, 999.9995,
         0.0005, 0.00049999999999999, 1e22, 1e300, -1e-300, 2.0 ** 63, 2.0 ** 64, 2.0 ** 52 + 0.5, 0.05, 0.15]
for v in edges:
    print(format(v, ".0f"), format(v, ".1f"), format(v, ".2f"), format(v, ".3f")[:40], format(v, ".19f")[:60],
          format(v, ".20f")[:60], format(v, "#.0f")[:40], "%+.4f" % v, format(v, ".1%")[:40])
print(format(float("nan"), ".2f"), format(float("inf"), ".2f"), format(float("-inf"), "#.0f"), "%.3f" % -0.0)


class Lcg:
    def __init__(self, s):
        self.s = s

    def bits(self, n):
        out = 0
        for _ in range((n + 31) // 32):
            self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2 ** 64
            out = (out << 32) | (self.s >> 32)
        return out & ((1 << n) - 1)


r = Lcg(7)
total = 0
count = 0
for i in range(3000):
    k = i % 4
    if k == 0:
        v = struct.unpack("<d", struct.pack("<Q", r.bits(64)))[0]
    elif k == 1:
        v = (r.bits(40) - 2 ** 39) / 8.0 / 10 ** (r.bits(8) % 8)
    elif k == 2:
        v = r.bits(53) / 2 ** 53 * 10.0 ** (r.bits(8) % 45 - 25)
    else:
        v = (r.bits(30) + 0.5) / 10 ** (r.bits(4) % 7)
    if v != v or v in (float("inf"), float("-inf")):
        continue
    for p in (0, 1, 2, 3, 6, 12, 17, 19, 20):
        s = format(v, ".%df" % p)
        count += 1
        for j, c in enumerate(s[-30:]):
            total = (total * 31 + ord(c) * (j + 1)) % 1000000007
print(count, total)
