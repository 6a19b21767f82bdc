# A register-mapped sensor (px-i2c-sim at 0x76, BME280-style: chip id 0x60 at 0xd0,
# read-only) through the idioms device drivers use: readfrom_mem,
# writeto(reg, stop=False) + readfrom as one transaction, writevto,
# readfrom_into, and a refused byte.
from machine import I2C

LOG = "/sys/kernel/debug/px_i2c_sim/transfers"


def transfers():
    with open(LOG) as f:
        text = f.read()
    with open(LOG, "w") as f:
        f.write("clear")
    return text.rstrip("\n").split("\n") if text else []


i2c = I2C("px-i2c-sim")
transfers()
print("chip id", hex(i2c.readfrom_mem(0x76, 0xD0, 1)[0]))
print("data", i2c.readfrom_mem(0x76, 0xF7, 6).hex())

# a write without STOP is sent with the next operation, after a repeated
# start: the same single transaction as readfrom_mem
print(i2c.writeto(0x76, b"\xd0", False))
print(i2c.readfrom(0x76, 1))
for t in transfers():
    print(t)

# writevto: the address once, then the bytes of every buffer
print(i2c.writevto(0x76, (b"\xf4", b"", bytearray(b"\x27\x55"))))
buf = bytearray(2)
i2c.writeto(0x76, b"\xf4", False)
i2c.readfrom_into(0x76, buf)
print(buf.hex())
# a reset through its register brings the defaults back
i2c.writeto_mem(0x76, 0xE0, b"\xb6")
print(i2c.readfrom_mem(0x76, 0xF4, 2).hex())
for t in transfers():
    print(t)

# writing the read-only chip id: the device refuses the data byte
try:
    i2c.writeto_mem(0x76, 0xD0, b"\x00")
except OSError as e:
    print(type(e).__name__, e)
# nothing at 0x33: the address is not acknowledged
for op in (lambda: i2c.readfrom(0x33, 1), lambda: i2c.readfrom_mem(0x33, 0, 1), lambda: i2c.writeto(0x33, b"")):
    try:
        op()
    except OSError as e:
        print(type(e).__name__, e)
for t in transfers():
    print(t)
