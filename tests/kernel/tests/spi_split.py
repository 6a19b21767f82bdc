# A transfer longer than spidev's buffer (bufsiz, 4096 here) is split into
# several spidev messages; the chip select stays asserted from the first
# byte to the last (cs_change on all but the last part, shown as "keep").
from machine import SPI

LOG = "/sys/kernel/debug/px_spi_loop/log"
with open("/sys/module/spidev/parameters/bufsiz") as f:
    print("bufsiz", f.read().strip())
spi = SPI(0, baudrate=1_000_000)
with open(LOG, "w") as f:
    f.write("clear")
data = bytes((i * 7 + i // 4096) & 0xFF for i in range(10000))
rx = bytearray(len(data))
spi.write_readinto(data, rx)
print(rx == data)
with open(LOG) as f:
    print(f.read(), end="")
with open(LOG, "w") as f:
    f.write("clear")
print(spi.read(5000, 0x5A) == b"\x5a" * 5000)
with open(LOG) as f:
    print(f.read(), end="")
