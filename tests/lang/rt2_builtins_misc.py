# needs: bigint
# compile/exec/eval, __import__, locals/globals, attribute built-ins,
# isinstance/issubclass (nested tuples, metaclass hooks), type(), dir().
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
g = {'a': 1}
t(lambda: eval('a + 1', g))
t(lambda: eval('a + b', g, {'b': 5}))
class M:
    def __getitem__(self, k):
        if k == 'zz': return 99
        raise KeyError(k)
t(lambda: eval('zz + a', g, M()))
t(lambda: eval('len', {}))
t(lambda: eval('__builtins__' in globals() , {}))
l = {}
exec('x = 5\ny = x + 1', g, l)
print(sorted(l), 'x' in g)
exec('x = 5', g); print(g['x'])
t(lambda: exec('1/0'))
t(lambda: eval('1+'))
t(lambda: eval(5))
t(lambda: eval('x', []))
t(lambda: eval('  1'))
t(lambda: eval('\n1'))
c = compile('3*4', 'f', 'eval'); print(eval(c), type(c).__name__, c.co_filename)
c = compile('q = 7', 'f', 'exec'); d = {}; exec(c, d); print(d['q'])
c = compile('1+1', 'f', 'single'); print(exec(c))
t(lambda: compile('x', 'f', 'bad'))
t(lambda: type(compile('x', 'f', 'exec', 0, True)).__name__)
t(lambda: compile('def', 'fn', 'exec'))
t(lambda: eval(compile(b'1', 'f', 'eval')))
def loc():
    a = 1; b = 2
    return sorted(locals().items())
print(loc())
print('t' in globals(), type(globals()).__name__)
m = __import__('sys'); print(m.__name__)
t(lambda: __import__('nonexistent_mod_x'))
t(lambda: __import__(''))
t(lambda: __import__('sys', level=-1))
print(__import__('string', fromlist=['x']).__name__)
# attributes
class A:
    x = 1
a = A()
t(lambda: getattr(a, 'y'))
t(lambda: getattr(a, 'y', 'dflt'))
t(lambda: getattr(a, 5))
t(lambda: getattr(1, 'real'))
t(lambda: setattr(1, 'real', 2))
t(lambda: setattr(a, 'y', 3))
t(lambda: (a.y, hasattr(a, 'y'), hasattr(a, 'z')))
t(lambda: delattr(a, 'y'))
t(lambda: delattr(a, 'y'))
t(lambda: delattr(a, 'x'))
t(lambda: hasattr(a, 3))
t(lambda: setattr(object(), 'q', 1))
t(lambda: getattr(A, 'x'))
t(lambda: getattr())
# types
print(isinstance(1, (str, (list, (int,)))), isinstance(1, ()), issubclass(bool, (str, (int,))))
t(lambda: isinstance(1, 5))
t(lambda: issubclass(1, int))
t(lambda: isinstance(1, (int, 5)))
t(lambda: isinstance(1, (5, int)))
class Meta(type):
    def __instancecheck__(cls, x): return x == 'magic'
    def __subclasscheck__(cls, c): return c is str
class Q(metaclass=Meta): pass
print(isinstance('magic', Q), isinstance(1, Q), issubclass(str, Q), issubclass(int, Q), isinstance('magic', (int, Q)))
print(type(1), type('a'), type(type), type(None), type(print), type(a))
T = type('T', (A,), {'z': 3, 'f': lambda self: self.z})
print(T.__name__, T().f(), T.x, T.__bases__, T.__mro__[1] is A)
t(lambda: type('T', 5, {}))
t(lambda: type('T', (), 5))
t(lambda: type(1, 2))
t(lambda: type())
print(callable(len), callable(A), callable(a), callable(1), callable(lambda: 0), callable(a.__init__))
print(id(a) == id(a), id(1) == id(1), hash(a) == hash(a), type(id(a)))
t(lambda: hash([]))
t(lambda: hash({}))
print([n for n in dir(a) if n[0] != '_'], 'x' in dir(A), dir(5)[:0], 'sys' in dir(), 'append' in dir([]))
print([n for n in dir(A) if not n.startswith('__')], [n for n in dir(a) if not n.startswith('__')])
import sys
print('path' in dir(sys), dir(sys) == sorted(dir(sys)))
t(lambda: dir(1, 2))
class WithDir:
    def __dir__(self): return ['b', 'a']
print(dir(WithDir()))
class PA:
    @property
    def p(self): raise ValueError("boom")
    @property
    def q(self): raise AttributeError("nope")
    def __getattr__(self, n):
        if n == 'dyn': return 5
        raise AttributeError(n)
pa = PA()
for f in [lambda: hasattr(pa, 'p'), lambda: hasattr(pa, 'q'), lambda: getattr(pa, 'q', 'd'), lambda: getattr(pa, 'p', 'd'), lambda: pa.dyn, lambda: hasattr(pa, 'zz'), lambda: getattr(pa, 'zz', 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: __import__(5))
t(lambda: __import__(''))
t(lambda: __import__('x', globals(), None, [], 1))
print([n in dir(a) for n in ('__class__', '__doc__', '__dict__', '__module__', 'x')])
print([n in dir(5) for n in ('__class__', '__doc__', '__dict__')], '__doc__' in dir(sys))
