# async with/for interplay with return/break/continue, async comprehensions, await in expressions.
class Aw:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield 'tick'
        return self.v
    __iter__ = __await__
def run(c):
    out = []
    try:
        while True:
            out.append(c.send(None))
    except StopIteration as e:
        return e.value, len(out)
class Cm:
    async def __aenter__(self):
        return await Aw('entered')
    async def __aexit__(self, *a):
        print('aexit', a[0].__name__ if a[0] else None)
        return await Aw(False)
async def ret_in_with():
    async with Cm() as v:
        return v
print(run(ret_in_with()))
async def loop_in_with():
    for i in range(3):
        async with Cm():
            if i == 1:
                continue
            if i == 2:
                break
    return i
print(run(loop_in_with()))
class It:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return Aw(self.n)
async def comp():
    r = [await Aw(i) for i in range(3)]
    s = [x async for x in It()]
    return r, s, {await Aw(k): k for k in 'ab'}
print(run(comp()))
async def nested_await():
    return await Aw(await Aw(5))
print(run(nested_await()))
async def f_await():
    return f'{await Aw(3)}!', [await Aw(1), await Aw(2)][1], (await Aw(2)) ** 3
print(run(f_await()))
import sys
async def exc_in_aexit():
    try:
        async with Cm():
            raise ValueError('x')
    except ValueError as e:
        return 'propagated ' + str(e)
print(run(exc_in_aexit()))
async def bad_await():
    await 5
try:
    run(bad_await())
except TypeError as e:
    print('TypeError')
def old_style():
    yield from Aw(1)
async def uses_gen_iter():
    return await Aw(7)
print(run(uses_gen_iter()))
c = uses_gen_iter()
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError')
except StopIteration:
    print('StopIteration')
