# asyncio's ThreadSafeFlag set from another thread wakes a loop that is
# asleep in the event poller (threads poke its wait when they let go).
import _thread
import asyncio
import time

flag = asyncio.ThreadSafeFlag()
count = [0]


def setter(n):
    for i in range(n):
        time.sleep(0.02)
        count[0] += 1
        flag.set()


async def main():
    _thread.start_new_thread(setter, (3,))
    for i in range(3):
        await asyncio.wait_for(flag.wait(), 5)
        print("flag", i + 1, count[0] >= i + 1)


asyncio.run(main())
