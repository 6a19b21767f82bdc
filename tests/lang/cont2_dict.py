# needs: float
# dict: merge operators, fromkeys, setdefault, popitem, views with set operations, reversed, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a | {}, {} | a)
c = dict(a)
c |= b
print(c)
c |= [("w", 0)]
c |= (("v", -1),)
print(c)
t(lambda: a | [("k", 1)])
t(lambda: a | 1)
def ior(x, y):
    x |= y
    return x
t(lambda: ior(c, 1))
t(lambda: ior(c, [1]))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(()), dict.fromkeys(range(3), []))
class D(dict):
    pass
print(type(D.fromkeys("a")).__name__, D.fromkeys("ab", 1))
d = {}
print(d.setdefault("a"), d.setdefault("a", 5), d.setdefault("b", 5), d)
d = {1: "a", 2: "b", 3: "c"}
print(d.popitem(), d.popitem(), d)
d[4] = "d"
print(d.popitem(), d.popitem(), d)
t(lambda: d.popitem())
t(lambda: {}.pop(1))
t(lambda: {}["k"])
t(lambda: {}[(1, 2)])
t(lambda: {}[[1]])
t(lambda: {[1]: 2})
print({1: 2}.pop(1), {}.pop(1, "dflt"), {}.get(1), {}.get(1, 2), {1: 2}.get(1, 3))
d = dict(a=1, b=2)
d2 = dict([("a", 1)], b=2)
d3 = dict({"a": 1}, c=3)
print(d, d2, d3, dict(zip("ab", range(2))), dict(d.items()), dict(), dict({}))
t(lambda: dict([1]))
t(lambda: dict([(1, 2, 3)]))
t(lambda: dict(1))
t(lambda: dict({}, {}))
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i, list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(list(reversed(d)), sorted(k & {"a", "c", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(i & {("a", 1), ("b", 9)}), sorted(i - {("a", 1)}), sorted(i | {("q", 0)}), k == {"a", "b", "c"}, k != {"a"}, i == {("a", 1), ("b", 2), ("c", 3)})
print(k <= {"a", "b", "c", "d"}, k < {"a", "b", "c"}, k >= {"a"}, k.isdisjoint({"x"}), k.isdisjoint(["a"]), sorted({"a", "z"} & k), sorted(["b", "x"] & k), sorted({"b", "x"} - k))
print(sorted(k & ["a", "b"]), sorted(k | ("x",)), sorted(k - "ab"), sorted(k ^ "ax"))
t(lambda: k & 1)
t(lambda: v & {1})
t(lambda: v == v)
d["d"] = 4
print(k, list(v), list(i))
t(lambda: hash(k))
it = iter(d)
d["e"] = 5
t(lambda: next(it))
it = iter(d)
next(it)
del d["e"]
t(lambda: next(it))
d = {1: 1}
print(d == {1: 1.0}, d == {True: 1}, {1: 2} != {1: 3}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
t(lambda: {1: 2} < {1: 2})
print(repr({}), str({1: "a", "b": [1]}), {1: {2: {}}})
d = {}
d[1] = d
print(d)
l = [1]
l.append(l)
print(l, [l, l], (l,))
s = {1: [2]}
s[1].append(s)
print(s)
x = {"k": 1}
x.update({"k": 2}, k2=3)
x.update([("a", 0)])
x.update(b=1)
print(x)
t(lambda: x.update(1))
t(lambda: x.update({}, {}))
print(x.copy(), x.clear(), x)
print({(1, 2): "t", 1.0: "f", None: "n", frozenset([1]): "fs"}[1], {1: "a", 1.0: "b", True: "c"})
d = {k: k * 2 for k in range(4)}
del d[1]
d[1] = "back"
print(d, list(d), next(iter(d.items())))
t(lambda: d.__delitem__(99))
print(dict.__name__, type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__)
