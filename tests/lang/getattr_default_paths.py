# getattr(o, name, default) and hasattr() find a missing attribute without
# raising inside; AttributeError raised by user code still means "absent",
# other exceptions propagate, and __getattr__ hooks still decide.
class P:
    cls_attr = 5

    def __init__(self):
        self.x = 1

    @property
    def gone(self):
        raise AttributeError("computed away")

    @property
    def broken(self):
        raise ValueError("broken getter")

    def meth(self):
        return "m"


class Hook(P):
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:]
        raise AttributeError(name)


class Meta(type):
    @property
    def meta_prop(cls):
        return "meta " + cls.__name__


class WithMeta(metaclass=Meta):
    pass


p, h = P(), Hook()
for o in (p, h, P, Hook, WithMeta, 3, "s", [1]):
    print([hasattr(o, n) for n in ("x", "cls_attr", "gone", "meth", "nope", "dyn_q", "meta_prop", "__class__")],
          getattr(o, "nope", "default"), getattr(o, "dyn_abc", None))
print(getattr(p, "meth")(), getattr(P, "cls_attr", 0), getattr(WithMeta, "meta_prop", 0))
for o, n in ((p, "broken"), (h, "broken")):
    try:
        hasattr(o, n)
    except ValueError as e:
        print("ValueError", e)
    try:
        getattr(o, n, 1)
    except ValueError as e:
        print("ValueError", e)
try:
    getattr(p, "nope")
except AttributeError as e:
    print("AttributeError", e)
p.late = 7
del P.cls_attr
print(getattr(p, "late", 0), getattr(p, "cls_attr", "deleted"), hasattr(P, "cls_attr"))
