# needs: bigint
# `l[a:b]`, `l[a:b:c] = v` and `del l[a:b]` on lists whose bounds are
# small ints or None take a path that makes no slice object; every other
# case (big ints, __index__, subclasses, other sequences) the general one.
# Both must agree with each other and with CPython.
def loads(l):
    n = len(l)
    out = []
    for a in (None, -n - 3, -2, 0, 1, n, n + 5):
        for b in (None, -1, 2, n + 1):
            for c in (None, 1, 2, -1, -3):
                out.append(l[a:b:c])
    out.append(l[:])
    out.append(l[::-1])
    return out


base = list(range(7))
print(loads(base))
print(loads([]))

# stores: same length for extended slices, any length for simple ones
l = list(range(10))
l[2:5] = ["a", "b"]
print(l)
l[::3] = [0] * len(l[::3])
print(l)
l[5:] = (x * x for x in range(3))
print(l)
l[:0] = "xy"
print(l)
l[:] = l
print(l)
l[::-1] = l
print(l)
l[-2:] = []
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    l[1:2] = 5
except TypeError as e:
    print("TypeError", e)
try:
    l[::0]
except ValueError as e:
    print("ValueError", e)

# deletes
l = list(range(12))
del l[2:4]
del l[::3]
del l[-1:]
del l[5:1]
print(l)


# a value iterated while storing changes the list
def grow(lst):
    lst.append("during")
    yield "g"


l = [1, 2, 3]
l[1:2] = grow(l)
print(l)


# the general path: __index__, big ints, bools, list subclass, tuple
class I:
    def __index__(self):
        return 2


class L(list):
    def __getitem__(self, k):
        print("L.__getitem__", type(k).__name__, k.start, k.stop, k.step)
        return list.__getitem__(self, k)

    def __setitem__(self, k, v):
        print("L.__setitem__", type(k).__name__, k.start, k.stop, k.step)
        list.__setitem__(self, k, v)


l = list(range(10))
print(l[I():], l[:2**70], l[-2**70:3], l[True:], l[:False])
ll = L(range(6))
print(ll[1:4], ll[::2])
ll[0:2] = "ab"
print(ll)
print((0, 1, 2, 3)[1:3], "abcd"[::-1])

# errors raised by the subscript itself
try:
    x = None
    x[1:2]
except TypeError as e:
    print("TypeError", e)
try:
    (
        l
    )[1:2:0]
except ValueError as e:
    print("ValueError", e)


# the result is a new list each time, and slices keep working in a loop
def flips(perm):
    count = 0
    k = perm[0]
    while k:
        perm[: k + 1] = perm[k::-1]
        count += 1
        k = perm[0]
    return count, perm


print(flips([3, 1, 4, 0, 2]))
a = [1, 2, 3]
b = a[:]
b.append(4)
print(a, b, a[:] is a)
