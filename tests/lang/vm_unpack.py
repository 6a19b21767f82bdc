# unpacking in assignments, loops and calls
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
x, *y = [1]
print(x, y)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
def gen():
    yield 1
    yield 2
m, n = gen()
print(m, n)
print([*range(3), *"ab"], (*[1], 2), {*[1, 1, 2]} == {1, 2}, {**{"a": 1}, "b": 2})
print(*[1, 2, 3], sep="-")
def f(*args, **kw):
    return args, kw
print(f(*(1, 2), *[3], **{"x": 1}, **{"y": 2}))
try:
    f(**{"x": 1}, x=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(**{"sep": 1}, sep=2)
except TypeError as e:
    print(type(e).__name__, e)
