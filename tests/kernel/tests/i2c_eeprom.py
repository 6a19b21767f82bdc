# The 24C02-style (8-bit memory address) and 24C32-style (16-bit) EEPROMs
# of our px-i2c-sim adapter. The adapter records each transfer, so this
# shows that a memory read is ONE transaction with a repeated start (Sr),
# never a write and a read with a STOP between them.
from machine import I2C

LOG = "/sys/kernel/debug/px_i2c_sim/transfers"


def transfers():
    with open(LOG) as f:
        text = f.read()
    with open(LOG, "w") as f:
        f.write("clear")
    return text.rstrip("\n").split("\n") if text else []


i2c = I2C(0)
print(i2c)
transfers()

# 8-bit memory address
i2c.writeto_mem(0x50, 0x10, b"hello")
print(i2c.readfrom_mem(0x50, 0x10, 5))
buf = bytearray(3)
i2c.readfrom_mem_into(0x50, 0x11, buf)
print(buf)
for t in transfers():
    print(t)

# a page write wraps within the 8-byte page, as on the real part
i2c.writeto_mem(0x50, 0x06, b"ABCD")
print(i2c.readfrom_mem(0x50, 0x00, 8))
transfers()

# 16-bit memory address: high byte first, still one transaction
i2c.writeto_mem(0x54, 0x0123, b"wide", addrsize=16)
print(i2c.readfrom_mem(0x54, 0x0123, 4, addrsize=16))
print(i2c.readfrom_mem(0x54, 0x0122, 6, addrsize=16))
for t in transfers():
    print(t)

# the same EEPROM through the plain operations: set the address, then
# read from it (a current-address read)
i2c.writeto(0x54, b"\x01\x24")
print(i2c.readfrom(0x54, 3))
for t in transfers():
    print(t)
