# exception objects: args, str, repr, hierarchy
for e in [ValueError(), ValueError("x"), ValueError("x", 2), KeyError("k"), KeyError(), IndexError(3),
          Exception(None), RuntimeError([1, 2])]:
    print(repr(e), "|", str(e), "|", e.args)

print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(UnboundLocalError, NameError))
print(issubclass(IndentationError, SyntaxError), issubclass(UnicodeDecodeError, ValueError))
print(issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(OverflowError, ArithmeticError), issubclass(AssertionError, Exception))
print([c.__name__ for c in ZeroDivisionError.__mro__])

try:
    1 // 0
except ArithmeticError as e:
    print(type(e).__name__, e)
try:
    [][1]
except LookupError as e:
    print(type(e).__name__, e)
try:
    {}["nope"]
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
try:
    raise TypeError
except TypeError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    raise (ValueError, TypeError)[1]("from tuple")
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        pass
    except 5:
        pass
    raise ValueError
except ValueError:
    print("ok")

e = StopIteration(7)
print(e.value, StopIteration().value)
print(SystemExit(3).code, SystemExit().code)
e = OSError(2, "No such file or directory")
print(e.errno, e.strerror, str(e))
e = OSError(2, "No such file or directory", "x.txt")
print(str(e), e.filename, e.args)
print(str(OSError("plain")), OSError("plain").strerror)
e = ValueError("m")
e.extra = 1
print(e.extra)
e.args = ("new", 2)
print(e, e.args)
print(BaseException.__name__, Exception.__bases__[0].__name__)
print(isinstance(ValueError(), Exception), isinstance(KeyboardInterrupt(), Exception))
