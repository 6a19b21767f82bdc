# helper: pkg_a.sub, with relative imports
print("pkg_a.sub runs, __name__ =", __name__)
from . import pkg_value
y = "sub-y " + pkg_value
