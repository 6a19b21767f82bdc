# C3 linearisation and cooperative super() through diamonds.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
for k in (K1, K2, K3, Z):
    print([c.__name__ for c in k.__mro__])

try:
    class Bad(A, O, B): pass
    print([c.__name__ for c in Bad.__mro__])
except TypeError as e:
    print('TypeError')
try:
    class Bad2(O, A): pass
except TypeError:
    print('TypeError')
try:
    class Dup(A, A): pass
except TypeError as e:
    print('TypeError', e)

class Base:
    def who(self):
        return ['Base']
class L(Base):
    def who(self):
        return ['L'] + super().who()
class R(Base):
    def who(self):
        return ['R'] + super().who()
class M(L, R):
    def who(self):
        return ['M'] + super().who()
print(M().who())
print(M.mro() == list(M.__mro__))
print(M.__bases__ == (L, R), M.__base__ is L)

# super() in __init__ chains
class P:
    def __init__(self, **kw):
        self.log = ['P']
class Q(P):
    def __init__(self, q=0, **kw):
        super().__init__(**kw)
        self.log.append('Q%d' % q)
class S(P):
    def __init__(self, s=0, **kw):
        super().__init__(**kw)
        self.log.append('S%d' % s)
class T(Q, S):
    def __init__(self):
        super().__init__(q=1, s=2)
        self.log.append('T')
print(T().log)

# super() with explicit arguments and in classmethods
class CA:
    @classmethod
    def make(cls):
        return 'CA.make(%s)' % cls.__name__
class CB(CA):
    @classmethod
    def make(cls):
        return 'CB+' + super().make()
print(CB.make(), super(CB, CB).make())

# attribute lookup follows MRO
class X1:
    v = 'X1'
class X2(X1): pass
class X3(X1):
    v = 'X3'
class X4(X2, X3): pass
print(X4.v, X4().v)
print(isinstance(X4(), X1), issubclass(X4, X3), issubclass(X3, X2))
