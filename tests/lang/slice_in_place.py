# needs: float
# o[a:b] with int or None bounds on str, list, tuple and bytes is done
# without a slice object; everything else (steps, subclasses, bounds with
# __index__, big ints, bools, user __getitem__) takes the general path.
s = "héllo wörld"
a = "abcdef"
lst = [1, 2, 3, 4, 5]
tu = (1, 2, 3, 4, 5)
by = b"abcdef"
for seq in (s, a, "", "é", lst, [], tu, (), by, b""):
    for lo in (None, 0, 1, -1, -100, 3, 100):
        for hi in (None, 0, 2, -2, 100, -100):
            print(repr(seq[lo:hi]), repr(seq[lo:]), repr(seq[:hi]))
    print(repr(seq[:]), repr(seq[::-1]), repr(seq[1:4:2]))

big = 10 ** 30
print(a[-big:big], a[True:], a[:False], lst[big:], tu[-big:2])


class Idx:
    def __index__(self):
        return 2


print(a[Idx():], lst[:Idx()], by[Idx():Idx()])


class S(str):
    def __getitem__(self, k):
        return ("S", type(k).__name__, k.start, k.stop, k.step)


class L(list):
    pass


seen = []


class G:
    def __getitem__(self, k):
        seen.append(k)
        return k


print(S("abcdef")[1:3], L([1, 2, 3])[1:], type(L([1, 2, 3])[1:]).__name__)
g = G()
r = g[1:2]
print(r, r is seen[0], type(r).__name__, g[None:None], g[:])
words = "the quick brown fox".split()
pairs = [w[i:i + 2] for w in words for i in range(len(w) - 1)]
print(pairs)
x = "x" * 100000 + "é"
print(len(x[1:]), x[-3:], len(x[:-1]), x[99999:])
try:
    a["1":2]
except TypeError as e:
    print("TypeError", e)
try:
    lst[1.5:]
except TypeError as e:
    print("TypeError", e)
try:
    a[1:2] = "x"
except TypeError as e:
    print("TypeError", e)
# heap str of ASCII text (not a name): sliced by the loop itself
h = "ABCDEFGHIJ".lower()
e = "X".lower()[:0] + "".join([])
for seq in (h, h * 3000, e):
    n = len(seq)
    for lo in (None, 0, 1, -1, -n, -n - 1, n - 1, n, n + 5, 3):
        for hi in (None, 0, 2, -2, n, n + 1, -n, -n - 7, 5):
            r = seq[lo:hi]
            print(len(r), r[:3], r[-3:], r == seq[slice(lo, hi)], type(r).__name__)
for i in range(len(h) + 2):
    print(h[i:i + 2], end=" ")
print()
