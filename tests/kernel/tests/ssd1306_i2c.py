# An SSD1306 driver written as MicroPython users write them
# (drivers/ssd1306.py: a framebuf.FrameBuffer subclass) runs unchanged on
# machine.I2C against the simulated 128x64 display at 0x3c of px-i2c-sim:
# what framebuf drew is what the display's RAM holds, pixel for pixel, and
# show() is one transaction with the whole frame.
import sys

sys.path.insert(0, "drivers")
from machine import I2C
from ssd1306 import SSD1306_I2C

DUMP = "/sys/kernel/debug/px_i2c_sim/ssd1306"
LOG = "/sys/kernel/debug/px_i2c_sim/transfers"


def display():
    with open(DUMP) as f:
        lines = f.read().split("\n")
    return lines[0], lines[1:65]


i2c = I2C("px-i2c-sim")
print("scan", [hex(a) for a in i2c.scan()])
oled = SSD1306_I2C(128, 64, i2c)
state, rows = display()
print(state, "blank:", all(r == "." * 128 for r in rows))

oled.text("px on", 0, 0, 1)
oled.text("Linux", 0, 10, 1)
oled.rect(60, 0, 40, 20, 1)
oled.line(0, 63, 127, 30, 1)
oled.fill_rect(110, 40, 8, 8, 1)
with open(LOG, "w") as f:
    f.write("clear")
oled.show()
with open(LOG) as f:
    print([t for t in f.read().split("\n") if t.startswith("S 3c W 40")])
state, rows = display()
same = all((rows[y][x] == "#") == bool(oled.pixel(x, y)) for y in range(64) for x in range(128))
print("display RAM == framebuf:", same)
for r in rows[:20]:
    print(r[:104].rstrip("."))

oled.contrast(0x20)
oled.invert(True)
oled.poweroff()
print(display()[0])
oled.poweron()
oled.invert(False)
oled.fill(0)
oled.show()
print(display()[0], "blank:", all(r == "." * 128 for r in display()[1]))
