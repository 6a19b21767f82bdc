# Attribute and method caches are never stale: classes and instances
# changed between cached accesses (names added, removed, overwritten,
# descriptors appearing) give what an uncached lookup gives.


class A:
    kind = "a"

    def m(self):
        return "A.m"


class B(A):
    pass


def get_kind(o):
    return o.kind


def call_m(o):
    return o.m()


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


b = B()
out = []
for i in range(8):
    if i == 1:
        B.kind = "b"  # a subclass gains the name
    if i == 2:
        A.kind = "a2"  # the base's value changes (hidden by B)
    if i == 3:
        del B.kind  # the base shows again
    if i == 4:
        b.kind = "inst"  # an instance attribute hides the class's
    if i == 5:
        del b.kind
    if i == 6:
        A.kind = property(lambda self: "prop")  # a plain value becomes a descriptor
    if i == 7:
        b.__dict__["kind"] = "dict"  # a data descriptor still wins
    out.append(get_kind(b))
print(out)

out = []
for i in range(7):
    if i == 1:
        B.m = lambda self: "B.m"  # override appears in the subclass
    if i == 2:
        A.m = lambda self: "A.m2"  # hidden by B.m
    if i == 3:
        del B.m
    if i == 4:
        b.m = lambda: "inst.m"  # an instance attribute hides the method
    if i == 5:
        del b.m
    if i == 6:
        setattr(A, "m", lambda self: "setattr")
    out.append(call_m(b))
print(out)

# instance attributes: deleted, then a property added to the class
class P:
    pass


p = P()
out = []
for i in range(6):
    if i == 0:
        p.x = 1
    if i == 2:
        del p.x
    if i == 3:
        p.x = 3
    if i == 4:
        P.x = property(lambda self: "prop", lambda self, v: out.append("setter"))
    try:
        out.append(get_x(p))
    except AttributeError:
        out.append("AttributeError")
print(out)

# stores: __setattr__ added after the cache was filled, then removed
class S:
    pass


s = S()
log = []
for i in range(5):
    if i == 2:
        S.__setattr__ = lambda self, k, v: log.append((k, v))
    if i == 4:
        del S.__setattr__
    set_x(s, i)
print(s.x, log)

# reads: __getattribute__ added later
class G:
    pass


g = G()
g.x = "plain"
out = [get_x(g)]
G.__getattribute__ = lambda self, name: "intercepted"
out.append(get_x(g))
del G.__getattribute__
out.append(get_x(g))
print(out)

# one site, objects of several classes in turn
class C1:
    def __init__(self):
        self.x = 1

    def m(self):
        return "C1"


class C2(C1):
    def __init__(self):
        self.y = 0
        self.x = 2

    def m(self):
        return "C2"


class C3:
    x = "class"

    def m(self):
        return "C3"


objs = [C1(), C2(), C3(), C1(), C3(), C2()]
print([get_x(o) for o in objs], [call_m(o) for o in objs])
C3.x = "changed"
C2.m = lambda self: "C2 new"
print([get_x(o) for o in objs], [call_m(o) for o in objs])

# classes made one after another at the same site (addresses may repeat)
res = []
for i in range(50):
    K = type("K", (), {"v": i, "m": lambda self, i=i: i * 2})
    k = K()
    res.append(get_kind(k) if hasattr(k, "kind") else k.v + k.m())
print(sum(res))

# __class__ assignment between cached accesses
class D1:
    def m(self):
        return "D1"


class D2:
    def m(self):
        return "D2"


d = D1()
out = [call_m(d)]
d.__class__ = D2
out.append(call_m(d))
print(out)
