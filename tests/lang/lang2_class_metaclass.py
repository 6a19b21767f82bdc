# Metaclass basics: type(name, bases, ns), custom metaclass hooks.
Dyn = type('Dyn', (object,), {'x': 1, 'hello': lambda self: 'hi ' + type(self).__name__})
print(Dyn.__name__, Dyn.x, Dyn().hello(), type(Dyn).__name__)
Sub = type('Sub', (Dyn,), {})
print([c.__name__ for c in Sub.__mro__], Sub().x)
print(type(5).__name__, type(type).__name__, type(object).__name__)

class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        ns['registered'] = True
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.init_done = name
    def __call__(cls, *a, **kw):
        print('creating', cls.__name__, a)
        return super().__call__(*a, **kw)
    def describe(cls):
        return 'class ' + cls.__name__

class Plugin(metaclass=Registry):
    def __init__(self, v=0):
        self.v = v
class Child(Plugin):
    pass
print(Registry.classes, Plugin.registered, Child.init_done)
c = Child(7)
print(c.v, type(Child).__name__, isinstance(Child, Registry), Child.describe())
try:
    c.describe()
except AttributeError as e:
    print('AttributeError')

class WithKw:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class T1(WithKw, tag='one'):
    pass
print(T1.tag)

class Meta(type):
    def __getitem__(cls, k):
        return (cls.__name__, k)
    def __len__(cls):
        return 3
    def __iter__(cls):
        return iter('abc')
    def __repr__(cls):
        return '<Meta %s>' % cls.__name__
class G(metaclass=Meta):
    pass
print(G[int], len(G), list(G), G, repr(G))
print(isinstance(G, type), issubclass(Meta, type))
