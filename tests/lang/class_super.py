# super(): zero-argument and explicit forms, __new__/__init__ chains, classmethods, properties
class Base:
    def __new__(cls, *args, **kw):
        inst = super().__new__(cls)
        inst.trail = ["Base.__new__"]
        return inst

    def __init__(self, v):
        self.trail.append("Base.__init__")
        self.v = v

    def describe(self):
        return "Base(%r)" % self.v

    @classmethod
    def kind(cls):
        return "kind:" + cls.__name__

    @staticmethod
    def util(x):
        return x + 1

    @property
    def prop(self):
        return "base-prop"


class Derived(Base):
    def __new__(cls, *args, **kw):
        inst = super().__new__(cls, *args, **kw)
        inst.trail.append("Derived.__new__")
        return inst

    def __init__(self, v, w=0):
        super().__init__(v)
        self.trail.append("Derived.__init__")
        self.w = w

    def describe(self):
        return "Derived<" + super().describe() + ">"

    @classmethod
    def kind(cls):
        return "derived-" + super().kind()

    def use_util(self):
        return super().util(10)

    @property
    def prop(self):
        return "derived+" + super().prop


d = Derived(1, w=2)
print(d.trail, d.v, d.w)
print(d.describe(), Derived.kind(), d.kind(), d.use_util(), d.prop)
print(super(Derived, d).describe(), super(Derived, Derived).kind())
s = super(Derived, d)
print(type(s).__name__, s.__self__ is d, s.__thisclass__.__name__)
try:
    s.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    super(Derived, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(5, d)
except TypeError as e:
    print(type(e).__name__, e)


# super() inside nested functions needs the explicit form
class Outer(Derived):
    def describe(self):
        f = lambda: super(Outer, self).describe()
        return "Outer/" + f()


print(Outer(3).describe())


# a long chain where every level calls super
class L0:
    def f(self):
        return [0]


class L1(L0):
    def f(self):
        return [1] + super().f()


class L2(L1):
    def f(self):
        return [2] + super().f()


class L3(L2):
    pass


class L4(L3):
    def f(self):
        return [4] + super().f()


print(L4().f())


class Repr:
    def __repr__(self):
        return "Repr+" + super().__repr__()[:9]


print(repr(Repr()))


class Setter:
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2)


st = Setter()
st.x = 4
print(st.x)
