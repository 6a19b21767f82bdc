# yield from: delegation, return values, send/throw/close forwarding
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3
    return "outer-result"

o = outer()
print(next(o))
print(o.send("a"))
print(o.send("b"))
try:
    o.__next__()
except StopIteration as e:
    print("final", e.value)

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], "ab", range(3), (x for x in [9]))))

def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from deep(n - 1)
    return r + 1

d = deep(5)
print(next(d))
try:
    d.send(None)
except StopIteration as e:
    print("depth", e.value)

def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("inner caught", e)

def delegator():
    yield from catcher()

dg = delegator()
print(next(dg))
print(dg.throw(ValueError("v1")))
print(dg.throw(ValueError("v2")))
dg.close()
print("closed")

def closer():
    try:
        yield 1
    finally:
        print("inner finally")

def outer_close():
    try:
        yield from closer()
    finally:
        print("outer finally")

oc = outer_close()
next(oc)
oc.close()

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n

def from_obj():
    r = yield from It()
    print("obj result", r)

print(list(from_obj()))

def gen_with_return_none():
    yield from []
    return

print(list(gen_with_return_none()))

def thrower():
    yield 1
    raise KeyError("k")

def wrap():
    try:
        yield from thrower()
    except KeyError as e:
        yield "wrapped " + str(e)

print(list(wrap()))
