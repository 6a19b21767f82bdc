# needs: float
# json.dumps: what cannot be encoded, default=, skipkeys, allow_nan, cycles
import json


def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


show(json.dumps, object)
show(json.dumps, {1, 2})
show(json.dumps, b"bytes")
show(json.dumps, {(1, 2): 3})
show(json.dumps, {b"k": 3})
show(json.dumps, {(1, 2): 3, "a": 1}, skipkeys=True)
show(json.dumps, {(1, 2): 3}, skipkeys=True)
show(json.dumps, {(1, 2): 3}, skipkeys=True, indent=2)
show(json.dumps, [float("nan")], allow_nan=False)
show(json.dumps, {float("inf"): 1}, allow_nan=False)
show(json.dumps, [1.5], allow_nan=False)
show(json.dumps, [1], separators=(",",))

a = [1]
a.append(a)
show(json.dumps, a)
d = {}
d["self"] = [d]
show(json.dumps, d)
shared = [1, 2]
show(json.dumps, [shared, shared, {"x": shared}])


# default= turns unknown objects into encodable ones
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def enc(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError("no")


show(json.dumps, [Point(1, 2), {3, 1, 2}], default=enc)
show(json.dumps, {"p": Point(0, 0)}, default=enc, indent=1)
show(json.dumps, [object()], default=enc)
show(json.dumps, [object()], default=lambda o: o)


# deep nesting without a cycle is fine
deep = []
cur = deep
for i in range(200):
    nxt = []
    cur.append(nxt)
    cur = nxt
s = json.dumps(deep)
print(len(s), s[:5], s[-5:])
