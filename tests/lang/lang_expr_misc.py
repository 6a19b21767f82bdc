# needs: float
# Assorted expressions: slices with steps on every sequence, subscripts, attribute
# access on literals, is/in, conditional and starred returns, decorator expressions.
seqs = [list(range(8)), tuple(range(8)), 'abcdefgh', b'abcdefgh', range(8), bytearray(b'abcdefgh')]
for s in seqs:
    print(s[::3], s[::-3], s[6:1:-2], s[-100:100:2], s[100:-100:-3], s[5:2], s[-2:], s[:-20])
l = list(range(10))
l[::2] = 'abcde'
print(l)
l[1::3] = [None] * len(l[1::3])
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print('ValueError', e)
l[2:5] = []
l[:0] = ['front']
l[len(l):] = ['back']
print(l)
try:
    [1, 2][::0]
except ValueError as e:
    print('ValueError', e)
print(1 .real, 1.0.real, 'x'.upper(), [1].copy(), (1,).count(1), {1: 2}.get(1))
print(... is Ellipsis, ..., type(...).__name__)
a = [1]
b = a
print(a is b, a is not [1], a == [1], 1 in a, 2 not in a, 'b' in 'abc', '' in 'x')
print([] is [], None is None, type(None) is type(None))
print(3 in {3: 0}, 3 in {3}, 3 in range(5), 3 in (1, 2), [1] in [[1]], b'b' in b'abc', 98 in b'abc')
def multi():
    rest = [2, 3]
    return 1, *rest
print(multi())
def gy():
    rest = 'ab'
    yield 0, *rest
print(next(gy()))
for q in *[1], *(2, 3):
    print(q, end=' ')
print()
decos = [lambda f: (lambda: f() + '!')]
@decos[0]
def hello():
    return 'hi'
print(hello())
@(lambda f: f)
@decos[0]
def hello2():
    return 'hey'
print(hello2())
class Reg:
    items = {}
    @classmethod
    def register(cls, name):
        def deco(f):
            cls.items[name] = f
            return f
        return deco
@Reg.register('one')
def one():
    return 1
print(Reg.items['one'] is one)
def add_attr(cls):
    cls.added = True
    return cls
def wrap(cls):
    return type('Wrapped' + cls.__name__, (cls,), {})
@wrap
@add_attr
class Deco:
    pass
print(Deco.__name__, Deco.added, Deco.__mro__[1].__name__)
class Ix:
    def __getitem__(self, k):
        return k
ix = Ix()
print(ix[1:2:3], ix[::-1], ix[1, 2:3, ...], ix[()], ix[-1], ix['s'], ix[:, :])
print({'a': {'b': [10, 20]}}['a']['b'][-1], 'abc'[1], (1, (2, 3))[1][0])
x = [0, 1, 2]
print(x[True], x[False], x[-True])
try:
    x[1.0]
except TypeError as e:
    print('TypeError', e)
try:
    x[5]
except IndexError as e:
    print('IndexError', e)
print((lambda: 1)(), (lambda x=[1]: x)(), (lambda *a: a)())
y = 3
print('big' if y > 2 else 'small', 'neg' if y < 0 else 'zero' if y == 0 else 'pos')
print([v for v in (1, 0, 2) if (v if v else None)])
print(type(1 if y else 1.0).__name__, (1, 2) if y else (3,))
print(not [], not [0], not '', not ' ', not 0.0, not None, not ())
print(0 < 1 <= 1 < 2 != 3 == 3 > -1 >= -1, 1 < 0 < 1 / 0)
print(1 == 1.0 == True, 'a' < 'b' < 'ba', (1, 2) < (1, 2, 0), [2] > [1, 9])
print(divmod(-7, 2), -7 // 2, -(7 // 2), 2 ** -1 ** 2)
