# A Timer is a stream select.poll and asyncio wait on: ready once it has
# expired since a poll last reported it. Without a callback, a polled
# Timer is only an event (no TypeError at its expiry).
import asyncio
import select
import time
from machine import Timer

poller = select.poll()
tim = Timer(period=40)
poller.register(tim, select.POLLIN)
t0 = time.ticks_ms()
for i in range(3):
    ready = poller.poll(2000)
    print(i, [(obj is tim, ev) for obj, ev in ready])
print("3 periods:", 100 <= time.ticks_diff(time.ticks_ms(), t0) < 1000)
tim.deinit()
print("stopped:", poller.poll(120))
poller.unregister(tim)

# a one-shot with a callback: both the callback and the poll see it
calls = []
shot = Timer(mode=Timer.ONE_SHOT, period=30, callback=lambda t: calls.append(t is shot))
poller.register(shot, select.POLLIN)
print("one-shot:", len(poller.poll(2000)), calls, poller.poll(100))
poller.unregister(shot)


# asyncio: a task waits for the timer's expiries, the loop sleeps in poll
async def ticks(n):
    tick = Timer(period=25)
    got = 0
    for _ in range(n):
        await asyncio.core.IOWait(tick, 0)
        got += 1
    tick.deinit()
    return got


async def main():
    t0 = time.ticks_ms()
    print("asyncio ticks:", await asyncio.wait_for_ms(ticks(4), 3000))
    print("took about 100 ms:", 90 <= time.ticks_diff(time.ticks_ms(), t0) < 1000)


asyncio.run(main())
