# needs: bigint
# Special methods that return the wrong thing, and protocol corner cases.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class D:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
X = type('X', (), {'d': D()})
class P:
    @property
    def v(self): return 1
class Q(P):
    pass
q = Q()
t(lambda: q.v)
def setv(): q.v = 2
t(setv)
def delv(): del q.v
t(delv)
class U:
    def __init__(self, v): self.v = v
u1, u2 = U(1), U(1)
t(lambda: u1 == u2)
t(lambda: len({u1, u2, u1}))
t(lambda: u1 in [u2])
t(lambda: [u1].index(u1))
t(lambda: [u1].count(u2))
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *a):
        print('exit args', [type(x).__name__ for x in a])
        return False
def wctx():
    with Ctx() as c:
        return 'ret'
t(wctx)
def wctx2():
    for i in range(3):
        with Ctx():
            if i == 1: break
            continue
    return i
t(wctx2)
t(lambda: Ctx().__exit__(None, None, None))
class NoEnter:
    pass
def wne():
    with NoEnter():
        pass
t(wne)
class NoExit:
    def __enter__(self): pass
def wnx():
    with NoExit():
        pass
t(wnx)
class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'O%d' % self.v
t(lambda: sorted([Ord(3), Ord(1), Ord(2)]))
t(lambda: max([Ord(3), Ord(1), Ord(2)]))
t(lambda: min(Ord(3), Ord(1)))
t(lambda: Ord(1) > Ord(2))
t(lambda: Ord(1) <= Ord(2))
class GI:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
t(lambda: GI[int])
t(lambda: list[int])
t(lambda: dict[str, int])
class Abs:
    def __init__(self):
        raise NotImplementedError('abstract')
t(Abs)
class Ret:
    def __len__(self): return 'x'
t(lambda: len(Ret()))
class Idx:
    def __index__(self): return 'x'
t(lambda: [1][Idx()])
class BigLen:
    def __len__(self): return 2**70
t(lambda: len(BigLen()))
class Hsh:
    def __hash__(self): return 'x'
t(lambda: hash(Hsh()))
class Hbig:
    def __hash__(self): return 2**100
t(lambda: hash(Hbig()) == hash(2**100))
class Rp:
    def __repr__(self): return 5
t(lambda: repr(Rp()))
class Nx:
    def __iter__(self): return 5
t(lambda: iter(Nx()))
class Cl:
    def __contains__(self, x): return []
t(lambda: 1 in Cl())
t(lambda: 1 not in Cl())
