# helper: circular import where b does "from lang2_cfa import late" too early
print("cfa start")
early = "cfa early"
import lang2_cfb
late = "cfa late"
print("cfa end, cfb.got =", lang2_cfb.got)
