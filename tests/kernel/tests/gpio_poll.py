# select.poll waits for a Pin's edges: an IRQ trigger without a handler
# makes the Pin a stream; irq().flags() consumes what has arrived.
import select
from machine import Pin

out = Pin("GPIO12", Pin.OUT, value=0)
inp = Pin("GPIO13", Pin.IN)
inp.irq(trigger=Pin.IRQ_RISING)
poller = select.poll()
poller.register(inp, select.POLLIN)
print("idle:", poller.poll(50))
out.on()
res = poller.poll(2000)
print("edge:", len(res), res[0][0] is inp, res[0][1] == select.POLLIN)
print("flags:", inp.irq().flags() == Pin.IRQ_RISING)
print("consumed:", poller.poll(50))
out.off()
print("falling is not a trigger:", poller.poll(50))
out.on()
out.off()
out.on()
res = poller.poll(2000)
print("several:", len(res), inp.irq().flags(), poller.poll(0))
inp.irq(trigger=0)
out.off()
out.on()
print("trigger off:", poller.poll(50))
inp.irq(trigger=Pin.IRQ_RISING)
inp.irq(None)  # MicroPython's way to turn an IRQ off
out.off()
out.on()
print("irq(None):", poller.poll(50), inp.irq().trigger())
