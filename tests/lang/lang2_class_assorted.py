# Methods, properties, descriptors and built-in subclasses: assorted checks.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class A:
    def m(self): return 'm'
a = A()
a.f = lambda: 'instance func not bound'
t(a.f)
sm = staticmethod(lambda x: x * 2)
t(lambda: sm(4))
t(lambda: type(A.m).__name__)
t(lambda: A.m.__name__)
t(lambda: a.m.__name__)
t(lambda: a.m == a.m)
t(lambda: a.m is a.m)
t(lambda: A.m is A.m)
t(lambda: a.m.__func__ is A.m)
class B:
    count = 0
    def __init__(self):
        type(self).count += 1
class C(B): pass
B(); C(); C()
t(lambda: (B.count, C.count))
class Prop:
    _x = 0
    def getx(self): return self._x
    def setx(self, v): self._x = v
    x = property(getx, setx)
p = Prop(); p.x = 5
t(lambda: (p.x, Prop._x, p._x))
t(lambda: Prop.x.fget is Prop.getx)
class CP:
    @property
    def ro(self): return 'ro'
    ro2 = property()
t(lambda: CP().ro2)
def set_ro(): CP().ro = 1
t(set_ro)
class Base:
    def __init__(self, x): self.x = x
    def __repr__(self): return '%s(%r)' % (type(self).__name__, self.x)
class Derived(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
t(lambda: Derived(1, 2))
t(lambda: Derived(1))
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        print('Meta.__new__', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(m, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class WithMeta(metaclass=Meta, flag=1):
    a = 1
    def b(self): pass
class SubMeta(WithMeta): pass
t(lambda: type(SubMeta).__name__)
t(lambda: isinstance(WithMeta(), WithMeta))
class Desc:
    def __get__(self, obj, typ):
        return 'get'
class DescSet(Desc):
    def __set__(self, obj, v):
        print('set', v)
class Host:
    d = Desc()
    ds = DescSet()
h = Host()
h.__dict__['d'] = 'inst'
h.__dict__['ds'] = 'inst'
t(lambda: (h.d, h.ds, Host.d))
h.ds = 3
class StrSub(str):
    def __str__(self): return 'custom'
t(lambda: (str(StrSub('x')), StrSub('x') + 'y', '%s' % StrSub('x'), f'{StrSub("x")}', print(StrSub('z'))))
class IntSub(int):
    def __repr__(self): return 'IntSub!'
t(lambda: (str(IntSub(3)), repr(IntSub(3)), [IntSub(3)], IntSub(3) + 1, f'{IntSub(3)}'))
class ListSub(list):
    def __len__(self): return 99
t(lambda: (len(ListSub([1])), bool(ListSub()), list(ListSub([1, 2]))))
class DictSub(dict):
    def __getitem__(self, k): return 'always'
t(lambda: (DictSub(a=1)['a'], DictSub(a=1).get('a'), '{a}'.format_map(DictSub())))
class TupSub(tuple): pass
t(lambda: (TupSub([1, 2]), type(TupSub([1]) + (2,)).__name__, TupSub() == ()))
class ExcSub(ValueError):
    def __init__(self, *a):
        super().__init__('fixed', *a)
t(lambda: (ExcSub(1).args, str(ExcSub())))
