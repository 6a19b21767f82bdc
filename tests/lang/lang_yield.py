# yield as expression and statement, yield from delegation of send/throw/return.
def echo():
    got = None
    while True:
        got = yield got
        if got == 'stop':
            return 'stopped'
e = echo()
print(next(e), e.send(1), e.send('two'))
try:
    e.send('stop')
except StopIteration as s:
    print('return value', s.value)
def inner():
    x = yield 'i1'
    print('inner got', x)
    try:
        yield 'i2'
    except KeyError as k:
        print('inner caught', k)
        yield 'i3'
    return 'inner-done'
def outer():
    r = yield from inner()
    print('outer got', r)
    r2 = yield from [10, 20]
    print('list gives', r2)
    yield from (c for c in 'ab')
    return 'outer-done'
o = outer()
print(next(o), o.send('S'), o.throw(KeyError('kk')), next(o), next(o), next(o), next(o))
try:
    next(o)
except StopIteration as s:
    print('outer return', s.value)
def tup_yield():
    a = yield 1, 2
    b = (yield)
    c = [i for i in range(0)]
    yield a, b, c
g = tup_yield()
print(next(g), g.send('A'), g.send('B'))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
g = with_finally()
print(next(g))
g.close()
print('closed', list(g))
def gen_return_in_middle(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(gen_return_in_middle(5)))
def yield_in_expr():
    print('sum', (yield 1) + (yield 2))
g = yield_in_expr()
next(g)
g.send(10)
try:
    g.send(5)
except StopIteration:
    print('done')
def lazy():
    print('started')
    yield
g = lazy()
print('created')
print(next(g))
def deleg_close():
    try:
        yield from with_finally()
    finally:
        print('outer finally')
g = deleg_close()
next(g)
g.close()
def gen_exc():
    yield 1
    raise ValueError('from gen')
try:
    for v in gen_exc():
        print('v', v)
except ValueError as ex:
    print('ValueError', ex)
def stop_inside():
    yield 1
    raise StopIteration
try:
    list(stop_inside())
except RuntimeError as ex:
    print('RuntimeError', ex)
g = echo()
try:
    g.send(5)
except TypeError as ex:
    print('TypeError', ex)
def nested_gen():
    def sub():
        yield 'sub'
    yield from sub()
    yield from sub()
print(list(nested_gen()))
gg = (yield_ for yield_ in range(2))
print(list(gg), list(gg))
def running():
    try:
        g2.send(None)
    except ValueError as e:
        yield 'ValueError: %s' % e
g2 = running()
print(list(g2))
def selfref():
    yield next(g3)
g3 = selfref()
try:
    next(g3)
except ValueError as ex:
    print('ValueError', ex)
