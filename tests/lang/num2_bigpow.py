# needs: bigint
# big powers and their decimal text: exact digits, checked by pieces
import sys
if hasattr(sys, "set_int_max_str_digits"):  # CPython 3.11 caps int<->str at 4300 digits
    sys.set_int_max_str_digits(0)
n = 2 ** 100000
s = str(n)
print(len(s), s[:30], s[-30:], sum(map(int, s[::997])))
print(int(s) == n, n.bit_length(), n % 1000000007)
m = 3 ** 50000 - 7 ** 20000
t = str(m)
print(len(t), t[:25], t[-25:], int(t) == m)
print(len(hex(n)), len(bin(m)), len(oct(m)), int(hex(m), 16) == m)
f = 1
for i in range(2, 3000):
    f *= i
print(len(str(f)), str(f)[:20], f % 10**9, str(f).rstrip("0")[-20:])
q, r = divmod(f, 7 ** 3000)
print(q.bit_length(), r % 1000003, q * 7 ** 3000 + r == f)
print(len(str(10 ** 20000 - 1)), str(-(10 ** 5000))[:3], (10**5000 + 1) % 10**4999)
print(pow(3, 10**5, 10**9 + 7), pow(12345, 2**200 + 1, 2**521 - 1) % 10**12)
