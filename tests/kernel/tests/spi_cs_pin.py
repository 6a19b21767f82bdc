# cs= makes a Pin the chip select: the device is opened with SPI_NO_CS,
# so the kernel leaves its own chip select alone, and the Pin goes low
# around each transfer. GPIO4 is wired to GPIO5 on the loopback GPIO chip,
# whose edges show the chip select. A line the kernel drives as an SPI
# chip select (AUX7, "spi0 CS0") is reported as such.
import time
from machine import SPI, Pin

LOG = "/sys/kernel/debug/px_spi_loop/log"
edges = []
probe = Pin("GPIO5", Pin.IN)
probe.irq(lambda p: edges.append(p.irq().flags()), Pin.IRQ_RISING | Pin.IRQ_FALLING)
spi = SPI((0, 1), baudrate=1_000_000, cs=Pin("GPIO4"))
print(spi)
with open(LOG, "w") as f:
    f.write("clear")
print(probe.value(), spi.read(2, 0x33))
spi.write(b"\x01\x02")
with open(LOG) as f:
    print(f.read(), end="")
time.sleep_ms(50)  # the edges' handlers run
print(["fall" if e == Pin.IRQ_FALLING else "rise" for e in edges])
spi2 = SPI(0, cs="GPIO6")
print(spi2, Pin("GPIO7", Pin.IN).value())
try:
    SPI(0, cs="AUX7")
except OSError as e:
    # the AUX chip's number depends on how often gpio_unplug* replugged it
    msg = str(e)
    i = msg.index("(gpiochip") + 9
    print(msg[:i] + "N" + msg[msg.index(" ", i) :])
