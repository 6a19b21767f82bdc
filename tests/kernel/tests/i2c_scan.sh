# scan() on px-i2c-sim finds its four devices with zero-length writes (the
# address with the write bit, then STOP). An adapter that refuses
# zero-length messages (the I2C_AQ_NO_ZERO_LEN quirk, set here through our
# module's zero_len parameter) is probed with one-byte reads instead.
LOG=/sys/kernel/debug/px_i2c_sim/transfers
echo clear > $LOG
$MPY -c "
from machine import I2C
print([hex(a) for a in I2C(0).scan()])
"
grep -c '^S .. W P$' $LOG
grep '^S 50' $LOG
echo clear > $LOG
echo N > /sys/module/px_i2c_sim/parameters/zero_len
$MPY -c "
from machine import I2C
i2c = I2C(0)
print([hex(a) for a in i2c.scan()])
try:
    i2c.writeto(0x50, b'')
except OSError as e:
    print(type(e).__name__, e)
"
echo Y > /sys/module/px_i2c_sim/parameters/zero_len
grep -c '^S .. R 1 P$' $LOG
grep -c '^S .. R NACK P$' $LOG
