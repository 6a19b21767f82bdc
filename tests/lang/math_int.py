# needs: bigint
# math's integer functions on small and big ints: factorial, comb, perm,
# gcd, lcm, isqrt, and floor/ceil/trunc of ints and other number types.
import math

print([math.factorial(n) for n in range(0, 26)])
for n in [100, 1000, 5000]:
    f = math.factorial(n)
    print(n, f.bit_length(), f % (10 ** 30 + 57), f // math.factorial(n - 1) == n)
print(math.factorial(True), math.factorial(False))

rows = []
for n in range(0, 40):
    rows.append([math.comb(n, k) for k in range(0, n + 2)])
print(rows[10], rows[39][17:22], sum(rows[39]) == 2 ** 39)
print([math.perm(12, k) for k in range(0, 14)], math.perm(7), math.perm(7, None))
big = 10 ** 40 + 7
print(math.comb(big, 3), math.perm(big, 3), math.comb(big, big - 2), math.comb(big, big + 1))
print(math.comb(1000, 500) % (10 ** 40), math.perm(300, 150) % (10 ** 40), math.comb(2 ** 70, 2))
print(math.comb(63, 31), math.comb(62, 31), math.comb(64, 32), math.comb(100, 50))

print(math.gcd(), math.gcd(0), math.gcd(-7), math.gcd(12, 18), math.gcd(-12, 18, 27), math.gcd(0, -5))
print(math.gcd(2 ** 100, 6 ** 60), math.gcd(10 ** 30 + 1, 10 ** 20 + 1), math.gcd(3 * 10 ** 40, 9 * 10 ** 35))
print(math.lcm(), math.lcm(-6), math.lcm(4, 6, 10), math.lcm(-3, 0), math.lcm(0, 0))
print(math.lcm(2 ** 64, 3 ** 40), math.lcm(10 ** 20, 10 ** 21 + 1), math.gcd(True, 4))

for v in [0, 1, 2, 3, 4, 8, 9, 15, 16, 17, 2 ** 52 - 1, 2 ** 52, 2 ** 53 + 1, 2 ** 62, 2 ** 63 - 1,
          2 ** 64 - 1, 2 ** 64, 2 ** 64 + 1, 10 ** 40, 10 ** 41, 3 ** 300, 2 ** 1000 - 1,
          (10 ** 50) ** 2, (10 ** 50) ** 2 - 1, (2 ** 32 - 1) ** 2, (2 ** 32 - 1) ** 2 - 1]:
    r = math.isqrt(v)
    print(r, r * r <= v < (r + 1) * (r + 1))

for x in [5, -5, 2 ** 80, -(2 ** 80), True]:
    print(math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)

class Num:
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __trunc__(self):
        return "trunc"

class Flt:
    def __float__(self):
        return 2.5

class Idx:
    def __index__(self):
        return 7

class MyInt(int):
    pass

class MyFloat(float):
    pass

print(math.floor(Num()), math.ceil(Num()), math.trunc(Num()))
print(math.floor(Flt()), math.ceil(Flt()), math.sqrt(Flt()), math.sqrt(Idx()))
print(math.floor(MyFloat(2.5)), math.ceil(MyInt(3)), math.factorial(Idx()), math.gcd(Idx(), 21))
print(math.isqrt(Idx()), math.comb(Idx(), 2), math.perm(MyInt(5), Idx()))

for f, args in [(math.factorial, (-1,)), (math.factorial, (1.0,)), (math.factorial, (10 ** 30,)),
                (math.factorial, ("5",)), (math.comb, (-1, 2)), (math.comb, (5, -2)),
                (math.comb, (1.0, 2)), (math.comb, (10 ** 30, 10 ** 20)), (math.perm, (-1, 2)),
                (math.perm, (5, -1)), (math.perm, (10 ** 30, 10 ** 20)), (math.isqrt, (-1,)),
                (math.isqrt, (1.5,)), (math.isqrt, (-(10 ** 40),)), (math.gcd, (1.0,)),
                (math.gcd, (2 ** 70, "a")), (math.lcm, (1.5,))]:
    try:
        print(f.__name__, args, f(*args))
    except (ValueError, OverflowError, TypeError) as e:
        print(f.__name__, args, type(e).__name__, e)
try:
    math.trunc(Flt())
except TypeError as e:
    print("TypeError", e)
