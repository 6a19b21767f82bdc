# assorted class behaviours: __class__ assignment, class decorators, nested classes,
# class attributes vs instance attributes, methods stored in instances, __slots__
class Cat:
    def speak(self):
        return "meow"


class Dog:
    def speak(self):
        return "woof"


pet = Cat()
pet.__class__ = Dog
print(pet.speak(), type(pet).__name__, isinstance(pet, Dog))
try:
    pet.__class__ = int
except TypeError as e:
    print(type(e).__name__)


def add_hello(cls):
    cls.hello = lambda self: "hello from " + type(self).__name__
    return cls


@add_hello
class Greeter:
    pass


print(Greeter().hello())


class Outer:
    class Inner:
        value = 5

        def get(self):
            return self.value

    def make(self):
        return self.Inner()


print(Outer().make().get(), Outer.Inner.__name__, Outer.Inner.__qualname__)


class Holder:
    pass


h = Holder()
h.func = lambda x: x * 2
print(h.func(4))


def free(self):
    return "free:" + type(self).__name__


Holder.method = free
print(h.method(), Holder.method(h))


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


s = Slotted()
print(s.a + s.b)


class Counter:
    total = 0

    def __init__(self):
        Counter.total += 1
        self.id = Counter.total


cs = [Counter() for _ in range(3)]
print([c.id for c in cs], Counter.total)


class Chain:
    def __init__(self):
        self.ops = []

    def add(self, x):
        self.ops.append(x)
        return self


print(Chain().add(1).add(2).ops)


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Eq) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


print(Eq(1) in [Eq(2), Eq(1)], [Eq(1), Eq(2)].index(Eq(2)), {Eq(1): "x"}[Eq(1)], [Eq(3)].count(Eq(3)))
print(type(Eq.__hash__).__name__, Eq.__name__, Eq.__eq__.__name__)


class Bool:
    def __len__(self):
        return 0


print(bool(Bool()), not Bool(), "yes" if Bool() else "no")


class Str:
    def __str__(self):
        return "S"


print(str(Str()), "%s" % Str(), "{}".format(Str()), f"{Str()}", repr(Str())[:10])
