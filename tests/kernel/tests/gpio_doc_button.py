# docs/gpio.md "A button with an IRQ handler", verbatim between the
# markers; GPIO26 (open drain, wired to GPIO27) plays the button.
# ---- example
from machine import Pin

presses = 0


def pressed(pin):
    global presses
    presses += 1
    print("pressed", presses)


button = Pin("GPIO27", Pin.IN, Pin.PULL_UP)
button.irq(pressed, Pin.IRQ_FALLING, debounce=5000)
# ---- end

import time

finger = Pin("GPIO26", Pin.OPEN_DRAIN, value=1)
for _ in range(3):
    finger.value(0)
    time.sleep_ms(100)
    finger.value(1)
    time.sleep_ms(100)
print("total", presses)
