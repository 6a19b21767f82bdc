# Less common hooks: __getattribute__, __hash__ = None, __iter__ = None,
# reflected operands of subclasses, __class__ assignment, callable().
class Loud:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name == 'secret':
            return 'intercepted'
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'fallback ' + name
l = Loud()
print(l.a, l.secret, l.other)

class NoHash:
    __hash__ = None
    def __eq__(self, o):
        return self is o
try:
    {NoHash()}
except TypeError as e:
    print('TypeError', e)
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__ is None)
class EqHashSub(EqOnly):
    def __hash__(self):
        return 7
print(hash(EqHashSub()), len({EqHashSub(), EqHashSub()}))

class NotIter:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(NotIter())
except TypeError as e:
    print('TypeError', e)

class Num:
    def __init__(self, v):
        self.v = v
    def __sub__(self, o):
        return 'Num.sub'
    def __rsub__(self, o):
        return 'Num.rsub'
    def __lt__(self, o):
        return 'Num.lt'
    def __gt__(self, o):
        return 'Num.gt'
class SubNum(Num):
    def __rsub__(self, o):
        return 'SubNum.rsub'
    def __gt__(self, o):
        return 'SubNum.gt'
print(Num(1) - SubNum(2), SubNum(1) - Num(2), Num(1) < SubNum(2), 5 - Num(1), 5 < Num(1))

class Eq1:
    def __eq__(self, o):
        print('Eq1.eq')
        return NotImplemented
class Eq2:
    def __eq__(self, o):
        print('Eq2.eq')
        return NotImplemented
e1 = Eq1()
print(e1 == Eq2(), e1 == e1, e1 != Eq2())

class Cat:
    def speak(self):
        return 'meow'
class Dog:
    def speak(self):
        return 'woof'
pet = Cat()
pet.__class__ = Dog
print(pet.speak(), type(pet).__name__, isinstance(pet, Dog))

class Callable:
    def __call__(self, *a, **k):
        return a, sorted(k)
print(callable(Callable()), callable(Callable), callable(Cat()), callable(len), callable(1))
print(Callable()(1, x=2))

class Cont:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        del self.d[k]
    def __contains__(self, k):
        return 1 if k in self.d else 0
    def __len__(self):
        return len(self.d)
    def __iter__(self):
        return iter(sorted(self.d))
    def __reversed__(self):
        return iter(sorted(self.d, reverse=True))
c = Cont()
c['b'] = 2; c['a'] = 1; c[1, 2] = 'tuple'
del c[1, 2]
print(len(c), 'a' in c, 'z' in c, list(c), list(reversed(c)), c['b'])
try:
    c['zz']
except KeyError as e:
    print('KeyError', e)
try:
    del c['zz']
except KeyError as e:
    print('KeyError', e)

def deco(cls):
    cls.decorated = True
    return cls
@deco
class Decorated:
    class Inner:
        def m(self):
            pass
print(Decorated.decorated, Decorated.Inner.__qualname__, Decorated.Inner.m.__qualname__)
print(Decorated.Inner.__name__, Decorated.__module__)

# object.__ne__ inverts __eq__ but passes NotImplemented through
class EqStr:
    def __eq__(self, o):
        return 'eqres'
class Plain:
    pass
print(object.__ne__(EqStr(), 1), object.__ne__(Plain(), 1), EqStr() != 1, Plain() != Plain())
print(object.__ne__(5, 5), object.__ne__(5, 6))
class IntNe(int):
    def __ne__(self, o):
        return super().__ne__(o)
print(IntNe(1) != 1, IntNe(1) != 2)
