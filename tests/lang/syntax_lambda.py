# Lambdas with every parameter form; defaults; nesting.
f = lambda: 0
print(f())
f = lambda x: x + 1
print(f(1))
f = lambda x, y=2: x * y
print(f(3), f(3, 4))
f = lambda *a: a
print(f(), f(1, 2))
f = lambda **k: sorted(k)
print(f(b=1, a=2))
f = lambda a, /, b, *, c: (a, b, c)
print(f(1, 2, c=3), f(1, b=2, c=3))
f = lambda a, b=1, /, c=2, *d, e, f=5, **g: (a, b, c, d, e, f, sorted(g))
print(f(0, e=4), f(0, 1, 2, 3, e=4, f=6, z=7))
f = lambda *, k=3: k
print(f(), f(k=4))
f = lambda x: lambda y: x + y
print(f(1)(2))
print((lambda: (yield))().__class__.__name__)
print(list(map(lambda x: x * 2, [1, 2, 3])))
print(sorted([3, 1, 2], key=lambda v: -v))
g = lambda x: x if x else None
print(g(0), g(5))
h = lambda: lambda: lambda: 'deep'
print(h()()())
print((lambda x, y: x - y)(y=1, x=5))
