# helper: circular import with mod_circ_b
print("circ_a start")
a_early = "early a"
import mod_circ_b
print("circ_a sees", mod_circ_b.b_value)
a_late = "late a"
