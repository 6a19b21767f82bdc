# growth and shrinking
a = []
for i in range(10000):
    a.append(i)
print(len(a), a[-1], sum(a))
while len(a) > 10:
    a.pop()
print(a)
b = list(range(1000))
del b[100:900]
print(len(b), b[99:102])
b[10:10] = range(500)
print(len(b), b[9:12], b[509:512])
c = [[i] * 3 for i in range(5)]
print(c, c[4][2])
d = [0] * 1000
d[::7] = [1] * len(d[::7])
print(sum(d), d[:8])
e = list(range(20))
e.sort(key=lambda x: (x % 3, -x))
print(e)
x = []
x.extend(x)
y = [1, 2]
y.extend(y)
print(x, y)
z = list(range(5))
z += z
print(z)
for i in range(100):
    z.insert(i % 7, i)
print(len(z), z[:10])
