# Defaults are evaluated once, when the def runs.
n = 1
def f(a=n, b=[]):
    b.append(a)
    return b

n = 2
print(f(), f(), f(5))

def g(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())

print(g(1, c=3))
print(g(1, 2, 3, 4, c=5, d=6, e=7))

def h(*, key=lambda x: -x):
    return key(3)

print(h(), h(key=abs))

def make(v):
    def inner(x=v * 2):
        return x
    return inner

print(make(4)(), make(4)(1))

def pos_only(a, b=2, /, c=3):
    return a + b + c

print(pos_only(1), pos_only(1, 1, c=1))

calls = []
def side(x):
    calls.append(x)
    return x

def k(a=side(1), *, b=side(2)):
    return a, b

print(calls, k())

lam = lambda a, b=10, *c, **d: (a, b, c, d)
print(lam(1), lam(1, 2, 3, z=4))

def kwonly_required(*, x):
    return x
try:
    kwonly_required()
except TypeError:
    print("TypeError")
