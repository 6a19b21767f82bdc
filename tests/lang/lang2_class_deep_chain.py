# Deep inheritance chains, keyword-only methods, catching RecursionError at depth.
C = object
for i in range(300):
    C = type('C%d' % i, (C,), {'v': i})
print(C.v, len(C.__mro__), C.__mro__[-2].__name__)
class A:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
a = A(x=1, y=2)
print(vars(a))
def f(**kw): return kw
print(f(**{'a b': 1}), f(**{'class': 2}))
class KW:
    def m(self, *, key): return key
print(KW().m(key=3))
try:
    KW().m(3)
except TypeError as e:
    print(e)
try:
    KW.m()
except TypeError as e:
    print(e)
g = (lambda: (yield))()
print(next(g))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
import sys
print(sys.getrecursionlimit() > 0)
def r(n):
    try:
        return r(n + 1)
    except RecursionError:
        return n
print(r(0) > 50)
