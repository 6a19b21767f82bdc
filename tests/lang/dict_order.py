# needs: float
# insertion order after deletes and re-inserts; iteration errors
d = {}
for i in range(10):
    d[i] = i * i
for i in range(0, 10, 2):
    del d[i]
print(d)
d[0] = "new"
d[3] = "upd"
print(list(d), list(d.values()))
for i in range(100):
    d[i % 7 + 100] = i
    if i % 3 == 0:
        d.pop(i % 7 + 100)
print(d)
big = {}
for i in range(1000):
    big[str(i)] = i
for i in range(0, 1000, 3):
    del big[str(i)]
print(len(big), list(big)[:5], list(big)[-3:], big["500"], "999" in big, "3" in big)
for k in list(big):
    if int(k) % 2:
        del big[k]
print(len(big), list(big)[:5])
try:
    for k in big:
        big[k + "x"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
try:
    for k in big:
        del big[k]
except RuntimeError as e:
    print("RuntimeError", e)
x = {"a": 1, "b": 2, "c": 3}
for k in x:
    x[k] = 0
print(x)
print(list(reversed(x)), list(reversed(x.values())), list(reversed(x.items())))
keys = [1, 1.0, True, 2, "two", 2.0]
m = {}
for k in keys:
    m[k] = repr(k)
print(m)
s = "he" + "llo"
n = {"hello": 1}
print(n[s], s in n)
n[s] = 2
print(n, len(n))
