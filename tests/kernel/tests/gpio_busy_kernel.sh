# Who holds a busy line is read from the processes' line requests (their
# /proc/PID/fdinfo lists chip and lines): a line used but requested by no
# process is the kernel's, even while other programs hold lines; a Pin of
# this program is recognised whatever its consumer name. A user who cannot
# see every process's fds is told both possibilities.
. ./gpio_helpers.inc  # held, wait_held
$MPY -c "
from machine import Pin
import time
p = Pin('GPIO24', Pin.OUT, consumer='holder')
time.sleep(20)
" &
holder=$!
wait_held holder
$MPY -c "
from machine import Pin
for id in ('AUX7', 'GPIO24'):
    try:
        Pin(id)
    except OSError as e:
        print(e)
mine = Pin('AUX2', Pin.OUT, consumer='mine')
try:
    Pin(('gpiochip1', 2)).deinit()  # the same Pin object: no error
    Pin('AUX2').deinit()
    Pin('AUX2', consumer='again')  # requested again: fine
    print('same object, released and requested again')
except OSError as e:
    print(e)
"
chmod 666 /dev/gpiochip1
$AS_USER "$MPY" -c "
from machine import Pin
try:
    Pin('AUX7')
except OSError as e:
    print(e)
"
chmod 600 /dev/gpiochip1
kill $holder
wait $holder
echo "holder stopped: $?"
