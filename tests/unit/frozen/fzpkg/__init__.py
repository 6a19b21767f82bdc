# A frozen package of the core-alone unit test.
from . import sub

NAME = "fzpkg"
