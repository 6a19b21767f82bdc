# needs: float
# Operator precedence and associativity, checked against CPython.
print(-2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -2, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-3 ** 2 * 2, ~2 ** 2, +-+-1, - - 1, ~~5, -~5, ~-5)
print(2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3, 10 - (4 - 3), 2 * 3 % 4, 2 * (3 % 4))
print(100 // 7 * 3, 100 // (7 * 3), 17 % 5 * 2, -7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(1 + 2 << 3, 1 + (2 << 3), 1 << 2 + 3, 256 >> 2 >> 1, 1 << 2 << 3)
print(6 & 3 | 8, 6 & (3 | 8), 1 | 2 ^ 3, (1 | 2) ^ 3, 5 ^ 3 & 1, (5 ^ 3) & 1)
print(1 | 2 == 3, (1 | 2) == 3, 1 & 2 < 3, 4 ^ 1 != 5, 8 >> 1 == 4)
p, q = 1, 1.0
print(not 1 == 2, not (1 == 2), not 1 < 2 < 3, not 0 in [0], not p is None)
print(True and False or True, True and (False or True), not True or True, not (True or True))
print(0 or 0 and 1, (0 or 0) and 1, 1 or 0 and 0, 1 and 2 and 3, 0 or '' or None)
print(1 if 0 else 2 if 0 else 3, (1 if 0 else 2) if 1 else 3)
print([1, 2] + [3] * 2, 'ab' * 2 + 'c', -'ab'.count('a'))
print(2 * -3, 2 ** -2, 2 - -2, 2 + +2, 2 * ~1, 3 - ~-3)
f = lambda x: x + 1 if x else -1
print(f(1), f(0))
g = lambda: 1 or 2
print(g())
print(3 > 2 == True, (3 > 2) == True, 1 < 2 != 2, 1 == 1 in [1], 1 in [1] == True)
t = True
l1 = [1]
print(p < p + 1 is t, 'a' in 'abc' in ['abc'], 2 not in l1 is not None)
class A:
    x = [1, 2, 3]
a = A()
print(-a.x[1] ** 2, a.x[1:][0] * 2, not a.x, -len(a.x) ** 2)
print(2 ** 2 ** -1, 4 ** .5, (-8) ** 2 // 3, -8 // 3 ** 2)
print(1 + 2 * 3 ** 2 // 4 % 5 - 6 << 1 & 0xff | 0x100 ^ 1)
print(5 > 3 and 2 > 1 or 1 / 1, 0 and 1 / 0, 1 or 1 / 0)
x = 5
print(x if x > 3 else -x, (x := 7) + x, x)
print(*[1, 2] * 2, *'ab')
print((1, 2) < (1, 3) == True, [] or [0], {} and 1)
print(2.0 ** -1, -2.0 ** 2, 10 / 4 * 2, 10 / (4 * 2), 1e1 // 3, -1e1 % 3)
print(0 == 0.0 == False, p is not q, p == q)
print(True + True * 3, True << 3, -True, ~False)
