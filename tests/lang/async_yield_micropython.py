# MicroPython semantics: an `async def` that yields and returns a value is a
# coroutine whose yields go to the event loop (CPython: SyntaxError), and an
# async generator can be awaited, run as such a coroutine (CPython: TypeError).
# Async generators otherwise behave as CPython's.
class Loop:
    def run(self, coro):
        v = None
        while True:
            try:
                got = coro.send(v)
            except StopIteration as e:
                return e.value
            print("loop got", got)
            v = got * 10

async def read(x):
    yield x
    return "read " + str(x)

async def main():
    a = await read(1)
    b = await read(2)
    return a + ", " + b

print(Loop().run(main()))
c = read(3)
print(type(c).__name__)
c.close()

async def agen():  # no return value: still an async generator, as CPython
    yield 1
    yield 2

async def use():
    out = []
    async for v in agen():
        out.append(v)
    return out
print(Loop().run(use()))

async def drain(n):  # MicroPython's stream style: yields to the loop, gives None
    yield n

async def writer():
    r = await drain(7)
    return ("drained", r)
print(Loop().run(writer()))
