# An unplugged chip: the loopback module removes px-gpio-loop1 while we hold
# two of its lines, as when a USB GPIO adapter is pulled out. Every access
# to those Pins raises OSError(ENODEV) naming the line and saying the chip
# is gone, the listings leave the chip out, deinit() works; a chip plugged
# in again (gpiolib gives it a new number) gives working Pins by name.
import errno
import gpio
from machine import Pin

PLUG = "/sys/module/px_gpio_loop/parameters/aux_plugged"


def plug(on):
    with open(PLUG, "w") as f:
        f.write("Y" if on else "N")


def attempt(what, f):
    try:
        print(what, "->", f())
    except OSError as e:
        print(what, "-> OSError", e.errno == errno.ENODEV, e.args[1])
    except ValueError as e:
        print(what, "-> ValueError", e)


def aux_chips():
    return [c[1:] for c in gpio.chips() if c[1] == "px-gpio-loop1"]


out = Pin("AUX0", Pin.OUT, value=1)
inp = Pin("AUX1", Pin.IN)
print("wired:", inp.value(), aux_chips())
plug(False)
attempt("value()", inp.value)
attempt("value(1)", lambda: out.value(1))
attempt("value() again", inp.value)
attempt("toggle()", out.toggle)
attempt("mode()", out.mode)
attempt("irq()", lambda: inp.irq(lambda p: None))
attempt("init()", lambda: out.init(Pin.IN))
print(out, inp)
print("chips:", aux_chips(), "lines:", [l for l in gpio.lines() if l[2].startswith("AUX")])
attempt("Pin('AUX2')", lambda: Pin("AUX2"))
attempt("Pin(('px-gpio-loop1', 2))", lambda: Pin(("px-gpio-loop1", 2)))
attempt("deinit()", out.deinit)
print(out)
plug(True)
print("plugged in again:", aux_chips())
# the old Pins stay dead; new ones (by name) work
attempt("old value()", inp.value)
a, b = Pin("AUX0", Pin.OUT, value=1), Pin("AUX1", Pin.IN)
print("new Pins:", a is not out, b is not inp, b.value(), a.chip != out.chip)
a.value(0)
print("wired again:", b.value())
