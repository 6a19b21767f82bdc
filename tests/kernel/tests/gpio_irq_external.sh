# Edges made by another process reach an IRQ handler while the program
# sleeps in time.sleep (the wait runs handlers; no busy loop, no thread).
. ./gpio_helpers.inc  # held, wait_held
cat > /tmp/waiter.py <<'PY'
import time
from machine import Pin

edges = []
p = Pin("GPIO25", Pin.IN, Pin.PULL_DOWN, consumer="waiter")
p.irq(lambda pin: edges.append(pin.irq().flags()))
t0 = time.ticks_ms()
while len(edges) < 6 and time.ticks_diff(time.ticks_ms(), t0) < 20000:
    time.sleep(1)
print(edges)
PY
$MPY /tmp/waiter.py &
waiter=$!
wait_held waiter
for i in 1 2 3; do
    # drive GPIO24 high, then exit: the released line is an input again
    $MPY -c "from machine import Pin; Pin('GPIO24', Pin.OUT, value=1)"
    sleep 0.2
done
wait $waiter
