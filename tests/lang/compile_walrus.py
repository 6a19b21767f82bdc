data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long", n)

print([y for x in data if (y := x * 2) > 5], y)

def f():
    total = 0
    vals = [total := total + v for v in range(5)]
    return vals, total

print(f())

def g():
    if any((hit := v) > 2 for v in [1, 2, 3, 4]):
        return hit
print(g())

i = 0
while (i := i + 1) < 3:
    print("loop", i)

print((z := 10), z)

def h():
    [last := c for c in "abc"]
    return last

print(h())

for src in ["[i := 0 for i in range(2)]", "class C:\n    [(q := 1) for _ in range(2)]\n"]:
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError")
