# The machine and gpio modules on a host without GPIO.
import machine
import gpio

print(sorted(n for n in dir(machine) if not n.startswith("_")))
print(machine.idle())


def readable(path):
    try:
        open(path, "rb").close()
        return True
    except OSError:
        return False


# Each answer depends on the host: what is printed is whether we gave the
# right one for this host (the value, or OSError when the file is absent).
has_id = readable("/etc/machine-id") or readable("/var/lib/dbus/machine-id")
try:
    uid = machine.unique_id()
    print("unique_id", has_id and type(uid) is bytes and len(uid) == 16)
except OSError as e:
    print("unique_id", not has_id and "machine-id" in str(e))
has_cpufreq = readable("/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq")
try:
    f = machine.freq()
    print("freq", has_cpufreq and type(f) is int and f > 0)
except OSError as e:
    print("freq", not has_cpufreq and "cpufreq" in str(e))
try:
    machine.freq(100000000)
except NotImplementedError as e:
    print("NotImplementedError", e)
print(gpio.chips(), gpio.lines())
gpio._main()
machine.Pin.list()

# the RTC is the system clock (read only here: setting it would move the
# host's clock); a plain start is a power-on reset
import time

rtc = machine.RTC()
now, lt = rtc.datetime(), time.localtime()
print(rtc, len(now), now[:3] == lt[:3], now[3] == lt[6])
print(machine.reset_cause() == machine.PWRON_RESET)


# time_pulse_us takes any object with value(): here a wire that is low for
# 3 reads, high for 5, then low again (no timing: the host may be busy)
class Wire:
    def __init__(self, levels):
        self.levels = levels
        self.n = 0

    def value(self):
        self.n += 1
        return self.levels[min(self.n, len(self.levels)) - 1]


w = Wire([0, 0, 0, 1, 1, 1, 1, 1, 0])
print(machine.time_pulse_us(w, 1, 1_000_000) >= 0, w.n)
print(machine.time_pulse_us(Wire([0]), 1, 1000), machine.time_pulse_us(Wire([1]), 1, 1000))
