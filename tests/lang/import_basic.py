# import of a plain module from a directory on sys.path
import sys
sys.path.insert(0, sys.path[0] + "/lib")

import mod_a
print(mod_a.x, mod_a.f(21), mod_a.C().hello())
print(mod_a.__name__)
print(mod_a.__file__.endswith("lib/mod_a.py"))

# a second import does not run the module again
import mod_a as again
print(again is mod_a)
print(sys.modules["mod_a"] is mod_a)

from mod_a import f, x as renamed
print(f(5), renamed)

# __import__ returns the module
m = __import__("mod_a")
print(m is mod_a)

# module attributes can be set and deleted
mod_a.extra = "set"
print(mod_a.extra)
del mod_a.extra
print(hasattr(mod_a, "extra"))
try:
    mod_a.not_there
except AttributeError as e:
    print("AttributeError")

# __dict__ is the live namespace
d = mod_a.__dict__
print(d["x"], "f" in d)
d["via_dict"] = 99
print(mod_a.via_dict)

# import inside a function binds a local
def g():
    import mod_a
    return mod_a.x + 1
print(g())
print(type(mod_a).__name__)
