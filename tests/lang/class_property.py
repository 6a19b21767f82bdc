# needs: float
# property, classmethod, staticmethod, descriptors
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
print(type(Temp.celsius).__name__)


def getx(self):
    return "x!"


class Old:
    x = property(getx)


print(Old().x)


class M:
    factor = 3

    @classmethod
    def build(cls, n):
        return cls.factor * n

    @staticmethod
    def plain(a, b):
        return a + b


class N(M):
    factor = 10


print(M.build(2), N.build(2), N().build(1))
print(M.plain(1, 2), M().plain(3, 4))
sm = M.__dict__["plain"]
print(type(sm).__name__, type(M.__dict__["build"]).__name__)


# a data descriptor and a non-data descriptor
class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name, self.kind.__name__))
        setattr(obj, self.name, value)


class Rec:
    n = Typed(int)
    s = Typed(str)


r = Rec()
r.n = 5
r.s = "hi"
print(r.n, r.s, r._n)
try:
    r.n = "no"
except TypeError as e:
    print(type(e).__name__, e)
print(type(Rec.n).__name__)


class Lazy:
    def __get__(self, obj, owner):
        return 42


class HasLazy:
    v = Lazy()


h = HasLazy()
print(h.v)
h.v = 7
print(h.v, HasLazy.v)
