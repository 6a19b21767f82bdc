# The kernel's i2c-stub is an adapter that speaks only SMBus (I2C_FUNCS
# has no I2C_FUNC_I2C). Transactions with an SMBus form are sent as that
# SMBus transfer (same bytes on the wire); the others raise OSError saying
# why. The stub keeps a byte (low half of a 16-bit word) per register.
[ -e /modules/kernel/i2c-stub.ko ] || { echo "i2c-stub.ko is not in the bench (offline?)"; exit 77; }
insmod /modules/kernel/i2c-stub.ko chip_addr=0x48,0x50
cat > /tmp/smbus.py <<'PY'
from machine import I2C


def show(f):
    try:
        print(f())
    except OSError as e:
        print(type(e).__name__, e)


i2c = I2C("SMBus stub driver")
print(i2c)
print([hex(a) for a in i2c.scan()])
i2c.writeto_mem(0x50, 0x10, b"\x01")               # write byte data
i2c.writeto_mem(0x50, 0x11, b"\x02\x03\x04\x05")   # write I2C block
print(i2c.readfrom_mem(0x50, 0x10, 1))             # read byte data
print(i2c.readfrom_mem(0x50, 0x10, 5))             # read I2C block
i2c.writeto(0x50, b"\x12", False)                   # command byte, repeated start,
print(i2c.readfrom(0x50, 2))                        # read: one SMBus block read
i2c.writeto(0x50, b"\x13")                          # send byte: sets the pointer
print(i2c.readfrom(0x50, 1))                        # receive byte
print(i2c.writeto(0x48, b"\x00\x7f"))
print(i2c.writevto(0x48, (b"\x01", b"\x7e")))
print(i2c.readfrom_mem(0x48, 0, 2))
# what SMBus cannot express
show(lambda: i2c.readfrom(0x50, 2))
show(lambda: i2c.readfrom_mem(0x50, 0x10, 33))
show(lambda: i2c.writeto_mem(0x50, 0, bytes(33)))
show(lambda: i2c.readfrom_mem(0x50, 0x0010, 2, addrsize=16))
i2c.writeto_mem(0x50, 0x0010, b"\x99", addrsize=16)  # a plain write: fine
print(i2c.readfrom_mem(0x50, 0x00, 1))
show(lambda: i2c.readfrom_mem(0x51, 0, 1))
PY
$MPY /tmp/smbus.py
# an adapter without I2C block transfers (functionality parameter of
# i2c-stub): words and bytes still work, longer blocks cannot
echo 0x7f0000 > /sys/module/i2c_stub/parameters/functionality
$MPY -c "
from machine import I2C
i2c = I2C('SMBus stub driver')
i2c.writeto_mem(0x50, 0x20, b'\x34\x12')  # write word data
print(i2c.readfrom_mem(0x50, 0x20, 2))    # read word data
print(i2c.readfrom_mem(0x50, 0x20, 1))    # read byte data
for f in (lambda: i2c.readfrom_mem(0x50, 0x20, 3), lambda: i2c.writeto_mem(0x50, 0x20, b'abc')):
    try:
        f()
    except OSError as e:
        print(e)
"
# without quick commands, scan() probes with a one-byte read
echo 0x60000 > /sys/module/i2c_stub/parameters/functionality
$MPY -c "
from machine import I2C
print([hex(a) for a in I2C('SMBus stub driver').scan()])
"
rmmod i2c_stub
