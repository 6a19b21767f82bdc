# closures and cells
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
print(c(), c(), c())
c2 = counter()
print(c2(), c())

# loop variable capture: all see the last value
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

def make_adders():
    out = []
    for i in range(3):
        def add(x, i=i):
            return x + i
        out.append(add)
    return out

print([a(10) for a in make_adders()])

def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()

print(outer())

def arg_cell(a):
    def get():
        return a
    a += 1
    return get

print(arg_cell(5)())

def shared():
    v = []
    def add(x):
        v.append(x)
    def get():
        return v
    return add, get

add, get = shared()
add(1); add(2)
print(get())

def unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1

unbound()

def local_unbound():
    try:
        print(q)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    q = 1

local_unbound()
print(counter().__closure__ is not None, counter.__closure__)
