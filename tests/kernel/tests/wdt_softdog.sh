# machine.WDT on the kernel's softdog (soft_noboot: it logs instead of
# rebooting the VM). The watchdog runs from WDT() on and cannot be stopped
# from Python: the program's end leaves it running (no magic close).
W=/sys/class/watchdog/watchdog0
"$MPY" -c "from machine import WDT
try:
    WDT()
except OSError as e:
    print(type(e).__name__, e)"
insmod /modules/kernel/softdog.ko soft_noboot=1 soft_margin=60 || exit 1
echo "state before: $(cat $W/state) timeout $(cat $W/timeout)"
dmesg -c > /dev/null
"$MPY" -c "
import time
from machine import WDT
wdt = WDT(timeout=1000)
print(wdt)
print('state', open('$W/state').read().strip(), 'timeout', open('$W/timeout').read().strip())
for i in range(7):  # 2.1 s, twice the timeout
    time.sleep_ms(300)
    wdt.feed()
print('fed')
try:
    WDT(timeout=1000)
except OSError as e:
    print(type(e).__name__, e)
try:
    WDT(timeout=0)
except ValueError as e:
    print('ValueError', e)
"
echo "fed in time: $(dmesg | grep -c 'softdog: Triggered')"
echo "state after the program: $(cat $W/state)"
dmesg | grep -c "watchdog did not stop"
sleep 1.5
echo "expired after the program: $(dmesg | grep -c 'softdog: Triggered')"
$AS_USER "$MPY" -c "from machine import WDT
try:
    WDT()
except OSError as e:
    print(type(e).__name__, e)"
# the shell does the magic close the program never does, then unloads
printf V > /dev/watchdog
echo "state after magic close: $(cat $W/state)"
rmmod softdog
