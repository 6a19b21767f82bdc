# Closures capture variables (cells), not values.
def make_counters():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(make_counters())

def make_bound():
    return [(lambda i=i: i)() for i in range(3)]
print(make_bound())

def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get())

# two levels of nesting, cell shared by siblings
def outer():
    x = 'a'
    def mid():
        def inner():
            return x
        return inner
    f = mid()
    x = 'b'
    return f()
print(outer())

# parameter captured as a cell
def param_cell(p):
    def g():
        return p * 2
    p += 1
    return g()
print(param_cell(5))

# closure cell before assignment
def early():
    def g():
        return v
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return g()
print(early())

# closures in class bodies see the function scope, not the class scope
def cls_scope():
    y = 'func'
    class K:
        y = 'class'
        def m(self):
            return y
        z = [y for _ in range(1)]
    return K().m(), K.y
print(cls_scope())

# generator closing over a cell
def gen_cell():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in range(5):
        add(v)
        yield total
print(list(gen_cell()))
print(counter.__code__ is not None, counter.__code__.co_freevars)
