# builtins.__import__ replaced by a program is what the import statement calls
import builtins
old = builtins.__import__
calls = []
def imp(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, fromlist, level, type(globals).__name__))
    return old(name, globals, locals, fromlist, level)
builtins.__import__ = imp
import gc
from gc import collect
import sys as s2
def f():
    import gc as g
    from gc import enable
    return g
f()
builtins.__import__ = old
import gc
for c in calls: print(c)
def fake(name, *a):
    return "fake:" + name
builtins.__import__ = fake
import anything
print(anything)
builtins.__import__ = old
del builtins.__import__
try:
    import gc
except ImportError as e:
    print("ImportError", e)
builtins.__import__ = old
import gc
print("ok")
