# Numeric and formatting special methods, reflected operators, augmented assignment targets.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class N:
    def __init__(self, v): self.v = v
    def __repr__(self): return 'N(%r)' % self.v
    def __divmod__(self, o): return ('divmod', o)
    def __rdivmod__(self, o): return ('rdivmod', o)
    def __format__(self, spec): return 'fmt[' + spec + ']'
    def __pos__(self): return 'pos'
    def __invert__(self): return 'inv'
    def __trunc__(self): return 7
    def __floor__(self): return 8
    def __ceil__(self): return 9
    def __rpow__(self, o): return ('rpow', o)
    def __and__(self, o): return 'and'
    def __rand__(self, o): return 'rand'
    def __ror__(self, o): return 'ror'
    def __rxor__(self, o): return 'rxor'
    def __rlshift__(self, o): return 'rlshift'
    def __rrshift__(self, o): return 'rrshift'
    def __rmod__(self, o): return 'rmod'
    def __rfloordiv__(self, o): return 'rfloordiv'
    def __rmatmul__(self, o): return 'rmatmul'
n = N(1)
t(lambda: (divmod(n, 2), divmod(2, n), format(n, 'x>5'), f'{n:abc}', '{:q}'.format(n)))
t(lambda: (+n, ~n))

t(lambda: (2 ** n, 1 & n, n & 1, 1 | n, 1 ^ n, 1 << n, 1 >> n, 1 % n, 'x%s' % n, 1 // n, 1 @ n))
class Acc:
    def __init__(self): self.items = []
    def __add__(self, o):
        r = Acc(); r.items = self.items + [o]; return r
a = Acc(); b = a
a += 1
t(lambda: (a is b, a.items, b.items))
class Hold:
    def __init__(self): self.l = [1]; self.d = {'k': [2]}
h = Hold()
h.l += [2]
h.d['k'] += [3]
h.d['k'] *= 2
t(lambda: (h.l, h.d))
s = {1}; s |= {2}; s &= {2, 3}; s ^= {4}; s -= {4}
t(lambda: s)
d = {'a': 1}; d |= {'b': 2}
t(lambda: d)
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
t(lambda: bool(Both()))
class LenSub(list): pass
t(lambda: (bool(LenSub()), bool(LenSub([0]))))
class NoBool: pass
t(lambda: bool(NoBool()))
t(lambda: format(NoBool(), 'x'))
t(lambda: format(N(1), ''))
class Fmt:
    def __format__(self, spec): return 5
t(lambda: format(Fmt()))
t(lambda: f'{3:{"x"}}')
