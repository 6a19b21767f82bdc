# The example of the PWM class documentation, on a pin the board file maps
# to a channel.
. ./pwm_helpers.inc
echo "pwm GPIO12 = px-pwm-sim.0 0" > /tmp/board
MICROPYTHON_BOARD=/tmp/board $MPY -c "
from machine import Pin, PWM
pin = Pin('GPIO12')
pwm = PWM(pin, freq=50, duty_u16=8192) # create a PWM object on a pin
                                       # and set freq 50 Hz and duty 12.5%
pwm.duty_u16(32768) # set duty to 50%
print(pwm)
# reinitialise with a period of 200us, duty of 5us
pwm.init(freq=5000, duty_ns=5000)
print(pwm)
pwm.duty_ns(3000) # set pulse width to 3us
print(pwm)
"
state px-pwm-sim.0 0
MICROPYTHON_BOARD=/tmp/board $MPY -c "
from machine import Pin, PWM
pwm = PWM(Pin('GPIO12'))  # the channel as it was left
print(pwm.freq(), pwm.duty_ns())
pwm.deinit()
"
state px-pwm-sim.0 0
