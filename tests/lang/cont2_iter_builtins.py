# needs: bigint
# Iteration builtins: iter (two-argument), next default, enumerate, zip strict, map, filter,
# reversed (sequences and __reversed__), sorted, min/max key/default, sum start, any/all.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"), next(it, None))
t(lambda: next(it))
t(lambda: next([1]))
t(lambda: iter(1))
t(lambda: iter(1, 2))
t(lambda: next(iter(counter, 5), "d"))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(iter(Seq())), list(Seq()), 20 in Seq(), list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))))
class Rev:
    def __reversed__(self):
        return iter("zyx")
class LenGet:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 2
print(list(reversed(Rev())), list(reversed(LenGet())), list(reversed(range(3))), list(reversed({1: 2, 3: 4})), list(reversed(bytearray(b"ab"))))
t(lambda: reversed(1))
t(lambda: reversed({1, 2}))
t(lambda: reversed(iter([1])))
print(list(enumerate("ab")), list(enumerate("ab", 5)), list(enumerate("ab", start=-1)), list(enumerate([], 3)), list(enumerate("a", 2**70)))
t(lambda: enumerate(1))
t(lambda: enumerate("a", "b"))
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip("ab", [1, 2], strict=True)), list(zip("a", "b", "c")))
t(lambda: list(zip("abc", [1, 2], strict=True)))
t(lambda: list(zip("ab", [1, 2, 3], strict=True)))
t(lambda: list(zip("ab", "ab", "a", strict=True)))
t(lambda: zip(1))
t(lambda: zip("a", bad=1))
print(list(map(abs, [-1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: a, "ab", "xyz", [1])), list(map(str, ())))
t(lambda: map(abs))
t(lambda: map(abs, 1))
t(lambda: list(map(1, [1])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 1, range(4))), list(filter(bool, "ab")))
t(lambda: filter(None, 1))
print(sorted([3, 1, 2]), sorted("cba", reverse=True), sorted([(1, "b"), (1, "a")]), sorted([-3, 2, -1], key=abs))
print(min(3, 1, 2), max(3, 1, 2), min([3, 1]), max("abc"), min([], default=7), max([], default=None), min([1, -5], key=abs), max("a", "bb", "c", key=len))
print(min([(1, 2), (1, 1)]), max([1, 1.0]), max([1.0, 1]), min([2, 1, 1.0]), max([[1], [1, 0]]), min("b", "a", key=None), max(iter([4, 9, 2])))
t(lambda: min([]))
t(lambda: max([]))
t(lambda: min())
t(lambda: max(1))
t(lambda: min(1, 2, default=0))
t(lambda: max([1, "a"]))
t(lambda: min([1], bad=1))
t(lambda: max([1], key=1))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum([], 5), sum(range(5), start=-10), sum([1.5, 2]), sum([True, True]))
t(lambda: sum(["a", "b"], ""))
t(lambda: sum([b"a"], b""))
t(lambda: sum([1, "a"]))
t(lambda: sum(1))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a"]), all([1, 0]), any(x > 2 for x in range(5)), all(iter([True])))
t(lambda: any(1))
t(lambda: all(None))
log = []
def g(x):
    log.append(x)
    return x
print(any(g(x) for x in [0, 1, 2]), all(g(x) for x in [1, 0, 5]), log)
m = map(g, [7, 8])
print(log[-1], next(m), log[-1])
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z), list(z))
e = enumerate(iter("xyz"))
print(next(e), list(e), list(e))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__, type(iter(range(1))).__name__, type(reversed([])).__name__)
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__, type(iter(counter, 1)).__name__)
