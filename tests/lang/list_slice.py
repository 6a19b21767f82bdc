# needs: bigint
# slicing: load, store, delete, steps
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[::-3], a[2:8:-1], a[:100:4])
print(a[None:None:None], a[slice(1, 4)], a[slice(None, None, -2)])
b = a[:]
b[2:5] = ["x"]
print(b)
b[0:0] = [1, 2, 3]
print(b)
b[len(b):] = "ab"
print(b)
b[1:3] = []
print(b)
c = list(range(10))
c[::2] = "abcde"
print(c)
c[::-3] = [0, 0, 0, 0]
print(c)
try:
    c[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
d = list(range(10))
del d[::3]
print(d)
d = list(range(10))
del d[1:4]
print(d)
del d[::-2]
print(d)
d = list(range(10))
del d[8:2:-3]
print(d)
del d[:]
print(d)
e = [1, 2, 3]
e[1:2] = e
print(e)
f = [1, 2, 3]
f[:] = (x * 2 for x in f)
print(f)
g = list(range(5))
g[3:1] = [9]
print(g)
try:
    [1][::0]
except ValueError as e:
    print("ValueError", e)
try:
    [1]["a":]
except TypeError as e:
    print("TypeError", e)
print(a[True:], a[10**30:], a[-10**30:3], a[::10**30])
