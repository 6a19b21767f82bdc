# generator throw() and close()
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("finally")

it = g()
print(next(it))
print(it.throw(ValueError("boom")))
try:
    next(it)
except StopIteration:
    print("stop")

it = g()
next(it)
it.close()
print("closed")
try:
    next(it)
except StopIteration:
    print("stop after close")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def catcher():
    try:
        yield
    except GeneratorExit:
        print("got GeneratorExit")
        raise

c = catcher()
next(c)
c.close()

it = g()
try:
    it.throw(KeyError("x"))
except KeyError as e:
    print("unstarted throw", repr(e))
try:
    next(it)
except StopIteration:
    print("unstarted is now finished")

it = g()
next(it)
try:
    it.throw(TypeError, "msg")
except TypeError as e:
    print("propagated", e)

def gen_ret_on_throw():
    try:
        yield 1
    except ValueError:
        return "handled"

x = gen_ret_on_throw()
next(x)
try:
    x.throw(ValueError)
except StopIteration as e:
    print("return on throw", e.value)

# close an unstarted and a finished generator
u = g()
u.close()
u.close()
print("ok")
