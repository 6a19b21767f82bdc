# needs: float
# machine.I2C, SPI and PWM: arguments are checked before any device is
# opened, so these run on any host (the kernel bench tests the devices).
from machine import I2C, SPI, PWM


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


print(SPI.MSB, SPI.LSB)
show(lambda: I2C((0, 1)))
show(lambda: I2C(-1))
show(lambda: I2C())
show(lambda: SPI())
show(lambda: SPI("spidev0"))
show(lambda: SPI("/dev/spidev0.1x"))
show(lambda: SPI((0, 1, 2)))
show(lambda: SPI((0, 70000)))
show(lambda: SPI(1.5))
show(lambda: PWM(5))
show(lambda: PWM(("chip", 0), 100))
show(lambda: PWM(("chip", 0), freq=0))
show(lambda: PWM(("chip", 0), freq=10**10))
show(lambda: PWM(("chip", 0), duty_u16=70000))
show(lambda: PWM(("chip", 0), duty_ns=-5))
show(lambda: PWM(("chip", 0), duty_u16=1, duty_ns=1))
show(lambda: PWM(("chip",), freq=1))
