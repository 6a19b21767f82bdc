# Star-unpacking in displays, calls and assignment targets.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b} == {1, 2, 3, 4})
print([*a], (*a,), [*a, 0, *b, 5])
d1 = {'x': 1}
d2 = {'y': 2, 'x': 0}
print({**d1, **d2}, {**d2, 'z': 3, **d1})
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*a, *b), f(0, *a, 9, *b))
print(f(**d1, y=5), f(*a, k=1, **{'m': 2}))
print(f(*'ab', *range(2)))
x, *y = 1, 2, 3
print(x, y)
*x, y = [1, 2, 3]
print(x, y)
x, *y, z = 'abcde'
print(x, y, z)
[x, *y] = (9,)
print(x, y)
(x, y), *z = (1, 2), 3, 4
print(x, y, z)
for i, *rest in [(1, 2, 3), (4,)]:
    print(i, rest)
t = *a, *b
print(t)
t = 1,
print(t)
t = *a,
print(t)
x = y = z = 7
print(x, y, z)
a, b = b, a
print(a, b)
[p, q] = [r, s] = 'xy'
print(p, q, r, s)
a = [0, 1, 2, 3]
a[0], a[1:3] = 'A', ['B', 'C']
print(a)
def g():
    return 1, *[2, 3]
print(g())
print(*[1, 2], *(3,), sep='-')
