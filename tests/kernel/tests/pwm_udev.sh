# As an ordinary user whose group may export PWM channels: the files of a
# newly exported channel are root's until udev gives them to the group, so
# PWM() waits for that (at most 2 s) instead of failing at once. Here a
# shell loop stands in for udev. Without it, the error names the file and
# the fix after the wait; without access to export, at once.
. ./pwm_helpers.inc
chip=$(chip_of px-pwm-sim.1)
chown 1000 "$chip/export" "$chip/unexport"
(
    while [ ! -e "$chip/pwm0/enable" ]; do sleep 0.05; done
    sleep 0.3
    chown 1000 "$chip/pwm0/period" "$chip/pwm0/duty_cycle" "$chip/pwm0/polarity" "$chip/pwm0/enable"
) &
udev=$!
$AS_USER $MPY -c "
from machine import PWM
p = PWM(('px-pwm-sim.1', 0), freq=50, duty_u16=6554)
print(p)
p.deinit()
"
wait $udev
state px-pwm-sim.1 0
$AS_USER $MPY -c "
import time
from machine import PWM
t = time.ticks_ms()
try:
    PWM(('px-pwm-sim.1', 1), freq=50)
except OSError as e:
    print(type(e).__name__, e)
print('gave up after 2 s:', 2000 <= time.ticks_diff(time.ticks_ms(), t) < 3000)
"
echo 1 > "$chip/unexport"
chown 0 "$chip/export" "$chip/unexport"
$AS_USER $MPY -c "
from machine import PWM
try:
    PWM(('px-pwm-sim.1', 1), freq=50)
except OSError as e:
    print(type(e).__name__, e)
"
