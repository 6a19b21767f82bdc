# Class scopes are not visible from methods; class bodies see enclosing functions.
x = "module"

class A:
    x = "class"
    def get(self):
        return x
    y = x + "!"
    z = [x for _ in range(1)]

print(A().get(), A.y, A.z)

def f():
    x = "func"
    class B:
        print(x)
        x = "B"
        def m(self):
            return x
    return B

B = f()
print(B.x, B().m())

def g():
    v = 1
    class C:
        w = v + 1
        def m(self):
            return v
    return C

C = g()
print(C.w, C().m())

class D:
    items = [1, 2, 3]
    total = sum(i for i in items)
    doubled = [i * 2 for i in items]

print(D.total, D.doubled)

class E:
    def who(self):
        return __class__.__name__
    def sup(self):
        return super().__repr__ is not None

print(E().who(), E().sup())

class Base:
    def hello(self):
        return "base"

class Derived(Base):
    def hello(self):
        return "derived+" + super().hello()
    def lam(self):
        return (lambda: super(Derived, self).hello())()

print(Derived().hello(), Derived().lam())
print(Derived.__qualname__, Derived.__name__)
print(A.__module__)
