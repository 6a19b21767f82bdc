# Many SPI controllers cannot send the least significant bit first. Ours
# can be told so (lsb_first=N): firstbit=SPI.LSB then reverses each word's
# bits in user space, and the controller receives them reversed.
LOG=/sys/kernel/debug/px_spi_loop/log
echo N > /sys/module/px_spi_loop/parameters/lsb_first
echo clear > $LOG
$MPY -c "
from machine import SPI
spi = SPI(0, firstbit=SPI.LSB)
print(spi)
print(spi.read(2, 0x01))
rx = bytearray(3)
spi.write_readinto(b'\x80\x0f\x12', rx)
print(rx)
w = SPI(0, bits=16, firstbit=SPI.LSB)
rx2 = bytearray(2)
w.write_readinto(b'\x01\x00', rx2)  # the word 0x0001, in native byte order
print(rx2)
"
grep xfer $LOG
echo Y > /sys/module/px_spi_loop/parameters/lsb_first
