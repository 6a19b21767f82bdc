# machine.SoftI2C bit-banged over the loopback GPIO chip against the
# module's simulated I2C device (px_gpio_loop's i2c_bus: a 256-byte memory
# at 0x50 behind GPIO17/GPIO19, its top 16 bytes read-only). SCL is GPIO16,
# SDA GPIO18, both open drain; the device's log shows every transaction,
# so repeated starts and STOPs are checked, not just the data.
import errno
from machine import Pin, SoftI2C

PARAM = "/sys/module/px_gpio_loop/parameters/i2c_bus"
LOG = "/sys/kernel/debug/px_gpio_loop/i2c"


def attach(on):
    with open(PARAM, "w") as f:
        f.write("Y" if on else "N")


def transactions():
    with open(LOG) as f:
        text = f.read()
    with open(LOG, "w") as f:
        f.write("clear")
    return text.rstrip("\n").split("\n") if text else []


attach(True)
try:
    scl, sda = Pin("GPIO16"), Pin("GPIO18")
    i2c = SoftI2C(scl, sda, freq=100_000)
    print(i2c)
    print("lines idle high:", scl.value(), sda.value(), scl.mode() == Pin.OPEN_DRAIN)
    print("scan", [hex(a) for a in i2c.scan()])
    transactions()

    i2c.writeto_mem(0x50, 0x10, b"hello")
    print(i2c.readfrom_mem(0x50, 0x10, 5))
    buf = bytearray(3)
    i2c.readfrom_mem_into(0x50, 0x11, buf)
    print(buf)
    # writeto without STOP, then readfrom: one transaction, a repeated start
    print(i2c.writeto(0x50, b"\x12", False))
    print(i2c.readfrom(0x50, 2))
    print(i2c.writevto(0x50, (b"\x20", b"", bytearray(b"ab"), b"c")))
    rx = bytearray(4)
    i2c.writeto(0x50, b"\x20")
    i2c.readfrom_into(0x50, rx)
    print(rx)
    for t in transactions():
        print(t)

    # the primitives make any transaction
    i2c.start()
    print("acks", i2c.write(bytes([0x50 << 1, 0x11])))
    i2c.start()
    i2c.write(bytes([0x50 << 1 | 1]))
    two = bytearray(2)
    i2c.readinto(two)
    i2c.stop()
    print(two)
    for t in transactions():
        print(t)

    # refused bytes: the top of the memory is read-only
    print("acks", i2c.writeto(0x50, b"\xee\x01\x02\x03"))
    try:
        i2c.writeto_mem(0x50, 0xEF, b"\x05\x06")
    except OSError as e:
        print("OSError", e.errno == errno.EIO, e)
    print(i2c.readfrom_mem(0x50, 0xEE, 3))
    # nobody at 0x33: ENODEV, and the bus is free again afterwards
    for op in (lambda: i2c.readfrom(0x33, 1), lambda: i2c.writeto(0x33, b"x"), lambda: i2c.readfrom_mem(0x33, 0, 1)):
        try:
            op()
        except OSError as e:
            print("OSError", e.errno == errno.ENODEV, e)
    print("lines idle high:", scl.value(), sda.value())
    for t in transactions():
        print(t)

    # 16-bit memory addresses go out high byte first
    i2c.writeto_mem(0x50, 0x0030, b"\x99", addrsize=16)
    print(transactions())
finally:
    attach(False)

# SCL held low by another device (here GPIO21, the partner of SCL GPIO20):
# the controller waits for the clock to be let go, up to `timeout` us
scl, sda = Pin("GPIO20"), Pin("GPIO22")
holder = Pin("GPIO21", Pin.OUT, value=0)
i2c = SoftI2C(scl=scl, sda=sda, timeout=2000)
try:
    i2c.scan()
except OSError as e:
    print("OSError", e.errno == errno.ETIMEDOUT, e)
holder.value(1)
print("SCL let go, nobody answers:", i2c.scan())
