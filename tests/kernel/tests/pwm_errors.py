# Bad values, and a channel a kernel driver holds (this bench's PWM module
# requests channel 3 of px-pwm-sim.0 as "px-backlight").
from machine import PWM


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: PWM(("px-pwm-sim.0", 3), freq=100))
pwm = PWM(("px-pwm-sim.0", 2), freq=1000, duty_u16=100)
show(lambda: pwm.freq(20_000_000))  # the driver's shortest period is 100 ns
show(lambda: pwm.freq(0))
show(lambda: pwm.duty_u16(65536))
show(lambda: pwm.duty_ns(-1))
show(lambda: pwm.duty_ns(2_000_000))
show(lambda: pwm.init(duty_u16=1, duty_ns=1))
show(lambda: PWM(("px-pwm-sim.0", 2), 1000))
show(lambda: PWM(5))
print(pwm.freq(), pwm.duty_u16())
pwm.deinit()
# a channel without a period yet (channel 1 of px-pwm-sim.1 is first used
# here in the bench's boot): nothing is enabled until a freq comes
fresh = PWM(("px-pwm-sim.1", 1), duty_u16=16384, invert=True)
print(fresh, fresh.freq())
fresh.freq(100)
print(fresh, fresh.duty_u16())
fresh.deinit()
