# helper for lang2_module_attrs: module-level state and functions that use it
counter = 0
def bump():
    global counter
    counter += 1
    return counter
def read_value():
    return value
value = "module value"
class Thing:
    def where(self):
        return __name__
_private = "hidden"
print("lang2_modstate loaded")
