# machine.Signal needs no GPIO: it wraps any object with a value() method.
from machine import Signal


class FakePin:
    def __init__(self):
        self.level = 0

    def value(self, *v):
        if v:
            self.level = v[0]
        else:
            return self.level

    def __repr__(self):
        return "FakePin()"


for invert in (False, True):
    p = FakePin()
    s = Signal(p, invert=invert)
    s.on()
    a = (p.level, s.value(), s())
    s.off()
    b = (p.level, s.value())
    s(1)
    c = p.level
    s.value(0)
    print(invert, a, b, c, p.level, s)

p = FakePin()
s = Signal(p, True)  # invert given positionally
s.on()
print(p.level)

for args, kw in (((), {}), ((FakePin(), 1, 2), {}), ((FakePin(),), {"value": 1})):
    try:
        Signal(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
try:
    Signal(17, invert=True)
except OSError as e:
    print("OSError", e.errno)
