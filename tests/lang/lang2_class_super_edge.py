# Zero-argument super() in unusual places, and the __class__ cell.
class A:
    def f(self):
        return 'A.f'
    def g(self):
        return 'A.g'
class B(A):
    def f(self):
        def inner():
            return __class__.__name__
        return inner() + ' ' + super().f()
    def g(self):
        r = []
        for _ in range(2):
            r.append(super().g())
        return r
    def comp(self):
        # in 3.11 the comprehension's first argument is its iterator
        return [super().g() for _ in range(2)]
    def h(self):
        return (lambda: super().f())()
    def k(self):
        return __class__
print(B().f(), B().g(), B().k() is B)
for m in (B().comp, B().h):
    try:
        m()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)

class C(B):
    pass
print(C().k() is B, C().f())

# super() outside a method
def loose():
    return super()
try:
    loose()
except RuntimeError as e:
    print('RuntimeError', e)

# super() in a method with no positional arguments
class D(A):
    def s():
        return super().f()
try:
    D.s()
except RuntimeError as e:
    print('RuntimeError', e)

# super() in __new__ / staticmethod with explicit class
class E(A):
    @staticmethod
    def st():
        return super(E, E()).f()
print(E.st())

# super() object: attribute errors and repr-free checks
class F(A):
    def miss(self):
        return super().nope
try:
    F().miss()
except AttributeError as e:
    print('AttributeError', e)

# super() with property and data set
class P:
    @property
    def v(self):
        return 'P.v'
class Q(P):
    @property
    def v(self):
        return 'Q+' + super().v
print(Q().v)

# method reassigned to another class keeps its __class__
class G(A):
    def f(self):
        return 'G>' + super().f()
class H:
    pass
H.f = G.f
try:
    H().f()
except TypeError as e:
    print('TypeError', e)
print(G().f())

# super() in a classmethod of a subclass that overrides __init_subclass__
class Base:
    seen = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.seen.append(cls.__name__)
class S1(Base): pass
class S2(S1): pass
print(Base.seen)
