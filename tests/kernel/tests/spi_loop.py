# machine.SPI on /dev/spidev0.0 of our loopback controller (MOSI wired to
# MISO): every method, and the mode, word size and clock the controller
# received (its log in debugfs).
from machine import SPI

LOG = "/sys/kernel/debug/px_spi_loop/log"


def received():
    with open(LOG) as f:
        text = f.read()
    with open(LOG, "w") as f:
        f.write("clear")
    return [line for line in text.split("\n") if line.startswith("xfer")]


spi = SPI(0)  # no settings: the device keeps the kernel's
print(spi)
received()
spi.init(baudrate=2_000_000, polarity=1, phase=1)
print(spi)
rx = bytearray(4)
spi.write_readinto(b"\xde\xad\xbe\xef", rx)
print(rx)
print(spi.read(3))
print(spi.read(3, 0x42))
buf = bytearray(2)
spi.readinto(buf, 0xA5)
print(buf)
spi.write(b"xyz")
same = bytearray(b"in place")
spi.write_readinto(same, same)
print(same)
for line in received():
    print(line)

# each mode, the other chip select, LSB first, 16-bit words
for pol, pha in ((0, 0), (0, 1), (1, 0)):
    SPI(0, baudrate=500_000, polarity=pol, phase=pha).write(b"\x01")
SPI((0, 1), 10_000_000).write(b"\x02")
SPI("spidev0.1", firstbit=SPI.LSB).write(b"\x03")
w = SPI(0, bits=16)
print(w.read(4, 0x11))
for line in received():
    print(line)

# the controller's fastest is 50 MHz: the SPI core clocks faster requests
# at that; slower than its 10 kHz minimum it refuses
SPI(0, baudrate=80_000_000).write(b"\x04")
print(received())
try:
    SPI(0, baudrate=5000).write(b"\x05")
except OSError as e:
    print(type(e).__name__, e)
