# needs: float
# dict comprehension, merging, kwargs and misc methods
d = {k: k * k for k in range(6) if k % 2 == 0}
print(d, {v: k for k, v in d.items()})
def f(**kw):
    return sorted(kw.items())
print(f(**d), f(**{"a": 1}, b=2, **{"c": 3}))
print({**{"a": 1}, "b": 2, **{"a": 3}})
class M:
    def keys(self):
        return ["x", "y"]
    def __getitem__(self, k):
        return k.upper()
print({**M()}, f(**M()))
try:
    f(**[1])
except TypeError as e:
    print("TypeError")
e = {}
print(e.setdefault("k", 1), e.setdefault("k", 2), e)
e.update([("a", 1)], b=2)
e.update(e)
print(e, e.get("a"), e.pop("b"), e.pop("zz", None), e)
print(list({1: 1, 2: 2}), list({}), [k for k in {"p": 0, "q": 0}])
nested = {"a": {"b": {"c": [1, 2, {"d": (3,)}]}}}
print(nested, nested["a"]["b"]["c"][2]["d"][0])
print(dict(a=1, b=2) == {"b": 2, "a": 1}, {1: 1} == {1: 1.0}, {1: [1]} == {1: [1]}, {} != {1: 1})
print(dict.fromkeys(range(3), []), dict({1: 2}, **{"x": 3}))
g = {"x": 1}
g2 = g | {"y": 2}
g |= {"x": 5}
print(g, g2)
print(len({str(i): i for i in range(100)}), sum({i: i for i in range(100)}.values()))
k = {True: "t", 0: "z"}
print(k[1], k[False], k.get(1.0), k.get(0.0))
