# needs: float
# weakref.ref: a reference that does not keep its object alive; cleared
# (and its callback called) when the collector frees the object.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __repr__(self):
        return "Node(%s)" % self.name


def scrub(n):
    # overwrite the slots earlier code used: deeper calls' values, and the
    # interpreter's own C temporaries of the operations the tests use (an
    # attribute store keeps its value in one until the next store)
    t, u = Node("t"), Node("u")
    t.other, u.other = u, t
    t.other = u.other = None
    a = b = c = d = e = f = g = h = i = j = k = l = None
    return scrub(n - 1) if n else 0


def collect():
    # The collector scans conservatively: a stale copy of an address in an
    # unused slot keeps an object alive. Calls with many cleared locals
    # cover the slots the helpers below used.
    scrub(20)
    a = b = c = d = e = f = g = h = i = j = k = l = None
    gc.collect()


keep = Node("kept")
r = weakref.ref(keep)
print(r(), r() is keep, type(r) is weakref.ref, weakref.ref is weakref.ReferenceType)
print(isinstance(r, weakref.ref), r.__callback__)
collect()
print(r())

events = []


def make(name, cb=None):
    n = Node(name)
    return weakref.ref(n, cb) if cb else weakref.ref(n)


gone = make("temp")
collect()
print(gone(), gone() is None)

# the callback gets the (now dead) ref, once
calls = []
cb_ref = make("cb", lambda ref: calls.append(ref() is None))
collect()
print(calls, cb_ref(), cb_ref.__callback__)
collect()
print(calls)


# a cycle is collected too
def make_cycle():
    a, b = Node("a"), Node("b")
    a.other, b.other = b, a
    return weakref.ref(a), weakref.ref(b)


ra, rb = make_cycle()
collect()
print(ra(), rb())

# a ref that dies before its object: no callback
obj = Node("lives")


def short_lived():
    weakref.ref(obj, lambda r: print("never"))


short_lived()
collect()
print(obj)

# equality follows the referents while both live; hash is the referent's
class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


k1, k2 = Key(1), Key(1)
r1, r2 = weakref.ref(k1), weakref.ref(k2)
print(r1 == r2, r1 != r2, r1 == r1, hash(r1) == hash(1), r1 == k1)
d = {r1: "one"}
print(d[r2])


def dead_pair():
    return weakref.ref(Key(5)), weakref.ref(Key(5))


d1, d2 = dead_pair()
collect()
print(d1 == d2, d1 == d1, d1 != d2)
try:
    hash(d1)
except TypeError as e:
    print("TypeError", e)

# functions, classes and sets can be referenced; plain data cannot
def func():
    return 42


print(weakref.ref(func)()(), weakref.ref(Node)().__name__, weakref.ref(len)() is len)
fs = frozenset([1, 2])
print(len(weakref.ref(fs)()), weakref.ref(keep, print).__callback__ is print)
for bad in (1, 2.5, "s", b"b", (1,), [1], {}, None, True, bytearray(2)):
    try:
        weakref.ref(bad)
        print("made", type(bad).__name__)
    except TypeError as e:
        print("TypeError", e)
try:
    r()
    r(1)
except TypeError:
    print("TypeError call")
try:
    weakref.ref()
except TypeError:
    print("TypeError no args")

# a cache that forgets objects nobody else uses
cache = {}


def lookup(name):
    ref = cache.get(name)
    obj = ref() if ref else None
    if obj is None:
        obj = Node(name)
        cache[name] = weakref.ref(obj)
    return obj


held = lookup("x")
lookup("y")
collect()
print(sorted(k for k, v in cache.items() if v() is not None))
