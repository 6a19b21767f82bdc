# helper: a module whose body raises
print("mod_raises starts")
value = 1
raise ValueError("broken module")
