# Lines are released on deinit(), when the Pin is garbage-collected, and
# when the program ends: normally, by sys.exit, by an exception, by SIGTERM.
. ./gpio_helpers.inc  # held, wait_held
$MPY -c "
import gc, gpio
from machine import Pin
def consumer():
    return gpio.lines()[21][4]
p = Pin('GPIO21', Pin.OUT)
print('held:', consumer().startswith('micropython['))
p.deinit()
print('deinit:', consumer())
Pin('GPIO21', Pin.OUT, consumer='dropped')
print('held:', consumer())
gc.collect()
print('collected:', consumer())
"
$MPY -c "from machine import Pin; p = Pin('GPIO21', Pin.OUT, value=1, consumer='a')"
echo "normal exit: $(held a)"
$MPY -c "import sys; from machine import Pin; p = Pin('GPIO21', Pin.OUT, consumer='b'); sys.exit(3)"
echo "sys.exit $?: $(held b)"
$MPY -c "from machine import Pin; p = Pin('GPIO21', Pin.OUT, consumer='c'); 1/0"
echo "exception $?: $(held c)"
$MPY -c "
import time
from machine import Pin
p = Pin('GPIO21', Pin.OUT, consumer='d')
try:
    time.sleep(20)
finally:
    print('finally ran')
" &
pid=$!
wait_held d
kill -TERM $pid
wait $pid
echo "SIGTERM: $(held d)"
# requested again and working: GPIO21 driven high shows on its loopback GPIO20
$MPY -c "from machine import Pin; o = Pin('GPIO21', Pin.OUT, value=1); print('free again:', Pin('GPIO20', Pin.IN).value())"
