# A handler slower than the edges: while the Pin's 512-edge queue is full the
# rest waits in the kernel's buffer, and the poller pauses the request's fd
# (it stays readable) so that the handler's sleeps do not spin. Two C-call
# bursts of 1000 edges each (nothing is read during a C call), a handler
# that sleeps 1 ms per edge: every edge is counted, and the CPU time stays
# far below the time spent.
from machine import Pin
import time


def cpu_ticks():  # user + system time of this process, in clock ticks
    with open("/proc/self/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


out = Pin("GPIO12", Pin.OUT, value=0)
inp = Pin("GPIO13", Pin.IN)
seen = [0]


def slow(pin):
    seen[0] += 1
    time.sleep_ms(1)


irq = inp.irq(slow, event_buffer=1024)
t0 = time.ticks_ms()
c0 = cpu_ticks()
for burst in range(2):
    list(map(out.value, [1, 0] * 500))
    while seen[0] < 1000 * (burst + 1) and time.ticks_diff(time.ticks_ms(), t0) < 30000:
        time.sleep_ms(10)
time.sleep_ms(50)  # and nothing more arrives
wall = time.ticks_diff(time.ticks_ms(), t0)
cpu = (cpu_ticks() - c0) * 10  # ms (USER_HZ is 100)
print("edges:", seen[0], "overflows:", irq.overflows)
print("handled in", "> 2 s" if wall >= 2000 else "< 2 s", "(1 ms sleep each)")
print("cpu below half the time:", cpu < wall // 2)
if cpu >= wall // 2:
    print("cpu", cpu, "ms of", wall, "ms")
