# All four comprehension kinds with nested for/if, scoping, generator expressions.
print([x * y for x in range(1, 4) if x != 2 for y in range(x) if y])
print({x % 3 for x in range(10) if x > 2})
print(sorted({x % 3 for x in range(10)}))
print({k: v for k, v in zip('abc', range(3)) if v})
print({(i, j): i * j for i in range(2) for j in range(2)})
g = (c.upper() for c in 'abc' if c != 'b')
print(type(g).__name__, list(g), list(g))
print(sum(x * x for x in range(5)), max(len(w) for w in ['a', 'abc']))
print([[j for j in range(i)] for i in range(4)])
print([(i, j) for i in range(3) for j in range(i, 3) if (i + j) % 2 if j])
print([y for x in [[1, 2], [3]] for y in x])
print([x for x in range(3)], 'x' in dir())
x = 'outer'
print([x for x in 'ab'], x)
print([lambda: i for i in range(3)][0](), [(lambda i=i: i)() for i in range(3)])
n = 10
print([n + i for i in range(2)], {n: i for i in range(1)})
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    first = vals[0]
    try:
        bad = [first + v for v in vals]
    except NameError as e:
        bad = 'NameError'
print(K.doubled, K.bad)
def f():
    a = 5
    return [a * i for i in range(3)], (a + i for i in range(2))
l, ge = f()
print(l, list(ge))
print([(yield_ := i) for i in range(3)], yield_)
print([v for v in (w * 2 for w in range(4)) if v > 2])
print([[x, y] for x, y in [(1, 2), (3, 4)]], [a for a, *b in ['xy', 'zw']])
print({c: [i for i in range(ord(c) - 96)] for c in 'abc'})
gen = (i for i in range(3))
print(next(gen), list(gen))
it = iter([1, 2, 3])
lazy = (x * 10 for x in it)
print(next(lazy), next(it), list(lazy))
try:
    (1 // 0 for _ in range(1))
    print('lazy not evaluated')
    list(1 // x for x in [1, 0])
except ZeroDivisionError:
    print('ZeroDivisionError')
try:
    (q for q in 5)
except TypeError:
    print('TypeError first iterable is evaluated eagerly')
print(list(zip(*[(i, i * i) for i in range(3)])))
print(dict((k, v) for k, v in [('a', 1)]), set(c for c in 'aab') == {'a', 'b'})
print(tuple(i for i in range(3)), frozenset(i % 2 for i in range(5)) == {0, 1})
print(any(x > 2 for x in range(5)), all(x < 2 for x in range(5)))
print([i for i in range(20) if i % 2 if i % 3], [j for j in [] for k in 1])
