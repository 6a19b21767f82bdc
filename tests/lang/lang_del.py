# del of every target kind: names, attributes, subscripts, slices, nested tuples/lists.
x = 1
del x
try:
    x
except NameError as e:
    print('NameError', e)
class O:
    pass
o = O()
o.a = 1
o.b = 2
del o.a
print(hasattr(o, 'a'), o.b)
try:
    del o.a
except AttributeError:
    print('AttributeError')
l = list(range(10))
del l[0]
del l[-1]
print(l)
del l[1:3]
print(l)
del l[::2]
print(l)
del l[:]
print(l)
d = {'a': 1, 'b': 2, 'c': 3}
del d['a']
try:
    del d['zz']
except KeyError as e:
    print('KeyError', e)
print(d)
a, b, c = 1, [1, 2, 3], {'k': 0}
del (a, b[0]), [c['k']]
print('a' in dir(), b, c)
p = q = 5
del p, q
print('p' in dir(), 'q' in dir())
def f():
    y = 1
    del y
    try:
        print(y)
    except NameError as e:
        print(type(e).__name__)
f()
def g():
    try:
        del z
    except NameError as e:
        print(type(e).__name__)
    z = 1
g()
G = 10
def h():
    global G
    del G
h()
print('G' in globals())
def outer():
    v = 1
    def inner():
        return v
    del v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__)
outer()
class K:
    attr = 1
    del attr
print(hasattr(K, 'attr'))
class P:
    def __delattr__(self, n):
        print('delattr', n)
    def __delitem__(self, k):
        print('delitem', k)
pp = P()
del pp.foo, pp[1], pp[1:2], pp[1, 2], pp[...]
for i in range(3):
    pass
del i
print('i' in dir())
try:
    del [1][5]
except IndexError as e:
    print('IndexError', e)
ba = bytearray(b'abcdef')
del ba[1:3]
del ba[0]
print(ba)
