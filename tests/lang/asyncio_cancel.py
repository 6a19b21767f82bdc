# needs: float
# Cancelling tasks, wait_for and clean-up code.
import asyncio


async def sleeper(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "woke")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
    await asyncio.sleep(0.01)
    return "still here"


async def main():
    t = asyncio.create_task(sleeper("t", 10))
    await asyncio.sleep(0.01)
    print(t.cancel(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("await t: CancelledError", t.done(), t.cancelled())
    print(t.cancel())

    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    s.cancel()
    print(await s)

    print(await asyncio.wait_for(sleeper("quick", 0.01), 1))
    try:
        await asyncio.wait_for(sleeper("slow", 10), 0.02)
    except asyncio.TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(sleeper("none", 0.01), None))

    # a task cancelled while it waits on an Event
    ev = asyncio.Event()

    async def wait_ev():
        try:
            await ev.wait()
        except asyncio.CancelledError:
            print("event wait cancelled")
            raise

    w = asyncio.create_task(wait_ev())
    await asyncio.sleep(0)
    w.cancel()
    await asyncio.sleep(0.01)
    ev.set()
    print(w.done())

    # cancelling a task that waits in gather cancels what it gathers
    async def gathering():
        return await asyncio.gather(sleeper("g1", 10), sleeper("g2", 10))

    g = asyncio.create_task(gathering())
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    await asyncio.sleep(0.01)


asyncio.run(main())
