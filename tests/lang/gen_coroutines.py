# coroutines driven by hand (no asyncio): await chains, __await__, send/throw
class Sleep:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return got

async def leaf(x):
    v = await Sleep("leaf-" + str(x))
    return v * 2

async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b

def drive(coro):
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value
        print("request", req)
        value = 10

print(drive(middle()))

async def simple():
    return "simple"

c = simple()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)

try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

async def raiser():
    await Sleep("r")
    raise ValueError("inside")

r = raiser()
print(r.send(None))
try:
    r.send(None)
except ValueError as e:
    print("raised", e)

async def catcher():
    try:
        await Sleep("wait")
    except KeyError as e:
        return "caught " + repr(e)

k = catcher()
k.send(None)
try:
    k.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)

async def bad():
    await 5

try:
    bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)

class AwaitGen:
    def __await__(self):
        return (yield "from gen method")

async def uses_gen():
    return await AwaitGen()

u = uses_gen()
print(u.send(None))
try:
    u.send("sent")
except StopIteration as e:
    print(e.value)

async def closer():
    try:
        await Sleep("c")
    finally:
        print("coroutine finally")

cl = closer()
cl.send(None)
cl.close()
print("done")
