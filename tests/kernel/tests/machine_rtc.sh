# machine.RTC is the system clock in local time: datetime() reads it as
# (year, month, day, weekday, hours, minutes, seconds, microseconds), the
# same instant as time.localtime(); root sets it (the weekday given is
# ignored: the date decides), init() takes the datetime-module order; an
# ordinary user gets a PermissionError that says what it takes.
$MPY -c "
import time
from machine import RTC
rtc = RTC()
print(rtc)
before, t0 = time.time(), time.ticks_ms()
now = rtc.datetime()
lt = time.localtime()
print(len(now), now[:3] == lt[:3], now[3] == lt[6], 0 <= now[7] < 1000000)
rtc.datetime((2030, 1, 2, 6, 3, 4, 5, 250000))
d = rtc.datetime()
print(d[:6], d[6] in (5, 6))
print(time.localtime()[:5])
rtc.init((2031, 2, 28, 23, 59, 58, 0, None))
print(rtc.datetime()[:6])
for bad in ((2030, 13, 1, 0, 0, 0, 0, 0), (2030, 2, 30, 0, 0, 0, 0, 0), (2030, 1, 1, 0, 24, 0, 0, 0), (2030, 1, 1)):
    try:
        rtc.datetime(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    RTC(1)
except ValueError as e:
    print('ValueError', e)
# put the clock back where it would be
elapsed = time.ticks_diff(time.ticks_ms(), t0) / 1000
t = time.localtime(round(before + elapsed))
rtc.datetime((t[0], t[1], t[2], 0, t[3], t[4], t[5], 0))
print('restored:', abs(time.time() - before - elapsed) < 5)
"
$AS_USER "$MPY" -c "
import errno
from machine import RTC
print(RTC().datetime()[0] >= 2024)
try:
    RTC().datetime((2030, 1, 2, 0, 3, 4, 5, 0))
except OSError as e:
    print(type(e).__name__, e.errno == errno.EPERM, e.args[1])
"
