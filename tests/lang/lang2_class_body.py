# Class bodies, qualified names, dynamic classes and invalid bases.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def mk():
    class Local:
        def m(self): pass
    return Local
L = mk()
t(lambda: (L.__name__, L.__qualname__, L.m.__qualname__))
t(lambda: (mk.__qualname__, (lambda: 0).__qualname__))
def cb():
    class K:
        xs = [1, 2]
        ys = [x * 2 for x in xs]
        try:
            zs = [x + n for x in xs for n in xs2]
        except NameError as e:
            print('inner', e)
        n = 3
        try:
            ws = [n for _ in range(2)]
        except NameError as e:
            print('NameError', e)
            ws = None
    return K.ys, K.ws
t(cb)
class Order:
    print('class body runs')
    a = 1
    b = a + 1
    del a
t(lambda: (hasattr(Order, 'a'), Order.b))
t(lambda: repr(Order)[:15])
t(lambda: str(type(1)))
t(lambda: repr(int))
class Inherit(Exception, object): pass
t(lambda: [c.__name__ for c in Inherit.__mro__])
t(lambda: type('T', (int,), {})(5) + 1)
t(lambda: type('T', (), {})().__class__.__name__)
t(lambda: type(1, 2))
t(lambda: type('T', 5, {}))
class WithCall(type):
    pass
t(lambda: WithCall('X', (), {}).__name__)
t(lambda: isinstance(WithCall, type))
class A: pass
class B: pass
t(lambda: type('C', (A, B), {}).__mro__ == (type('C', (A, B), {}),))
try:
    class Bad(int, str): pass
except TypeError as e:
    print('TypeError', e)
try:
    class Bad2(True.__class__): pass
except TypeError as e:
    print('TypeError', e)
