# failing imports
import sys
sys.path.insert(0, sys.path[0] + "/lib")

try:
    import nonexistent_module_xyz
except ImportError as e:
    print(type(e).__name__, e)

try:
    import pkg_a.not_a_submodule
except ImportError as e:
    print(type(e).__name__, e)

try:
    import mod_a.inner
except ImportError as e:
    print(type(e).__name__, e)

try:
    from mod_a import not_a_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])

try:
    from sys import not_a_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])

print(issubclass(ModuleNotFoundError, ImportError))

# a module that raises is not left in sys.modules, and runs again next time
for i in range(2):
    try:
        import mod_raises
    except ValueError as e:
        print(type(e).__name__, e)
    print("mod_raises" in sys.modules)

# SystemExit from an imported module propagates like any exception
try:
    import mod_sysexit
except SystemExit as e:
    print("SystemExit", e.args)
print("mod_sysexit" in sys.modules)

try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
