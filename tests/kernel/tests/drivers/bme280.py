# A BME280 driver (temperature, pressure, humidity) as MicroPython users
# write them: plain Python on machine.I2C/SoftI2C or machine.SPI, the
# datasheet's integer compensation, one forced measurement per reading.
# Written for the kernel bench; it runs unchanged on a microcontroller.
import time
from micropython import const

_ID = const(0xD0)
_RESET = const(0xE0)
_CTRL_HUM = const(0xF2)
_STATUS = const(0xF3)
_CTRL_MEAS = const(0xF4)
_DATA = const(0xF7)
_CHIP_ID = const(0x60)


class _I2CBus:
    def __init__(self, i2c, addr):
        self.i2c, self.addr = i2c, addr

    def read(self, reg, n):
        return self.i2c.readfrom_mem(self.addr, reg, n)

    def write(self, reg, value):
        self.i2c.writeto_mem(self.addr, reg, bytes((value,)))


class _SPIBus:
    # the part's SPI protocol: a control byte (bit 7 set: read), then data
    def __init__(self, spi):
        self.spi = spi

    def read(self, reg, n):
        buf = bytearray(n + 1)
        self.spi.write_readinto(bytes((reg | 0x80,)) + bytes(n), buf)
        return bytes(buf[1:])

    def write(self, reg, value):
        self.spi.write(bytes((reg & 0x7F, value)))


def _s16(lo, hi):
    v = lo | hi << 8
    return v - 0x10000 if v & 0x8000 else v


def _div(a, b):
    # C's integer division (toward zero), as the datasheet's code does
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


class BME280:
    def __init__(self, i2c=None, addr=0x76, spi=None):
        if (i2c is None) == (spi is None):
            raise ValueError("give i2c= or spi=")
        self._bus = _I2CBus(i2c, addr) if i2c is not None else _SPIBus(spi)
        chip = self._bus.read(_ID, 1)[0]
        if chip != _CHIP_ID:
            raise OSError("no BME280 (chip id 0x%02x)" % chip)
        self._bus.write(_RESET, 0xB6)
        time.sleep_ms(2)
        self._calibrate()

    def _calibrate(self):
        c = self._bus.read(0x88, 26)
        w = [c[i] | c[i + 1] << 8 for i in range(0, 24, 2)]
        self.t1 = w[0]
        self.t2, self.t3 = (_s16(c[i], c[i + 1]) for i in (2, 4))
        self.p1 = w[3]
        self.p2, self.p3, self.p4, self.p5, self.p6, self.p7, self.p8, self.p9 = (
            _s16(c[i], c[i + 1]) for i in range(8, 24, 2)
        )
        self.h1 = c[25]
        h = self._bus.read(0xE1, 7)
        self.h2 = _s16(h[0], h[1])
        self.h3 = h[2]
        h4 = h[3] << 4 | h[4] & 0x0F
        h5 = h[5] << 4 | h[4] >> 4
        self.h4 = h4 - 0x1000 if h4 & 0x800 else h4
        self.h5 = h5 - 0x1000 if h5 & 0x800 else h5
        self.h6 = h[6] - 256 if h[6] & 0x80 else h[6]

    def read_raw(self):
        # oversampling x1 for all three, forced mode: one measurement
        self._bus.write(_CTRL_HUM, 0x01)
        self._bus.write(_CTRL_MEAS, 0x25)
        for _ in range(50):
            if not self._bus.read(_STATUS, 1)[0] & 0x08:
                break
            time.sleep_ms(2)
        else:
            raise OSError("BME280: measurement did not finish")
        d = self._bus.read(_DATA, 8)
        adc_p = d[0] << 12 | d[1] << 4 | d[2] >> 4
        adc_t = d[3] << 12 | d[4] << 4 | d[5] >> 4
        adc_h = d[6] << 8 | d[7]
        return adc_t, adc_p, adc_h

    def read_compensated(self):
        # (temperature in 0.01 degC, pressure in Pa/256, humidity in %RH/1024)
        adc_t, adc_p, adc_h = self.read_raw()
        v1 = (((adc_t >> 3) - (self.t1 << 1)) * self.t2) >> 11
        v2 = (((((adc_t >> 4) - self.t1) * ((adc_t >> 4) - self.t1)) >> 12) * self.t3) >> 14
        t_fine = v1 + v2
        temp = (t_fine * 5 + 128) >> 8

        v1 = t_fine - 128000
        v2 = v1 * v1 * self.p6 + ((v1 * self.p5) << 17) + (self.p4 << 35)
        v1 = ((v1 * v1 * self.p3) >> 8) + ((v1 * self.p2) << 12)
        v1 = (((1 << 47) + v1) * self.p1) >> 33
        if v1 == 0:
            pres = 0
        else:
            p = 1048576 - adc_p
            p = _div(((p << 31) - v2) * 3125, v1)
            v1 = (self.p9 * (p >> 13) * (p >> 13)) >> 25
            v2 = (self.p8 * p) >> 19
            pres = ((p + v1 + v2) >> 8) + (self.p7 << 4)

        h = t_fine - 76800
        h = ((((adc_h << 14) - (self.h4 << 20) - (self.h5 * h)) + 16384) >> 15) * (
            ((((((h * self.h6) >> 10) * (((h * self.h3) >> 11) + 32768)) >> 10) + 2097152) * self.h2 + 8192) >> 14
        )
        h = h - (((((h >> 15) * (h >> 15)) >> 7) * self.h1) >> 4)
        h = min(max(h, 0), 419430400)
        return temp, pres, h >> 12

    @property
    def values(self):
        t, p, h = self.read_compensated()
        return (
            "%d.%02dC" % (t // 100, t % 100),
            "%.2fhPa" % (p / 25600),
            "%.2f%%" % (h / 1024),
        )
