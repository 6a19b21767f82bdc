# needs: float
# Threads under load, the workload of the sanitizer runs (docs/reliability.md,
# "Threads under a sanitizer"): waves of worker threads that allocate,
# raise and catch through several frames, collect (some of them), take
# locks (with, blocking, with a time-out, non-blocking), start a thread of
# their own, and end, some by SystemExit. Each worker checks its own
# results; the main thread checks what they shared and the structures they
# left behind, built in other threads and collected by others since.
# Three waves; PX_THREAD_SOAK_SECONDS=N goes on with waves for N seconds
# (the long run) and then prints its figures.
import _thread
import gc
import os
import time

THREADS = 5
ROUNDS = 24
NODES = 150


class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt


class Deep(Exception):
    pass


class Shared:
    def __init__(self):
        self.lock = _thread.allocate_lock()
        self.side = _thread.allocate_lock()
        self.count = 0
        self.bad = []
        self.kept = []
        self.ended = 0
        self.ops = [0, 0, 0, 0, 0]  # nodes, raises, collections, lock takes, threads


def build(n, k):
    head = None
    for i in range(n):
        head = Node([i, str(i) * (k % 3 + 1), {"k": i, "t": (k, i)}], head)
    return head


def checksum(head):
    s = 0
    while head is not None:
        v = head.v
        s += v[0] + len(v[1]) + v[2]["k"] + v[2]["t"][1]
        head = head.nxt
    return s


def expected(n, k):
    return sum(3 * i + len(str(i) * (k % 3 + 1)) for i in range(n))


def dive(n):
    if n == 0:
        raise Deep("bottom", n)
    try:
        dive(n - 1)
    finally:
        n += 0  # a finally block on the way out


def child(shared, done):
    try:
        words = [str(i) for i in range(300)]
        if "".join(words[:3]) != "012":
            shared.bad.append("child join")
        with shared.lock:
            shared.ops[4] += 1
    finally:
        done.release()


def worker(k, shared, done):
    bad = []
    ops = [0, 0, 0, 0, 0]
    try:
        for r in range(ROUNDS):
            head = build(NODES, k)
            ops[0] += NODES
            if checksum(head) != expected(NODES, k):
                bad.append(("checksum", k, r))
            try:
                try:
                    dive(3 + r % 5)
                except Deep as e:
                    raise ValueError(k, r) from e
            except ValueError as e:
                ops[1] += 2
                if e.args != (k, r) or type(e.__cause__) is not Deep or e.__cause__.args != ("bottom", 0):
                    bad.append(("exception", k, r))
            try:
                {}["missing" + str(r)]
            except KeyError as e:
                ops[1] += 1
                if e.args[0] != "missing" + str(r):
                    bad.append(("KeyError", k, r))
            d = {str(i): [i] * (i % 4) for i in range(40)}
            if sum(len(v) for v in d.values()) != 60:
                bad.append(("dict", k, r))
            if k % 2 == 0 and r % 8 == k % 8:
                gc.collect()
                ops[2] += 1
            with shared.lock:
                shared.count += 1
            ops[3] += 1
            if r % 6 == 1:
                if not shared.side.acquire(1, 60):
                    bad.append(("timed out", k, r))
                else:
                    shared.side.release()
                ops[3] += 1
            if r % 6 == 4 and shared.side.acquire(0):
                ops[3] += 1
                shared.side.release()
            if r % 3 == 0:
                time.sleep(0)
        if k == 0:
            # a thread of this thread's own, waited for through a lock
            cdone = _thread.allocate_lock()
            cdone.acquire()
            _thread.start_new_thread(child, (shared, cdone))
            if not cdone.acquire(1, 60):
                bad.append(("child did not end", k))
        with shared.lock:
            shared.bad.extend(bad)
            shared.kept.append((k, head))
            for i in range(5):
                shared.ops[i] += ops[i]
            shared.ops[4] += 1
            shared.ended += 1
        if k % 2 == 1:
            raise SystemExit  # ends the thread quietly
    finally:
        done.release()


def wave(shared):
    """One wave: THREADS workers at once; False if one did not end."""
    shared.count = 0
    shared.kept = []
    ended = shared.ended
    dones = []
    for k in range(THREADS):
        done = _thread.allocate_lock()
        done.acquire()
        dones.append(done)
        _thread.start_new_thread(worker, (k, shared, done))
    all_done = True
    for done in dones:
        if not done.acquire(1, 120):
            all_done = False
    gc.collect()
    ok = all_done and shared.ended - ended == THREADS and shared.count == THREADS * ROUNDS
    for k, head in shared.kept:
        if checksum(head) != expected(NODES, k):
            ok = False
    return ok and len(shared.kept) == THREADS


seconds = float(os.getenv("PX_THREAD_SOAK_SECONDS") or 0)
# seconds since the start, on a clock that does not jump with the wall clock
if hasattr(time, "ticks_ms"):
    t0 = time.ticks_ms()
    elapsed = lambda: time.ticks_diff(time.ticks_ms(), t0) / 1000
else:
    t0 = time.monotonic()
    elapsed = lambda: time.monotonic() - t0
shared = Shared()
waves = 0
good = 0
while waves < 3 or elapsed() < seconds:
    good += wave(shared)
    waves += 1
print("threads per wave:", THREADS, "rounds:", ROUNDS)
print("waves that ended well:", good == waves)
print("bad results:", shared.bad[:5])
print("every worker ended:", shared.ended == THREADS * waves)
if seconds:
    nodes, raises, collections, takes, threads = shared.ops
    print(f"soak: {elapsed():.0f} s, {waves} waves, {threads} threads, {nodes} nodes, "
          f"{raises} exceptions, {collections} collections, {takes} lock takes")
