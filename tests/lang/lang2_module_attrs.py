# Module attributes: reading, writing, globals belong to the defining module.
import sys
sys.path.insert(0, sys.path[0] + "/lib")
import lang2_modstate as ms

print(ms.bump(), ms.bump(), ms.counter)
ms.counter = 100
print(ms.bump())
ms.value = "patched"
print(ms.read_value())
print(ms.Thing().where(), ms.Thing.__module__)
ms.new_attr = [1]
from lang2_modstate import new_attr, counter
print(new_attr, counter)
value = "main value"   # does not affect the module's own global
print(ms.read_value())
del ms.new_attr
print(hasattr(ms, "new_attr"))
try:
    ms.missing
except AttributeError as e:
    print("AttributeError", e)
names = [n for n in dir(ms) if not n.startswith("__")]
print(sorted(names))
print(ms.__dict__["counter"], "bump" in vars(ms))
print(ms.bump.__globals__ is vars(ms))
from lang2_modstate import *
print(read_value(), "_private" in dir())
import lang2_modstate
print(lang2_modstate is ms)
def local_import():
    import lang2_modstate as inner
    return "inner" in locals(), inner.counter
print(local_import(), "inner" in globals())
