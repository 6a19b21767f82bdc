# machine.Timer: virtual timers on timerfd, callbacks through the scheduler.
import time
from machine import Timer

ticks = []
t = Timer(-1)
print(t)
t.init(period=20, callback=lambda tm: ticks.append(tm is t))
print(t)
time.sleep_ms(205)
t.deinit()
print("periodic 20 ms in 205 ms:", 5 <= len(ticks) <= 11, all(ticks))
n = len(ticks)
time.sleep_ms(60)
print("stopped:", len(ticks) == n, t)

# a one-shot fires once, also while the program is busy (no sleep)
fired = []
start = time.ticks_ms()
Timer(mode=Timer.ONE_SHOT, period=50, callback=lambda tm: fired.append(time.ticks_ms()))
while not fired:
    pass
print("one-shot after", 45 <= time.ticks_diff(fired[0], start) < 200)
time.sleep_ms(100)
print("once:", len(fired))

# freq wins over period; freq may be a float
hz = []
t2 = Timer(0, mode=Timer.PERIODIC, freq=50.0, period=1000, callback=lambda tm: hz.append(1))
print(t2)
time.sleep_ms(210)
t2.deinit()
print("50 Hz in 210 ms:", 5 <= len(hz) <= 11)

# init() again re-arms with the new settings
calls = []
t3 = Timer(1, period=1000, callback=lambda tm: calls.append("slow"))
t3.init(mode=Timer.ONE_SHOT, period=10, callback=lambda tm: calls.append("fast"))
time.sleep_ms(100)
print(calls)

# an exception in a callback reaches the running code
def boom(tm):
    raise ValueError("from the callback")
Timer(mode=Timer.ONE_SHOT, period=10, callback=boom)
try:
    time.sleep_ms(200)
    print("not raised")
except ValueError as e:
    print("ValueError", e)

# callback=None: the documented TypeError at expiry
Timer(mode=Timer.ONE_SHOT, period=10)
try:
    time.sleep_ms(200)
    print("not raised")
except TypeError:
    print("TypeError")

# a periodic callback slower than the period: expiries merge, none queue up
slow = []
def busy(tm):
    slow.append(1)
    time.sleep_ms(30)
t4 = Timer(period=5, callback=busy)
time.sleep_ms(200)
t4.deinit()
print("slow callback:", 3 <= len(slow) <= 8)

for bad in ({"period": 0}, {"period": -5}, {"freq": 0}, {"mode": 7, "period": 1}, {}):
    try:
        Timer(-1).init(**bad)
    except ValueError as e:
        print("ValueError", e)

# a one-shot expiring while the scheduler queue is full is not lost: a
# scheduled function (callbacks do not nest) fills the queue and waits
import micropython
late = []
def nothing(_):
    pass
def fill(_):
    Timer(mode=Timer.ONE_SHOT, period=1, callback=lambda tm: late.append(1))
    n = 0
    try:
        while n < 1000:
            micropython.schedule(nothing, None)
            n += 1
    except RuntimeError:
        pass
    t0 = time.ticks_ms()
    while time.ticks_diff(time.ticks_ms(), t0) < 10:
        pass  # the timer expires meanwhile, with no room for its callback
    print("queue full:", n < 1000)
micropython.schedule(fill, None)
time.sleep_ms(100)
print("one-shot with a full queue:", late)
