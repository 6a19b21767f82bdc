# globals(), locals(), exec and eval namespaces, global/nonlocal
g = 1

def read_global():
    return g

def write_global():
    global g
    g = 2

print(read_global())
write_global()
print(read_global(), g)

def del_global():
    global g
    del g

del_global()
try:
    print(g)
except NameError as e:
    print(type(e).__name__, e)

def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())

print(show_locals(1))
print("show_locals" in globals(), globals()["__name__"])

ns = {}
exec("x = 5\ny = x * 2", ns)
print(ns["x"], ns["y"])
loc = {}
exec("z = w + 1", {"w": 10}, loc)
print(loc)
print(eval("a + b", {"a": 1}, {"b": 2}))
print(eval("[i * i for i in range(4)]"))

def exec_in_function():
    d = {}
    exec("q = 7", globals(), d)
    return d["q"]

print(exec_in_function())
exec("def made(): return 'made'")
print(made())
code_ns = {}
exec("""
class K:
    v = 3
    def get(self):
        return self.v
r = K().get()
""", code_ns)
print(code_ns["r"])

try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)

def deleter():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return type(e).__name__

print(deleter())

def nonlocal_chain():
    a = 0
    def l1():
        def l2():
            nonlocal a
            a += 10
        l2()
        l2()
    l1()
    return a

print(nonlocal_chain())
x = "module"
def shadow():
    x = "local"
    def inner():
        global x
        return x
    return inner()
print(shadow())
