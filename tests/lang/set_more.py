# needs: float
# more set algebra and frozenset behaviour (output sorted)
a = frozenset("abc")
b = frozenset("bcd")
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), type(a & b).__name__)
print(a < frozenset("abcd"), a <= a, a >= {"a"}, a == set("abc"), set("abc") == a, a != b)
s = {1, 2, 3}
t = s
t |= {4}
print(s is t, sorted(s))
s2 = s.copy()
s2 &= {1, 2}
print(sorted(s), sorted(s2))
x = {(1, 2), (2, 1), (1, 2)}
print(len(x), (2, 1) in x, sorted(x))
y = {frozenset([1, 2]), frozenset([2, 1]), frozenset()}
print(len(y), frozenset() in y)
z = set()
for i in range(1000):
    z.add(i * 7 % 100)
for i in range(0, 100, 2):
    z.discard(i)
print(len(z), sorted(z)[:5], min(z), max(z), sum(z))
w = {1.0, 1, True, 2.5, "a", None}
print(len(w), 1 in w, 2.5 in w, None in w, "b" in w)
print({1, 2}.union(), {1, 2}.intersection(), sorted({1, 2}.difference()), {1}.issubset({1}), set().issubset(set()))
print(sorted({1, 2, 3}.intersection([2, 3, 4], (3, 4))), sorted({1, 2}.union([4], [3])))
print(sorted(set("hello") - set("world")), sorted({i for i in range(10)} ^ {i for i in range(5, 15)}))
print(bool(set()), bool(frozenset([0])), len(set([None])))
q = {3, 1, 2}
popped = sorted([q.pop(), q.pop(), q.pop()])
print(popped, q)
print(set([1, 2]) != frozenset([1, 2]), {1} | frozenset([2]) == {1, 2})
