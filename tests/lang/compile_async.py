class Aw:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield ("await", self.v)
        return self.v * 10

async def coro(n):
    r = await Aw(n)
    return r + 1

def run(c):
    log = []
    try:
        while True:
            log.append(c.send(None))
    except StopIteration as e:
        return log, e.value

print(run(coro(2)))

class AIter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Aw(self.i)
        return self.i

async def loop():
    out = []
    async for v in AIter(3):
        out.append(v)
    else:
        out.append("else")
    return out

print(run(loop()))

class ACM:
    async def __aenter__(self):
        print("aenter")
        return "res"
    async def __aexit__(self, t, v, tb):
        print("aexit", t)
        return True

async def use_cm():
    async with ACM() as r:
        print("in", r)
        raise ValueError
    return "after"

print(run(use_cm()))

async def comp():
    return [v async for v in AIter(2)], [await Aw(i) for i in range(2)]

print(run(comp()))

async def agen():
    for i in range(2):
        await Aw(i)
        yield i

async def use_agen():
    return [v async for v in agen()]
print(run(use_agen()))
