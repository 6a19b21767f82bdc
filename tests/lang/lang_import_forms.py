# import statement forms: as-renames, parenthesised lists, local/class scope imports.
import sys
sys.path.insert(0, sys.path[0] + "/lib")
import sys, mod_a as ma
from mod_a import (f,
                   x as renamed,)
from pkg_a.deep import leaf as lf, sibling
import pkg_a.deep.leaf
print(ma is sys.modules['mod_a'], f is ma.f, renamed == ma.x)
print(lf is pkg_a.deep.leaf, 'pkg_a' in dir(), 'deep' in dir(), sibling.__name__)
def local_import():
    import mod_a
    from mod_a import x
    return mod_a.__name__, x == ma.x, 'mod_a' in locals()
print(local_import(), 'x' in dir())
class C:
    import mod_a as m
    from mod_a import f as g
print(C.m is ma, C.g is f)
def shadow():
    global ma2
    import mod_a as ma2
shadow()
print(ma2 is ma)
try:
    from mod_a import (nothing_here)
except ImportError as e:
    print(type(e).__name__)
try:
    import pkg_a.deep.leaf as q, nonexistent_zz
except ImportError as e:
    print(type(e).__name__, 'q' in dir())
print(__name__, type(sys).__name__)
