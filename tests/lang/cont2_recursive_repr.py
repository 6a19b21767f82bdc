# Printing self-referencing containers, and deep nesting raising RecursionError, never crashing.
# big heap: nests containers to the recursion limit (not run in the 2 MiB heap pass)
l = [1]
l.append(l)
print(l, repr(l), str(l), [l], (l, l))
d = {"a": 1}
d["self"] = d
print(d, {1: d})
l2 = [d, l]
d["l"] = l2
print(l2, d)
s = {"k": []}
s["k"].append(s)
print(s)
class C:
    def __init__(self):
        self.x = [self]
    def __repr__(self):
        return "C(%r)" % (self.x,)
try:
    print(C())
except RecursionError as e:
    print("RecursionError")
a = []
b = [a]
a.append(b)
print(a, b)
dk = {}
dk[1] = dk.keys()
print(dk)
dv = {}
dv[1] = dv.values()
print(dv)
di = {}
di[1] = di.items()
print(di)
print(f"{l}", "%s" % (l,), "{}".format(d))

deep = []
for i in range(1000000):
    deep = [deep]
try:
    repr(deep)
except RecursionError:
    print("RecursionError repr list")
dd = {}
for i in range(1000000):
    dd = {1: dd}
try:
    str(dd)
except RecursionError:
    print("RecursionError repr dict")
tt = ()
for i in range(1000000):
    tt = (tt,)
try:
    print(tt == tt)
except RecursionError:
    print("RecursionError compare tuples")
x = []
y = []
for i in range(1000000):
    x = [x]
    y = [y]
try:
    print(x == y)
except RecursionError:
    print("RecursionError compare lists")
print("still alive", l[0], len(d))
