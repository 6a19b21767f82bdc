# a relative import in __main__ has no parent package
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .mod import x
except ImportError as e:
    print(type(e).__name__, e)
print(__name__)
