# Chip numbers follow probe order (px-pwm-sim.1 is pwmchip0, px-pwm-sim.0
# pwmchip2), so a chip is named by its device, its driver when only one
# chip has it, or its sysfs path; or a pin is mapped to a channel in the
# board file.
. ./pwm_helpers.inc
basename "$(chip_of px-pwm-sim.0)" ; basename "$(chip_of px-pwm-sim.1)"
cat > /tmp/board <<'B'
pwm GPIO18 = px-pwm-sim.1 1   # header pin 12
pwm GPIO19 = px-pwm-sim.1 7
pwm GPIO20 = px-pwm-sim.1
B
MICROPYTHON_BOARD=/tmp/board $MPY -c "
from machine import PWM, Pin


def show(f):
    try:
        p = f()
        print(p)
        p.deinit()
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: PWM(('px-pwm-sim.1', 0), freq=100, duty_u16=0))
show(lambda: PWM(('/sys/devices/platform/px-pwm-sim.0', 0), freq=200, duty_ns=1000))
show(lambda: PWM(('/sys/class/pwm/pwmchip2', 1), freq=300, duty_u16=32768))
show(lambda: PWM(('pwmchip0', 1), freq=400, duty_u16=16384))
show(lambda: PWM((2, 0), freq=500, duty_u16=65535))
show(lambda: PWM('GPIO18', freq=600, duty_ns=500000))
pin = Pin('GPIO18', Pin.OUT)
show(lambda: PWM(pin, freq=700, duty_ns=700000))
print(pin)  # PWM took the pin: its GPIO line is released
show(lambda: PWM('GPIO19', freq=800))
show(lambda: PWM('GPIO20', freq=800))
show(lambda: PWM('GPIO21', freq=900))
show(lambda: PWM(('px-pwm-sim', 0), freq=1000))
show(lambda: PWM(('no-such-pwm', 0), freq=1000))
show(lambda: PWM(('px-pwm-sim.1', 2), freq=1000))
show(lambda: PWM(('px-pwm-sim.1',), freq=1000))
"
state px-pwm-sim.1 1
