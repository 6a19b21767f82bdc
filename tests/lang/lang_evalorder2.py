# Evaluation order of decorators, defaults, class bases, displays, slices, calls, assert, with.
log = []
def t(n, v=None):
    log.append(n)
    return v
def mk(n):
    log.append('eval ' + n)
    def d(f):
        log.append('apply ' + n)
        return f
    return d
@mk('outer')
@mk('inner')
def fn(a=t('default a'), *, b=t('default b')):
    pass
print(log); log.clear()
@mk('cls')
class K(t('base', object)):
    t('body')
    x = t('attr', 1)
print(log); log.clear()
d = {t('k1', 1): t('v1'), **t('star', {}), t('k2', 2): t('v2')}
print(log); log.clear()
s = {t('a', 1), *t('s', []), t('b', 2)}
print(log); log.clear()
r = t('obj', [0])[t('idx', 0)]
print(log); log.clear()
r = t('o', 'abc')[t('lo', 0):t('hi', 2):t('st', 1)]
print(log, r); log.clear()
x = [t('e1'), *t('mid', [1]), t('e2')]
print(log); log.clear()
def f(*a, **k): return a, k
f(t('p1'), k1=t('kv1'), *t('star', []), k2=t('kv2'), **t('dstar', {}))
print(log); log.clear()
y = t('lam', lambda q=t('lam default'): q)
print(log); log.clear()
z = {t('k%d' % i, i): t('v%d' % i, i) for i in range(2)}
print(log); log.clear()
a = t('cond') or t('alt') and t('x')
print(log); log.clear()
t('callee', f)(t('arg'))
print(log); log.clear()
q = t('x', 3) ** t('y', 2) ** t('z', 1)
print(log, q); log.clear()
q = -t('neg', 5) + t('r', 1)
print(log, q); log.clear()
print(t('first', 1) in t('container', [1]), log); log.clear()
assert t('assert cond', 1), t('assert msg')
print(log); log.clear()
try:
    assert t('assert cond', 0), t('assert msg', 'm')
except AssertionError as e:
    print(log, e); log.clear()
with t('nop') or type('N', (), {'__enter__': lambda s: t('enter'), '__exit__': lambda s, *a: t('exit')})() as v:
    t('with body')
print(log); log.clear()
