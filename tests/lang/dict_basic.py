# needs: float
# dict construction, access, methods
d = {"a": 1, "b": 2}
print(d, len(d), d["a"], d.get("b"), d.get("z"), d.get("z", 0))
print(dict(), dict(a=1, b=2), dict([("x", 1), ["y", 2]]), dict({"k": "v"}, z=3), dict(zip("ab", range(2))))
d["c"] = 3
d["a"] = 10
print(d, "a" in d, "q" in d, "q" not in d)
del d["b"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
try:
    d["zz"]
except KeyError as e:
    print("KeyError", e)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
print(d.pop("a"), d.pop("a", "dflt"), d)
try:
    d.pop("a")
except KeyError as e:
    print("KeyError", e)
print(d.setdefault("n", []), d.setdefault("c", 99), d)
d["n"].append(1)
print(d)
e = {1: "one", 2: "two", 3: "three"}
print(e.popitem(), e.popitem(), e)
e.popitem()
try:
    e.popitem()
except KeyError as ex:
    print("KeyError", ex)
f = {"x": 1}
f.update({"y": 2})
f.update([("z", 3)])
f.update(w=4)
f.update({"x": 0}, v=5)
print(f)
g = f.copy()
g["x"] = 100
print(f["x"], g["x"])
g.clear()
print(g, len(g), bool(g), bool(f))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {} == {}, {1: 2, 3: 4} == {3: 4, 1: 2})
print({1: "a"} | {2: "b"}, {1: "a", 2: "x"} | {2: "b"})
h = {1: 1}
h |= {2: 2}
h |= [(3, 3)]
print(h)
print({1: 1, 1.0: 2, True: 3})
print({(1, 2): "t", 2.5: "f", None: "n", "s": "s"})
for bad in [lambda: {[]: 1}, lambda: {}[[]], lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]),
            lambda: {1: 2} | [(3, 4)]]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
class K:
    def __init__(self):
        self.n = 5
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k * 2
print(dict(K()))
d2 = {}
d2.update(K())
print(d2)
