# metaclasses, type(), __init_subclass__, __class__ cell
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)

    def hello(cls):
        return "hello from " + cls.__name__


class Tagged(metaclass=Meta):
    pass


class Child(Tagged):
    pass


print(Tagged.tag, Child.tag, type(Tagged).__name__, type(Child) is Meta)
print(Tagged.hello(), isinstance(Tagged, Meta), isinstance(Tagged, type))


class Counting(type):
    calls = 0

    def __call__(cls, *args, **kw):
        Counting.calls += 1
        return super().__call__(*args, **kw)


class Thing(metaclass=Counting):
    def __init__(self, v):
        self.v = v


t1, t2 = Thing(1), Thing(v=2)
print(t1.v, t2.v, Counting.calls)

Dyn = type("Dyn", (object,), {"x": 5, "get": lambda self: self.x * 2})
print(Dyn.__name__, Dyn().get(), Dyn.x)
Sub = type("Sub", (Dyn,), {})
print(Sub().get(), issubclass(Sub, Dyn))
print(type(5) is int, type("a") is str, type(type) is type)


class Registry:
    members = []

    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Registry.members.append((cls.__name__, key))


class One(Registry, key="one"):
    pass


class Two(Registry):
    pass


print(Registry.members)


class WithCell:
    def which(self):
        return __class__.__name__


class WithCell2(WithCell):
    pass


print(WithCell2().which())


class Init(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.initialised = True


class Z(metaclass=Init):
    pass


print(Z.initialised)
