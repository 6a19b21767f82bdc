# getattr/setattr/hasattr with constant and computed names on instances
# of plain classes take the type attribute cache: every change to the
# class (new attribute, data descriptor, __getattr__, __setattr__,
# __getattribute__), to a base class, to the instance or its __class__
# between two calls is seen by the next one.
class A:
    def m(self):
        return "A.m"


class B(A):
    pass


def probe(o, name):
    return (hasattr(o, name), getattr(o, name, "absent"))


def show(label, o, names=("x", "y", "m", "on_" + "z")):
    out = []
    for n in names:
        h, v = probe(o, n)
        out.append((n, h, v if not callable(v) else v()))
    print(label, out)


b = B()
show("start", b)
setattr(b, "x", 1)
show("instance x", b)
B.y = "class y"
show("class y", b)
setattr(b, "y", "inst y")
show("inst y shadows", b)
del b.y
show("inst y deleted", b)
A.y = "base y"
del B.y
show("base y", b)


# a data descriptor added to a base class wins over the instance dict
def get_x(self):
    return "prop x"


def set_x(self, v):
    self.__dict__["x_set"] = v


A.x = property(get_x, set_x)
show("property x", b)
setattr(b, "x", 42)
print("setattr through property", b.__dict__.get("x_set"), b.__dict__.get("x"))
del A.x
show("property gone", b)

# a method replaced on the class, and shadowed on the instance
A.m = lambda self: "A.m2"
show("method replaced", b)
b.m = lambda: "inst m"
show("method shadowed", b)
del b.m

# __getattr__ added later answers the missing names
B.__getattr__ = lambda self, n: "ga " + n
show("__getattr__", b)
del B.__getattr__
show("__getattr__ gone", b)

# __setattr__ added later sees setattr()
log = []


def logging_setattr(self, n, v):
    log.append((n, v))
    object.__setattr__(self, n, v)


B.__setattr__ = logging_setattr
setattr(b, "x", 7)
setattr(b, "on_" + "z", 8)
print("logged", log, b.x)
del B.__setattr__
setattr(b, "x", 9)
print("unlogged", log, b.x)

# __getattribute__ added later
B.__getattribute__ = lambda self, n: "gab " + n
show("__getattribute__", b)
del B.__getattribute__
show("__getattribute__ gone", b)

# the instance changes class between calls
class C:
    x = "C.x"

    def m(self):
        return "C.m"


b.__class__ = C
show("class changed", b)
b.__class__ = B
show("class back", b)

# many classes through one call site (more than any cache's ways)
classes = [type("K%d" % i, (), {"k": i}) for i in range(7)]
objs = [k() for k in classes] * 3
for i, o in enumerate(objs):
    if i == 10:
        classes[3].k = "changed"
        del classes[5].k
    setattr(o, "v", i)
print([(getattr(o, "k", None), getattr(o, "v"), hasattr(o, "k")) for o in objs])

# a name that is not a str, and str subclass names
try:
    getattr(b, 5)
except TypeError as e:
    print("TypeError", e)


class S(str):
    pass


setattr(b, S("sub"), "via subclass")
print(getattr(b, S("sub")), getattr(b, "sub"), hasattr(b, S("nope")))
