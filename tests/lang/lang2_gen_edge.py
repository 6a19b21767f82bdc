# Generator close/throw/send after exhaustion, and yield from delegation.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
# generators
def g1():
    try:
        yield 1
    except GeneratorExit:
        print('GE')
        raise
    finally:
        print('fin')
x = g1(); next(x); x.close(); x.close()
def g2():
    try:
        yield 1
    except GeneratorExit:
        return 'r'
y = g2(); next(y); print(y.close())
def g3():
    yield 1
    yield 2
z = g3()
print(next(z)); z.close(); t(lambda: next(z))
t(lambda: z.send(1))
t(lambda: z.throw(ValueError))
w = g3()
t(lambda: w.throw(ValueError('x')))
t(lambda: next(w))
def g4():
    x = yield
    while True:
        x = yield x * 2
q = g4(); next(q)
print([q.send(i) for i in range(4)])
def g5():
    try:
        yield 1
    except ValueError as e:
        yield 'caught %s' % e
    yield 'after'
r = g5(); next(r)
print(r.throw(ValueError, ValueError('v')), next(r))
r = g5(); next(r)
print(r.throw(ValueError('v')), next(r))
t(lambda: next(r))
def g6():
    yield from range(3)
    return 'done'
def g7():
    v = yield from g6()
    yield v
print(list(g7()))
def g8():
    try:
        yield from g3()
    except GeneratorExit:
        print('delegating GE')
        raise
s = g8(); next(s); s.close()
def g9():
    r = yield from g5()
    yield r
u = g9(); print(next(u), u.throw(ValueError('thru')), next(u), next(u))
print(type(g1).__name__, type(g1()).__name__)
gen_exp = (i*i for i in range(4))
print(next(gen_exp), list(gen_exp), list(gen_exp))
def lazy():
    print('started')
    yield
L = lazy(); print('created'); next(L)
def count_up():
    n = 0
    while True:
        n += 1
        if n > 3: return
        yield n
print(sum(count_up()), max(count_up()), sorted(count_up(), reverse=True))
def deep(n):
    if n:
        yield from deep(n-1)
    yield n
print(list(deep(50))[-3:])
