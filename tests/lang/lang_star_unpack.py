# Star-unpacking in calls and displays; nested and starred assignment targets.
def f(*a, **k):
    return a, sorted(k.items())
l = [1, 2]
t = (3,)
d = {'x': 1}
e = {'y': 2}
print(f(*l, *t, 0, *'ab'))
print(f(**d, **e, z=3))
print(f(0, *l, k=1, **d))
print(f(*range(3), *[], **{}))
try:
    f(**d, **{'x': 2})
except TypeError as ex:
    print('TypeError', ex)
try:
    f(**{1: 2})
except TypeError as ex:
    print('TypeError', ex)
try:
    f(*5)
except TypeError as ex:
    print('TypeError')
print([*l, *t, *'cd'], (*l,), (*l, *t), [*()])
print(sorted({*l, *t, 1}), {**d, **e, 'x': 9}, {'x': 0, **d}, {**{}})
print(*l, *t, sep=',')
a, *b = 1, 2, 3
print(a, b)
*a, b = 'xyz'
print(a, b)
a, *b, c = range(2)
print(a, b, c)
(a, b), [c, *d2] = (1, 2), (3, 4, 5)
print(a, b, c, d2)
[a, [b, [c, *rest]]] = [1, [2, [3]]]
print(a, b, c, rest)
a, (b, *c), *d3 = 1, 'xyz', 7, 8
print(a, b, c, d3)
*x, = [1, 2]
print(x)
class O:
    pass
o = O()
lst = [0, 0, 0]
o.p, lst[0], *lst[1:] = 1, 2, 3, 4, 5
print(o.p, lst)
for i, (j, *k) in enumerate([(1, 2), (3,)]):
    print(i, j, k)
try:
    a, b = 1, 2, 3
except ValueError as ex:
    print('ValueError', ex)
try:
    a, b, c = 1, 2
except ValueError as ex:
    print('ValueError', ex)
try:
    a, *b, c = [1]
except ValueError as ex:
    print('ValueError', ex)
try:
    a, b = 5
except TypeError as ex:
    print('TypeError', ex)
def g():
    yield 1
    yield 2
a, b = g()
print(a, b)
first, *_ = iter(range(100))
print(first, len(_))
print([[*r] for r in ({1: 2}.keys(), 'hi')])
def kwonly(*, a, b=2):
    return a + b
print(kwonly(**{'a': 1}), kwonly(b=5, **{'a': 1}))
def pos(a, b, /, c):
    return a, b, c
print(pos(*[1, 2], **{'c': 3}))
args = (1, 2)
print(max(*args), min(*args, 0), print(*[], end=''))
