# Functions: decorators, all parameter kinds, defaults and closures.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
# functions: closures and defaults
def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return tag, fn(*a, **k)
        inner.__name__ = fn.__name__
        return inner
    return wrap
@deco('T')
def add(a, b=1): return a + b
t(lambda: (add(1), add(1, b=5), add.__name__))
def kwd(a, /, b, *, c): return a, b, c
t(lambda: kwd(1, 2, c=3))
t(lambda: kwd(1, b=2, c=3))
t(lambda: kwd(1, 2, 3))
t(lambda: kwd(a=1, b=2, c=3))
def many(a, b, c, d, e, f, g, h, i, j, k=11, *rest, l=12, **kw): return a + k + l + len(rest) + len(kw)
t(lambda: many(*range(10)))
t(lambda: many(*range(15), l=0, m=1, n=2))
t(lambda: many(1, 2))
def fa(): pass
fa.attr = 5
t(lambda: fa.attr)
t(lambda: fa.nope)
t(lambda: fa())
def outer():
    fs = {}
    for name in ('a', 'b'):
        def f(n=name): return n
        fs[name] = f
    return fs['a'](), fs['b']()
t(outer)
def cnt():
    c = [0]
    def inc(): c[0] += 1; return c[0]
    return inc
i1 = cnt(); i1(); t(i1)
def rec_closure(n):
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)
    return fib(n)
t(lambda: rec_closure(20))
def gen_default(x=[]):
    x.append(len(x))
    yield from x
t(lambda: (list(gen_default()), list(gen_default())))
t(lambda: (lambda: (yield 1))().__class__.__name__)
def star_unpack():
    a, *b, c = range(5)
    *d, = 'xy'
    return a, b, c, d
t(star_unpack)
def ret_multiple(): return 1, 2
t(lambda: ret_multiple())
def noret(): pass
t(lambda: noret())
t(lambda: (lambda **k: k)(**{'a': 1}, **{'b': 2}))
t(lambda: (lambda *a: a)(*[1], *(2,), *{3: 0}))
def kwonly_default_mutable(*, d={}):
    d['n'] = d.get('n', 0) + 1
    return d['n']
kwonly_default_mutable()
t(kwonly_default_mutable)
def ann(a: int, b: 'str' = 'x') -> list: return [a, b]
t(lambda: ann(1))
