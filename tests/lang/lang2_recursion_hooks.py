# Runaway recursion through special methods, builtins and yield from
# raises RecursionError (a RuntimeError) instead of crashing.
def t(name, f):
    try:
        f()
        print(name, 'no error')
    except RuntimeError as e:
        print(name, type(e).__name__, str(e).startswith('maximum recursion depth exceeded'))

def gdeep(n):
    if n == 0:
        yield 0
        return
    yield from gdeep(n - 1)
t('yield from', lambda: list(gdeep(100000)))
print(len(list(gdeep(300))))

class I:
    def __init__(self, n):
        self.c = I(n - 1) if n else None
t('init', lambda: I(100000))
class GI:
    def __getitem__(self, i):
        return self[i]
t('getitem', lambda: GI()[0])
class Ad:
    def __add__(self, o):
        return self + o
t('add', lambda: Ad() + 1)
t('map', lambda: (lambda f: f(f))(lambda f: list(map(f, [f]))))
t('sorted', lambda: (lambda f: f(f))(lambda f: sorted([f, f], key=f)))
t('format', lambda: (lambda f: f(f))(lambda f: '{}'.format(f(f))))
class S:
    def __str__(self):
        return str(self)
t('str', lambda: str(S()))
t('print', lambda: print(S()))
class H:
    def __hash__(self):
        return hash(self)
t('hash', lambda: {H()})
class It:
    def __iter__(self):
        return iter(self)
t('iter', lambda: list(It()))
class Cmp:
    def __lt__(self, o):
        return self < o
t('lt', lambda: Cmp() < Cmp())
class Prop:
    @property
    def p(self):
        return self.p
t('property', lambda: Prop().p)
print('alive')
