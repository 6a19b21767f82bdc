# helper: circular import with mod_circ_a
print("circ_b start")
import mod_circ_a
print("circ_b sees partial a:", mod_circ_a.a_early, hasattr(mod_circ_a, "a_late"))
b_value = "b"
