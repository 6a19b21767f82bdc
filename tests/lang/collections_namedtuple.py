# collections.namedtuple: fields by name and index, the documented
# constructor forms, CPython's helpers (_make, _replace, _asdict, _fields,
# defaults, rename) and its errors.
from collections import namedtuple

MyTuple = namedtuple("MyTuple", ("id", "name"))
t1 = MyTuple(1, "foo")
t2 = MyTuple(2, "bar")
print(t1.name, t2.name == t2[1], t1, t2, repr(t1))
print(t1.id, t1[0], t1[-1], len(t1), list(t1), t1[:1], tuple(t2))
print(isinstance(t1, tuple), type(t1).__name__, MyTuple.__name__, MyTuple._fields)
print(t1 == (1, "foo"), t1 == MyTuple(1, "foo"), t1 < t2, hash(t1) == hash((1, "foo")))
a, b = t2
print(a, b, t1 + t2, t1 * 2, t1.count(1), t1.index("foo"), "foo" in t1)
print(MyTuple(name="n", id=7), MyTuple(3, name="x"))

# field names as a string: spaces and commas
P = namedtuple("P", "x y z")
Q = namedtuple("Q", "a, b,c")
R = namedtuple("R", [])
print(P(1, 2, 3), Q(1, 2, 3), Q._fields, R(), R._fields, len(R()))

# helpers
p = P(1, 2, 3)
print(P._make([4, 5, 6]), P._make(range(3)), p._replace(y=20, z=30), p, p._asdict())
print(p._asdict() == {"x": 1, "y": 2, "z": 3}, list(p._asdict()))
print(p.__match_args__, P._field_defaults)
try:
    P._make([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    p._replace(w=1)
except ValueError as e:
    print("ValueError", e)

# defaults from the right
D = namedtuple("D", "a b c", defaults=(2, 3))
print(D(1), D(1, 5), D(1, c=9), D._field_defaults)
D2 = namedtuple("D2", "a b", defaults=[None, None])
print(D2(), D2(b=1))
try:
    namedtuple("E", "a", defaults=(1, 2))
except TypeError as e:
    print("TypeError", e)

# rename replaces bad names with _index
Rn = namedtuple("Rn", ["abc", "def", "ghi", "abc", "_x", "1y"], rename=True)
print(Rn._fields)
print(namedtuple("M", "a b", module="mymod").__module__)

# argument errors
for args, kw in (((), {}), ((1,), {}), ((1, 2, 3, 4), {}), ((1,), {"x": 2}), ((), {"w": 1})):
    try:
        print(P(*args, **kw))
    except TypeError as e:
        print("TypeError", e)
try:
    MyTuple(1)
except TypeError as e:
    print("TypeError", e)

# bad names
for name, fields in (("1x", "a"), ("T", "a 1b"), ("T", "a class"), ("class", "a"), ("T", "a _b"), ("T", "a b a"),
                     ("T", ["a", 2])):
    try:
        namedtuple(name, fields)
        print("made", name, fields)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# immutability
try:
    p.x = 5
except AttributeError:
    print("AttributeError x")
try:
    p.other = 5
except AttributeError:
    print("AttributeError other")
try:
    p[0] = 5
except TypeError:
    print("TypeError item")

# subclassing a namedtuple class
class Point(namedtuple("Point", "x y")):
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def __repr__(self):
        return "Point<%d,%d>" % self
pt = Point(3, 4)
print(pt, pt.norm2(), pt.x, pt._replace(x=0), Point._make((1, 1)).norm2(), pt._asdict())

# as dict keys, sorting, nesting
Pair = namedtuple("Pair", "k v")
pairs = [Pair(2, "b"), Pair(1, "z"), Pair(2, "a")]
print(sorted(pairs), {Pair(1, 2): "x"}[(1, 2)], Pair(Pair(1, 2), [3]))
print(max(pairs, key=lambda q: q.v).k)
