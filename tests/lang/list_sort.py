# needs: float
# sort and sorted: stability, key, reverse, errors leave the list intact
a = [5, 3, 9, 1, 5, 7, 0, -2, 8]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "fig", "kiwi"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(i % 3, i) for i in range(20)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
big = [(i * 7919) % 1000 for i in range(300)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
recs = [((i * 37) % 11, i) for i in range(200)]
r = sorted(recs, key=lambda t: t[0])
print(all(r[i][0] < r[i + 1][0] or (r[i][0] == r[i + 1][0] and r[i][1] < r[i + 1][1]) for i in range(199)))
print(sorted([3.5, 1, 2.25, -1, 0]))
print(sorted("hello"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}))
print(sorted([]), sorted([1]))
b = [3, "x", 1]
try:
    b.sort()
except TypeError as e:
    print("TypeError")
print(sorted(b, key=str))
print(len(b), 3 in b, "x" in b, 1 in b)
def bad(x):
    if x == 2:
        raise ValueError("bad key")
    return x
c = [3, 2, 1]
try:
    c.sort(key=bad)
except ValueError as e:
    print("ValueError", e)
print(c)
try:
    sorted([1], 1)
except TypeError as e:
    print("TypeError")
try:
    [].sort(1)
except TypeError as e:
    print("TypeError")
x = [1, 2, 3]
print(x.sort(), x)
# presorted and reversed inputs (fast paths) keep stability
asc = [(i // 3, i) for i in range(60)]
print(sorted(asc, key=lambda p: p[0]) == asc, sorted(asc, key=lambda p: p[0], reverse=True)[:5])
desc = [(i // 3, i) for i in range(60, 0, -1)]
print(sorted(desc, key=lambda p: p[0])[:5], sorted(desc, key=lambda p: p[0], reverse=True)[:5])
print(sorted(range(50, 0, -1))[:5], sorted(range(50), reverse=True)[:5], sorted([2, 1, 1, 0]), sorted([1, 1]))
