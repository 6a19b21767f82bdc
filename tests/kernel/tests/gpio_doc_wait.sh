# docs/gpio.md "Wait for an edge": the program blocks in poll() until
# another process (on the partner line GPIO23) closes the door.
cat > /tmp/wait.py <<'PY'
import select
from machine import Pin

door = Pin("GPIO22", Pin.IN, Pin.PULL_UP)
door.irq(trigger=Pin.IRQ_RISING | Pin.IRQ_FALLING)
poller = select.poll()
poller.register(door, select.POLLIN)
for pin, event in poller.poll(10000):
    pin.irq().flags()  # consume the edges
    print("door", "open" if pin.value() else "closed")
PY
(sleep 1; $MPY -c "
import time
from machine import Pin
p = Pin('GPIO23', Pin.OUT, value=0)
time.sleep(2)
") &
setter=$!
$MPY /tmp/wait.py
wait $setter
