"""Module docstring: dropped."""
# MicroPython discards docstrings (docs, "MicroPython Internals":
# "docstrings are discarded"), so every __doc__ is None here, where
# CPython keeps the text. The docstring statement itself still counts as
# the body, and is not stored anywhere.
import sys
import time


def f():
    "fdoc"


class C:
    "cdoc"

    def m(self):
        "mdoc"

    @property
    def p(self):
        "pdoc"

    @staticmethod
    def s():
        "sdoc"


class D(C):
    pass


print(__doc__, f.__doc__, f(), C.__doc__, D.__doc__, C().__doc__)
print(C.m.__doc__, C().m.__doc__, C.p.__doc__, C.s.__doc__, (lambda: 1).__doc__)
print("__doc__" in C.__dict__, sys.modules[__name__].__doc__, time.__doc__)
print(len.__doc__, int.__doc__)
