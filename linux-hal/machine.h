/* The classes of the machine module on Linux besides Pin and Signal
 * (machine_pin.h), each in its own file. */
#ifndef PX_MACHINE_H
#define PX_MACHINE_H

#include "runtime.h"

extern const px_type px_type_i2c; /* machine_i2c.c: I2C on i2c-dev */
extern const px_type px_type_spi; /* machine_spi.c: SPI on spidev */
extern const px_type px_type_pwm; /* machine_pwm.c: PWM on /sys/class/pwm */
extern const px_type px_type_uart; /* machine_uart.c: UART on a tty */
extern const px_type px_type_timer; /* machine_timer.c: virtual timers on timerfd */
extern const px_type px_type_wdt;   /* machine_wdt.c: the watchdog device */
extern const px_type px_type_adc;   /* machine_adc.c: ADC on IIO sysfs */
extern const px_type px_type_rtc;   /* machine_rtc_api.c over machine_rtc.c: the system clock */

extern const px_builtin px_machine_time_pulse_us_obj; /* machine_pulse.c */
/* machine_power.c: sleeps and resets */
extern const px_builtin px_machine_lightsleep_obj, px_machine_deepsleep_obj, px_machine_reset_obj,
    px_machine_soft_reset_obj, px_machine_reset_cause_obj;

#endif
