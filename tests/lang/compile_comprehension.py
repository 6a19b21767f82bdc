x = "outer"
print([x for x in range(3)], x)
print({k: v for k, v in [(1, 2), (3, 4)]})
print(sorted({c for c in "hello"}))
print(list(a * b for a in range(3) for b in range(3) if a != b))
print([[j for j in range(i)] for i in range(4)])
print([y for x in [[1, 2], [3]] for y in x if y > 1])

def f(n):
    return [i + n for i in range(n)]

print(f(3))

# the first iterable is evaluated in the enclosing scope, eagerly
def g():
    it = iter([1, 2, 3])
    gen = (v * 2 for v in it)
    it = None
    return list(gen)

print(g())

# closures in comprehensions
fs = [lambda: i for i in range(3)]
print([h() for h in fs])

# dict comprehension: key evaluated before value
order = []
def k(v):
    order.append("k%d" % v)
    return v
def val(v):
    order.append("v%d" % v)
    return v
print({k(i): val(i) for i in range(2)}, order)

# generator expression laziness
def noisy(n):
    for i in range(n):
        print("yield", i)
        yield i

gen = (i * 10 for i in noisy(2))
print("created")
print(next(gen))
print(list(gen))

# nested scopes inside a comprehension
def outer():
    base = 100
    return [(lambda: base + i)() for i in range(2)]

print(outer())
print(sum(x for x in range(10)), x)
