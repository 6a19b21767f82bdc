# Extends the built-in array module the older way: through its u-name.
from uarray import *


def extra():
    return "extra from array.py"
