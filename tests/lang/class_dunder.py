# needs: float
# operator dunders, reflected and in-place, comparisons, hashing
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return NotImplemented

    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return V(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


a, b = V(1, 2), V(3, 4)
print(a + b, a * 2, 3 * a, -a, abs(b))
print(sum([a, b]), a == V(1, 2), a != b, a == 5)
try:
    a + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)


class Acc:
    def __init__(self):
        self.v = []

    def __iadd__(self, x):
        self.v.append(x)
        return self


acc = Acc()
orig = acc
acc += 1
acc += 2
print(acc.v, acc is orig)


class Plain:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        return Plain(self.n + o)


p = Plain(1)
p += 5
print(p.n)


class Ord:
    def __init__(self, k):
        self.k = k

    def __lt__(self, o):
        return self.k < o.k

    def __le__(self, o):
        return self.k <= o.k

    def __repr__(self):
        return "Ord(%d)" % self.k


xs = [Ord(3), Ord(1), Ord(2)]
print(sorted(xs), Ord(1) < Ord(2), Ord(2) > Ord(1), Ord(3) >= Ord(3))
print(min(xs), max(xs))
try:
    Ord(1) < 5
except AttributeError as e:
    print(type(e).__name__)


class NoCmp:
    pass


try:
    NoCmp() < NoCmp()
except TypeError as e:
    print(type(e).__name__, e)
n = NoCmp()
print(n == n, n != n, n == NoCmp())


class Base:
    def __add__(self, o):
        return "Base.add"

    def __radd__(self, o):
        return "Base.radd"


class Sub(Base):
    def __radd__(self, o):
        return "Sub.radd"


print(Base() + Sub(), Sub() + Base(), 1 + Base())


class H:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, o):
        return self.k == o.k


print(len({H(1), H(1), H(2)}), H(3) in {H(3): 1})


class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v + 1

    def __float__(self):
        return 2.5

    def __bool__(self):
        return self.v != 0


print([10, 20, 30][Num(1)], int(Num(1)), float(Num(1)), bool(Num(0)), hex(Num(255)))
print(not Num(0), Num(3) and "yes")


class Pow:
    def __pow__(self, o):
        return "pow %r" % (o,)

    def __rpow__(self, o):
        return "rpow %r" % (o,)

    def __matmul__(self, o):
        return "matmul"

    def __floordiv__(self, o):
        return "floordiv"

    def __rtruediv__(self, o):
        return "rtruediv"

    def __lshift__(self, o):
        return "lshift"

    def __invert__(self):
        return "invert"


w = Pow()
print(w ** 2, 2 ** w, w @ w, w // 1, 1 / w, w << 1, ~w)
