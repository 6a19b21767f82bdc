# function and bound-method objects
def f(a, b=2, *, c=3):
    "doc"
    return a

print(f.__name__, f.__qualname__, f.__module__)
print(f.__defaults__, f.__kwdefaults__)
f.__defaults__ = (5,)
print(f.__defaults__)
f.attr = 42
print(f.attr, f.__dict__)
try:
    f.missing
except AttributeError as e:
    print(type(e).__name__)
print(type(f).__name__, callable(f))
print(f.__code__.co_name, f.__code__.co_argcount)
print(f.__globals__ is globals())
f.__name__ = "renamed"
print(f.__name__)
print(repr(f).startswith("<function f at 0x"))
g = lambda: 0
print(g.__name__)

class A:
    def m(self, x):
        return (self.v, x)
    def __init__(self):
        self.v = "v"

a = A()
bm = a.m
print(bm(1), type(bm).__name__)
print(bm.__self__ is a, bm.__func__ is A.m)
print(a.m == a.m, a.m != A().m, a.m == bm)
print(hash(a.m) == hash(a.m))
print(repr(bm).startswith("<bound method A.m of <__main__.A object at"))
print(bm.__name__)
print(A.m(a, 2))
ms = [a.m, A().m]
print(ms[0](3))
call_kw = a.m
print(call_kw(x=4))
print(sorted(set([a.m, a.m])) == [a.m], len({a.m, a.m}))
