# MicroPython's asyncio extensions: sleep_ms, wait_for_ms, ThreadSafeFlag
# set from a scheduled callback, the Loop object and its exception handler.
import asyncio
import micropython


async def count(name, n, ms):
    for i in range(n):
        await asyncio.sleep_ms(ms)
    print(name, "done")
    return n


async def main():
    print(await asyncio.wait_for_ms(count("fast", 2, 5), 1000))
    try:
        await asyncio.wait_for_ms(count("slow", 100, 10), 30)
    except asyncio.TimeoutError:
        print("TimeoutError")

    flag = asyncio.ThreadSafeFlag()

    async def waiter():
        await flag.wait()
        print("flag seen")
        return "waited"

    t = asyncio.create_task(waiter())
    await asyncio.sleep_ms(10)
    print(t.done())
    micropython.schedule(lambda _: flag.set(), None)
    print(await t)
    flag.set()
    await flag.wait()  # already set: returns at once, and clears it
    print(flag.state)


asyncio.run(main())

loop = asyncio.get_event_loop()
print(loop is asyncio.new_event_loop())
print(loop.run_until_complete(count("ruc", 1, 1)))


async def stopper():
    await asyncio.sleep_ms(5)
    print("stopping")
    loop.stop()


loop.create_task(stopper())
loop.run_forever()
print("after run_forever")


def handler(lp, ctx):
    print("handler:", ctx["message"], repr(ctx["exception"]))


print(loop.get_exception_handler())
loop.set_exception_handler(handler)


async def bad():
    raise ValueError("nobody awaits me")


async def main2():
    asyncio.create_task(bad())
    await asyncio.sleep_ms(5)


asyncio.run(main2())
print(loop.get_exception_handler() is handler)
loop.set_exception_handler(None)
