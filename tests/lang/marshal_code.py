# needs: complex
# marshal: code objects to bytes and back, as functions, generators,
# closures and exec use them (CPython and MicroPython agree on this part).
import marshal


def f(x, y=2, *args, z=3, **kw):
    "doc"
    total = x * y + z
    for a in args:
        total += a
    try:
        total += kw["extra"]
    except KeyError:
        pass
    return (total, 1.5, 2j, -7, 10**30, "ünï", b"\x00b", (1, (2, ...)), None, True)


data = marshal.dumps(f.__code__)
print(type(data))
f.__code__ = marshal.loads(data)
print(f(3), f(1, 2, 3, 4, z=0, extra=100))


def gen(n):
    yield from range(n)
    return [i * i for i in range(n) if i % 2]

gen.__code__ = marshal.loads(marshal.dumps(gen.__code__))
print(list(gen(4)))

def outer():
    v = 5
    def inner():
        return v + 1
    return inner
i = outer()
i.__code__ = marshal.loads(marshal.dumps(i.__code__))
print(i())
exec(marshal.loads(marshal.dumps(compile("print('exec', [x for x in 'ab'])", "s", "exec"))))
g = lambda: 0
try:
    g.__code__ = i.__code__  # a closure's code needs a closure
except ValueError as e:
    print("ValueError", e)
