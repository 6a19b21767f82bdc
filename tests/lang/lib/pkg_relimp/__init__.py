# __import__ with a level and no globals finds the module beside this one
# (MicroPython resolves it against the calling module)
_m = __import__("_helper", None, None, (), 1)
VALUE = _m.VALUE
