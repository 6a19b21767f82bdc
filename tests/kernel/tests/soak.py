# A long-running program as a service runs one (docs/reliability.md, "Soak"):
# an asyncio TCP echo server and its client, Pin edges on the loopback chip
# (GPIO14 drives GPIO15) counted by an IRQ handler, and a periodic
# machine.Timer, together for $PX_SOAK_SECONDS (20 s in CI; 600 for the
# recorded run). No echo, edge or timer period may be lost, and the heap
# and RSS must stay flat (no higher in the second half than in the first). Figures go to the VM's
# console (`suite.py -v` shows them); stdout holds only the verdicts.
import asyncio
import gc
import os
import time
from machine import Pin, Timer

SECONDS = int(os.getenv("PX_SOAK_SECONDS") or "20")
PORT = 8765


def console(line):
    with open("/dev/console", "w") as f:
        f.write("soak: " + line + "\n")


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


echoes = 0
toggles = 0
edges = 0
ticks = 0
samples = []


async def serve(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(deadline):
    global echoes
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    while time.ticks_diff(deadline, time.ticks_ms()) > 0:
        msg = "message %d %s\n" % (echoes, "x" * (echoes % 200))
        writer.write(msg.encode())
        await writer.drain()
        back = await reader.readline()
        if back != msg.encode():
            raise AssertionError("echo %d came back as %r" % (echoes, back[:60]))
        echoes += 1
        await asyncio.sleep_ms(2)
    writer.close()
    await writer.wait_closed()


async def toggler(out, deadline):
    global toggles
    while time.ticks_diff(deadline, time.ticks_ms()) > 0:
        out.value(1 - out.value())
        toggles += 1
        await asyncio.sleep_ms(3)


async def sampler(start):
    # a sample at each tenth of the run: heap in use after a collection, RSS
    for i in range(1, 11):
        await asyncio.sleep_ms(max(0, time.ticks_diff(time.ticks_add(start, SECONDS * 100 * i), time.ticks_ms())))
        gc.collect()
        samples.append((gc.mem_alloc(), rss_kib(), echoes, edges, ticks))
        console("%3d%%: heap %d B, RSS %d KiB, echoes %d, edges %d, timer %d" % ((i * 10,) + samples[-1]))


def on_edge(pin):
    global edges
    edges += 1


def on_tick(t):
    global ticks
    ticks += 1


async def main():
    out = Pin("GPIO14", Pin.OUT, value=0)
    inp = Pin("GPIO15", Pin.IN)
    inp.irq(on_edge, trigger=Pin.IRQ_RISING | Pin.IRQ_FALLING)
    tim = Timer(-1, period=10, callback=on_tick)
    server = await asyncio.start_server(serve, "127.0.0.1", PORT)
    start = time.ticks_ms()
    deadline = time.ticks_add(start, SECONDS * 1000)
    await asyncio.gather(client(deadline), toggler(out, deadline), sampler(start))
    elapsed = time.ticks_diff(time.ticks_ms(), start)
    tim.deinit()
    await asyncio.sleep_ms(200)  # the last edges' callbacks
    server.close()
    await server.wait_closed()
    inp.irq(None)
    console("%d s: %d echoes, %d toggles, %d edges, %d timer callbacks for %d periods"
            % (elapsed // 1000, echoes, toggles, edges, ticks, elapsed // 10))
    print("echoes: all came back", echoes > SECONDS * 20)
    print("edges: every toggle seen", edges == toggles)
    # expiries that come while a callback waits are merged (docs/machine-linux.md);
    # under load some are, but the timer never stops
    print("timer: ran throughout", all(b[4] > a[4] for a, b in zip(samples, samples[1:])),
          ticks > elapsed // 10 // 2)
    # a collection leaves what the tasks hold at that moment (a few KB
    # either way; before finished coroutines were freed by one collection,
    # hundreds of KB of them): a leak shows as the second half's peak above
    # the first half's (samples 2-5, after the warm-up tenth)
    first, second = samples[1:5], samples[5:]
    heap_growth = max(s[0] for s in second) - max(s[0] for s in first)
    rss_growth = max(s[1] for s in second) - max(s[1] for s in first)
    console("second half over first: heap %+d B, RSS %+d KiB" % (heap_growth, rss_growth))
    print("memory: flat", heap_growth < 32 * 1024, rss_growth < 256)


asyncio.run(main())
