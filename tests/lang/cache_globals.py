# Inline caches of LOAD_GLOBAL are never stale: builtins looked up through
# a cache must give way to globals and builtins changed between accesses.
import builtins


def count(seq):
    return len(seq)


out = []
for i in range(6):
    if i == 2:
        len = lambda s: -1  # a global now shadows the builtin
    if i == 4:
        del len  # the builtin is visible again
    out.append(count([1, 2, 3]))
print(out)

# insertion through globals() (a dict), then removal
g = globals()
out = []
for i in range(4):
    if i == 1:
        g["abs"] = lambda x: "mine"
    if i == 3:
        del g["abs"]
    out.append(abs(-5))
print(out)

# changing the builtins module itself
saved = builtins.max


def biggest(a, b):
    return max(a, b)


out = [biggest(1, 2)]
builtins.max = lambda a, b: "patched"
out.append(biggest(1, 2))
builtins.max = saved
out.append(biggest(1, 2))
print(out)

# a new builtin name appearing, and going away
def probe():
    try:
        return brand_new_name
    except NameError as e:
        return "NameError"


out = [probe()]
builtins.brand_new_name = 7
out.append(probe())
brand_new_name = 8  # a global shadows it
out.append(probe())
del brand_new_name
out.append(probe())
del builtins.brand_new_name
out.append(probe())
print(out)

# one code object run with different globals
code = compile("r = len('abc')", "<s>", "exec")
d1 = {}
d2 = {"len": lambda s: 99}
for d in (d1, d2, d1, d2):
    exec(code, d)
    print(d["r"])

# a global rebound many times between cached reads
total = 0
step = 1


def add():
    global total
    total += step


for i in range(10):
    step = i
    add()
print(total)
