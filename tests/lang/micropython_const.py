# micropython.const as MicroPython defines it: `NAME = const(x)` at module
# level is folded by the compiler; a name starting with an underscore is
# hidden (no global is stored), the others stay module attributes.
from micropython import const
import micropython

_SIZE = const(8)
_MASK = const((1 << _SIZE) - 1)
LIMIT = const(_SIZE * 4)
GREETING = const("hi")
PAIR = const((1, 2))


def use():
    return _SIZE, _MASK, LIMIT, GREETING, PAIR


print(use())
g = globals()
print("_SIZE" in g, "_MASK" in g, "LIMIT" in g, "GREETING" in g)
print(g["LIMIT"], g["PAIR"])

# folded into other constants and into functions compiled later
class Frame:
    width = _SIZE * 2

    def mask(self, v):
        return v & _MASK


print(Frame.width, Frame().mask(0x1234))
print([_SIZE + i for i in range(3)])

# in another module: the public constant is an attribute, the private not
import sys

sys.path.insert(0, sys.path[0] + "/lib")
import mpy_consts

print(mpy_consts.PUBLIC, hasattr(mpy_consts, "_PRIVATE"), mpy_consts.private_plus(2))
try:
    mpy_consts._PRIVATE
except AttributeError as e:
    print("AttributeError")

# const() elsewhere is just its argument
print(const(5) + 1, micropython.const("s"), micropython.const([1])[0])
# only module level folds: inside a function `x = const(..)` is an ordinary local
def local():
    _y = const(3)
    return _y * 2


print(local())
