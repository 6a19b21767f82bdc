# send/throw/close and the exceptions they leave behind.
def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
                received.append(v)
            except ValueError as e:
                received.append('caught ' + str(e))
    finally:
        print('finally', received)

g = echo()
print(next(g))
print(g.send('a'))
print(g.throw(ValueError('v')))
print(g.send('b'))
g.close()
print('closed')
try:
    next(g)
except StopIteration:
    print('StopIteration after close')

# send on a just-started generator
def simple():
    x = yield 1
    print('got', x)
    yield 2
s = simple()
try:
    s.send(5)
except TypeError as e:
    print('TypeError', e)
print(next(s), s.send('hi'))

# return value is StopIteration.value
def ret():
    yield 1
    return 'done'
r = ret()
next(r)
try:
    next(r)
except StopIteration as e:
    print('value', e.value)

# throw into an unstarted generator raises at once
def never():
    print('never runs')
    yield
n = never()
try:
    n.throw(KeyError('k'))
except KeyError as e:
    print('KeyError', e)

# close: generator that yields in finally -> RuntimeError
def stubborn():
    try:
        yield 1
    finally:
        yield 2
st = stubborn()
next(st)
try:
    st.close()
except RuntimeError as e:
    print('RuntimeError', e)

# close swallows GeneratorExit; throw of uncaught exception propagates
def plain():
    yield 1
    yield 2
p = plain()
next(p)
try:
    p.throw(IndexError, 'idx')
except IndexError as e:
    print('IndexError', e)
print(list(p))

# generator raising StopIteration inside becomes RuntimeError
def bad():
    yield 1
    raise StopIteration('x')
try:
    list(bad())
except RuntimeError as e:
    print('RuntimeError', e)

# generator already executing
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print('ValueError', e)

# yield expression values and yield from delegation of send
def inner():
    a = yield 'i1'
    b = yield 'i2:' + str(a)
    return a + b
def outer():
    res = yield from inner()
    yield 'res=' + str(res)
o = outer()
print(next(o), o.send(1), o.send(2))
