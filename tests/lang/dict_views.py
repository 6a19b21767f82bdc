# keys/values/items views
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), len(v), len(it), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it, "z" in k)
d["d"] = 4
print(list(k), list(v), list(it))
print(sorted(k & {"a", "d", "x"}), sorted(k | {"x"}), sorted(k - {"a"}), sorted(k ^ {"a", "y"}))
print(sorted({"a", "q"} & k), sorted(["a", "b"] - k), sorted(k - ["a", "b"]))
print(k == {"a", "b", "c", "d"}, k == {"a"}, k != {"a"})
print(sorted(it & {("a", 1), ("b", 0)}))
print(k.isdisjoint({"x", "y"}), k.isdisjoint(["a"]))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
e = {}
print(e.keys(), e.values(), e.items(), bool(e.keys()), len(e.items()))
for key, val in d.items():
    print(key, val, end="; ")
print()
print(sorted(d.items(), key=lambda p: -p[1]))
print(max(d, key=d.get), min(d.values()), sum(d.values()))
class H:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return isinstance(o, H)
m = {H(): "x"}
print(m[H()], H() in m, len({H(): 1, H(): 2}))
