# Unpacking corner cases: partial assignment on failure, iterator consumption, swap, nested targets.
class RO:
    def __setattr__(self, n, v):
        raise AttributeError('read-only ' + n)
r = RO()
a = c = None
try:
    a, r.x, c = 1, 2, 3
except AttributeError as e:
    print(e, a, c)
def gen():
    yield 1
    yield 2
    raise ValueError('mid-unpack')
try:
    p, q, s = gen()
except ValueError as e:
    print(e)
class Count:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 5: raise StopIteration
        return self.n
cc = Count()
try:
    x, y = cc
except ValueError as e:
    print('ValueError', e, cc.n)
x, *y = Count()
print(x, y)
print([(a, b) for a, *b in ['abc', 'd']], {k: v for (k, v), _ in [((1, 2), 0)]})
for [a, [b, *c]] in [[1, [2, 3, 4]]]:
    print(a, b, c)
d = {}
(d['a'], d['b']), d['c'] = 'xy', 'z'
print(sorted(d.items()))
l = [0] * 5
l[0], l[1:3], l[-1] = 'a', ['b', 'c', 'extra'], 'e'
print(l)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(lst)
a = [1, 2, 3]
a[0], a[2] = a[2], a[0]
print(a)
x = y = z = []
x.append(1)
print(y, z is x)
s1, s2 = 'ab'
b1, b2 = b'xy'
print(s1, s2, b1, b2)
(k1, v1), = {'key': 'val'}.items()
print(k1, v1)
