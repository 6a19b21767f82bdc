# Exception objects: OSError arguments and subclasses, StopIteration.value,
# SystemExit.code, the hierarchy, chaining attributes.
import sys
def show(e):
    print(type(e).__name__, repr(e), str(e), e.args)
for args in [(), (1,), (1, 2), ('a', 'b', 'c'), (2, 'x', 'f', 3, 'f2')]:
    e = OSError(*args)
    # OSError(1).errno is 1 in MicroPython, None in CPython: see exc_value_errno.py
    show(e); print(e.errno if len(args) != 1 else '-', e.strerror, e.filename, getattr(e, 'filename2', '-'))
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 114, 115, 99]:
    print(n, type(OSError(n, 'm')).__name__, type(OSError(n)).__name__)
e = FileNotFoundError(2, 'nf'); print(e.errno, type(e).__name__)
e = OSError(2, 'x'); e.errno = 5; print(e.errno, e)
print(StopIteration().value, StopIteration(1, 2).value, StopIteration(3).args)
def g():
    yield 1
    return 7
it = g(); next(it)
try: next(it)
except StopIteration as e: print("value", e.value)
e = SystemExit(3); print(e.code, SystemExit().code, SystemExit(1, 2).code)
e = KeyError('k'); print(str(e), repr(e), str(KeyError()), str(KeyError(1, 2)))
for cls in [BaseException, Exception, ArithmeticError, LookupError, OSError, RuntimeError, ValueError]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__], cls.__bases__[0].__name__)
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(RecursionError, RuntimeError), issubclass(StopAsyncIteration, Exception))
print(issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, Exception), issubclass(SystemExit, BaseException))
print(EnvironmentError is OSError, IOError is OSError)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), type(e.__traceback__).__name__, e.__traceback__.tb_next)
try:
    try:
        raise KeyError('a')
    except KeyError:
        raise TypeError('b')
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError('a')
    except KeyError as k:
        raise TypeError('b') from None
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
e = ValueError(1); e.__cause__ = KeyError(); print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = 5
except TypeError as x: print(x)
class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
m = MyErr(1, 2); print(m.args, m.b, str(m), repr(m))
class E2(Exception): pass
print(repr(E2()), repr(E2('x', 1)), str(E2('x')))
e = Exception('a'); e.args = ('b', 'c'); print(e, e.args)
print(BaseException.__new__(ValueError).args)
e = ValueError('x').with_traceback(None); print(e.__traceback__)
try:
    raise Exception from ValueError
except Exception as e:
    print(repr(e.__cause__))
try:
    raise 5
except TypeError as e: print(e)
try:
    raise ValueError from 5
except TypeError as e: print(e)
