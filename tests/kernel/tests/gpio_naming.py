# Naming a line: by line name on any chip, by (label, line), by (device,
# line), by number on the default chip; one Pin object per held line.
from machine import Pin

p = Pin("GPIO17")
print(p.chip, p.line, p.name())
q = Pin(17)
print(q is p)
r = Pin(("px-gpio-loop1", 3))
print(r.chip, r.line, r.name(), r)
print(Pin(("gpiochip1", 3)) is r, Pin("AUX3") is r, Pin(("/dev/gpiochip1", 3)) is r)
print(Pin(("gpiochip0", 0)).name())

for bad in ["GPIO99", ("nochip", 1), ("gpiochip1", 8), 28, -1, ("gpiochip0",)]:
    try:
        Pin(bad)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)

# released pins: calls fail clearly until init() requests the line again
p.deinit()
print(p)
try:
    p.value()
except ValueError as e:
    print("ValueError", e)
p.init(Pin.OUT, value=1)
print(p, Pin(("gpiochip0", 16)).value())
