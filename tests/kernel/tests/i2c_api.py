# Arguments of machine.I2C as documented, and what Linux cannot set: pins
# come from the device tree, freq and timeout are accepted (the adapter's
# driver decides them). deinit() closes the bus, init() opens it again.
from machine import I2C


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


i2c = I2C(0, freq=100000, timeout=1000)
print(i2c.readfrom_mem(0x76, 0xD0, 1))
show(lambda: I2C(0, scl=1, sda=2))
show(lambda: I2C(0, freq=0))
show(lambda: i2c.readfrom(0x80, 1))
show(lambda: i2c.readfrom(-1, 1))
show(lambda: i2c.readfrom(0x76, -1))
show(lambda: i2c.readfrom(0x76, 8193))
show(lambda: i2c.readfrom_mem(0x76, 0xD0, 1, addrsize=12))
show(lambda: i2c.readfrom_mem(0x76, 0x1D0, 1))
show(lambda: i2c.readfrom_mem(0x54, 0x10000, 1, addrsize=16))
show(lambda: i2c.writeto(0x76, "text"))
show(lambda: i2c.writevto(0x76, b"\xd0"))
show(lambda: i2c.readfrom_into(0x76, b"immutable"))
show(lambda: i2c.readfrom_mem(0x76, memaddr=0xD0, nbytes=1, addrsize=8))
show(lambda: I2C("/dev/i2c-0").readfrom_mem(0x76, 0xD0, 1))
show(lambda: I2C("i2c-0"))
show(lambda: I2C("no such adapter"))
show(lambda: I2C(7))
show(lambda: I2C((0, 1)))
i2c.deinit()
print(i2c)
show(lambda: i2c.scan())
i2c.deinit()
i2c.init(None, None, freq=400000)
print(i2c.readfrom_mem(0x76, 0xD0, 1))
# a write without STOP left at deinit() is sent then, with a STOP
LOG = "/sys/kernel/debug/px_i2c_sim/transfers"
with open(LOG, "w") as f:
    f.write("clear")
i2c.writeto(0x50, b"\x20", False)
i2c.deinit()
with open(LOG) as f:
    print(f.read(), end="")
