# Generators resumed by `for`, `yield from` and `await` run inside the
# caller's interpreter loop; everything a generator does there must be what
# it does when resumed from C (next(), send(), throw(), close()).
import sys


def where(e):
    # the traceback as (function, line) pairs, innermost last
    out = []
    tb = e.__traceback__
    while tb:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


# ---- for over a generator: values, break, finally, re-entry


def count(n, log):
    try:
        for i in range(n):
            yield i
        return "done"  # the value is dropped by for
    finally:
        log.append("finally %d" % n)


log = []
print([x for x in count(3, log)], log)
g = count(5, log)
for x in g:
    if x == 2:
        break
print(x, log, g.gi_running)
print(next(g), g.gi_running)
g.close()
print(log)


def reenter():
    yield me.gi_running
    next(me)


me = reenter()
try:
    for v in me:
        print("running inside", v)
except ValueError as e:
    print("ValueError", e)
print(list(me))

# ---- exceptions leaving a generator resumed by for


def boom(n):
    yield n
    yield 1 // (n - n)


def caller():
    total = 0
    for v in boom(3):
        total += v
    return total


try:
    caller()
except ZeroDivisionError as e:
    print("caught", where(e)[-3:])

# a StopIteration raised inside becomes RuntimeError (PEP 479)


def leaks():
    yield 1
    raise StopIteration(7)


try:
    for v in leaks():
        pass
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__.value)

# the handled exception: inside a generator it is the caller's, and what it
# handles itself does not leak out when it yields


def sees_handled():
    yield sys.exc_info()[0]
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


try:
    raise ValueError("outer")
except ValueError:
    for t in sees_handled():
        print("inside", t.__name__, "outside", sys.exc_info()[0].__name__)
print(sys.exc_info())


def suspended_in_except():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        yield sys.exc_info()[0].__name__


s = suspended_in_except()
for v in s:
    print(v, sys.exc_info()[0])


# an exception raised in a generator gets the caller's handled exception as context


def raises_plain():
    yield 1
    raise TypeError("plain")


try:
    try:
        raise IndexError("handled")
    except IndexError:
        for v in raises_plain():
            pass
except TypeError as e:
    print("context", repr(e.__context__))

# ---- yield from: values, return value, exceptions, close, throw


def inner(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("inner got", x)
    return n * 10


def outer():
    r = yield from inner(3)
    print("inner returned", r)
    r = yield from inner(0)
    print("empty inner returned", r)
    return r + 1


print(list(outer()))
o = outer()
print(next(o), o.send("a"), o.send("b"))
try:
    o.send("c")
except StopIteration as e:
    print("StopIteration", e.value)


def deep(n):
    if n == 0:
        yield "leaf"
        return 0
    r = yield from deep(n - 1)
    return r + 1


d = deep(50)
print(next(d), d.gi_yieldfrom is not None)
try:
    next(d)
except StopIteration as e:
    print("depth", e.value)


def failing_inner():
    yield 1
    raise ValueError("from inner")


def catching_outer():
    try:
        yield from failing_inner()
    except ValueError as e:
        print("outer caught", e, where(e)[-2:])
        yield 2


print(list(catching_outer()))


def uncaught_outer():
    yield from failing_inner()


try:
    for v in uncaught_outer():
        pass
except ValueError as e:
    print("uncaught", where(e)[-3:])


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")


def delegates():
    try:
        yield from with_finally()
    finally:
        print("outer finally")


g = delegates()
for v in g:
    break
g.close()
g = delegates()
next(g)
try:
    g.throw(KeyError("thrown"))
except KeyError as e:
    print("throw came back", repr(e))


def swallow():
    while True:
        try:
            yield
        except KeyError:
            print("inner swallowed")
            return "swallowed"


def thrower():
    r = yield from swallow()
    yield r


g = thrower()
next(g)
print(g.throw(KeyError))

# a generator that finished cannot be resumed; a sub-generator already done
# gives its return (None) at once


def one():
    yield 1


a = one()
print(list(a), list(a))


def reuse_done():
    yield from a
    yield "after"


print(list(reuse_done()))

# sending a value into a just-started sub-generator through yield from


def sends():
    g = inner(2)
    next(g)
    r = yield from g
    yield r


s = sends()
print(next(s), s.send("v"))

# ---- coroutines awaited by coroutines (await resumes inline)


class Step:
    def __await__(self):
        v = yield "step"
        return v


async def leaf(x):
    got = await Step()
    if got == "raise":
        raise OSError(5, "leaf failed")
    return x + got


async def middle():
    a = await leaf(1)
    try:
        await leaf(0)
    except OSError as e:
        print("middle caught", e.errno, where(e)[-2:])
    return a


async def top():
    return await middle()


c = top()
print(c.send(None), c.send(10))
try:
    c.send("raise")
except StopIteration as e:
    print("coroutine returned", e.value)

c = top()
c.send(None)
try:
    c.send("raise")
except OSError as e:
    print("raised through", where(e)[-3:])

c = top()
c.send(None)
c.close()
print(c.cr_await)


async def awaited_twice(co):
    await co
    await co


inner_co = leaf(5)
c = awaited_twice(inner_co)
c.send(None)
try:
    c.send(1)
except RuntimeError as e:
    print("RuntimeError", e)

# ---- recursion: an unbounded chain of generators still stops with RecursionError


def endless(n):
    yield from endless(n + 1)


try:
    next(endless(0))
except RecursionError as e:
    print("RecursionError")

g = endless(0)
try:
    for v in g:
        pass
except RecursionError:
    print("RecursionError in for")
print(list(count(2, [])))
