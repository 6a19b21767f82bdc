# A line held by another process: EBUSY naming its consumer; a line held
# by a kernel driver says so.
. ./gpio_helpers.inc  # held, wait_held
$MPY -c "
from machine import Pin
import time
p = Pin('GPIO20', Pin.OUT, consumer='holder')
time.sleep(20)
" &
holder=$!
wait_held holder
$MPY -c "
import errno
from machine import Pin
for id in ('GPIO20', 20):
    try:
        Pin(id, Pin.IN)
    except OSError as e:
        print(e.errno == errno.EBUSY, e)
import gpio
print([l for l in gpio.lines() if l[4]])
"
kill $holder
wait $holder
echo "holder status $?"
# with no process holding lines, a busy line belongs to a kernel driver
$MPY -c "
from machine import Pin
try:
    Pin('AUX7')
except OSError as e:
    print(e)
"
