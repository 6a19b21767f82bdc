def __getattr__(name):
    if name == "dyn":
        return "dynamic " + name
    raise AttributeError("module 'mod_getattr2' has no attribute " + repr(name))
