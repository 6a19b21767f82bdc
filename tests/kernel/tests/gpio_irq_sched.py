# IRQ handlers run by the scheduler: they may schedule more work, which
# runs after them; an exception from a handler reaches the code it
# interrupted, and later edges are still delivered.
import micropython
import time
from machine import Pin

out = Pin("GPIO14", Pin.OUT, value=0)
inp = Pin("GPIO15", Pin.IN, Pin.PULL_DOWN)
log = []


def later(n):
    log.append(("later", n))


def handler(p):
    log.append(("edge", p.irq().flags()))
    micropython.schedule(later, len(log))


inp.irq(handler)
for _ in range(4):
    out.toggle()
    time.sleep_ms(20)
print(log)


def bad(p):
    raise ValueError("from the handler")


inp.irq(bad, Pin.IRQ_RISING)
try:
    out.on()
    time.sleep_ms(500)
    print("not raised")
except ValueError as e:
    print("caught:", e)

count = [0]
inp.irq(lambda p: count.__setitem__(0, count[0] + 1), Pin.IRQ_FALLING)
out.off()
time.sleep_ms(50)
print("after the exception:", count[0])

# a handler set through irq() runs while the main code is busy computing
hits = []
inp.irq(lambda p: hits.append(1))
out.on()
t0 = time.ticks_ms()
n = 0
while not hits and time.ticks_diff(time.ticks_ms(), t0) < 5000:
    n += 1
print("seen while busy:", len(hits))
