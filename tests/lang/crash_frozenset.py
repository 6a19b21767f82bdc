# frozenset caches its hash: nesting 10**5 deep stays linear (it hung,
# rehashing the whole nesting at every level), and cached hashes agree
# with fresh ones.
# big heap: nests 10**5 frozensets (not run in the 2 MiB heap pass)
s = frozenset()
for i in range(10**5):
    s = frozenset([s])
print(len(s), hash(s) == hash(s), s in {s}, {s: 1}[s])

a = frozenset([1, 2, 3])
print(hash(a) == hash(frozenset([3, 2, 1])))
print(hash(frozenset([1]) | frozenset([2])) == hash(frozenset([1, 2])))
print(hash(frozenset("ab") - frozenset("b")) == hash(frozenset("a")))
print({1} in {frozenset([1])}, {frozenset([1]): "x"}[frozenset({1})])
print(hash(frozenset()) == hash(frozenset([])))
try:
    hash({1})
except TypeError as e:
    print(e)


class F(frozenset):
    pass


f = F([1, 2])
print(hash(f) == hash(frozenset([1, 2])), f == frozenset([1, 2]))
