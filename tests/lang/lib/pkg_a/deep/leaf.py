# helper: two levels down, reaching up with ..
print("leaf runs, __package__ =", __package__)
from ..sub import y as sub_y
from .. import pkg_value
from . import sibling
leaf_value = "leaf(" + sub_y + "," + pkg_value + "," + sibling.s + ")"
