# generators: iteration, send, return values, StopIteration
def count(n):
    for i in range(n):
        yield i

print(list(count(5)))
print(sum(count(101)))

def echo():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            break
        got.append(x)
    return got

g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

try:
    next(g)
except StopIteration as e:
    print("exhausted", e.value)

def ret5():
    yield 1
    return 5

g = ret5()
print(next(g))
try:
    g.send(None)
except StopIteration as e:
    print("value", e.value, e.args)

g = count(3)
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)

def gen_expr_test():
    return (x * x for x in range(5) if x % 2 == 0)

print(list(gen_expr_test()))
print(sorted(x for x in "hello"))
it = iter(count(2))
print(next(it), next(it), next(it, "end"))

def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

for i, f in zip(range(10), fibs()):
    pass
print(i, f)

def pep479():
    yield 1
    raise StopIteration

try:
    list(pep479())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def running():
    yield g2.gi_running
g2 = running()
print(next(g2), g2.gi_running)

def self_next():
    next(g3)
    yield
g3 = self_next()
try:
    next(g3)
except ValueError as e:
    print(type(e).__name__, e)
print(type(count(1)).__name__)
g = count(2)
print(iter(g) is g)
