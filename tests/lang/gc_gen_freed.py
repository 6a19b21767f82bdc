# A generator with handlers that has finished, or never started, has no
# finalizer to run: one collection frees it with what it holds. (Every such
# generator used to survive one extra collection; an asyncio program drops
# thousands of finished coroutines.) One still suspended in its try block
# is finalized: its finally runs after the collection that finds it.
import gc

events = []


def worker(n):
    buf = bytearray(n)  # held by the frame
    try:
        yield len(buf)
    finally:
        events.append(n)


def run_all(count):
    total = 0
    for _ in range(count):
        for v in worker(1000):  # runs to the end: finally has run
            total += v
        worker(1000)  # never started
    return total


gc.collect()
base = gc.mem_alloc()
print(run_all(2000))
print(len(events))
gc.collect()
# 4,000 generators held 4 MB; freed by this one collection
grown = gc.mem_alloc() - base
print("freed by one collection:", grown < 400000)

events.clear()
g = worker(5)
next(g)  # suspended inside try
g = None
# The collector reads the C stack conservatively: a word that the loop's
# resume left in a spill slot can still name the generator until more code
# runs (in the ASan build it did); a program's next statements reuse it.
sum([i for i in range(10)])
gc.collect()
gc.collect()  # the close runs after the collection that finds it
print("suspended one finalized:", events)
