# machine.UART on the kernel's 8250 driver: ttyS1 and ttyS2 are the two
# 16550 ports of QEMU's PCI serial card, wired to each other (a null-modem
# cable), so what one UART writes the other reads.
import select
import time
from machine import UART

a = UART(1, 115200, timeout=1000)
b = UART(2, 115200, timeout=1000)
print(a)
print(b)

# plain bytes both ways, no translation (raw mode)
print(a.write(b"hello\r\nworld\n"))
print(b.readline())
print(b.readline())
print(b.write(b"\x00\xff\x03\x04\x11\x13"))
print(a.read(6))

# any() and select.poll see what the kernel has received
print(a.any(), b.any())
a.write(b"xyz")
a.flush()
print(a.txdone())
t = time.ticks_ms()
while b.any() < 3 and time.ticks_diff(time.ticks_ms(), t) < 2000:
    time.sleep_ms(5)
print(b.any())
p = select.poll()
p.register(b, select.POLLIN)
print([(o is b, e) for o, e in p.poll(1000)])
print(b.read(2), b.read(5))
print(p.poll(0))

# timeouts: None after `timeout` ms with nothing received
b.init(timeout=200)
t = time.ticks_ms()
print(b.read(4), b.readline(), b.readinto(bytearray(4)))
d = time.ticks_diff(time.ticks_ms(), t)
print("3 timeouts", 600 <= d < 1500)
b.init(timeout=0)
t = time.ticks_ms()
print(b.read(), b.read(1))
print("timeout=0 returns at once", time.ticks_diff(time.ticks_ms(), t) < 100)

# a transfer longer than the FIFOs and the 4 KiB tty buffer
data = bytes(range(256)) * 40
b.init(timeout=2000, timeout_char=200)
a.write(data)
got = b.read(len(data))
print(len(got), got == data)

# readinto with nbytes
a.write(b"0123456789")
buf = bytearray(8)
print(b.readinto(buf, 4), buf)
print(b.read())

# line settings reach the driver and are read back
a.init(9600, bits=7, parity=0, stop=2)
print(a)
b.init(9600, bits=7, parity=0, stop=2, timeout=1000)
a.write(b"slow")
print(b.read(4))
a.init(57600, parity=1, flow=UART.RTS | UART.CTS)
print(a)
b.init(57600, parity=1, flow=UART.RTS | UART.CTS, timeout=1000)
a.write(b"flow")
print(b.read(4))

# a break, then the line still works
a.init(115200)
b.init(115200, timeout=1000)
t = time.ticks_ms()
a.sendbreak()
print("break took ms", 200 <= time.ticks_diff(time.ticks_ms(), t) < 1000)
b.init(timeout=300)
b.read()  # whatever the break gave (a NUL on some UARTs)
a.write(b"after")
print(b.read(5))

a.deinit()
print(a)
try:
    a.read(1)
except ValueError as e:
    print("ValueError:", e)
a.init(115200)
a.write(b"again")
print(b.read(5))
