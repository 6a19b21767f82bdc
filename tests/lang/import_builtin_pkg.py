# built-in modules, including the dotted string.templatelib (PEP 750)
import sys
import string.templatelib
from string.templatelib import Template, Interpolation

print(string.templatelib.__name__, string.__name__)
print(string.templatelib.Template is Template, Interpolation.__name__)
print("string.templatelib" in sys.modules, "string" in sys.modules)
import micropython, time, gc
print(micropython.__name__, time.__name__, gc.__name__)
try:
    import string.nothing_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    gc.new_attr = 1
except AttributeError as e:
    print("AttributeError")
