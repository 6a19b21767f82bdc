# machine.SoftSPI bit-banged over the loopback GPIO chip: MOSI is GPIO12,
# wired to GPIO13, which is MISO, so every byte comes back; GPIO11, wired
# to the clock GPIO10, counts the clock's edges.
from machine import Pin, SoftSPI

edges = []
watch = Pin("GPIO11", Pin.IN)
watch.irq(lambda p: edges.append(p.value()), Pin.IRQ_RISING | Pin.IRQ_FALLING)
sck, mosi, miso = Pin("GPIO10"), Pin("GPIO12"), Pin("GPIO13")
spi = SoftSPI(baudrate=100000, sck=sck, mosi=mosi, miso=miso)
print(sck.value(), "idle low (polarity 0)")

rx = bytearray(4)
spi.write_readinto(b"\xa5\x01\x80\xff", rx)
print(rx)
print(spi.read(3, 0x5a))
buf = bytearray(2)
spi.readinto(buf, 0xc3)
print(buf)
spi.write(b"\x00")
# let the edge handlers run, then count: 2 edges per bit
import time
time.sleep_ms(50)
print("edges", len(edges), "bits", 8 * (4 + 3 + 2 + 1))

for pol in (0, 1):
    for pha in (0, 1):
        spi.init(baudrate=200000, polarity=pol, phase=pha, sck=sck, mosi=mosi, miso=miso)
        idle = sck.value()
        got = bytearray(3)
        spi.write_readinto(b"\x12\x34\xfe", got)
        print(pol, pha, "idle", idle, got, "idle after", sck.value())
spi.init(firstbit=SoftSPI.LSB, sck=sck, mosi=mosi, miso=miso)
print(spi)
print(spi.read(2, 0x81))
# without miso: reads are zeros, writes go out
out_only = SoftSPI(sck=sck, mosi=mosi)
print(out_only.read(1, 0xff))
watch.irq(None)
