# Packages, relative imports from the main script, __import__ and sys.modules.
import sys
sys.path.insert(0, sys.path[0] + "/lib")
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e).split(' (')[0])
import pkg_a
t(lambda: pkg_a.deep)
t(lambda: exec('from . import x'))
def rel():
    from . import mod_a
t(rel)
def rel2():
    from .mod_a import x
t(rel2)
t(lambda: __import__('pkg_a.sub').__name__)
t(lambda: __import__('pkg_a.sub', None, None, ['y']).__name__)
t(lambda: __import__('nope_zz'))
t(lambda: type(sys).__name__)
import mod_a
t(lambda: mod_a.__name__)
t(lambda: [k for k in sorted(sys.modules) if k.startswith('pkg_a')])
t(lambda: hasattr(pkg_a, 'sub'))
import pkg_a.sub
t(lambda: hasattr(pkg_a, 'sub'))
t(lambda: __name__)
t(lambda: globals()['__name__'])
t(lambda: sys.modules[__name__].t is t)
