# Every mode and pull through the loopback pairs (line 2k <-> 2k+1): an
# input reads its partner's output, or its own bias when nobody drives.
from machine import Pin

a = Pin("GPIO4", Pin.IN, None)
b = Pin("GPIO5", Pin.IN, None)
print("mode/pull", a.mode() == Pin.IN, a.pull())

# bias of an undriven input
for pull, name in ((Pin.PULL_UP, "PULL_UP"), (Pin.PULL_DOWN, "PULL_DOWN"), (None, "None")):
    b.init(pull=pull)
    print("input", name, b.value(), b.pull() == pull)

# push-pull output seen by the partner, and read back
a.init(Pin.OUT, value=1)
print("out 1:", b.value(), a.value())
a.value(0)
print("out 0:", b.value(), a.value())
a(1)
print("call 1:", b(), a())
a.off()
print("off:", b())
a.on()
print("on:", b())
a.toggle()
print("toggle:", b())
a.high()
print("high:", b())
a.low()
print("low:", b())

# open drain: 1 releases the line (the partner sees its own bias), 0 drives low
a.init(Pin.OPEN_DRAIN, value=1)
print("mode", a.mode() == Pin.OPEN_DRAIN)
b.init(Pin.IN, Pin.PULL_UP)
print("od 1, partner pull-up:", b.value())
b.init(pull=Pin.PULL_DOWN)
print("od 1, partner pull-down:", b.value())
b.init(pull=Pin.PULL_UP)
a.value(0)
print("od 0, partner pull-up:", b.value())

# an input keeps a written value in its output buffer until it drives
b.init(pull=Pin.PULL_DOWN)
a.init(Pin.IN)
a.value(1)
print("input buffer, partner still:", b.value())
a.init(Pin.OUT)
print("buffer applied:", b.value())

# mode() and pull() as setters
a.mode(Pin.IN)
b.mode(Pin.OUT)
b.value(1)
print("swapped:", a.value())
a.pull(Pin.PULL_DOWN)
print("pull getter:", a.pull() == Pin.PULL_DOWN)
print(a, b)

# without a mode, a Pin keeps the line's direction (and takes a given pull)
a.deinit()
b.deinit()
c = Pin("GPIO24", Pin.OUT, value=1)
c.deinit()
c = Pin("GPIO24", pull=Pin.PULL_UP)
print("as is:", c.mode() == Pin.IN, c.pull() == Pin.PULL_UP, c.value())
e = Pin("GPIO23", Pin.OUT, value=1)
print("as is:", Pin("GPIO23") is e, e.mode() == Pin.OUT, e.value())
