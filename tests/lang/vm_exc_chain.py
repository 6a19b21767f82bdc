# implicit exception chaining (__context__) across frames, without cycles
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise KeyError("b")
        except KeyError as b:
            raise a
except ValueError as e:
    print(repr(e.__context__), repr(e.__context__.__context__))
try:
    raise KeyError("x")
except KeyError as k:
    saved = k
try:
    raise IndexError("y")
except IndexError:
    try:
        raise saved
    except KeyError as e:
        print(repr(e.__context__))
def inner():
    try:
        raise OSError("inner handled")
    except OSError:
        pass
    raise ValueError("after handler")

try:
    raise KeyError("outer")
except KeyError:
    try:
        inner()
    except ValueError as e:
        print(repr(e.__context__))

def from_c():
    return int("x")

try:
    raise TypeError("t")
except TypeError:
    try:
        from_c()
    except ValueError as e:
        print(type(e.__context__).__name__)
