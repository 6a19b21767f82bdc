# An exception whose __context__ chain loops back prints each exception once.
def f():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise KeyError("b")
        except KeyError as b:
            a.__context__ = b
            raise TypeError("c") from a


f()
