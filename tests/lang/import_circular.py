# circular imports see the partially initialised module
import sys
sys.path.insert(0, sys.path[0] + "/lib")

import mod_circ_a
print(mod_circ_a.a_late)
print(sys.modules["mod_circ_b"].b_value)
