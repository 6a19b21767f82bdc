# machine.Signal over loopback pins: invert=True turns on() into a low level.
from machine import Pin, Signal

sense = Pin("GPIO7", Pin.IN)
led = Signal(Pin("GPIO6", Pin.OUT), invert=True)
led.on()
print("on:", led.value(), sense.value())
led.off()
print("off:", led.value(), sense.value())
led(1)
print("call:", led(), sense())

# Pin arguments given to Signal directly
s = Signal("GPIO8", Pin.OUT, invert=False, value=0)
t = Signal(("gpiochip0", 9), Pin.IN)
s.on()
print("direct:", s.value(), t.value())
s.value(0)
print("direct:", s.value(), t.value())
print(s)
