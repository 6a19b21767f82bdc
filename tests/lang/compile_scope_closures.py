# Closures capture variables, not values; loops share one cell.
def make_adders():
    fs = []
    for i in range(3):
        fs.append(lambda x: x + i)
    return fs

print([f(10) for f in make_adders()])

def make_adders_default():
    return [lambda x, i=i: x + i for i in range(3)]

print([f(10) for f in make_adders_default()])

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
print(c(), c(), c())

def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()

print(outer())

def param_captured(a, b=5):
    def get():
        return a + b
    a = a * 2
    return get()

print(param_captured(1))

def nested_nonlocal():
    v = "a"
    def f1():
        def f2():
            nonlocal v
            v = v + "b"
        f2()
        return v
    return f1(), v

print(nested_nonlocal())

def unbound():
    try:
        print(y)
    except NameError as e:
        print(type(e).__name__)
    y = 1

unbound()

def free_unbound():
    def g():
        return z
    try:
        g()
    except NameError as e:
        print(type(e).__name__)
    z = 3
    return g()

print(free_unbound())
