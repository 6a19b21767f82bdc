# needs: bigint
# machine.UART, Timer, ADC and SoftSPI: arguments are checked before any
# device is opened, so these run on any host (the kernel bench tests the
# devices).
from machine import ADC, SoftSPI, Timer, UART


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


print(UART.RTS | UART.CTS, UART.INV_TX, UART.INV_RX, Timer.ONE_SHOT, Timer.PERIODIC, SoftSPI.MSB, SoftSPI.LSB)
show(lambda: UART())
show(lambda: UART(1.5))
show(lambda: UART(-1))
show(lambda: UART(""))
show(lambda: UART(1, bits=9))
show(lambda: UART(1, parity=2))
show(lambda: UART(1, stop=0))
show(lambda: UART(1, flow=UART.CTS))
show(lambda: UART(1, rx=3))
show(lambda: UART(1, invert=UART.INV_RX))
show(lambda: UART(1, baudrate=-9600))
show(lambda: UART(1, timeout_char=-2))
show(lambda: UART(1, txbuf=-1))
show(lambda: Timer(1, 2))
show(lambda: Timer(period=0))
show(lambda: Timer(freq=-3))
show(lambda: Timer(mode=5, period=10))
show(lambda: Timer(period=10, tick_hz=0))
show(lambda: Timer(callback=print))
t = Timer(3)
print(t)
t.deinit()
print(t)
# any id on Linux, where every timer is a virtual one (a board refuses
# the ids it has no timer for: tests/mcu's board/timer_errors)
print(Timer(12345), Timer(-7))
show(lambda: ADC())
show(lambda: ADC("ch0"))
show(lambda: ADC((0,)))
show(lambda: ADC(-2))
show(lambda: ADC(0, atten=1))
show(lambda: ADC(0, bits=0))
show(lambda: SoftSPI(bits=9))
show(lambda: SoftSPI(phase=3))
show(lambda: SoftSPI(baudrate=0))
show(lambda: SoftSPI().read(1))
show(lambda: SoftSPI().write_readinto(b"ab", bytearray(3)))
print(SoftSPI(baudrate=1000, polarity=1, phase=1, firstbit=SoftSPI.LSB))
show(lambda: Timer(period=2**62))
show(lambda: Timer(freq=1e-12))
t = Timer(period=7, tick_hz=1000000, callback=print)
print(t)
t.init(period=90 * 24 * 3600 * 1000, callback=print)
print(t)
t.deinit()
