# helper: module-level __getattr__
real = 1


def __getattr__(name):
    if name.startswith("dyn_"):
        return name[4:].upper()
    raise AttributeError("module 'mod_getattr' has no attribute '" + name + "'")
