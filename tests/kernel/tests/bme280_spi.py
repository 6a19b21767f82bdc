# The same BME280 driver (drivers/bme280.py) on machine.SPI: the simulated
# sensor on chip select 2 of the bench's SPI controller (/dev/spidev0.2)
# speaks the part's SPI protocol (a control byte, then data).
import sys

sys.path.insert(0, "drivers")
from machine import SPI
from bme280 import BME280
from bme280_check import check

spi = SPI((0, 2), baudrate=1_000_000, polarity=0, phase=0)
sensor = BME280(spi=spi)
check(sensor)
# not a BME280: the loopback on chip select 0 echoes the control byte
try:
    BME280(spi=SPI((0, 0)))
except OSError as e:
    print("OSError", e)
