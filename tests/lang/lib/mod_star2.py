# helper: import * without __all__
star_x = 10
star_y = 20
_star_private = 30
