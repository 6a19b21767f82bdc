# classes through the VM: class bodies, super(), __class__, methods
class Base:
    kind = "base"
    def __init__(self, x):
        self.x = x
    def describe(self):
        return "Base(%d)" % self.x
    @classmethod
    def make(cls, x):
        return cls(x)
    @staticmethod
    def helper(y):
        return y * 2

class Child(Base):
    kind = "child"
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def describe(self):
        return "Child<" + super().describe() + ", %d>" % self.y
    def cls_name(self):
        return __class__.__name__

c = Child(1, 2)
print(c.describe(), c.kind, Base.kind)
print(c.cls_name())
print(Base.make(3).describe(), Base.helper(4), c.helper(5))

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

cs = [Counter() for _ in range(3)]
print([x.id for x in cs], Counter.count)

def no_args_super():
    super()

try:
    no_args_super()
except RuntimeError as e:
    print(type(e).__name__, e)

class WithProp:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v * 10
    @v.setter
    def v(self, val):
        self._v = val

w = WithProp()
print(w.v)
w.v = 5
print(w.v)

# attribute caches must see class changes
class Dyn:
    def m(self):
        return "old"

d = Dyn()
def call_m(o):
    return o.m()
print(call_m(d))
Dyn.m = lambda self: "new"
print(call_m(d))
d.m = lambda: "instance"
print(call_m(d))
del d.m
print(call_m(d))

class P:
    pass
p = P()
p.a = 1
def get_a(o):
    return o.a
print(get_a(p))
P.a = property(lambda self: "prop")
print(get_a(p))
del P.a
print(get_a(p))

class Sub(Dyn):
    pass
s = Sub()
print(call_m(s))
Sub.m = lambda self: "sub"
print(call_m(s))

x = 10
class Scope:
    x = 20
    y = x + 1
    def f(self):
        return x
print(Scope.y, Scope().f())

def make_class():
    v = "closure"
    class Inner:
        w = v
        def get(self):
            return v
    return Inner
I = make_class()
print(I.w, I().get())
