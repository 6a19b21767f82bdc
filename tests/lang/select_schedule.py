# needs: float
# Scheduled callbacks run while select.poll, select.select and time.sleep
# wait, and the wait goes on for the rest of its time afterwards.
import micropython
import select
import time

log = []


def cb(arg):
    log.append(arg)


p = select.poll()
micropython.schedule(cb, "poll")
t = time.ticks_ms()
print(p.poll(30), log)
print(time.ticks_diff(time.ticks_ms(), t) >= 29)

micropython.schedule(cb, "select")
t = time.ticks_ms()
print(select.select([], [], [], 0.03), log)
print(time.ticks_diff(time.ticks_ms(), t) >= 29)

micropython.schedule(cb, "sleep")
t = time.ticks_ms()
time.sleep_ms(30)
print(log, time.ticks_diff(time.ticks_ms(), t) >= 29)


# a callback that schedules another one while poll waits
def chain(n):
    log.append(n)
    if n < 3:
        micropython.schedule(chain, n + 1)


log.clear()
micropython.schedule(chain, 1)
print(p.poll(20), log)

# poll returns at once when a registered fd is ready; callbacks still run
p.register(0, select.POLLIN)
micropython.schedule(cb, "ready")
print(p.poll(1000), log)


# an exception in a callback ends the wait
def boom(arg):
    raise ValueError(arg)


p.unregister(0)
micropython.schedule(boom, "boom")
try:
    p.poll(1000)
except ValueError as e:
    print("ValueError", e)
