# Iterators that pull from another iterator, nested a million deep, then
# consumed: never a crash (CPython 3.11 itself overflows its C stack here,
# hence the .exp file). Whether a million fit depends on the build, not
# on the program: the C stack is 64 MiB, a million filter_next frames fit
# in the optimized build and not under ASan, whose frames are larger; past
# it, RecursionError. What is checked: a result, when there is one, is
# the right one, and the outcome is one of the two.
# big heap: nests iterators a million deep (not run in the 2 MiB heap pass)


def consume(name, make, want, first=(1, 2), depth=10**6):
    it = iter(first)
    for _ in range(depth):
        it = make(it)
    try:
        got = list(it)
    except RecursionError:
        print(name, "done")
        return
    print(name, "done" if want(got) else "wrong result")


def nested(depth):
    # the innermost values of a tuple (zip) or pair (enumerate) nested depth deep
    def check(got):
        for i, v in enumerate(got):
            for _ in range(depth):
                v = v[-1]
            if v != i + 1:
                return False
        return len(got) == 2
    return check


consume("map", lambda i: map(abs, i), lambda got: got == [1, 2])
consume("filter", lambda i: filter(None, i), lambda got: got == [1, 2])
consume("zip", lambda i: zip(i), nested(10**6))
consume("enumerate", lambda i: enumerate(i), nested(10**6))
consume("iter", lambda i: iter(i), lambda got: got == [1, 2])
consume("genexpr", lambda i: (x for x in i), lambda got: got == [1, 2], depth=10**5)

it = iter([1, 2])
for _ in range(10**6):
    it = map(abs, it)
try:
    print(sum(it))
except RecursionError:
    print("sum: RecursionError")
