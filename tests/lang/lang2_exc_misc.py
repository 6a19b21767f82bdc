# Exception objects: args, str/repr, attributes, hierarchy, re-raise.
e = ValueError()
print(repr(e), str(e), e.args)
e = ValueError('one')
print(repr(e), str(e), e.args)
e = ValueError('one', 2)
print(repr(e), str(e), e.args)
print(repr(KeyError('k')), str(KeyError('k')), str(KeyError('a', 'b')))
print(str(KeyError()), repr(StopIteration(5)), StopIteration(5).value, StopIteration().value)
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in UnboundLocalError.__mro__])
print([c.__name__ for c in ModuleNotFoundError.__mro__])
print([c.__name__ for c in KeyboardInterrupt.__mro__])
print(issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception))
print(issubclass(NotImplementedError, RuntimeError), issubclass(IndentationError, SyntaxError))

class E(Exception):
    pass
x = E('a', 'b')
x.extra = 5
print(x.args, x.extra, str(x), repr(x))
class WithInit(Exception):
    def __init__(self, v):
        self.v = v
w = WithInit(3)
print(w.args, str(w), w.v)

def reraise():
    try:
        raise TypeError('inner')
    except TypeError:
        raise
try:
    reraise()
except TypeError as e:
    print('re-raised', e)

try:
    raise ValueError
except ValueError as e:
    print('class raised', repr(e))

try:
    raise 5
except TypeError as e:
    print('TypeError', e)

try:
    try:
        raise KeyError('x')
    finally:
        print('finally runs')
except LookupError as e:
    print('LookupError', repr(e))

# except binds are deleted at the end of the handler
try:
    raise E('gone')
except E as err:
    pass
try:
    err
except NameError as e:
    print('NameError', e)

# tuple of exception types and exception in handler
for exc in (IndexError, KeyError, ZeroDivisionError):
    try:
        raise exc('m')
    except (IndexError, KeyError) as e:
        print('tuple caught', type(e).__name__)
    except Exception as e:
        print('general', type(e).__name__)

try:
    try:
        1 // 0
    except ZeroDivisionError:
        {}['missing']
except KeyError as e:
    print('context', type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
try:
    raise ValueError('v') from KeyError('k')
except ValueError as e:
    print('cause', repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError('v') from None
except ValueError as e:
    print('from None', e.__cause__, e.__suppress_context__)
print(isinstance(ValueError('x').with_traceback(None), ValueError))
