# Assignment expressions (:=).
if (n := len([1, 2, 3])) > 2:
    print('long', n)
data = [1, 2, 3, 4]
while (item := data.pop()) > 2:
    print('item', item)
print(data)
print([y := 5, y ** 2])
print([z for x in range(5) if (z := x * x) > 3])
print(z)
def f(x):
    return (y := x + 1) * y
print(f(3))
print((a := 10), a)
vals = [(w := i) for i in range(3)]
print(vals, w)
if any((hit := v) > 2 for v in [1, 3, 5]):
    print('hit', hit)
print(f'{(q := 7)} {q}')
d = {'k': (v := 9)}
print(d, v)
print(x := 3 if True else 0)
print(x)
g = lambda: (t := 4) + t
print(g())
