# needs: bigint
# global/nonlocal, closures over loop vars, walrus binding scope, lambda defaults.
g = 'module'
def read_global():
    return g
def shadow_local():
    try:
        print(g)
    except UnboundLocalError as e:
        print('UnboundLocalError')
    g = 'local'
shadow_local()
def set_global():
    global g, newg
    g = 'changed'
    newg = 'created'
set_global()
print(read_global(), newg)
def counter():
    c = 0
    def inc(by=1):
        nonlocal c
        c += by
        return c
    def get():
        return c
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get())
def deep():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v *= 10
        inner()
        return v
    return mid() + v
print(deep())
def nonlocal_skips_class():
    x = 'func'
    class C:
        x = 'class'
        def m(self):
            return x
    return C().m(), C.x
print(nonlocal_skips_class())
y = 'global-y'
def class_sees_global():
    y = 'enclosing'
    class D:
        print(y)
        y = 'classattr'
        z = y
    return D.z
print(class_sees_global())
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in make_adders()])
def walrus_scope():
    data = [1, 5, 9]
    if any((hit := v) > 4 for v in data):
        return hit
print(walrus_scope())
total = 0
vals = [(total := total + v) for v in range(4)]
print(vals, total)
def walrus_nonlocal():
    k = 0
    def f():
        nonlocal k
        return [(k := k + 1) for _ in range(3)]
    return f(), k
print(walrus_nonlocal())
n = 5
while (n := n - 1) > 2:
    print('n', n)
print((lambda *a, **k: (a, sorted(k)))(1, 2, b=3, a=4))
print((lambda a, b=2, *, c=3: a + b + c)(1, c=10))
print((lambda: (yield))().__class__.__name__)
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(20))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, lambda x: x * 2)(21))
def gen_global():
    global gv
    gv = [x for x in range(3)]
gen_global()
print(gv)
x = 'mod-x'
class E:
    x = 'class-x'
    lst = [x for _ in range(1)]
    def meth(self):
        return x
print(E.lst, E().meth())
def f_locals():
    a = 1
    b = 2
    return sorted(locals())
print(f_locals())
def unbound_free():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print(type(e).__name__)
    late = 1
    return inner()
print(unbound_free())
