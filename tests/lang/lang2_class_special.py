# needs: float
# Operator, comparison, hashing and container special methods.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return 'V%r' % (self.c,)
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __neg__(self):
        return V(*[-a for a in self.c])
    def __abs__(self):
        return sum(a * a for a in self.c)
    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c
    def __hash__(self):
        return hash(self.c)
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __contains__(self, x):
        return x in self.c
    def __call__(self, k):
        return self.c[k] * 10
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))

a, b = V(1, 2), V(3, 4)
print(a + b, 2 * a, a * 3, -a, abs(b), a @ b)
print(sum([a, b]), sum([a, b], V(0, 0)))
print(a == V(1, 2), a != V(1, 2), a == 1, a < b, b > a, sorted([b, a]))
print(len(a), a[0], a[-1], list(a), 2 in a, 5 in a, a(1))
print({a: 'x'}[V(1, 2)], len({a, V(1, 2), b}))
try:
    a + 1
except TypeError as e:
    print('TypeError', e)
try:
    a <= b
except TypeError as e:
    print('TypeError', e)

class Ineq:
    def __eq__(self, o):
        return True
print(Ineq() != Ineq(), Ineq() == 5)
try:
    hash(Ineq())
except TypeError as e:
    print('TypeError', e)

class R:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __lshift__(self, n):
        return self.v << n
    def __rsub__(self, o):
        return o - self.v
    def __floordiv__(self, o):
        return ('floordiv', o)
    def __rtruediv__(self, o):
        return ('rtruediv', o)
    def __pow__(self, o, mod=None):
        return ('pow', o, mod)
    def __index__(self):
        return self.v
    def __int__(self):
        return 99
    def __float__(self):
        return 1.5
    def __round__(self, n=None):
        return ('round', n)
r = R(3)
r += 4
print(r.v, r << 2, 10 - r, r // 2, 1 / r, r ** 2, pow(r, 2, 5))
print([0, 1, 2, 3, 4, 5, 6, 7, 8][r], hex(r), int(r), float(r), round(r), round(r, 2))

class B0:
    def __bool__(self):
        return False
class L0:
    def __len__(self):
        return 0
print(bool(B0()), bool(L0()), not B0(), 'yes' if L0() else 'no')
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError', e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print('ValueError', e)
