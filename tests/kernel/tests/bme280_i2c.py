# A BME280 driver written as MicroPython users write them
# (drivers/bme280.py) runs unchanged on machine.I2C against the simulated
# sensor at 0x76 of px-i2c-sim; its results agree with the datasheet's
# floating-point formulas, computed independently, and each register
# burst is one transaction (a repeated start, no STOP between).
import sys

sys.path.insert(0, "drivers")
from machine import I2C
from bme280 import BME280
from bme280_check import check

LOG = "/sys/kernel/debug/px_i2c_sim/transfers"

i2c = I2C("px-i2c-sim")
sensor = BME280(i2c=i2c)
with open(LOG, "w") as f:
    f.write("clear")
check(sensor)
with open(LOG) as f:
    log = f.read().split("\n")
print([t for t in log if "W f7" in t][0])
print([t for t in log if "W f4" in t][0])
