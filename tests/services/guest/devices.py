# micropython@devices: I2C, SPI and PWM on the kernel bench's devices from a
# service (run-tests.sh, devices_service). Its status text shows what each
# device gave back.
import time
from machine import I2C, SPI, PWM
import systemd

i2c = I2C("px-i2c-sim")  # the adapter by name: its bus number is the kernel's choice
i2c.writeto_mem(0x50, 0x20, b"svc")  # the simulated EEPROM
got_i2c = i2c.readfrom_mem(0x50, 0x20, 3)
spi = SPI(0)  # /dev/spidev0.0; MOSI is wired to MISO
got_spi = bytearray(4)
spi.write_readinto(b"\x01\x02\x03\x04", got_spi)
pwm = PWM(("px-pwm-sim.1", 0), freq=1000, duty_u16=32768)
systemd.status("i2c %s spi %s pwm %d Hz, %d%%" % (got_i2c, list(got_spi), pwm.freq(), pwm.duty_u16() * 100 // 65535))
try:
    while True:
        time.sleep(60)
finally:
    pwm.deinit()
    print("devices: PWM off")
