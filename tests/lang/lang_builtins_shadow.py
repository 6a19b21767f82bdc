# Globals shadowing builtins (and un-shadowing with del), import fallbacks, __import__.
import builtins
print(__debug__, __name__ == '__main__', type(builtins).__name__)
len = lambda x: 'shadowed'
print(len([1]))
del len
print(len([1]))
try:
    import does_not_exist_xyz
except ImportError:
    does_not_exist_xyz = None
print(does_not_exist_xyz)
m = __import__('sys')
print(m.__name__)
def f():
    import sys as s, builtins as b
    return s.__name__, b.__name__
print(f())
print(builtins.len is len, builtins.print is print)
def uses_builtin_late():
    return abs(-3)
abs = lambda x: 'patched'
print(uses_builtin_late())
del abs
print(uses_builtin_late())
