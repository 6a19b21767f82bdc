# Methods of built-in modules and of built-in types' instances, called
# through cached sites: rebinding module globals (a heap module, builtins),
# subclasses of built-in types with methods of their own, and objects of
# several built-in types at one site give what an uncached call gives.
import struct
import sys

sys.path.insert(0, sys.path[0] + "/lib")
import mod_cache as m  # noqa: E402


def pack(i):
    return struct.pack("<hI", i, i * 3)


def unpack(s, b):
    return s.unpack(b)


st = struct.Struct("<hI")
print([unpack(st, pack(i)) for i in range(3)])


class MyStruct(struct.Struct):
    def unpack(self, b):
        return ("mine",) + super().unpack(b)


print([unpack(s, pack(5)) for s in (st, MyStruct("<hI"), st)])


def call_get(mod):
    return mod.get_value()


out = []
for i in range(6):
    if i == 1:
        m.get_value = lambda: "rebound"
    if i == 2:
        del m.get_value
    if i == 3:
        m.get_value = lambda: "re-added"
    if i == 4:
        for k in range(20):
            setattr(m, "grow%d" % k, k)  # the globals map grows and moves
    try:
        out.append(call_get(m))
    except AttributeError:
        out.append("AttributeError")
print(out)

# a site that sees a module and other objects
class HasGet:
    def get_value(self):
        return "method"


print([call_get(o) for o in (m, HasGet(), m, HasGet())])


# builtins read as a module attribute, then rebound
import builtins  # noqa: E402


def call_abs(x):
    return builtins.abs(x)


out = [call_abs(-3)]
saved = builtins.abs
builtins.abs = lambda x: "patched"
out.append(call_abs(-3))
builtins.abs = saved
out.append(call_abs(-4))
print(out)


# one site, several built-in types and a subclass with its own method
def add_one(c, v):
    c.append(v) if hasattr(c, "append") else c.add(v)
    return c


class LoudList(list):
    def append(self, v):
        list.append(self, ("loud", v))


cs = [[], set(), bytearray(), LoudList(), [], LoudList()]
for c in cs:
    add_one(c, 1)
print(cs)


def count(c):
    return c.count(1)


print([count(c) for c in ([1, 1], (1, 2, 1), [3], "1x1" and [1], b"\x01\x01".hex() and (1,))])
