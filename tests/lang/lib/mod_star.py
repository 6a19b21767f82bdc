# helper: import * with __all__
__all__ = ["pub1", "_semi"]
pub1 = 1
pub2 = 2
_semi = 3
