# comprehensions and generator expressions: scoping and laziness
x = "outer"
print([x for x in range(3)], x)
print({k: v for k, v in zip("ab", (1, 2))})
print({c for c in "hello"} == set("helo"))
print([(i, j) for i in range(3) for j in range(i)])
print([i for i in range(10) if i % 2 if i > 3])
print([[j * i for j in range(3)] for i in range(3)])
g = (i * i for i in range(4))
print(next(g), list(g))

def lazy():
    log = []
    def src():
        for i in range(3):
            log.append(i)
            yield i
    g = (v * 10 for v in src())
    log.append("made")
    out = list(g)
    return log, out

print(lazy())

class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    total = sum(i for i in items)
print(C.doubled, C.total)

def closure_in_comp():
    n = 10
    return [lambda: n + i for i in range(2)]
print([f() for f in closure_in_comp()])
print(sum(x * x for x in range(1000)))
print(list(filter(None, (x % 3 for x in range(7)))))
print(max(len(w) for w in "a bb ccc".split()))
