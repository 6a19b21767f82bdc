# builtins.__import__ with level > 0 and no globals imports relative to the
# calling module, as MicroPython does (micropython-lib's hashlib relies on
# it); CPython needs the globals. With globals given, both agree.
import sys
sys.path.insert(0, sys.path[0] + "/lib")
import pkg_relimp
print(pkg_relimp.VALUE)
m = __import__("pkg_relimp._helper", None, None, ("VALUE",), 0)
print(m.VALUE)
try:
    __import__("x", None, None, (), -1)
except ValueError as e:
    print("ValueError", e)
