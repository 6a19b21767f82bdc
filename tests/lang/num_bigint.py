# needs: bigint
# big int arithmetic and printing (within CPython's 4300-digit str limit)
f = 1
for i in range(1, 301):
    f *= i
print(f)
print(len(str(f)), f % 1000003, f // 10**600)
print(2**1000)
print(-(3**500))
print(str(7**1500)[:30], str(7**1500)[-30:], len(str(7**1500)))
x = 2**4000 - 1
print(x.bit_length(), (x + 1).bit_length(), (-x).bit_length())
print(hex(x)[:10], len(hex(x)), oct(2**300), bin(2**70 - 1))
a = 12345678901234567890123456789012345678901234567890
b = 98765432109876543210
print(a * b, a // b, a % b, divmod(-a, b), divmod(a, -b))
print(a * a * a // a // a == a, (a * b + 5) % b)
print(int(str(3**2000)) == 3**2000, int(hex(3**900), 16) == 3**900)
print(abs(-a), -a, +a, a == a + 0, a != a + 1, a > b, -a < -b)
n = 1
for i in range(200):
    n = n * 3 + i
print(n)
print(sum(2**i for i in range(300)) == 2**300 - 1)
big = 10**50
print([big // d for d in (3, 7, -11, 10**25, -(10**49))])
print([big % d for d in (3, 7, -11, 10**25, -(10**49) - 3)])
print(int("9" * 1000) + 1 == 10**1000)
