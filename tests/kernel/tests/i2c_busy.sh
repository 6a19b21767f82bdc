# An address a kernel driver has claimed (here the I2C core's own "dummy"
# driver): i2c-dev's SMBus path (I2C_SLAVE) refuses it, and the error
# names the device. scan() lists it (i2cdetect's
# "UU"). The full-I2C path (I2C_RDWR) is not checked by the kernel.
[ -e /modules/kernel/i2c-stub.ko ] || { echo "i2c-stub.ko is not in the bench (offline?)"; exit 77; }
insmod /modules/kernel/i2c-stub.ko chip_addr=0x50
bus=$(grep -l 'SMBus stub' /sys/bus/i2c/devices/i2c-*/name | sed 's|.*/i2c-\([0-9]*\)/name|\1|')
echo "dummy 0x52" > /sys/bus/i2c/devices/i2c-$bus/new_device
$MPY -c "
from machine import I2C
i2c = I2C('SMBus stub driver')
print([hex(a) for a in i2c.scan()])
try:
    i2c.readfrom_mem(0x52, 0, 1)
except OSError as e:
    print(str(e).replace('i2c-$bus', 'i2c-N').replace('/$bus-', '/N-'))
print(i2c.readfrom_mem(0x50, 0, 1))
"
echo 0x52 > /sys/bus/i2c/devices/i2c-$bus/delete_device
rmmod i2c_stub
