# needs: float
# Assorted syntax: slices, chained comparisons, conditionals, del,
# global/nonlocal, semicolons, continuation lines, annotations.
a = list(range(10))
print(a[2:5], a[::2], a[::-1], a[1:8:3], a[:], a[-3:], a[:-7])
class S:
    def __getitem__(self, k):
        return k
s = S()
print(s[1:2], s[1:2, 3], s[::], s[:, 1], s[...], s[1, 2], s[(1, 2)])
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 != 6, 1 < 2 < 3 < 4 <= 4)
print(x is not None, x not in [1, 2], x in (5,), not x == 5)
print('yes' if x else 'no', 'a' if x > 9 else 'b' if x > 4 else 'c')
y = 1; z = 2; print(y + z);
total = 1 + \
    2 + \
    3
print(total)
lst = [1,
       2,  # a comment inside brackets
       3]
print(lst)
d = {
    'a': 1,
    'b': 2,
}
print(d)
del d['a'], lst[0]
print(d, lst)
del (y), [z]
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 10
    inner()
    return n
print(outer())
v: int = 3
w: 'str'
print(v, 'w' in dir())
def ann(a: int, b: str = 'x', *c: int, d: float = 1.0, **e: dict) -> None:
    return a
print(ann(1))
print(-2 ** 2, (-2) ** 2, 2 ** -1, ~5, +-3, not 0, 2 ** 3 ** 2)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 1 << 4, 256 >> 2, 6 & 3, 6 | 3, 6 ^ 3)
print(True and 'x', False or 'y', None or 0 or [] or 'z', 1 and 2 and 3)
n = 10
n += 1; n -= 2; n *= 3; n //= 2; n %= 7; n **= 2; n <<= 1; n >>= 1; n |= 8; n &= 12; n ^= 5
print(n)
if x:
    pass
elif y:
    pass
else:
    pass
while False:
    pass
else:
    print('while-else')
for i in []:
    pass
else:
    print('for-else')
try:
    raise ValueError('v')
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    pass
finally:
    print('finally')
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        return self.n
    def __exit__(self, *a):
        print('exit', self.n)
with CM(1) as c1, CM(2) as c2:
    print(c1, c2)
with (CM(3) as c3, CM(4)):
    print(c3)
with (CM(5)):
    pass
print(...)
print(Ellipsis is ...)
