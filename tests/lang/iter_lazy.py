# laziness and order of evaluation in the iterator builtins
log = []
def g(name, n):
    for i in range(n):
        log.append((name, i))
        yield i
z = zip(g("a", 2), g("b", 5))
print(next(z), log)
print(list(z), log)
log.clear()
m = map(lambda x, y: x * y, g("a", 3), g("b", 2))
print(list(m), log)
log.clear()
f = filter(lambda x: x % 2, g("f", 5))
print(next(f), log)
print(list(f), log)
e = enumerate(g("e", 2), 10)
print(list(e))
print(list(zip(range(3), range(10), "abcdef")))
it = iter(range(5))
print(list(zip(it, it)))
print(any(g("any", 10)), log[-1])
print(all(x < 2 for x in g("all", 10)), log[-1])
print(list(map(pow, [2, 3], [3, 2])), list(map(len, ["a", "bb"])))
r = reversed([1, 2, 3])
print(list(r), list(r))
it = iter([1, 2, 3])
for x in it:
    if x == 1:
        print("skip", next(it))
    else:
        print("got", x)
print(list(enumerate(enumerate("ab"))), dict(enumerate("xy")))
print(sorted(zip("cab", range(3))), max(zip([1, 3, 2], "abc")))
