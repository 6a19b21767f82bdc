order = []
def deco(name):
    order.append("make " + name)
    def wrap(f):
        order.append("apply " + name)
        def inner(*a, **k):
            return name + "(" + str(f(*a, **k)) + ")"
        return inner
    return wrap

@deco("outer")
@deco("inner")
def fn(x):
    return x * 2

print(order)
print(fn(21))

def cls_deco(c):
    c.tag = "tagged"
    return c

@cls_deco
class K:
    pass

print(K.tag)

class M:
    @staticmethod
    def s(x):
        return x + 1
    @classmethod
    def c(cls):
        return cls.__name__
    @property
    def p(self):
        return "prop"

print(M.s(1), M.c(), M().p)

registry = {}
def register(f):
    registry[f.__name__] = f
    return f

@register
def alpha():
    return "a"

print(sorted(registry), alpha())
