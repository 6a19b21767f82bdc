# sys.modules is the import cache and can be changed
import sys
sys.path.insert(0, sys.path[0] + "/lib")


class Fake:
    answer = 41


sys.modules["fake_module_xyz"] = Fake
import fake_module_xyz
print(fake_module_xyz.answer)
from fake_module_xyz import answer
print(answer)

# removing a module makes the next import run it again
import mod_a
first = mod_a
del sys.modules["mod_a"]
import mod_a
print(first is mod_a, mod_a.x)

# module-level __getattr__
import mod_getattr
print(mod_getattr.real, mod_getattr.dyn_hello)
from mod_getattr import dyn_abc
print(dyn_abc)
try:
    mod_getattr.other
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(mod_getattr, "other"), getattr(mod_getattr, "other", "default"), getattr(mod_getattr, "dyn_x", 0))

# built-in modules
import sys as s2, gc
print(s2 is sys, "sys" in sys.modules)
print(gc.__name__, sys.__name__)

# namespace packages (directories without __init__.py)
import pkg_ns.inner.mod
print(pkg_ns.inner.mod.z)

# assigning a new list to sys.path is honoured
saved = sys.path
sys.path = [saved[0] + "/pkg_a/deep"]
import sibling
print(sibling.s)
sys.path = saved
