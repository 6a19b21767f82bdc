# needs: float
# tuples
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1], t[:0], (), (1,), tuple(), tuple([1, 2]), tuple("ab"))
print(t + (4,), t * 2, 2 * t, t * 0, () * 3, (1,) * -1)
print(t == (1, 2, 3), t != (1, 2), t < (1, 2, 4), t < (1, 2), (1, 2) < t, (2,) > (1, 9), () < (0,))
print((1, (2, 3)) == (1, (2, 3)), (1,) == [1], t.count(2), t.index(3), (1, 2, 1, 2).index(2, 2))
print(1 in t, 5 in t, repr((1, "a", None, (2,))), str(("x",)))
a, b, c = t
print(a, b, c)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2.0)) == hash((1.0, 2)), hash(()) == hash(()))
print({(1, 2): "a", (1, 2.0): "b"})
for bad in [lambda: t[5], lambda: t.index(9), lambda: hash((1, []))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError")
u = t
u += (4, 5)
print(u, t)
print(tuple(x * x for x in range(4)), tuple(range(3)), tuple({"k": 1}))
print(max((3, 1), (2, 9)), min([(1, "b"), (1, "a")]), sorted([(2, 1), (1, 2), (1, 1)]))
nested = ((1, 2), (3, 4))
print([x for pair in nested for x in pair], dict(nested))
print(t[True], t[-3], (1, 2, 3, 4, 5, 6)[1:5:2])
