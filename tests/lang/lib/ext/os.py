# os extended from Python as micropython-lib's os package does it: the
# built-in's names through uos, plus functions of its own.
from uos import *


def exists(path):
    try:
        stat(path)
        return True
    except OSError:
        return False
