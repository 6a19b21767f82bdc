# needs: float
# Several threads allocating, raising and collecting at once; each checks
# its own results, so a collection that freed a live object in another
# thread's stack shows up as a wrong sum or a crash.
# big heap: six threads each hold 400-node lists at once; in 2 MiB one dies of MemoryError and the wait for it runs out (not run in the 2 MiB heap pass)
import _thread
import gc
import time

N = 6
lock = _thread.allocate_lock()
out = {}
finished = [0]


class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt


def work(k):
    total = 0
    errors = 0
    for round in range(80):
        head = None
        for i in range(400):
            head = Node([i, str(i) * (k + 1), {"k": i}], head)
        if round % 5 == k % 5:
            gc.collect()
        s = 0
        while head is not None:
            v = head.v
            s += v[0] + len(v[1]) + v[2]["k"]
            head = head.nxt
        total += s
        try:
            raise KeyError((k, round))
        except KeyError as e:
            errors += e.args[0][1] == round
        time.sleep(0)
    with lock:
        out[k] = (total, errors)
        finished[0] += 1


for k in range(N):
    _thread.start_new_thread(work, (k,))
deadline = time.time() + 60
while finished[0] < N and time.time() < deadline:
    time.sleep(0.01)
for k in sorted(out):
    print(k, out[k])
