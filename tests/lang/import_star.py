# from module import *
import sys
sys.path.insert(0, sys.path[0] + "/lib")

from mod_star import *
print(pub1, _semi)
try:
    pub2
except NameError as e:
    print(type(e).__name__)

from mod_star2 import *
print(star_x, star_y)
try:
    _star_private
except NameError as e:
    print(type(e).__name__)
