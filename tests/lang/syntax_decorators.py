# Decorators on functions and classes, including arbitrary expressions.
def trace(f):
    def wrapper(*a, **k):
        print('call', f.__name__)
        return f(*a, **k)
    return wrapper
def tag(label):
    def deco(f):
        f.label = label
        return f
    return deco
@trace
def hello(x):
    return x * 2
print(hello(4))
@tag('t1')
@trace
def two():
    return 'two'
print(two(), two.label)
decos = [trace, tag('x')]
@decos[0]
def three():
    return 3
print(three())
@(lambda f: f)
def four():
    return 4
print(four())
class Reg:
    items = []
    @classmethod
    def add(cls, f):
        cls.items.append(f.__name__)
        return f
@Reg.add
def five():
    pass
print(Reg.items)
def cls_deco(c):
    c.extra = 'yes'
    return c
@cls_deco
class K:
    @staticmethod
    def s():
        return 's'
    @property
    def p(self):
        return 'p'
print(K.extra, K.s(), K().p)
@tag('a') if True else None
def six():
    pass
print(six.label)
