# LOAD_GLOBAL caching must follow every change to globals and builtins
def use_x():
    return x

x = 1
print(use_x())
x = 2
print(use_x())
del x
try:
    use_x()
except NameError as e:
    print(type(e).__name__, e)
x = 3
print(use_x())

def use_len(s):
    return len(s)

print(use_len("abc"))
len = lambda s: "shadowed"
print(use_len("abc"))
del len
print(use_len("abcd"))

# many globals, inserted and deleted around the cached one
def use_y():
    return y

y = "y0"
print(use_y())
for i in range(50):
    globals()["g%d" % i] = i
print(use_y())
for i in range(0, 50, 2):
    del globals()["g%d" % i]
y = "y1"
print(use_y())
globals().update({"y": "y2"})
print(use_y())
exec("y = 'y3'")
print(use_y())

def loop_global():
    t = 0
    for i in range(100):
        t += step
    return t

step = 2
print(loop_global())
step = 3
print(loop_global())

import builtins
def use_abs():
    return abs(-5)
print(use_abs())
