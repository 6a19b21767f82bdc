# needs: float
# Descriptors: data vs non-data priority, __set_name__, __delete__.
class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError('need int for ' + self.name[1:])
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('delete', self.name)
        delattr(obj, self.name)

class Rec:
    x = Typed()
    y = Typed()
    def __init__(self, x, y):
        self.x = x
        self.y = y

r = Rec(1, 2)
print(r.x, r.y, isinstance(Rec.x, Typed))
try:
    r.x = 'no'
except TypeError as e:
    print('TypeError', e)
r.__dict__['x'] = 'shadow'
print(r.x)   # data descriptor wins over instance dict
del r.x
print(r.x)

class NonData:
    def __get__(self, obj, objtype=None):
        return 'from descriptor'
class H:
    a = NonData()
h = H()
print(h.a)
h.a = 'instance'
print(h.a)   # instance dict wins over non-data descriptor
print(H.a)

# descriptor on class accessed through subclass: objtype
class Show:
    def __get__(self, obj, objtype=None):
        return (obj is None, objtype.__name__)
class Base:
    s = Show()
class Sub(Base): pass
print(Base.s, Sub.s, Sub().s)

# property via descriptor protocol details
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        'celsius'
        return self._c
    @c.setter
    def c(self, v):
        self._c = v
    @c.deleter
    def c(self):
        print('deleting c')
    f = property(lambda self: self._c * 9 / 5 + 32)
t = Temp()
t.c = 100
print(t.c, t.f)
del t.c
try:
    t.f = 1
except AttributeError as e:
    print('AttributeError')
print(type(Temp.c).__name__, Temp.c.fget.__name__)

# functions are descriptors: binding
class M:
    def meth(self):
        return 'bound'
fn = M.__dict__['meth']
print(fn.__get__(M(), M)(), M.meth(M()))
bm = M().meth
print(bm.__self__.__class__.__name__, bm.__func__ is fn)
