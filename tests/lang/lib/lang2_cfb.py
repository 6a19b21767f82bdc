# helper: imported by lang2_cfa while lang2_cfa is half initialised
print("cfb start")
from lang2_cfa import early
got = early
try:
    from lang2_cfa import late
except ImportError as e:
    print("cfb ImportError", "late" in str(e))
print("cfb end")
