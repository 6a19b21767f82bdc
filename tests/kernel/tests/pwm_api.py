# machine.PWM on channel 1 of px-pwm-sim.0 (registered second, so it is
# pwmchip2): the v1.28 API, with the period, duty cycle, polarity and
# enable state read back from sysfs (what the PWM core holds) and from the
# driver (what its apply() received, in debugfs).
from machine import PWM

CH = "/sys/class/pwm/pwmchip2/pwm1/"


def kernel():
    try:
        vals = [open(CH + a).read().strip() for a in ("period", "duty_cycle", "polarity", "enable")]
    except OSError:
        return "  sysfs: not exported"
    return "  sysfs: period=%s duty=%s polarity=%s enable=%s" % tuple(vals)


def driver():
    for line in open("/sys/kernel/debug/px_pwm_sim/state"):
        if line.startswith("px-pwm-sim.0 1:"):
            return "  driver:" + line[len("px-pwm-sim.0 1:") :].rstrip()


def show(pwm):
    print(pwm)
    print(kernel())
    print(driver())


# the release notes' example: 50% at 1000 Hz
pwm = PWM(("px-pwm-sim.0", 1), freq=1000, duty_u16=32768)
show(pwm)
print(pwm.freq(), pwm.duty_u16(), pwm.duty_ns())
pwm.duty_u16(16384)
pwm.freq(2000)  # the duty ratio stays
show(pwm)
print(pwm.freq(), pwm.duty_u16(), pwm.duty_ns())
pwm.duty_ns(100000)
pwm.freq(500)  # a pulse width stays
print(pwm.freq(), pwm.duty_u16(), pwm.duty_ns())
pwm.freq(20000)  # ... as long as the period holds it
print(pwm.freq(), pwm.duty_u16(), pwm.duty_ns())
pwm.init(freq=5000, duty_ns=5000, invert=True)
show(pwm)
pwm.duty_u16(0)
print(pwm.duty_u16(), pwm.duty_ns())
pwm.duty_u16(65535)
print(pwm.duty_u16(), pwm.duty_ns())
pwm.deinit()
show(pwm)
try:
    pwm.freq()
except ValueError as e:
    print(e)
pwm.init()  # exported again, as it was
show(pwm)
pwm.init(freq=3, invert=False)
show(pwm)
pwm.deinit()
