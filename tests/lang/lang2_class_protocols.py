# Iteration, context managers, attribute hooks, str/repr.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), [x * 2 for x in Countdown(2)], max(Countdown(4)))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(Seq()), 4 in Seq(), list(reversed([*Seq()])))

class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev)
        return self.swallow
with CM('a') as x, CM('b', True) as y:
    print(x, y)
    raise KeyError('k')
print('after')
try:
    with CM('c'):
        1 // 0
except ZeroDivisionError:
    print('propagated')

class Hooks:
    def __init__(self):
        object.__setattr__(self, 'store', {})
    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return 'default_' + name
    def __setattr__(self, name, value):
        print('set', name, value)
        self.store[name] = value
    def __delattr__(self, name):
        print('del', name)
        self.store.pop(name, None)
h = Hooks()
h.x = 1
print(h.x, h.store, getattr(h, 'nope'), hasattr(h, '_hidden'))
del h.x
print(h.store)

class Both:
    def __str__(self):
        return 'str!'
    def __repr__(self):
        return 'repr!'
class OnlyRepr:
    def __repr__(self):
        return 'only repr'
print(Both(), str(Both()), repr(Both()), [Both()], f'{Both()} {Both()!r}')
print(OnlyRepr(), str(OnlyRepr()), '%s %r' % (OnlyRepr(), OnlyRepr()))
class BadStr:
    def __str__(self):
        return 5
try:
    str(BadStr())
except TypeError as e:
    print('TypeError', e)

class Slots:
    def __getitem__(self, k):
        return k
print(Slots()[1:2], Slots()[1:2:3], Slots()[::], Slots()[1, 2], Slots()[...])
