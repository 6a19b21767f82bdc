# Extending built-in libraries from Python (MicroPython docs 1.4): a .py of
# an extensible module's name on sys.path is imported instead of the
# built-in, and reaches the built-in with sys.path emptied or as uNAME.
import sys

sys.path.insert(0, sys.path[0] + "/lib/ext")

import time

print(time.extra_method())
print(time.__file__.endswith("lib/ext/time.py"))
print(time.ticks_add(1, 2), time.ticks_diff(5, 7))  # built-ins, through the extension
print(sys.modules["time"] is time)

import utime

print(utime is time, hasattr(utime, "extra_method"), hasattr(utime, "ticks_ms"))
print(sys.modules["utime"] is utime)

# the old way: array.py imports uarray
import array

print(array.extra(), array.array("b", [1, 2]))

# not extensible: the built-in wins over lib/ext/gc.py
import gc

print(hasattr(gc, "collect"), hasattr(gc, "__file__"))

# an empty sys.path gives the built-in and leaves sys.modules alone
saved = sys.path
sys.path = []
import time as builtin_time

sys.path = saved
print(builtin_time is utime, sys.modules["time"] is time)

# a u-name exists only for built-in modules
try:
    import umod_a
except ImportError as e:
    print(type(e).__name__, e)

# an extensible module nothing extends is the built-in
import io

print(hasattr(io, "StringIO"), hasattr(io, "__file__"))

# os is extensible too (micropython-lib's os package works this way)
import os

print(os.exists("/"), os.exists("/no/such/path"), os.sep, "listdir" in dir(os))
print(os.__file__.endswith("lib/ext/os.py"), sys.modules["os"] is os)
