# generators with closures, with-blocks, finally/return and many arguments
def counter_gen(start):
    n = start
    def bump():
        nonlocal n
        n += 1
    while n < start + 3:
        yield n
        bump()

print(list(counter_gen(5)))

class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)

def gen_with():
    with CM():
        yield 1
        yield 2

print(list(gen_with()))
gw = gen_with()
next(gw)
try:
    gw.throw(KeyError)
except KeyError:
    print("KeyError out of with")

def ret_in_finally():
    try:
        yield 1
    finally:
        return "from finally"

r = ret_in_finally()
next(r)
try:
    r.send(None)
except StopIteration as e:
    print("stop value", e.value)

def many(*args, **kw):
    yield len(args)
    yield sorted(kw)

print(list(many(*range(300), **{"k%d" % i: i for i in range(3)})))

def big_call(*a):
    return sum(a)
print(big_call(*range(1000)))

def gen_of_gens():
    for i in range(3):
        yield (j for j in range(i))

print([list(g) for g in gen_of_gens()])

def nested_try():
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise ValueError(i)
                yield i
            finally:
                yield "f%d" % i
        except ValueError as e:
            yield "caught %s" % e

print(list(nested_try()))

def send_accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v

sa = send_accumulate()
next(sa)
for v in (1, 2, 3):
    sa.send(v)
try:
    sa.send(None)
except StopIteration as e:
    print("total", e.value)

def yield_in_expr():
    x = [(yield 1), (yield 2)]
    yield x

ye = yield_in_expr()
print(next(ye), ye.send("a"), ye.send("b"))
