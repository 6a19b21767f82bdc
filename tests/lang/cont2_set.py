# needs: float
# set and frozenset: every operator and method, with non-set iterables, and error messages.
def t(f):
    try:
        r = f()
        print(sorted(r) if isinstance(r, (set, frozenset)) else repr(r))
    except Exception as e:
        print(type(e).__name__, e)

a = {1, 2, 3}
b = {3, 4}
fa = frozenset(a)
for r in (a | b, a & b, a - b, a ^ b, fa | b, b | fa, fa & b, fa - b, fa ^ b, a | fa):
    print(type(r).__name__, sorted(r))
print(a <= a, a < a, a >= {1}, a > {1}, {1} < a, a == fa, fa == a, a != b, set() == frozenset(), a <= fa, fa < a)
for m in ("union", "intersection", "difference", "symmetric_difference"):
    print(m, sorted(getattr(a, m)([3, 5])), sorted(getattr(fa, m)(range(2, 6))), type(getattr(fa, m)("x")).__name__)
print(sorted(a.union()), sorted(a.union([9], (8,), [7])), sorted(a.intersection([1, 2], {2, 3})), sorted(a.difference([1], [2])), sorted(a.intersection()))
print(a.issubset([1, 2, 3, 4]), a.issuperset([1]), a.isdisjoint([7]), a.isdisjoint(iter([1])), fa.issubset(range(5)), set().issubset([]))
t(lambda: a | [1])
t(lambda: a & "x")
t(lambda: a < [1])
t(lambda: a.symmetric_difference([1], [2]))
t(lambda: a.union(1))
t(lambda: a.issubset(1))
t(lambda: {[1]})
t(lambda: set([[1]]))
t(lambda: {1} | {[]})
t(lambda: a.add([1]))
t(lambda: hash(set()))
t(lambda: set(1))
t(lambda: set([], []))
s = {1, 2}
s |= {3}
s &= {1, 3, 5}
s -= {5}
s ^= {9, 1}
print(sorted(s))
s.update([4], "x", range(2))
print(sorted(map(str, s)))
s.intersection_update([0, 1, 4, "x"], {0, 4, "x", 99})
print(sorted(map(str, s)))
s.difference_update(["x"], [0])
print(sorted(s))
s.symmetric_difference_update([4, 5, 5])
print(sorted(s))
t(lambda: s.symmetric_difference_update([1], [2]))
def ior(x, y):
    x |= y
    return x
t(lambda: ior(s, [1]))
s.add(7)
s.discard(100)
s.discard(7)
s.remove(5)
print(sorted(s))
t(lambda: s.remove(100))
t(lambda: s.remove([1]))
t(lambda: s.discard([1]))
print(1 in s, frozenset([1]) in {frozenset([1])}, set() == set())
t(lambda: [1] in s)
t(lambda: {1} in {frozenset([1])})
p = {3, 1}
print(p.pop() in (1, 3), len(p))
t(lambda: set().pop())
c = {1, 2}
d = c.copy()
d.add(3)
print(sorted(c), sorted(d), c.clear(), c, len(d))
f = frozenset([1, 2])
print(f.copy() is f, frozenset(f) is f, hash(f) == hash(frozenset([2, 1])), {f: 1}[frozenset([1, 2])], type(f.copy()).__name__)
t(lambda: f.add(1))
fs = frozenset()
print(repr(fs), repr(set()), repr({1}), repr(frozenset({2})), str(frozenset()))
class S(set):
    pass
x = S([1, 2])
print(type(x | {3}).__name__, type(x.copy()).__name__, sorted(x & {2}), x == {1, 2})
print({1, 2} == {1, 2, 0} - {0}, {1} | set(), set() | set(), {(1, 2)} | {(1, 2)}, {1.0} == {1}, {1, 1.0, True})
sel = set()
sel.add(sel.__class__.__name__)
print(sel)
q = set(range(100))
q -= set(range(0, 100, 2))
print(len(q), sum(q), min(q), max(q))
