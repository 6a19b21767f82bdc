# Evaluation order: augmented assignment evaluates object and subscript once,
# assignment evaluates the right side first, targets left to right.
log = []
def t(name, v):
    log.append(name)
    return v
class Box:
    def __init__(self):
        self.v = 1
    def __getattr__(self, n):
        log.append('getattr ' + n)
        raise AttributeError(n)
class Seq:
    def __init__(self):
        self.d = {0: 10, 1: 20}
    def __getitem__(self, k):
        log.append('get %r' % (k,))
        return self.d[k]
    def __setitem__(self, k, v):
        log.append('set %r %r' % (k, v))
        self.d[k] = v
    def __delitem__(self, k):
        log.append('del %r' % (k,))
        del self.d[k]
s = Seq()
t('obj', s)[t('key', 0)] += t('rhs', 5)
print(log, s.d); log.clear()
ls = [0, 1, 2]
t('obj', ls)[t('a', 0):t('b', 1)] = t('rhs', [7])
print(log); log.clear()
b = Box()
t('obj', b).v *= t('rhs', 3)
print(log, b.v); log.clear()
t('o1', s)[t('k1', 1)], t('o2', s)[t('k2', 0)] = t('r1', 1), t('r2', 2)
print(log, s.d); log.clear()
x = t('a', 1) + t('b', 2) * t('c', 3)
print(log, x); log.clear()
t('f', print)(t('a1', 'args'), t('a2', 'x'), sep=t('kw', '-'))
print(log); log.clear()
d = {t('k1', 'a'): t('v1', 1), t('k2', 'b'): t('v2', 2)}
print(log, d); log.clear()
r = t('a', 1) < t('b', 2) < t('c', 0) < t('d', 5)
print(log, r); log.clear()
r = t('a', 0) and t('b', 1) or t('c', 2)
print(log, r); log.clear()
r = t('c', 1) if t('cond', 0) else t('e', 2)
print(log, r); log.clear()
a = b2 = t('rhs', [1])
print(log, a is b2); log.clear()
del t('o', s)[t('k', 0)]
print(log, s.d); log.clear()
l = [1, 2, 3]
i = 0
i, l[i] = 1, 9
print(i, l)
class C:
    n = 0
    def __iadd__(self, o):
        log.append('iadd')
        self.n += o
        return self
c = C()
cs = [c]
cs[t('i', 0)] += 4
print(log, c.n, cs[0] is c); log.clear()
tup = ([],)
try:
    tup[0] += [1]
except TypeError as e:
    print('TypeError', tup)
g = {'k': [0]}
g[t('k', 'k')][t('i', 0)] += 1
print(log, g); log.clear()
def f(a, b, *c, d=t('default', 1), **e):
    return a, b, c, d, e
print(log); log.clear()
print(f(t('p1', 1), *t('star', [2, 3]), d=t('kd', 4), **t('kw', {'z': 5})), log); log.clear()
