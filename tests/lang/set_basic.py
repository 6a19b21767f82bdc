# needs: float
# set and frozenset (printed sorted, never in iteration order)
s = {3, 1, 2}
print(sorted(s), len(s), 1 in s, 5 in s, 5 not in s)
print(set(), frozenset(), set([1]), frozenset([1]), repr({1}), set("aa"))
s.add(4)
s.add(1)
print(sorted(s))
s.remove(4)
s.discard(10)
s.discard(3)
print(sorted(s))
try:
    s.remove(10)
except KeyError as e:
    print("KeyError", e)
e = set()
try:
    e.pop()
except KeyError as ex:
    print("KeyError", ex)
x = {5}
print(x.pop(), x)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, [1])), sorted(a.symmetric_difference([3, 7])))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint([7, 8]), a.isdisjoint(b))
print({1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1} < {1, 2}, {1, 2} >= {2}, {1, 2} > {1, 2}, {1, 2} == {2, 1}, {1} != {1})
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
print(sorted(c))
c -= {1}
c ^= {2, 3}
print(sorted(c))
d = {1, 2, 3}
d.update([4], (5,))
d.intersection_update([1, 2, 3, 4, 9])
d.difference_update({1})
d.symmetric_difference_update({4, 8})
print(sorted(d))
f = frozenset([1, 2, 3])
print(sorted(f | {9}), type(f | {9}).__name__, type({9} | f).__name__, type(f.copy()).__name__)
print(hash(f) == hash(frozenset([3, 2, 1])), {f: 1}[frozenset([1, 2, 3])], f == {1, 2, 3})
print(frozenset() == frozenset(), {frozenset([1])} == {frozenset([1])})
print({1, 1.0, True}, len({1, 2.0, 2, "2"}))
print(frozenset([1]) in {frozenset([1])}, {1} in {frozenset([1])})
for bad in [lambda: {[1]}, lambda: {1} | [2], lambda: hash({1}), lambda: {1} < [1], lambda: set(1)]:
    try:
        bad()
    except TypeError as ex:
        print("TypeError", ex)
g = {1, 2}
g.clear()
print(g, len(g), bool(g), bool({0}))
print(sorted({x % 5 for x in range(20)}), sorted(set(range(100)) - set(range(2, 100))))
h = {1, 2, 3}
try:
    for i in h:
        h.add(i + 10)
except RuntimeError as ex:
    print("RuntimeError", ex)
