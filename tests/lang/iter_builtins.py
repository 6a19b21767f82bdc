# needs: bigint
# enumerate, zip, map, filter, reversed, iter/next, min/max/sum/any/all
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate([], 1)), list(enumerate("xy", start=-1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip([1], [1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip([1, 2], [1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(zip([1, 2], [3, 4], strict=True)))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(str, range(3))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(reversed(Seq())), list(Seq()), 20 in Seq())
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
for bad in [lambda: reversed({1}), lambda: reversed(5), lambda: next(iter([]))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
it = iter([1, 2])
print(next(it), next(it), next(it, None))
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min([], default="d"), max([1, -5], key=abs))
print(min((1, "b"), (1, "a")), max([2, 2.5, 1]), min([[1], [0, 5]]), max(range(3), key=lambda x: -x))
print(max([1, 3, 3], key=lambda x: 0), min("ba", "ab", key=lambda s: s[1]))
for bad in [lambda: max([]), lambda: min(()), lambda: max(1, 2, default=0), lambda: max(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.5, 0.25]), sum([[1], [2]], []), sum(((1,), (2,)), ()), sum(range(10), start=5))
print(sum([2**62, 2**62, -1]), sum([1, 2.5]), sum([]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
print(any([]), any([0, 0, 1]), all([]), all([1, 0]), any(x > 3 for x in range(5)), all(x < 5 for x in range(5)))
e = enumerate("ab")
print(next(e), list(e), iter(e) is e)
m = map(int, "12")
print(iter(m) is m, type(e).__name__, type(m).__name__, type(zip()).__name__, type(filter(None, [])).__name__)
print(isinstance(e, enumerate), isinstance(zip(), zip))
def stopper():
    n[0] += 1
    if n[0] > 6:
        raise StopIteration
    return n[0]
print(list(iter(stopper, 100)))
