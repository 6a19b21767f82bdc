# Edge IRQs counted exactly under bursts: rising, falling and both, from a
# Python loop and from a single C call (no bytecode boundary, so nothing is
# read until it returns: the kernel's event buffer holds the whole burst).
from machine import Pin
import time

out = Pin("GPIO10", Pin.OUT, value=0)
inp = Pin("GPIO11", Pin.IN)
seen = [0, 0]  # rising, falling


def handler(p):
    if p.irq().flags() == Pin.IRQ_RISING:
        seen[0] += 1
    else:
        seen[1] += 1


def settle(expected):
    t0 = time.ticks_ms()
    while seen[0] + seen[1] < expected and time.ticks_diff(time.ticks_ms(), t0) < 10000:
        time.sleep_ms(10)
    time.sleep_ms(50)  # and nothing more arrives


def run(name, trigger, expected, burst, **kw):
    seen[0] = seen[1] = 0
    irq = inp.irq(handler, trigger, **kw)
    burst()
    settle(expected)
    print(name, seen, "overflows:", irq.overflows)
    inp.irq(None, 0)
    out.value(0)


def loop():
    for _ in range(1000):
        out.toggle()


def c_call():
    list(map(out.value, [1, 0] * 500))


both = Pin.IRQ_RISING | Pin.IRQ_FALLING
run("loop both", both, 1000, loop)
run("loop rising", Pin.IRQ_RISING, 500, loop)
run("loop falling", Pin.IRQ_FALLING, 500, loop)
run("c-call both", both, 1000, c_call, event_buffer=1024)
run("c-call rising", Pin.IRQ_RISING, 500, c_call)
run("hard=True", both, 1000, loop, hard=True)
print(inp.irq().trigger(), inp.irq())
