# needs: float
# Subclassing built-in types keeps their behaviour and adds ours.
class MyList(list):
    def total(self):
        return sum(self)
    def append(self, x):
        super().append(x * 10)
ml = MyList([1, 2])
ml.append(3)
ml.extend([4])
print(ml, ml.total(), len(ml), type(ml).__name__, isinstance(ml, list))
print(ml + [5], type(ml + [5]).__name__, ml[1:], type(ml[1:]).__name__)
print(ml == [1, 2, 30, 4], sorted(ml, reverse=True))

class DefaultDict(dict):
    def __missing__(self, k):
        self[k] = v = len(k)
        return v
dd = DefaultDict(a=1)
print(dd['a'], dd['xyz'], sorted(dd.items()), dd.get('q'), 'q' in dd)

class CountDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)
cd = CountDict()
cd['x'] = 1
print(cd, cd.get('x'))

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def __repr__(self):
        return 'Pair%s' % tuple.__repr__(self)
p = Pair(3, 4)
print(p, p.first, p[1], len(p), p == (3, 4), hash(p) == hash((3, 4)), isinstance(p, tuple))
a, b = p
print(a, b)

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def shout(self):
        return self + '!'
u = Upper('hi')
print(u, u.shout(), len(u), u.lower(), type(u.lower()).__name__, u == 'HI', {u: 1}['HI'])

class Money(int):
    def __new__(cls, v, cur='EUR'):
        o = super().__new__(cls, v)
        o.cur = cur
        return o
    def __str__(self):
        return '%d %s' % (self, self.cur)
    def __add__(self, o):
        return Money(int(self) + int(o), self.cur)
m = Money(5, 'USD')
print(m, m + 3, m * 2, type(m * 2).__name__, m > 4, int(m), repr(m))

class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return '[%d] %s' % (self.code, self.args[0])
try:
    raise MyErr(404, 'not found')
except Exception as e:
    print(type(e).__name__, e, e.args, e.code, repr(e.args))

class KErr(KeyError):
    pass
try:
    {}['x']
except KeyError as e:
    print(repr(e))
try:
    raise KErr('kk')
except LookupError as e:
    print(type(e).__name__, e, [c.__name__ for c in KErr.__mro__])

class F(float):
    pass
print(F(1.5) + 1, type(F(2.0)).__name__, F('2.5'))
class S(set):
    pass
print(sorted(S([3, 1, 2])), type(S()).__name__)
