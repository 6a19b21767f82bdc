# list construction, indexing, methods
a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[2])
print(list(), list("abc"), list(range(4)), list((1, 2)))
a.append(4)
a.extend([5, 6])
a.extend(x * 10 for x in range(2))
print(a)
a.insert(0, -1)
a.insert(100, 99)
a.insert(-1, 98)
a.insert(-100, -2)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
print(a.index(3), a.index(2, 1), a.count(1), a.count(42))
a.remove(98)
print(a)
a.reverse()
print(a)
b = a.copy()
b.clear()
print(a, b)
sx = "x"
for name, f in [("pop", lambda: [].pop()), ("pop2", lambda: [1].pop(5)),
                ("idx", lambda: [1][3]), ("neg", lambda: [1][-2]),
                ("remove", lambda: [1].remove(2)), ("index", lambda: [1, 2].index(3)),
                ("stidx", lambda: [1][sx]), ("setidx", lambda: [1].__setitem__(4, 0))]:
    try:
        f()
    except Exception as e:
        print(name, type(e).__name__, e)
x = [0] * 3
x[1] = 5
x[-1] = 7
print(x)
del x[0]
print(x)
try:
    x[5] = 1
except IndexError as e:
    print("IndexError", e)
try:
    del x[5]
except IndexError as e:
    print("IndexError", e)
print([1, 2] + [3], [1] * 3, 3 * [0], [] * 5, [1, 2] * -1, [1, 2] * 0)
c = [1]
c += (2, 3)
c *= 2
print(c)
print(1 in [1, 2], 3 in [1, 2], 3 not in [1, 2])
print(bool([]), bool([0]))
print(a.index(1, -3) if 1 in a[-3:] else "n/a")
y = [1, 2, 3, 2, 1]
print(y.index(2, 2), y.index(1, -1), y.index(2, 0, 2))
try:
    y.index(3, 0, 2)
except ValueError as e:
    print("ValueError", e)
