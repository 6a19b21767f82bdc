# An IRQ handler is active when its chip is unplugged: no crash, no spin
# (the CPU stays idle while the program sleeps), select.poll reports POLLERR,
# the next access raises OSError(ENODEV) and releases the request (and its
# poller source: still idle), Pin.list() works; after
# plugging the chip in again, edges on new Pins are handled; the program
# exits cleanly.
set -o pipefail
$MPY -c "
import errno, select, time
from machine import Pin

def plug(on):
    with open('/sys/module/px_gpio_loop/parameters/aux_plugged', 'w') as f:
        f.write('Y' if on else 'N')

def cpu_ticks():
    with open('/proc/self/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return int(fields[11]) + int(fields[12])

def idle_while_sleeping(ms):
    t0, c0 = time.ticks_ms(), cpu_ticks()
    time.sleep_ms(ms)
    return (cpu_ticks() - c0) * 10 < time.ticks_diff(time.ticks_ms(), t0) // 4

seen = [0]
def count(pin):
    seen[0] += 1

out = Pin('AUX4', Pin.OUT, value=0)
inp = Pin('AUX5', Pin.IN)
inp.irq(count)
out(1)
out(0)
time.sleep_ms(50)
print('edges before:', seen[0])
plug(False)
print('idle after unplug:', idle_while_sleeping(500))
poller = select.poll()
poller.register(inp, select.POLLIN)
print('poll:', [(p is inp, ev & select.POLLERR != 0) for p, ev in poller.poll(0)])
try:
    inp.value()
except OSError as e:
    print('value():', e.errno == errno.ENODEV, e.args[1].split(' (')[0], 'is gone' if 'is gone' in e.args[1] else e)
print(inp, inp.irq().trigger())
Pin.list()
print('idle:', idle_while_sleeping(300))
plug(True)
seen[0] = 0
a = Pin('AUX4', Pin.OUT, value=0)
b = Pin('AUX5', Pin.IN)
b.irq(count)
for _ in range(10):
    a.toggle()
time.sleep_ms(100)
print('edges on the new chip:', seen[0])
" | grep -v '^  '
echo "exit status: $?"
