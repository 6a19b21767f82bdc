# Extends the built-in time module the way the docs describe: import the
# built-in with sys.path emptied, then add to it.
import sys

_path = sys.path
sys.path = ()
try:
    from time import *
finally:
    sys.path = _path
del _path


def extra_method():
    return "extra from time.py"
