# Lost edges are reported, never silent: a burst bigger than the kernel's
# event buffer (16 here) inside one C call overflows it; the sequence
# numbers show the gap, counted in irq().overflows (and a warning once).
from machine import Pin
import time

out = Pin("GPIO18", Pin.OUT, value=0)
inp = Pin("GPIO19", Pin.IN)
seen = [0]
irq = inp.irq(lambda p: seen.__setitem__(0, seen[0] + 1), event_buffer=16)
list(map(out.value, [1, 0] * 100))  # 200 edges, nothing read meanwhile
time.sleep_ms(200)
print("delivered:", seen[0], "lost:", irq.overflows, "total:", seen[0] + irq.overflows)
# a bigger buffer (the line is requested again) takes the same burst
seen[0] = 0
irq = inp.irq(lambda p: seen.__setitem__(0, seen[0] + 1), event_buffer=1024)
lost = irq.overflows
list(map(out.value, [1, 0] * 100))
time.sleep_ms(200)
print("delivered:", seen[0], "newly lost:", irq.overflows - lost)
