# needs: float
# asyncio tasks: create_task, gather, sleep ordering, results and errors.
import asyncio

log = []


async def worker(name, delays):
    for d in delays:
        await asyncio.sleep(d)
        log.append(name)
    return name.upper()


async def fails(d):
    await asyncio.sleep(d)
    raise ValueError("failed after %s" % d)


async def main():
    t1 = asyncio.create_task(worker("a", [0.01, 0.04]))
    t2 = asyncio.create_task(worker("b", [0.03, 0.04]))
    print(isinstance(t1, asyncio.Task), t1.done())
    print(await t1, await t2, t1.done())
    print(log)
    print(await asyncio.gather(worker("c", [0.02]), worker("d", [0.01]), t1))
    print(log)
    try:
        await asyncio.gather(worker("e", [0.01]), fails(0.005))
    except ValueError as e:
        print("gather raised", e)
    r = await asyncio.gather(fails(0.01), worker("f", [0]), return_exceptions=True)
    print(type(r[0]).__name__, r[0], r[1])
    print(await asyncio.gather())
    # sleep(0) lets the others run
    order = []

    async def spin(n):
        for i in range(3):
            order.append((n, i))
            await asyncio.sleep(0)

    await asyncio.gather(spin(1), spin(2))
    print(order)
    me = asyncio.current_task()
    print(isinstance(me, asyncio.Task))
    return "done"


print(asyncio.run(main()))


async def boom():
    raise KeyError("k")


try:
    asyncio.run(boom())
except KeyError as e:
    print("run raised", repr(e))
