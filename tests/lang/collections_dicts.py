# collections.OrderedDict and collections.defaultdict: dict subclasses with
# insertion order, move_to_end, popitem(last=), order-sensitive equality,
# a default factory, and their reprs and operators.
from collections import OrderedDict, defaultdict

# the documented example
d = OrderedDict([("z", 1), ("a", 2)])
d["w"] = 5
d["b"] = 3
for k, v in d.items():
    print(k, v)
print(d, list(d), list(d.keys()), list(d.values()), len(d), "a" in d, d["w"], d.get("q", 0))
print(isinstance(d, dict), isinstance(d, OrderedDict), type(d).__name__, OrderedDict.__module__)
print(OrderedDict(), OrderedDict(x=1, y=2), OrderedDict({"k": 1}, m=2), OrderedDict.fromkeys("abc", 0))

# move_to_end and popitem
d.move_to_end("z")
print(list(d))
d.move_to_end("b", last=False)
print(list(d))
d.move_to_end("w", False)
print(d)
try:
    d.move_to_end("nope")
except KeyError as e:
    print("KeyError", e)
print(d.popitem(), d.popitem(last=False), d)
e = OrderedDict()
try:
    e.popitem()
except KeyError as ex:
    print("KeyError", ex)
d["z"] = 0
d["a"] = 9
del d["a"]
d["a"] = 10
print(d, d.pop("z"), d.setdefault("n", 1), d)

# equality: order matters only between two OrderedDicts
o1 = OrderedDict([(1, 1), (2, 2)])
o2 = OrderedDict([(2, 2), (1, 1)])
print(o1 == o2, o1 != o2, o1 == {2: 2, 1: 1}, {2: 2, 1: 1} == o1, o1 == dict(o2), o1 == OrderedDict(o1))
print(o1 == [1, 2], o1 != [1, 2], o1 == OrderedDict([(1, 1)]))

# copy and union
c = o1.copy()
c[3] = 3
print(c, o1, type(c).__name__)
u = o1 | {5: 5}
print(u, type(u).__name__, {0: 0} | o1, type({0: 0} | o1).__name__)
o1 |= {9: 9}
print(o1)
o1.update([(7, 7)], eight=8)
print(o1)
print(OrderedDict(a=OrderedDict(b=1)), OrderedDict([("t", (1, 2))]))

# subclass of OrderedDict
class Last(OrderedDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v)
        self.move_to_end(k)
lst = Last()
lst["a"] = 1
lst["b"] = 2
lst["a"] = 3
print(lst, list(lst))

# defaultdict
dd = defaultdict(list)
for word in "apple bat avocado cherry banana".split():
    dd[word[0]].append(word)
print(dd, dd["a"], len(dd), "z" in dd, dd.get("z"), len(dd))
print(dd["z"], len(dd), dd.default_factory is list)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts)
nd = defaultdict()
print(nd, nd.default_factory)
try:
    nd["missing"]
except KeyError as ex:
    print("KeyError", ex)
nd.default_factory = lambda: "made"
print(nd["x"], nd["x"] == "made", dict(nd))
print(defaultdict(int, {"a": 1}, b=2), defaultdict(None, [(1, 2)]), defaultdict(int, x=5)["x"])
try:
    defaultdict(5)
except TypeError as ex:
    print("TypeError", ex)
cp = counts.copy()
cp["new"] += 1
print(type(cp).__name__, cp.default_factory is int, cp["new"], "new" in counts)
m = defaultdict(int, a=1) | {"b": 2}
print(m, type(m).__name__, m["zz"], m)
r = {"b": 2} | defaultdict(int, a=1)
print(r, type(r).__name__)
print(isinstance(dd, dict), type(dd).__name__, defaultdict.__module__)
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], list(t["a"]), t["a"]["x"] == defaultdict(tree))

class Counter(defaultdict):
    def __init__(self):
        super().__init__(int)
    def add(self, k):
        self[k] += 1
cn = Counter()
for k in "aab":
    cn.add(k)
print(sorted(cn.items()), cn.default_factory is int)

# many pops from both ends with inserts between them (the map is compacted
# as deleted entries pile up at its front): order and contents stay right
big = OrderedDict((i, i * i) for i in range(3000))
popped = []
for i in range(2500):
    popped.append(big.popitem(last=(i % 5 == 0)))
    if i % 7 == 0:
        big["n%d" % i] = i
    if i % 11 == 0:
        big.move_to_end(next(iter(big)))
    if i % 13 == 0:
        k = next(reversed(list(big)))
        big.move_to_end(k, last=False)
print(len(big), popped[:6], popped[-3:], list(big.items())[:5], list(big)[-5:])
print(sum(v for k, v in popped if isinstance(v, int)), big == OrderedDict(list(big.items())), 1000 in big)
lru = OrderedDict()
for i in range(5000):
    key = i % 97 if i % 3 else i
    if key in lru:
        lru.move_to_end(key)
    lru[key] = i
    if len(lru) > 50:
        lru.popitem(last=False)
print(len(lru), list(lru)[:8], list(lru.values())[-4:])
