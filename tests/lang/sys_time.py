# needs: bigint
# the time module: MicroPython's tick counters and calendar functions (the
# local-time ones only as far as they do not depend on the machine's zone;
# tests/cli/suite.py compares them with CPython under several TZ values)
import time

t0 = time.ticks_ms()
time.sleep_ms(20)
d = time.ticks_diff(time.ticks_ms(), t0)
print(15 <= d < 1000)
u0 = time.ticks_us()
time.sleep_us(2000)
print(time.ticks_diff(time.ticks_us(), u0) >= 1500)
time.sleep(0.001)

# ticks wrap at 2**30
print(time.ticks_diff(5, 2**30 - 5), time.ticks_diff(2**30 - 5, 5))
print(time.ticks_add(2**30 - 1, 2), time.ticks_add(0, -1))
# a delta ticks_diff could not give back is an error
print(time.ticks_add(0, 2**29 - 1), time.ticks_add(0, -2**29 + 1), time.ticks_diff(time.ticks_add(7, -2**29 + 1), 7))
for delta in (2**29, -2**29):
    try:
        time.ticks_add(0, delta)
    except OverflowError as e:
        print("OverflowError", e)
try:
    time.ticks_add(0, 2**40)
except OverflowError:
    print("OverflowError")
for bad in ((2000, 1, 1), [2000] * 10, None):
    try:
        time.mktime(bad)
    except TypeError as e:
        print("TypeError", e)

print(time.gmtime(0))
print(time.gmtime(1700000000))
print(time.gmtime(-1))
print(time.gmtime(951782400))  # 2000-02-29
print(time.mktime(time.localtime(951782400)), type(time.mktime(time.localtime())).__name__)
print(time.mktime(time.localtime(1234567890)) == 1234567890)
print(time.mktime(time.localtime(1234567890) + (-1,)) == 1234567890)
print(time.mktime((2023, 13, 1, 0, 0, 0, 0, 0)) == time.mktime((2024, 1, 1, 0, 0, 0, 0, 0)))

print(type(time.time()).__name__, time.time() > 1.6e9)
print(type(time.time_ns()).__name__, time.time_ns() > 1600000000 * 10**9)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
