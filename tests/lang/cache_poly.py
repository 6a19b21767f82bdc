# One attribute or method site that sees instances of more classes than
# an inline-cache slot has ways (four): every class answers as an
# uncached lookup would, also after classes and instances change.


class Base:
    def __init__(self, n):
        self.n = n
        self.tag = "base"

    def kind(self):
        return "Base"


def make(i):
    def kind(self):
        return "K%d" % i

    return type("K%d" % i, (Base,), {"kind": kind, "cls_attr": i})


classes = [make(i) for i in range(7)]
objs = [c(i) for i, c in enumerate(classes)] + [Base(99)]


def read_n(o):
    return o.n


def read_cls(o):
    return getattr(o, "cls_attr", None) if not hasattr(o, "cls_attr") else o.cls_attr


def call_kind(o):
    return o.kind()


def write_tag(o, v):
    o.tag = v


for rnd in range(3):
    print(rnd, [read_n(o) for o in objs])
    print(rnd, [read_cls(o) for o in objs])
    print(rnd, [call_kind(o) for o in objs])
    for o in objs:
        write_tag(o, rnd)
    print(rnd, [o.tag for o in objs])
    if rnd == 0:
        classes[2].n = property(lambda self: "prop")  # a data descriptor hides the instance's n
        classes[5].kind = lambda self: "K5 new"
        del classes[6].kind  # Base.kind shows
        objs[3].kind = lambda: "instance kind"  # an instance attribute hides the method
        Base.cls_attr = "from Base"  # only Base(99) sees it; the K classes have their own
    if rnd == 1:
        del classes[2].n
        del objs[3].kind
        del classes[4].cls_attr  # Base's shows
        classes[1].tag = property(lambda self: "tag prop", lambda self, v: setattr(self, "n", v * 100))
        classes[0].__setattr__ = lambda self, k, v: object.__setattr__(self, k, ("set", v))


# one site, many attributes on each instance (the dict is hashed, not scanned)
class Wide:
    def m(self):
        return "Wide.m"


w = Wide()
for k in range(20):
    setattr(w, "a%d" % k, k)


def call_m(o):
    return o.m()


out = [call_m(w)]
w.m = lambda: "instance m"
out.append(call_m(w))
del w.m
out.append(call_m(w))
setattr(w, "a19", "changed")
out.append(w.a19)
print(out)
