# NameError/UnboundLocalError/AttributeError wording for scope and attribute mistakes.
def t(f):
    try:
        print(f())
    except BaseException as e:
        print(type(e).__name__, e)
# scoping errors
def a():
    print(v)
    v = 1
t(a)
def b():
    global gx
    return gx
t(b)
def c():
    x = 1
    def inner():
        return x
    del x
    return inner()
t(c)
def d():
    def inner():
        nonlocal q
        q += 1
    q = 0
    inner()
    return q
t(d)
class K:
    attr = 1
    def m(self):
        return attr
t(lambda: K().m())
def e():
    for i in []:
        pass
    return i
t(e)
def f():
    try:
        pass
    except Exception as exc:
        pass
    return exc
t(f)
def g():
    [z for z in range(3)]
    return z
t(g)
import builtins
t(lambda: builtins.len is len)
def h():
    len = 5
    return len
t(h)
def i():
    del undefined_local
t(i)
def j():
    global undefined_glob
    del undefined_glob
t(j)
t(lambda: exec('1//0') if 'exec' in dir(builtins) else 1//0)
t(lambda: eval('undefined_e'))
t(lambda: [].nope)
t(lambda: type.nope)
t(lambda: int.nope)
t(lambda: (lambda: 0).nope)
import sys
t(lambda: sys.nope)
t(lambda: K.nope)
t(lambda: K().nope)
t(lambda: super(K, K()).nope)
t(lambda: setattr(K(), 1, 2))
t(lambda: getattr(K(), 1))
t(lambda: (1).real.__class__.__name__)
def setint():
    x = 5
    x.attr = 1
t(setint)
def setlist():
    [].append = 1
t(setlist)
def setstr():
    'a'.upper = 1
t(setstr)
def delmeth():
    del K().m
t(delmeth)
