# async generators and async for / async with, driven by hand
class Tick:
    def __await__(self):
        yield "tick"

async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out

def drive(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks

print(drive(consume()))

class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def consume2():
    total = 0
    async for v in ARange(4):
        total += v
    return total

print(drive(consume2()))

class Mgr:
    async def __aenter__(self):
        print("enter")
        await Tick()
        return "resource"
    async def __aexit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True

async def with_user():
    async with Mgr() as r:
        print("using", r)
    async with Mgr():
        raise ValueError("suppressed")
    return "after"

print(drive(with_user()))

async def early_break():
    async for v in agen(10):
        if v == 20:
            break
    return v

print(drive(early_break()))

async def agen_manual():
    yield 1
    yield 2

async def manual():
    g = agen_manual()
    a = await g.__anext__()
    b = await g.__anext__()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return a, b, "stop"

print(drive(manual()))

async def comp():
    return [x async for x in agen(3)]

print(drive(comp()))
print(type(agen(1)).__name__)
