# needs: float
# Calling methods through their classes, type objects and introspection.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class A:
    x = 1
    def __init__(self): self.y = 2
a = A()
t(lambda: a.__dict__)
t(lambda: a.__class__.__name__)
t(lambda: A.__init__(a))
t(lambda: type(A.__init__).__name__)
t(lambda: type(a.__init__).__name__)
t(lambda: object.__eq__(a, a))
t(lambda: object.__ne__(a, 1))
t(lambda: a.__eq__(1))
t(lambda: object.__repr__(a)[:12])
t(lambda: str(a)[:10])
t(lambda: a.__hash__() == hash(a))
t(lambda: object.__str__(5))
t(lambda: vars(5))
t(lambda: getattr(a, 'y'))
t(lambda: object.__getattribute__(a, 'x'))
t(lambda: object.__setattr__(a, 'z', 3) or a.z)
t(lambda: int.__add__(1, 2))
t(lambda: int.__add__(1, 2.0))
t(lambda: list.__len__([1,2]))
t(lambda: dict.__getitem__({1:2}, 1))
t(lambda: str.upper('a'))
t(lambda: str.join(',', 'ab'))
t(lambda: [].__class__.__name__)
t(lambda: type('x').__mro__)
t(lambda: bool.__mro__)
t(lambda: isinstance(a, (int, A)))
t(lambda: isinstance(a, int | A))
t(lambda: issubclass(bool, (str, int)))
def gen():
    yield 1
t(lambda: type(gen()).__name__)
t(lambda: gen().__next__())
t(lambda: iter(gen()) is not None)
t(lambda: next(gen(), 'd'))
t(lambda: list(zip(gen(), gen())))
g = gen()
t(lambda: (next(g), next(g, 'end')))
def f(a, *, b): return a, b
t(lambda: f.__code__.co_argcount)
t(lambda: (lambda *a, **k: (a, k))(*(1,), **dict(x=1)))
t(lambda: (lambda a, b: a - b)(b=1, a=5))
def kws(**k): return list(k)
t(lambda: kws(z=1, a=2, m=3))
t(lambda: dict(b=1, a=2))
