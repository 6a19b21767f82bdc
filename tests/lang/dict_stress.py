# needs: float
# many keys, deletes and re-inserts, mixed key types
d = {}
for i in range(5000):
    d[i] = i
for i in range(0, 5000, 2):
    del d[i]
for i in range(0, 5000, 4):
    d[i] = -i
print(len(d), sum(d.values()), list(d)[:3], list(d)[-3:])
s = {}
for i in range(3000):
    s["k" + str(i)] = i
print(len(s), s["k2999"], "k3000" in s, sum(1 for k in s if k.endswith("7")))
while len(s) > 5:
    s.popitem()
print(s)
f = {}
for i in range(200):
    f[i / 4] = i
print(len(f), f[2], f[2.0], f[0.25], 3 in f, 3.5 in f)
t = {}
for i in range(100):
    t[(i, str(i))] = i
print(t[(50, "50")], len(t), (99, "99") in t, (99, 99) in t)
q = {}
for i in range(10000):
    q[i % 37] = q.get(i % 37, 0) + 1
print(sorted(q.items())[:4], len(q))
keys = list(range(64))
e = dict.fromkeys(keys)
for k in keys[::3]:
    e.pop(k)
e.update((k, k) for k in keys[::6])
print(list(e)[:12], len(e))
n = {}
for i in range(1000):
    n[i] = i
    del n[i]
print(n, len(n))
n[1] = 1
print(n)
