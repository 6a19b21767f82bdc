# inheritance, MRO (diamond), super() chains
class A:
    def who(self):
        return "A"

    def chain(self):
        return ["A"]


class B(A):
    def who(self):
        return "B"

    def chain(self):
        return ["B"] + super().chain()


class C(A):
    def who(self):
        return "C"

    def chain(self):
        return ["C"] + super().chain()


class D(B, C):
    def chain(self):
        return ["D"] + super().chain()


d = D()
print(d.who(), d.chain())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
print(D.__bases__ == (B, C), D.__base__ is B)
print(issubclass(D, A), issubclass(A, D), issubclass(D, (int, C)))
print(isinstance(d, (int, str)), isinstance(d, (int, A)))


class Base:
    def __init__(self, name):
        self.name = name
        self.log = ["Base"]


class Mid(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
        self.log.append("Mid")


class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__("leaf", 42)
        self.log.append("Leaf")


x = Leaf()
print(x.name, x.extra, x.log)

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Dup(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class NoBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)


# cooperative __init__ with **kwargs through a diamond
class P:
    def __init__(self, **kw):
        self.seen = ["P"]


class Q(P):
    def __init__(self, q=0, **kw):
        super().__init__(**kw)
        self.seen.append("Q%d" % q)


class R(P):
    def __init__(self, r=0, **kw):
        super().__init__(**kw)
        self.seen.append("R%d" % r)


class S(Q, R):
    pass


print(S(q=1, r=2).seen)
print([k.__name__ for k in S.__mro__])


# super in classmethods and staticmethods
class K:
    @classmethod
    def make(cls):
        return cls.__name__


class L(K):
    @classmethod
    def make(cls):
        return "L+" + super().make()


print(L.make(), L().make())
