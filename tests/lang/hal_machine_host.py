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
