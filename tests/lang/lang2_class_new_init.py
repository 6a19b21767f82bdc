# __new__ / __init__ interplay and class vs instance attributes.
class Single:
    _inst = None
    def __new__(cls, *a):
        print('new', cls.__name__, a)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print('init', v)
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)

class Other:
    def __init__(self):
        print('Other.init never printed')
class Factory:
    def __new__(cls):
        return 42   # not an instance: __init__ is skipped
    def __init__(self):
        print('skipped')
print(Factory())

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print('TypeError', e)

try:
    object.__new__(5)
except TypeError as e:
    print('TypeError')

class Counter:
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.items.append(self.count)   # shared list
        self.count = 'own'              # instance shadows class
c1 = Counter(); c2 = Counter()
print(Counter.count, c1.count, Counter.items, c2.items is Counter.items)
del c1.count
print(c1.count)
try:
    del c1.count
except AttributeError as e:
    print('AttributeError')
print(sorted(vars(c2)), 'count' in Counter.__dict__)

class CS:
    tag = 'cs'
    @staticmethod
    def s(x):
        return ('static', x)
    @classmethod
    def c(cls, x):
        return (cls.__name__, cls.tag, x)
class CS2(CS):
    tag = 'cs2'
print(CS.s(1), CS().s(2), CS.c(3), CS2.c(4), CS2().c(5))
print(type(CS.__dict__['s']).__name__, type(CS.__dict__['c']).__name__)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class Late:
    pass
Late.length = sm
Late.name = cm
print(Late.length('abc'), Late().name())

# setting attributes on classes after creation
Late.added = lambda self: 'added'
print(Late().added(), getattr(Late, 'missing', 'dflt'))
setattr(Late, 'z', 3)
print(Late.z, Late().z)
delattr(Late, 'z')
print(hasattr(Late, 'z'))
print(type(Late()) is Late, type(Late) is type, Late.__name__, Late.__qualname__)
