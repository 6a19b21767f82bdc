# `for i, x in enumerate(...)` takes the pair without a tuple: it must
# behave as unpacking the tuple would, for every kind of iterable, start,
# subclass and target shape.
print([(i, x) for i, x in enumerate("abc")])
for i, x in enumerate([10, 20, 30], 5):
    print(i, x)
for i, x in enumerate((), 3):
    print("never", i, x)
big = 2**29 - 1
for i, x in enumerate("xy", big):
    print(i, x, i - big)
for i, x in enumerate("xy", -1):
    print(i, x)


def gen():
    yield "g1"
    yield "g2"


for i, x in enumerate(gen()):
    print(i, x)


class E(enumerate):
    def __next__(self):
        i, x = super().__next__()
        return (i * 100, x.upper())


for i, x in E("ab"):
    print("sub", i, x)

# a tuple target of another length still fails as unpacking does
try:
    for a, b, c in enumerate("ab"):
        pass
except ValueError as e:
    print("ValueError", e)
for t in enumerate("ab"):
    print("whole", t, type(t).__name__)
for i, (a, b) in enumerate(["pq", "rs"]):
    print(i, a, b)
for i, *rest in enumerate("ab"):
    print(i, rest)
# the iterator shared with other code: both see the same positions
e = enumerate("abcdef")
for i, x in e:
    if i == 1:
        print("next inside", next(e))
    print(i, x)
# an exception from the wrapped iterator propagates from the loop


def bad():
    yield 1
    raise KeyError("inner")


try:
    for i, x in enumerate(bad()):
        print("got", i, x)
except KeyError as e:
    print("KeyError", e)
# the loop variables keep their last values; break/else as usual
for i, x in enumerate("abc"):
    if x == "b":
        break
else:
    print("no break")
print(i, x)
d = {"k1": 1, "k2": 2}
for n, (k, v) in enumerate(d.items()):
    print(n, k, v)
print(sum(i * x for i, x in enumerate(range(10))))
