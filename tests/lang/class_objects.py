# __new__ with super(), unhashable classes, __format__, __class_getitem__, object methods
class P:
    pass
p = P()
p.a = 1
def get_a(o):
    return o.a
print(get_a(p))
setattr(P, "a", property(lambda self: "prop"))
print(get_a(p))
def set_a(o, v):
    o.a = v
try:
    set_a(p, 5)
except AttributeError as e:
    print("AttributeError", e)
class Q:
    def m(self): return "m"
q = Q()
def call(o): return o.m()
print(call(q))
setattr(Q, "m", lambda self: "new")
print(call(q))
