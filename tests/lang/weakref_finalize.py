# weakref.finalize: call a function when an object is collected, or at
# exit, or when called; at most once.
import gc
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def fresh(make, *args):
    # make(*args) called from C (through map): the collector scans the C
    # stack conservatively, and the slots of a call made from C are gone
    # when it returns, so no stale copy of a temporary keeps it alive.
    return list(map(lambda a: make(*a), [args]))[0]


def collect():
    # (these locals clear the frame slots earlier helpers used)
    a = b = c = d = e = f = g = h = i = j = k = l = None
    gc.collect()


log = []


def closer(name, how="collected"):
    log.append((name, how))
    return name.upper()


def watch(name, **kw):
    r = Res(name)
    return weakref.finalize(r, closer, name, **kw)


f1 = fresh(watch, "one")
collect()
print(f1.alive, f1.atexit, log)
print(f1(), f1.peek(), f1.detach())

# called explicitly while the object lives: once, with its result
res = Res("two")
f2 = weakref.finalize(res, closer, "two", how="by hand")
print(f2.peek()[0] is res, f2.peek()[1] is closer, f2.peek()[2:])
print(f2(), f2(), f2.alive, log[-1])
del res
collect()
print(len(log))

# detach: the call is off, the parts come back
res3 = Res("three")
f3 = weakref.finalize(res3, closer, "three")
obj, func, args, kwargs = f3.detach()
print(obj is res3, func is closer, args, kwargs, f3.alive, f3.detach())
del res3, obj
collect()
print(len(log))

# the finalize object need not be kept: it lives until it runs
fresh(lambda: watch("four", how="unreferenced") and None)  # the finalize is dropped
collect()
print(log[-1])

# (an exception from a finalizer: tests/cli, weakref_finalizer_raises)

# the function may reference anything but the object itself
holder = []


def six():
    h = Res("six")
    weakref.finalize(h, holder.append, "six done")


fresh(six)
collect()
print(holder)

# at exit: the ones still alive with atexit set run, newest first
keep_a, keep_b, keep_c = Res("a"), Res("b"), Res("c")
weakref.finalize(keep_a, print, "exit a")
fb = weakref.finalize(keep_b, print, "exit b (not run)")
fb.atexit = False
weakref.finalize(keep_c, print, "exit c")
try:
    weakref.finalize(1, print)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.finalize(keep_a)
except TypeError:
    print("TypeError")
print("end of program")
