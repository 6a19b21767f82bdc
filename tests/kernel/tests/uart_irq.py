# UART.irq() on the kernel's 8250 driver (ttyS1 wired to ttyS2): IRQ_RX
# calls the handler when bytes arrive (once per arrival, even if it reads
# nothing), IRQ_RXIDLE once the line has then been quiet for the gap
# between characters; flags() says which; the handler runs while the
# program sleeps. TXIDLE and BREAK are refused with the reason.
import time
from machine import UART

a = UART(1, 115200)
b = UART(2, 115200)
events = []


def on_rx(u):
    f = u.irq().flags()
    events.append(("RX" if f & UART.IRQ_RX else "") + ("IDLE" if f & UART.IRQ_RXIDLE else ""))
    if f & UART.IRQ_RXIDLE:
        events.append(u.read())


irq = b.irq(on_rx, UART.IRQ_RX | UART.IRQ_RXIDLE)
print(irq.trigger() == UART.IRQ_RX | UART.IRQ_RXIDLE, b.irq() is irq)
a.write(b"hello")
time.sleep_ms(300)
print(events[-2:], "RX before IDLE:", events.index("IDLE") > 0 and events[0] == "RX")

# RXIDLE only: one call after each burst
events.clear()
b.irq(on_rx, UART.IRQ_RXIDLE)
for burst in (b"abc", b"defgh"):
    a.write(burst)
    time.sleep_ms(300)
print(events)

# a handler that reads nothing is not called again and again
calls = []
b.irq(lambda u: calls.append(u.any()), UART.IRQ_RX)
a.write(b"zz")
time.sleep_ms(300)
print("calls for one arrival:", len(calls) >= 1 and len(calls) <= 2, b.read())

b.irq(None, 0)
a.write(b"q")
time.sleep_ms(100)
print("off:", len(calls) <= 2, b.read())
for t in (UART.IRQ_TXIDLE, UART.IRQ_BREAK):
    try:
        b.irq(on_rx, t)
    except ValueError as e:
        print("ValueError", e)
b.deinit()
a.deinit()
