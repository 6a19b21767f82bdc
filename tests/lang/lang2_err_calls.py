# TypeError wording for bad calls of functions, methods and constructors.
def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

def f(a, b=1, *, c=2):
    pass
class A:
    def m(self, x):
        pass
    @staticmethod
    def s(x):
        pass
    @classmethod
    def c(cls, x):
        pass
class B:
    def __init__(self, x, y):
        pass
def g(a, /, b):
    pass
def h(**kw):
    pass
def k(*a):
    pass

t(lambda: f())
t(lambda: f(1, 2, 3))
t(lambda: f(1, 2, 3, 4))
t(lambda: f(1, d=3))
t(lambda: f(1, a=3))
t(lambda: f(1, **{'a': 2}))
t(lambda: f(**{'a': 1}, a=2))
t(lambda: A().m())
t(lambda: A().m(1, 2))
t(lambda: A.m(1))
t(lambda: A.m())
t(lambda: A.s())
t(lambda: A.c())
t(lambda: A().c(1, 2))
t(lambda: B())
t(lambda: B(1))
t(lambda: B(1, 2, 3))
t(lambda: B(1, 2, z=3))
t(lambda: g(a=1, b=2))
t(lambda: g())
t(lambda: h(1))
t(lambda: k(x=1))
t(lambda: f(**5))
t(lambda: f(**{1: 2}))
t(lambda: (lambda x: x)())
t(lambda: (lambda: 0)(1))
t(lambda: object(1))
t(lambda: int(1, 2, 3))
t(lambda: len(1, 2))
t(lambda: isinstance(1))
t(lambda: isinstance(1, 2))
t(lambda: issubclass(1, int))
t(lambda: getattr(1))
t(lambda: 'abc'.split(1))
t(lambda: [].append())
t(lambda: {}.get())
