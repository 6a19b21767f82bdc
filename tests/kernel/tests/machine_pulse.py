# machine.time_pulse_us times a pulse on a Pin (here driven on the partner
# line by Timer callbacks, which run while it waits), and returns -2 when
# the level never comes and -1 when the pulse outlasts the timeout;
# lightsleep() returns when an event's handler has run, or when its time
# is up.
import time
from machine import Pin, Timer, time_pulse_us, lightsleep

out = Pin("GPIO4", Pin.OUT, value=0)
inp = Pin("GPIO5", Pin.IN)

# each edge is a Timer callback (they run while time_pulse_us waits); the
# second is armed by the first, so the pulse lasts at least its period
def pulse(level, ms):
    def start(t):
        out.value(level)
        Timer(mode=Timer.ONE_SHOT, period=ms, callback=lambda t: out.value(1 - level))

    Timer(mode=Timer.ONE_SHOT, period=30, callback=start)


pulse(1, 30)
d = time_pulse_us(inp, 1, 2_000_000)
print("high pulse of 30 ms:", 29_000 <= d < 1_000_000 or d)
out.on()
pulse(0, 40)
d = time_pulse_us(inp, 0)
print("low pulse of 40 ms:", 39_000 <= d < 1_000_000 or d)
print("never low:", time_pulse_us(inp, 0, 20_000))
print("stays high:", time_pulse_us(inp, 1, 20_000))
try:
    time_pulse_us(inp, 2)
except ValueError as e:
    print("ValueError", e)

# lightsleep() without a time returns once an event's handler has run
# (here a Timer's; Pin IRQs come the same way), lightsleep(ms) after ms
calls = []
Timer(mode=Timer.ONE_SHOT, period=50, callback=lambda t: calls.append("timer"))
t0 = time.ticks_ms()
lightsleep()
print("woken by the timer:", calls, 50 <= time.ticks_diff(time.ticks_ms(), t0) < 1000)
t0 = time.ticks_ms()
lightsleep(100)
print("slept the time:", time.ticks_diff(time.ticks_ms(), t0) >= 100, calls)
