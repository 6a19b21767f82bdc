# A round-robin scheduler interleaving several coroutines, with a queue-like
# awaitable and cancellation by throwing an exception into a task.
class Yield:
    def __await__(self):
        yield 'yield'
class Cancelled(Exception):
    pass
class Loop:
    def __init__(self):
        self.tasks = []
        self.results = {}
    def spawn(self, name, coro):
        self.tasks.append((name, coro))
    def run(self):
        step = 0
        while self.tasks:
            name, coro = self.tasks.pop(0)
            try:
                if step == 7 and name == 'victim':
                    coro.throw(Cancelled('cancel at step 7'))
                else:
                    coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
                print('finished', name, e.value)
            except Exception as e:
                self.results[name] = repr(e)
                print('failed', name, type(e).__name__, e)
            else:
                self.tasks.append((name, coro))
            step += 1
        return self.results
async def worker(name, n):
    total = 0
    for i in range(n):
        print(name, 'step', i)
        total += i
        await Yield()
    return total
async def victim():
    try:
        while True:
            await Yield()
    except Cancelled as e:
        print('victim cleanup:', e)
        return 'cancelled cleanly'
async def crasher():
    await Yield()
    raise ValueError('crash')
async def parent():
    a = await worker('child', 2)
    return a * 100
loop = Loop()
loop.spawn('w1', worker('w1', 3))
loop.spawn('w2', worker('w2', 2))
loop.spawn('victim', victim())
loop.spawn('crasher', crasher())
loop.spawn('parent', parent())
res = loop.run()
print(sorted(res.items()))
