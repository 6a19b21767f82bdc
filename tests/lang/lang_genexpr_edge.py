# Comprehension/generator-expression corner cases: PEP 479, syntax forms, class scope.
it = iter([])
try:
    list(next(it) for _ in range(3))
except RuntimeError as e:
    print('RuntimeError', e)
try:
    [next(it) for _ in range(3)]
except StopIteration:
    print('StopIteration leaks from list comp')
for src in ['f(x for x in y, 1)', '(yield x for x in y)', '[(yield) for x in y]', '(x for x in y) = 1', '[x for x in y] += 1', 'f(*x for x in y)', 'f(x for x in y)', 'f((x for x in y), 1)', '{**x for x in y}', '[*x for x in y]', 'f(a=x for x in y)', '[x async for x in y]', '[x for x in y if a if b]', '[x for x in y for]']:
    try:
        compile(src, '<s>', 'exec')
        print('ok', src)
    except SyntaxError:
        print('SyntaxError', src)
def g():
    return [(lambda: x)() for x in range(3)]
print(g())
class C:
    a = 5
    try:
        h = list(a for _ in range(2))
    except NameError:
        h = 'NameError'
print(C.h)
print([x for x in range(3) if x if x - 1], [x for x in (1, 2) for x in (x, x * 10)])
print({k: v for k, v in [(1, 'a'), (1, 'b')]}, {x for x in 'aaa'})
print([(x, y) for x in range(3) if x for y in range(x) if y != 1])
print(sum(x for x in range(10) if x % 2), min((x for x in [3, 1, 2]), default=0))
gen = (x * x for x in range(3))
print(next(gen), [v for v in gen], next(gen, 'exhausted'))
print([i for i in range(3)][::-1], [c * 2 for c in 'ab'][1][0])
def outer():
    n = 3
    return [[n * i + j for j in range(n)] for i in range(n)]
print(outer())
