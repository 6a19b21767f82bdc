# needs: float
# metaclass callables, singletons, __prepare__, odd dunder results, built-in subclasses
def meta(name, bases, ns):
    ns["made_by"] = "func"
    return type(name, bases, ns)
class F(metaclass=meta):
    pass
print(F.made_by, type(F).__name__)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class One(metaclass=Singleton):
    def __init__(self):
        print("init once")
print(One() is One())
class Prep(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return {"injected": 1}
class P(metaclass=Prep):
    pass
print(P.injected)
class A:
    def __contains__(self, x): return 1
print(3 in A(), 3 not in A())
class Sl:
    def __getitem__(self, s): return (s.start, s.stop, s.step)
print(Sl()[1:2], Sl()[::3])
class L:
    def __len__(self): return True
print(len(L()))
class R:
    def __eq__(self, o): return NotImplemented
print(R() == R(), R() != R())
class Cmp:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o
print(5 < Cmp(6), Cmp(6) > 5, sorted([3, 1]) )
class It:
    def __iter__(self):
        return iter([1, 2])
a, b = It()
print(a, b, *It(), dict.fromkeys(It()))
class Kw:
    def __init__(self, *, a, b=2):
        self.s = a + b
print(Kw(a=1).s)
try:
    Kw(1)
except TypeError as e:
    print(e)
class Num(float):
    pass
print(Num(1.5) + 1, Num("2.5"), isinstance(Num(1), float))
class B(bytes):
    pass
print(B(b"ab"), len(B(b"xy")))
class St(set):
    pass
s = St([1, 2])
s.add(3)
print(sorted(s), 2 in s, len(s))
class Fs(frozenset): pass
print(sorted(Fs([3, 1])))
