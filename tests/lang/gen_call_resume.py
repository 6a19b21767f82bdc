# `g.send(x)` and `next(g)` called from Python code resume the generator
# inside the caller's interpreter loop; everything they do must be what the
# same calls do from C (sum(), list(), map()), in every state of the
# generator, with the handled exception, tracebacks and return values.
import sys


def where(e):
    # the traceback as function names, innermost last
    out = []
    tb = e.__traceback__
    while tb:
        out.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return out


def echo():
    got = []
    try:
        while True:
            x = yield len(got)
            got.append(x)
            if x == "stop":
                return got
    finally:
        print("echo finally", got)


# ---- send on every state: created (None / a value), suspended, running, done

g = echo()
try:
    g.send(1)
except TypeError as e:
    print("TypeError", e)
print(g.send(None), g.send("a"), next(g), g.send("b"))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration", e.value)
for call in (lambda: g.send(1), lambda: next(g), lambda: g.send(None)):
    try:
        call()
    except StopIteration as e:
        print("done:", type(e).__name__, e.value)


def selfsend():
    yield me.send(None)


me = selfsend()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
print(list(me))


def selfnext():
    yield next(me2)


me2 = selfnext()
try:
    me2.send(None)
except ValueError as e:
    print("ValueError", e)

# ---- return values through send and next, and next with a default


def ret(v):
    yield 1
    return v


for v in (None, 0, "x", (1, 2)):
    g = ret(v)
    next(g)
    try:
        next(g)
    except StopIteration as e:
        print("next ->", repr(e.value), e.args)
    g = ret(v)
    g.send(None)
    try:
        g.send(5)
    except StopIteration as e:
        print("send ->", repr(e.value), e.args)
g = ret(3)
print(next(g), next(g, "dflt"), next(g, "dflt"))

# the unbound method, and a send that is not a generator's
g = ret(4)
print(type(g).send(g, None))
try:
    type(g).send([], None)
except TypeError as e:
    print("TypeError", e)


class NotGen:
    def send(self, v):
        return ("mine", v)

    def __next__(self):
        return "next"


print(NotGen().send(1), next(NotGen()))
try:
    next([])
except TypeError as e:
    print("TypeError", e)

# ---- exceptions: raised inside, caught by the caller; PEP 479


def fails():
    yield 1
    raise KeyError("k")


def caller():
    g = fails()
    next(g)
    try:
        g.send(2)
    except KeyError as e:
        print("caught", repr(e), where(e))
    try:
        next(g)
    except StopIteration as e:
        print("then finished", e.value)


caller()


def leaks():
    yield 1
    raise StopIteration(7)


g = leaks()
next(g)
try:
    g.send(None)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

# ---- the handled exception: the generator's own, and the caller's restored


def ctx():
    print("in gen", repr(sys.exc_info()[1]))
    try:
        raise ValueError("inside")
    except ValueError:
        x = yield "in except"
        print("resumed in except", repr(sys.exc_info()[1]), x)
    yield "end"


g = ctx()
try:
    raise KeyError("outer")
except KeyError:
    print(next(g), repr(sys.exc_info()[1]))
print(g.send(9), repr(sys.exc_info()[1]))
try:
    raise IndexError("second")
except IndexError:
    try:
        next(g)
    except StopIteration:
        print("stop, handled", repr(sys.exc_info()[1]))
print(repr(sys.exc_info()[1]))

# ---- throw and close after inline sends; finally runs once

g = echo()
next(g)
g.send("a")
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print("thrown out", e)
print(g.gi_running, next(g, "gone"))
g = echo()
next(g)
g.send("b")
g.close()
g.close()
print(next(g, "closed"))

# ---- coroutines: send drives them; next() does not apply


class Wait:
    def __await__(self):
        return (yield "waiting")


async def coro(n):
    total = 0
    for _ in range(n):
        total += await Wait()
    return total


c = coro(3)
print(c.send(None), c.send(1), c.send(2))
try:
    c.send(3)
except StopIteration as e:
    print("coroutine returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
c = coro(1)
try:
    next(c)
except TypeError as e:
    print("TypeError", e)
c.close()

# ---- a scheduler stepping tasks with send, as asyncio does


def task(name, n):
    for i in range(n):
        got = yield (name, i)
        assert got == i * 10, got
    return name + " done"


tasks = [task("a", 3), task("b", 1), task("c", 2)]
sent = {id(t): None for t in tasks}
while tasks:
    t = tasks.pop(0)
    try:
        name, i = t.send(sent[id(t)])
        sent[id(t)] = i * 10
        tasks.append(t)
    except StopIteration as e:
        print(e.value)

# ---- deep: a chain of generators each driving the next with next()


def chain(n):
    if n == 0:
        yield 0
        return
    inner = chain(n - 1)
    while True:
        try:
            v = next(inner)
        except StopIteration:
            return
        yield v + 1


print(list(chain(50)))


def rec():
    yield next(rec())


try:
    next(rec())
except RecursionError:
    print("RecursionError")
