# argument binding: positional, defaults, keywords, *args, **kwargs
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3))
print(f(a=1, c=3, e=5, z=0))
print(f(1, 2, c=3, d=9))

def g(a, b, /, c, *, d):
    return a, b, c, d

print(g(1, 2, 3, d=4))
print(g(1, 2, c=3, d=4))

def h(*args, **kwargs):
    return args, sorted(kwargs.items())

print(h())
print(h(1, 2, x=3))
print(h(*[1, 2], **{'y': 1}))
print(h(*(), **{}))
print(h(0, *range(3), 9, **{'a': 1}, b=2))

def k(a, b):
    return a - b

print(k(b=1, a=5))
args = (10, 3)
print(k(*args))
print(k(**{'a': 7, 'b': 2}))

def defaults(x=[]):
    x.append(1)
    return len(x)

print(defaults(), defaults(), defaults([]))

def kwonly(*, a=1, b):
    return a, b

print(kwonly(b=2), kwonly(a=5, b=6))

def posonly_kw(a, /, **kw):
    return a, kw

print(posonly_kw(1, a=2))
lam = lambda x, y=10: x * y
print(lam(3), lam(3, 4))
