# needs: float
# machine.Pin on a machine without GPIO (the test host has no
# /dev/gpiochip*): constants, argument checking before any system call,
# and a clear OSError naming the missing device and what to do.
import errno
from machine import Pin

print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN)
print(Pin.PULL_UP, Pin.PULL_DOWN)
print(Pin.IRQ_RISING, Pin.IRQ_FALLING, Pin.IRQ_LOW_LEVEL, Pin.IRQ_HIGH_LEVEL)
print(callable(Pin.list), hasattr(Pin, "irq"), hasattr(Pin, "toggle"))

for id in (17, "GPIO17", ("gpiochip1", 3), ("px-gpio-loop1", 3)):
    try:
        Pin(id, Pin.OUT)
    except OSError as e:
        print(type(e).__name__, e.errno == errno.ENOENT, e)


def attempt(*args, **kw):
    try:
        Pin(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)


attempt()
attempt(17, 3)
attempt(17, -2)
attempt(17, Pin.IN, 7)
attempt(17, Pin.IN, "up")
attempt(1.5)
attempt(True)
attempt(("gpiochip0",))
attempt(("gpiochip0", 1, 2))
attempt(17, drive=1)
attempt(17, alt=2)
attempt(17, consumer="")
attempt(17, consumer="x" * 32)
attempt(17, consumer=5)
attempt(17, debounce=-1)
attempt(17, colour="red")
attempt(17, Pin.IN, None, 1)
