x = "global"

def read():
    return x

def write():
    global x
    x = "written"

print(read())
write()
print(read(), x)

def shadow():
    x = "local"
    def inner():
        global x
        return x
    return x, inner()

print(shadow())

def declares_global_nested():
    global g
    g = 1
    def inner():
        return g + 1
    return inner()

print(declares_global_nested(), g)

def deleter():
    global x
    del x

deleter()
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)

def local_del():
    a = 1
    del a
    try:
        return a
    except NameError as e:
        return type(e).__name__

print(local_del())

counter = 0
def bump(n):
    global counter
    for _ in range(n):
        counter += 1

bump(5)
print(counter)
