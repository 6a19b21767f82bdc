# async def / await / async for / async with driven by a hand-written loop.
class Sleep:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield ('sleep', self.tag)
        return 'woke ' + str(self.tag) + ' ' + str(got)
def run(coro):
    n = 0
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            print('steps', n, 'result', e.value)
            return e.value
        n += 1
        value = n
        print('  loop got', req)
async def leaf(x):
    r = await Sleep(x)
    print('  leaf', r)
    return x * 2
async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b
run(middle())
class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await Sleep('enter ' + self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Sleep('exit ' + self.name)
        print('  aexit', self.name, et.__name__ if et else None)
        return self.suppress
async def use_cm():
    async with ACM('a') as x, ACM('b') as y:
        print('  body', x, y)
    async with ACM('c', True):
        raise ValueError('swallowed')
    try:
        async with ACM('d'):
            raise KeyError('kept')
    except KeyError as e:
        print('  caught', e)
    return 'cm done'
run(use_cm())
class ARange:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Sleep('next')
        self.i += 1
        return self.i
async def use_for():
    total = 0
    async for v in ARange(3):
        total += v
    else:
        print('  async-for else')
    async for v in ARange(5):
        if v == 2:
            break
    print('  broke at', v)
    return total
run(use_for())
async def raiser():
    await Sleep('r')
    raise RuntimeError('inside')
async def catcher():
    try:
        await raiser()
    except RuntimeError as e:
        return 'caught ' + str(e)
run(catcher())
async def simple():
    return 42
c = simple()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print('value', e.value)
async def agen_like():
    rs = []
    for i in range(2):
        rs.append(await leaf(i))
    return rs
run(agen_like())
async def throw_target():
    try:
        await Sleep('t')
    except ValueError as e:
        print('  thrown in', e)
        return 'recovered'
co = throw_target()
print(co.send(None))
try:
    co.throw(ValueError('boom'))
except StopIteration as e:
    print('throw result', e.value)
co2 = leaf(9)
co2.send(None)
co2.close()
print('closed')
