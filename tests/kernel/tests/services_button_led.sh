# docs/services.md's example, docs/examples/button-led.py as it is: GPIO26
# (open drain, wired to GPIO27) plays the button, GPIO16 (wired to GPIO17)
# sees the LED. SIGTERM (systemctl stop) runs its finally block and the
# process ends by SIGTERM (a shell shows 143).
. ./gpio_helpers.inc  # held
$MPY /examples/button-led.py >/tmp/button-led.out 2>&1 &
pid=$!
n=0
until [ "$(held "micropython[$pid]")" = 2 ]; do
    n=$((n + 1))
    [ $n -gt 100 ] && { echo "the example never held its two lines"; cat /tmp/button-led.out; exit 1; }
    sleep 0.1
done
sleep 1  # its irq() is set right after the button's Pin
$MPY -c "
import time
from machine import Pin
finger = Pin('GPIO26', Pin.OPEN_DRAIN, value=1)
for _ in range(3):
    finger.value(0)
    time.sleep_ms(100)
    finger.value(1)
    time.sleep_ms(300)
print('LED seen on GPIO16:', Pin('GPIO16', Pin.IN).value())
"
kill -TERM $pid
wait $pid
echo "status $?"
cat /tmp/button-led.out
