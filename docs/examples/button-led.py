# /etc/micropython/button-led.py
# A button on GPIO27 (to ground) toggles the LED on GPIO17.
# Run it as a service: systemctl enable --now micropython@button-led
import time
from machine import Pin
import systemd

led = Pin("GPIO17", Pin.OUT, value=0)
button = Pin("GPIO27", Pin.IN, Pin.PULL_UP)
presses = 0


def pressed(pin):
    global presses
    presses += 1
    led.toggle()
    state = "on" if led.value() else "off"
    systemd.status("LED %s, %d presses" % (state, presses))
    print("button pressed: LED", state)


button.irq(pressed, Pin.IRQ_FALLING, debounce=5000)  # 5 ms of debounce
systemd.status("LED off, waiting for the button")
try:
    while True:
        time.sleep(60)  # the first wait tells systemd READY=1; edges are handled meanwhile
finally:
    led.off()  # runs on `systemctl stop` too
    print("stopped: LED off")
