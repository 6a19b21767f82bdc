# StopIteration's value passes through next(), map, zip, enumerate, filter; object.__new__ of a built-in type
def g():
    yield 1
    return 5
def show(it):
    next(it)
    try:
        next(it)
    except StopIteration as e:
        print(type(it).__name__, e.value, e.args)
show(g())
show(map(lambda x: x, g()))
show(zip(g()))
show(enumerate(g()))
show(iter(g()))
show(filter(None, g()))
def outer():
    r = yield from g()
    print("yf", r)
show(outer())
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration(9)
show(map(str, [1]))
it = map(lambda x: x, It())
try: next(it)
except StopIteration as e: print("map It", e.value)
print(next(g(), "d"), list(g()))
try:
    object.__new__(int)
except TypeError as e:
    print(e)
try:
    object.__new__(list)
except TypeError as e:
    print(e)
