# chaining: __cause__, __context__, __suppress_context__
try:
    try:
        1 // 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during")
except RuntimeError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        1 // 0
    except ZeroDivisionError:
        raise ValueError("no ctx") from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

e = ValueError()
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("c")
print(repr(e.__cause__))
try:
    e.__cause__ = 5
except TypeError as x:
    print(type(x).__name__, x)


def f():
    raise IndexError("deep")


try:
    f()
except IndexError as e:
    tb = e.__traceback__
    print(tb is not None)

# re-raise keeps the exception object
try:
    try:
        raise KeyError("a")
    except KeyError as e:
        first = e
        raise
except KeyError as e:
    print(e is first)

# exception inside finally replaces the original
try:
    try:
        raise ValueError("one")
    finally:
        pass
except ValueError as e:
    print("caught", e)


def g():
    try:
        raise TypeError("inner")
    except TypeError:
        return "returned"


print(g())
e = ValueError("x").with_traceback(None)
print(type(e).__name__)
