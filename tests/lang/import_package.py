# packages: __init__.py, submodules, dotted imports and relative imports
import sys
sys.path.insert(0, sys.path[0] + "/lib")

import pkg_a.sub
print(pkg_a.pkg_value, pkg_a.sub.y)
print(pkg_a.__name__, pkg_a.sub.__name__)
print(pkg_a.sub.__package__, pkg_a.__package__)
print("pkg_a.sub" in sys.modules)

# import a.b.c binds a; a.b and a.b.c become attributes
import pkg_a.deep.leaf
print(pkg_a.deep.leaf.leaf_value)
print(pkg_a.deep.leaf.__package__)

from pkg_a.deep import sibling
print(sibling.s)

import pkg_a.deep.leaf as L
print(L is pkg_a.deep.leaf)

from pkg_a import sub as s2
print(s2 is pkg_a.sub)

# a submodule reached through "from package import name"
from pkg_a.deep import leaf
print(leaf.leaf_value == L.leaf_value)

# relative import beyond the top-level package
try:
    import pkg_a.deep.toofar
except ImportError as e:
    print(type(e).__name__, e)
print("pkg_a.deep.toofar" in sys.modules)
