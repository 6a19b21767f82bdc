# Generator lifecycle: close/throw on unstarted, finished and stubborn generators; yield from returns.
def stubborn():
    try:
        yield 1
    finally:
        yield 2
g = stubborn(); next(g)
try:
    g.close()
except RuntimeError as e:
    print('RuntimeError', e)
def catches():
    try:
        yield 1
    except GeneratorExit:
        print('got GeneratorExit')
        raise
g = catches(); next(g); g.close(); g.close()
print('closed twice ok')
def gen():
    yield 1
g = gen()
g.close()
print(next(g, 'done'))
g = gen()
try:
    g.throw(ValueError('unstarted'))
except ValueError as e:
    print('ValueError', e)
print(next(g, 'exhausted after throw'))
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print('RuntimeError', e)
def g2():
    x = yield
    yield x * 2
g = g2()
try:
    g.send(1)
except TypeError as e:
    print('TypeError', e)
def rec():
    yield from rec_gen
rec_gen = rec()
try:
    next(rec_gen)
except ValueError as e:
    print('ValueError', e)
def ret_val():
    return 5
    yield
try:
    next(ret_val())
except StopIteration as e:
    print('StopIteration', e.value, e.args)
def yf_ret():
    v = yield from ret_val()
    yield v
print(list(yf_ret()))
def yf_exc():
    try:
        yield from stubborn_inner()
    except KeyError as e:
        yield 'outer caught ' + str(e)
def stubborn_inner():
    yield 'a'
    raise KeyError('inner')
print(list(yf_exc()))
