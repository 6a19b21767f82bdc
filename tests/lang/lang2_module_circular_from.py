# "from a import name" during a circular import sees only what has run so far.
import sys
sys.path.insert(0, sys.path[0] + "/lib")

import lang2_cfa
print(lang2_cfa.early, lang2_cfa.late, lang2_cfa.lang2_cfb.got)
import lang2_cfb
print(lang2_cfb is lang2_cfa.lang2_cfb, hasattr(lang2_cfb, "late"))
