# with statements: enter/exit order, suppression, exceptions in __exit__
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress

with CM("a") as x:
    print("body", x)

with CM("outer"), CM("inner") as y:
    print("both", y)

with CM("s", suppress=True):
    raise ValueError("hidden")
print("after suppressed")

try:
    with CM("p"):
        raise KeyError("shown")
except KeyError as e:
    print("propagated", e)

def ret_in_with():
    with CM("r"):
        return "returned"

print(ret_in_with())

def loop_with():
    for i in range(3):
        with CM(str(i)):
            if i == 1:
                continue
            if i == 2:
                break
    return i

print(loop_with())

class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")

try:
    with BadExit():
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError", e)

import sys
class Check:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exc_info inside exit:", sys.exc_info()[0] is t)
        return True

with Check():
    raise IndexError
