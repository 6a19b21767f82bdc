# needs: float
# list and tuple: sort stability with key/reverse, methods, slicing, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

data = [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e"), (2, "f"), (3, "g")]
print(sorted(data, key=lambda p: p[0]))
print(sorted(data, key=lambda p: p[0], reverse=True))
l = list(data)
l.sort(key=lambda p: -p[0], reverse=True)
print(l)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True), sorted(words, reverse=True))
big = [(i * 7919) % 101 for i in range(500)]
s1 = sorted(range(500), key=lambda i: big[i])
print(s1[:20], all(big[s1[i]] <= big[s1[i + 1]] for i in range(499)))
print(all(s1[i] < s1[i + 1] for i in range(499) if big[s1[i]] == big[s1[i + 1]]))
print(sorted([3, 1, 2], reverse=False), sorted([]), sorted("bca"), sorted({3: 1, 1: 2}), sorted([1.5, 1, True, 0.5]))
t(lambda: sorted([1, "a"]))
t(lambda: [3, 1].sort(1))
t(lambda: sorted([1], lambda x: x))
t(lambda: sorted())
t(lambda: [1, 2].sort(key=1))
l = [5, 1, 4]
def bad_key(x):
    l.append(0)
    return x
t(lambda: l.sort(key=bad_key))
print(l)

a = [1, 2, 3, 4, 5]
a[1:3] = [9]
print(a)
a[::2] = "xy"
print(a)
a[:0] = (0,)
a[len(a):] = range(2)
print(a)
del a[::3]
print(a)
a[1:1] = []
a[-1:] = [7, 8]
print(a, a[::-1], a[-2::-2], a[10:], a[-100:2])
t(lambda: a.__setitem__(slice(None, None, 2), [1]))
t(lambda: a.__setitem__(slice(0, 2), 5))
t(lambda: a[10])
t(lambda: a.__setitem__(10, 1))
t(lambda: a["x"])
t(lambda: a.__delitem__(-10))
a = [1, 2]
a[5:] = [3]
a[-10:0] = [0]
print(a)
b = [1, 2, 3]
b[1:2] = b
print(b)
b += b
b *= 2
print(len(b), b[:6])
c = [1]
c += (2, 3)
c += range(2)
c += "ab"
c += {9: 0}
print(c)
t(lambda: [1] + (2,))
t(lambda: [1] * 1.5)
t(lambda: c.__iadd__(5))
print([1] * 0, [1] * -3, 2 * [0], [[]] * 2, (1,) * 3, 0 * (1,))
x = [1, 2, 3, 2, 1]
print(x.index(2), x.index(2, 2), x.index(1, -2), x.count(2), x.count(9), x.index(3, 0, 3))
t(lambda: x.index(9))
t(lambda: x.index(2, 4))
t(lambda: x.index(3, 0, 2))
x.insert(0, "a")
x.insert(100, "z")
x.insert(-1, "y")
x.insert(-100, "b")
print(x, x.pop(), x.pop(0), x.pop(-2), x)
x.remove(2)
print(x)
t(lambda: x.remove(99))
t(lambda: [].pop())
t(lambda: [1].pop(5))
t(lambda: x.pop("a"))
y = x.copy()
y.reverse()
y.extend([7])
y.extend(iter([8]))
print(y, x, y.clear(), y)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] < [0], [1, [2]] == [1, [2]], [1] == (1,))
t(lambda: [1] < [None])
t(lambda: [1] < (1,))
print((1, 2) < (1, 3), () < (0,), (1, 2) == (1, 2), (1,) != (1,), (1, 2) >= (1,))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}), tuple(x for x in "q"))
tu = (1, 2, 3, 2)
print(tu.index(2), tu.count(2), tu[::-1], tu[1:3], tu[-1], tu + (5,), hash((1, 2)) == hash((1, 2)), len(tu), 2 in tu)
t(lambda: tu.index(9))
t(lambda: tu[9])
t(lambda: tu + [1])
t(lambda: hash((1, [2])))
t(lambda: tu.__setitem__(0, 1))
t(lambda: tuple(1))
t(lambda: list(1))
print(list(), list((1, 2)), list({1: 2}), list(range(2, 8, 3)), list("héllo"))
print(repr([]), repr(()), repr((1,)), repr([1, "a", (2,)]), str([None, True, 1.5]))
print([i for i in range(3)] == list(range(3)), isinstance([], list), type(()).__name__)
