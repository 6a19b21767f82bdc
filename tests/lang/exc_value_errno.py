# MicroPython: every exception has readable value and errno attributes,
# both args[0] (the docs' differences chapter, "Builtin types: Exception").
e = Exception(1)
print(e.value, e.errno)
print(ValueError("m", 2).value, KeyError("k").errno)
print(Exception().value, Exception().errno)
print(OSError(5).errno, OSError("text").errno, OSError(2, "x").errno)
print(StopIteration(7).value, StopIteration().value)


# an attribute a subclass sets wins
class E(Exception):
    def __init__(self):
        super().__init__("arg")
        self.value = "own"


print(E().value, E().errno)


# drivers written for MicroPython raise OSError(errno) and test e.errno
import errno

try:
    raise OSError(errno.EIO)
except OSError as x:
    print(x.errno == errno.EIO, x.args)
