# unpacking and its errors
a, b = 1, 2
print(a, b)
a, b = [3, 4]
print(a, b)
a, b = "xy"
print(a, b)
a, b = {"k": 1, "j": 2}
print(a, b)
a, (b, c) = 1, (2, 3)
print(a, b, c)
x, y, z = (i * 2 for i in range(3))
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(4)
print(init, last)
for bad in ["a, b = 1, 2, 3", "a, b, c = 1, 2", "a, b = 5", "a, b = [1]", "a, b = iter([1, 2, 3])",
            "a, b, c = iter([1])", "a, *b, c = [1]", "a, b = None"]:
    try:
        exec(bad)
    except Exception as e:
        print(type(e).__name__, e)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
