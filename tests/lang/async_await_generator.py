# MicroPython: generators, and objects whose __iter__ gives an iterator,
# are awaitable (awaiting is `yield from`), so MicroPython-style
# coroutines and event loops run; async for / async with accept them.


def sleep(n):  # a generator used as an awaitable, as MicroPython's asyncio does
    for i in range(n):
        yield ("sleep", i)
    return n


class Delay:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        yield ("delay", self.n)
        return self.n * 10


class Ticker:  # async for over awaitables that are generators
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    def __anext__(self):
        return self._next()

    def _next(self):
        yield ("tick", self.i)
        if self.i == self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Guard:  # async with whose __aenter__/__aexit__ return generators
    def __aenter__(self):
        return self._enter()

    def _enter(self):
        yield ("enter",)
        return "guarded"

    def __aexit__(self, *exc):
        return self._exit(exc[0])

    def _exit(self, t):
        yield ("exit", t.__name__ if t else None)
        return True  # swallow


async def task(name):
    log = []
    log.append(await sleep(2))
    log.append(await Delay(3))
    async for v in Ticker(2):
        log.append(v)
    async with Guard() as g:
        log.append(g)
        raise ValueError("inside")
    return name, log


def run(*coros):  # a tiny round-robin loop: what yields is printed
    queue = list(coros)
    while queue:
        c = queue.pop(0)
        try:
            print(c.send(None))
            queue.append(c)
        except StopIteration as e:
            print("done", e.value)


run(task("a"), task("b"))

async def await_it(x):
    return await x


for bad in (5, None, object()):
    try:
        await_it(bad).send(None)
    except TypeError as e:
        print("TypeError", e)
