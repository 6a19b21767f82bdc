# Iterators that pull from another iterator, nested a million deep, then
# consumed: a result or RecursionError, never a crash (CPython 3.11 itself
# overflows its C stack here, hence the .exp file).
# big heap: nests iterators a million deep (not run in the 2 MiB heap pass)


def consume(name, make, first=iter([]), depth=10**6):
    it = first
    for _ in range(depth):
        it = make(it)
    try:
        list(it)
    except RecursionError:
        pass
    print(name, "done")


consume("map", lambda i: map(abs, i))
consume("filter", lambda i: filter(None, i))
consume("zip", lambda i: zip(i))
consume("enumerate", lambda i: enumerate(i))
consume("iter", lambda i: iter(i))
consume("genexpr", lambda i: (x for x in i), iter([1]), 10**5)

it = iter([1, 2])
for _ in range(10**6):
    it = map(abs, it)
try:
    print(sum(it))
except RecursionError:
    print("sum: RecursionError")
