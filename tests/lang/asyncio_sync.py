# needs: float
# Event and Lock between tasks.
import asyncio


async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    got = []

    async def waiter(n):
        r = await ev.wait()
        got.append((n, r))

    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    print(got)
    ev.set()
    print(ev.is_set())
    await asyncio.gather(*ts)
    print(got)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())

    lock = asyncio.Lock()
    print(lock.locked())
    order = []

    async def user(n, d):
        async with lock:
            order.append(("in", n))
            await asyncio.sleep(d)
            order.append(("out", n))

    await asyncio.gather(user(1, 0.02), user(2, 0.01), user(3, 0))
    print(order)
    print(lock.locked())
    await lock.acquire()
    print(lock.locked())

    async def late():
        await lock.acquire()
        print("late got it")
        lock.release()

    t = asyncio.create_task(late())
    await asyncio.sleep(0.01)
    lock.release()
    await t
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print("RuntimeError")

    # a waiter cancelled in the queue does not keep the lock
    await lock.acquire()
    w = asyncio.create_task(lock.acquire())
    w2 = asyncio.create_task(late())
    await asyncio.sleep(0.01)
    w.cancel()
    lock.release()
    await asyncio.sleep(0.01)
    print(w.cancelled(), w2.done(), lock.locked())


asyncio.run(main())
