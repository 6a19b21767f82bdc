a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(5)
print(h, mid, t)
h, *mid, t = 1, 2
print(h, mid, t)
[p, q] = "pq"
print(p, q)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
m = n = [0]
print(m is n)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__)
try:
    a, b, *c = [1]
except ValueError as e:
    print(type(e).__name__)
print([*range(3), *"ab", 9])
print((*[1, 2], 3))
print({*[1, 1], 2} == {1, 2})
print({**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}))
print(f(**{"a": 1}, b=2))
d = {}
d["x"], d["y"] = 1, 2
print(sorted(d.items()))
class O: pass
o = O()
o.a, o.b = "ab"
print(o.a, o.b)
l = [0, 0, 0]
l[0], l[2] = 5, 6
print(l)
i = 0
l2 = [10, 20]
i, l2[i] = 1, 99
print(i, l2)
