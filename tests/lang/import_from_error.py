# from-import of a submodule that fails inside reports the inner error;
# only the submodule's own absence is "cannot import name". ImportError's
# name says which module is missing.
import sys
sys.path.insert(0, sys.path[0] + "/lib")
try:
    from ns_failing import needs_dep
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from ns_failing import absent
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import ns_failing.absent2
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import sys.nothing
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import no_such_top_level_x
except ModuleNotFoundError as e:
    print(e.name, e.args)
