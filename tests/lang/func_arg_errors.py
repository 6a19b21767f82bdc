# argument binding errors use CPython's messages
def f(a, b):
    pass

def g(a, b=1):
    pass

def h(*, y):
    pass

def p(a, /, b):
    pass

def z():
    pass

def m(a, b, c):
    pass

def one(a):
    pass

tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: g(1, 2, 3),
    lambda: g(),
    lambda: h(),
    lambda: h(1),
    lambda: f(1, 2, z=3),
    lambda: f(1, a=2),
    lambda: p(a=1, b=2),
    lambda: z(1),
    lambda: z(1, 2),
    lambda: m(),
    lambda: one(1, 2),
    lambda: f(1, **{'b': 2, 'c': 3}),
    lambda: f(*[1, 2, 3]),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print(type(e).__name__, e)
