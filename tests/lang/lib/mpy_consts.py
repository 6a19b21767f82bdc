# Constants for micropython_const.py: a hidden one and a visible one.
from micropython import const

_PRIVATE = const(0x40)
PUBLIC = const(_PRIVATE | 1)


def private_plus(n):
    return _PRIVATE + n
