# docs/gpio.md "Blink an LED", verbatim between the markers; the LED's
# loopback partner GPIO16 counts the edges.
from machine import Pin as _Pin

_edges = []
_Pin("GPIO16", _Pin.IN).irq(lambda p: _edges.append(p.irq().flags()))

# ---- example
from machine import Pin
import time

led = Pin("GPIO17", Pin.OUT)
for _ in range(5):
    led.on()
    time.sleep_ms(100)
    led.off()
    time.sleep_ms(100)
# ---- end

time.sleep_ms(50)
print(len(_edges), _edges[:2], _Pin("GPIO16").value())
