# Comprehension forms with nested for/if clauses.
print([x for x in range(5)])
print([x * y for x in range(3) for y in range(3) if x != y])
print([x for x in range(20) if x % 2 if x % 3])
print([(x, y) for x in 'ab' for y in range(2)])
print({x % 3 for x in range(10)} == {0, 1, 2})
print({k: v for k, v in zip('abc', range(3))})
print({x: [y for y in range(x)] for x in range(3)})
print(list(x * x for x in range(4)))
print(sum(x for x in range(5)), max((x for x in [3, 9, 2]), default=0))
print([[i * j for j in range(3)] for i in range(3)])
print([x for x, in [(1,), (2,)]])
print([a + b for a, b in [(1, 2), (3, 4)]])
print([y for x in [[1, 2], [3]] for y in x])
print([x for x in (1, 2, 3) if x > 1 if x < 3])
print([x if x else 'z' for x in [0, 1]])
print([lambda: i for i in range(2)][0]())
g = (x for x in range(3))
print(next(g), list(g))
print(dict((k, 1) for k in 'ab'))
print(sorted({(x, y) for x in range(2) for y in range(2)}))
print([*range(2), *[x for x in 'ab']])
async def agen():
    for i in range(3):
        yield i
async def main():
    r = [x async for x in agen()]
    s = [x async for x in agen() if x]
    return r, s
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
