# with (several items, suppression, exit order), try/except/else/finally order, assert.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM('a') as a, CM('b') as b:
    print('body', a.name, b.name)
with CM('s', True), CM('inner'):
    raise ValueError('v')
print('after suppressed')
try:
    with CM('outer'), CM('mid', True), CM('in'):
        raise KeyError('k')
    print('mid swallowed')
    with CM('p'):
        raise IndexError('i')
except IndexError as e:
    print('caught', repr(e))
def ret_from_with():
    with CM('r'):
        return 'returned'
print(ret_from_with())
for i in range(3):
    with CM('loop%d' % i):
        if i == 0:
            continue
        break
class BadEnter:
    def __enter__(self):
        raise RuntimeError('enter failed')
    def __exit__(self, *a):
        print('not called')
try:
    with CM('first'), BadEnter():
        print('no')
except RuntimeError as e:
    print(e)
class Truthy:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        return 'yes'
with Truthy() as (t):
    1 / 0
print('truthy suppress', t)
try:
    with 5:
        pass
except TypeError as e:
    print('TypeError', e)
with CM('x') as obj:
    obj.extra = 7
print(obj.extra)
with (CM('p1') as p1,
      CM('p2') as p2):
    print(p1.name, p2.name)
class Pair:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        pass
with Pair() as (one, [two, three]):
    print(one, two, three)
def order(n):
    try:
        print('try', n)
        if n == 1:
            raise ValueError(n)
        if n == 2:
            return 'ret-try'
    except ValueError:
        print('except')
        return 'ret-except'
    else:
        print('else')
    finally:
        print('finally')
    return 'end'
for n in range(3):
    print(order(n))
def fin_override():
    try:
        return 1
    finally:
        return 2
print(fin_override())
def fin_swallow():
    for _ in range(1):
        try:
            raise ValueError
        finally:
            break
    return 'swallowed'
print(fin_swallow())
try:
    try:
        raise TypeError('inner')
    except ValueError:
        print('wrong')
    finally:
        print('fin runs')
except TypeError as e:
    print('outer', e)
try:
    assert 1 == 1, 'fine'
    assert [], 'empty list'
except AssertionError as e:
    print('AssertionError', e, e.args)
try:
    assert False
except AssertionError as e:
    print('AssertionError', e.args)
x = 0
try:
    assert (x := 5) > 10, f'x is {x}'
except AssertionError as e:
    print(e)
try:
    raise ValueError
except ValueError:
    try:
        raise KeyError
    except KeyError:
        pass
    print('still handling ok')
try:
    pass
except:
    print('no')
else:
    print('else without exception')
try:
    1 / 0
except:
    print('bare except')
