# Import statements bind names in the scope they appear in.
import sys
sys.path.insert(0, sys.path[0] + "/lib")

def local_import():
    import pkg_a.deep.leaf
    from pkg_a import sub as s
    import pkg_a.deep as d
    return pkg_a.__name__, s.__name__, d.__name__

print(local_import())
print("pkg_a" in globals(), "s" in globals())

def global_import():
    global sysmod
    import sys as sysmod

global_import()
print(sysmod is sys)

class K:
    import sys as ksys
    from pkg_a import pkg_value

print(K.ksys is sys, K.pkg_value)

def closure_import():
    from pkg_a.deep import sibling
    def inner():
        return sibling.s
    return inner()

print(closure_import() is not None)
try:
    from pkg_a import does_not_exist
except ImportError as e:
    print("ImportError")
