# A module-level __getattr__ (PEP 562) in from-imports, hasattr and packages
import sys
sys.path.insert(0, sys.path[0] + "/lib")
from mod_getattr2 import dyn
print(dyn)
try:
    from mod_getattr2 import missing
except ImportError as e:
    print("ImportError", e)
import mod_getattr2
print(mod_getattr2.dyn, hasattr(mod_getattr2, "nope"), getattr(mod_getattr2, "nope", "dflt"))
from pkg_getattr import lazy1, sub
print(lazy1, sub.X)
from pkg_getattr import *
print(sorted(k for k in dir() if not k.startswith("_") and k != "e"))
