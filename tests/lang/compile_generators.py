def gen(n):
    for i in range(n):
        got = yield i
        if got:
            print("got", got)
    return "done"

g = gen(3)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def deleg():
    r = yield from gen(2)
    print("result", r)
    yield "after"

print(list(deleg()))

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

fg = fin()
print(next(fg))
fg.close()
print("closed")

def with_in_gen():
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            print("exit")
    with CM():
        yield "inside"
    yield "outside"

print(list(with_in_gen()))
lam = lambda: (yield 5)
print(list(lam()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])

def genexp_scope():
    n = 3
    return list(x * n for x in range(n))

print(genexp_scope())
