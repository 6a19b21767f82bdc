# needs: bigint
# key equality across representations: interned vs built str, numbers, subclasses
d = {"abc": 1, "x" * 20: 2}
s = "ab" + "c"
print(d[s], s in d, d.get("x" * 20), "".join(["a", "b", "c"]) in d)
class S(str):
    pass
class I(int):
    pass
print(d[S("abc")], S("abc") in d, d.get(S("x" * 20)), S("q") in d)
e = {S("abc"): 5}
print(e["abc"], "abc" in e, len({S("a"), "a"}))
f = {1: "one"}
print(f[I(1)], I(2) in f, {I(3): 3}[3], f[1.0], f[True])
g = {0: "zero", -1: "m1", -2: "m2", 2**40: "big", -0.0: "negzero"}
print(g, g[0.0], g[-1.0], g[2.0**40])
h = {}
for k in [1, 1.0, True, "1", b"1", (1,), (1.0,), frozenset([1]), None, 0.5, -0.5]:
    h[k] = h.get(k, 0) + 1
print(h)
big = 2**70
m = {big: "b", 2**70 + 1: "c"}
print(m[2**70], m[big + 1], float(2**70) in m)
n = {"": "empty", "é": "e-acute", "日本": "jp"}
print(n[""], n["é"], n["日" + "本"])
print({10**20: 1}.get(1e20), {2**49: 2}.get(float(2**49)), {float(2**60): 3}.get(2**60), {-2**55: 4}.get(-float(2**55)))
print({0.5: 1}.get(0.5), {1e300: 5}.get(1e300), {float("inf"): 6}.get(float("inf")), 2**49 in {2.0**49}, (2**49,) in {(2.0**49,)})
