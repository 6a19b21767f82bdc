# MicroPython's const(): `NAME = const(value)` makes NAME a compile-time
# constant. Defined here as the identity so CPython gives the same output.
try:
    from micropython import const
except ImportError:
    const = lambda x: x

WIDTH = const(16)
HEIGHT = const(WIDTH * 2)
MASK = const((1 << WIDTH) - 1)
NAME = const("px")

def area():
    return WIDTH * HEIGHT

class Box:
    size = WIDTH + 1
    def mask(self, v):
        return v & MASK

print(WIDTH, HEIGHT, MASK, NAME, area(), Box.size, Box().mask(0x12345))
print([WIDTH for _ in range(2)], (lambda: HEIGHT)())
print(const(3) + 1)
