# attribute and method caches must follow changes to classes and instances
class P:
    pass

class Q(P):
    pass

def get_a(o):
    return o.a

def set_a(o, v):
    o.a = v

p, q = P(), Q()
p.a = q.a = 1
print(get_a(p), get_a(q))
setattr(P, "a", property(lambda self: "prop"))
print(get_a(p), get_a(q))
try:
    set_a(q, 2)
except AttributeError as e:
    print("read-only property")
delattr(P, "a")
print(get_a(p), get_a(q))
set_a(q, 3)
print(get_a(q))

class M:
    def m(self):
        return "M.m"

class N(M):
    pass

def call_m(o):
    return o.m()

n = N()
print(call_m(n), call_m(M()))
setattr(N, "m", lambda self: "N.m")
print(call_m(n), call_m(M()))
delattr(N, "m")
print(call_m(n))
M.m = lambda self: "M.m2"
print(call_m(n))
n.m = lambda: "instance"
print(call_m(n))

class S:
    def __init__(self):
        self.v = 0

def bump(o):
    o.v += 1
    return o.v

s = S()
print([bump(s) for _ in range(3)])
S.__setattr__ = lambda self, k, v: object.__setattr__(self, k, v * 10)
print(bump(s))

class G:
    def __init__(self):
        self.x = "inst"

def get_x(o):
    return o.x

g = G()
print(get_x(g))
G.__getattribute__ = lambda self, name: "intercepted"
print(get_x(g))

# different types through the same code
class A1:
    def __init__(self):
        self.k = "a1"
class A2:
    def __init__(self):
        self.z = 0
        self.k = "a2"
def get_k(o):
    return o.k
print([get_k(o) for o in (A1(), A2(), A1(), A2())])
import sys
sys.my_value = 1
def get_mv():
    return sys.my_value
print(get_mv())
sys.my_value = 2
print(get_mv())
del sys.my_value
try:
    get_mv()
except AttributeError:
    print("gone")
