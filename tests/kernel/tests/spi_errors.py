# Bad arguments and devices that do not exist: clear exceptions naming the
# device. deinit() closes the device; init() opens it again.
from machine import SPI


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: SPI(0, 5).read(1))  # 5 Hz: slower than the controller can
show(lambda: SPI((0, 5)))
show(lambda: SPI((3, 0)))
show(lambda: SPI("spidev0"))
show(lambda: SPI((0, 1, 2)))
show(lambda: SPI(1.5))
show(lambda: SPI())
show(lambda: SPI(0, polarity=2))
show(lambda: SPI(0, firstbit=3))
show(lambda: SPI(0, sck=1))
show(lambda: SPI(0, bits=12))
spi = SPI(0, bits=8)
show(lambda: spi.write_readinto(b"ab", bytearray(3)))
show(lambda: spi.readinto(b"immutable"))
show(lambda: spi.read(-1))
show(lambda: SPI(0, bits=16).write(b"odd"))
spi.deinit()
print(spi)
show(lambda: spi.read(1))
spi.init(baudrate=3_000_000)
print(spi, spi.read(1, 7))
