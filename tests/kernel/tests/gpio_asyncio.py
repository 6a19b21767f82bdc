# asyncio awaits Pin edges: the IRQ handler sets a ThreadSafeFlag, and the
# loop, asleep in the event poller, wakes for it at once.
import asyncio
import time
from machine import Pin

out = Pin("GPIO14", Pin.OUT, value=0)
inp = Pin("GPIO15", Pin.IN)
flag = asyncio.ThreadSafeFlag()
seen = []


def on_edge(p):
    seen.append(p.value())
    flag.set()


inp.irq(on_edge, trigger=Pin.IRQ_RISING)


async def toggler():
    for i in range(5):
        await asyncio.sleep_ms(30)
        out.on()
        await asyncio.sleep_ms(30)
        out.off()


async def main():
    t = asyncio.create_task(toggler())
    for n in range(5):
        await asyncio.wait_for_ms(flag.wait(), 3000)
        print("edge", n + 1, seen[-1])
    await t
    # nothing but the flag to wait on: the loop sleeps in poll until the edge
    async def late():
        await asyncio.sleep_ms(100)
        out.on()
        return time.ticks_ms()

    lt = asyncio.create_task(late())
    await flag.wait()
    woke = time.ticks_ms()
    print("woken by the edge within 50 ms:", time.ticks_diff(woke, await lt) < 50)
    try:
        await asyncio.wait_for_ms(flag.wait(), 100)
    except asyncio.TimeoutError:
        print("no edge: TimeoutError")


asyncio.run(main())
inp.irq(None)
