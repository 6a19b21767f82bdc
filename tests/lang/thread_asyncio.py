# needs: float
# asyncio's ThreadSafeFlag set from another thread wakes a loop that is
# asleep in the event poller (threads poke its wait when they let go). A
# flag coalesces sets, so the thread waits for each to be seen (ack).
import _thread
import asyncio
import time

flag = asyncio.ThreadSafeFlag()
ack = _thread.allocate_lock()
count = [0]


def setter(n):
    for i in range(n):
        ack.acquire()  # the loop saw the previous set
        time.sleep(0.02)
        count[0] += 1
        flag.set()


async def main():
    _thread.start_new_thread(setter, (3,))
    for i in range(3):
        await asyncio.wait_for(flag.wait(), 10)
        print("flag", i + 1, count[0] == i + 1)
        ack.release()


asyncio.run(main())
