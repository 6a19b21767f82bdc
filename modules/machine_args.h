/* Argument handling that every port's machine module shares, so that a
 * script sees the same values, defaults and error messages on a Linux
 * board and on a microcontroller: what a Pin mode or pull is, I2C
 * addresses and memory addresses, PWM frequencies and duty cycles, Timer
 * periods, SPI settings and LSB-first bit order. What only one port can
 * check (a chip's channel count, a clock's range) stays in that port. */
#ifndef PX_MACHINE_ARGS_H
#define PX_MACHINE_ARGS_H

#include "runtime.h"

/* Pin.IN etc.: the values are ours (MicroPython's differ per port). */
enum { PX_PIN_IN = 0, PX_PIN_OUT = 1, PX_PIN_OPEN_DRAIN = 2, PX_PIN_ASIS = -1 };
enum { PX_PIN_PULL_NONE = 0, PX_PIN_PULL_UP = 1, PX_PIN_PULL_DOWN = 2, PX_PIN_PULL_KEEP = -1 };
enum {
    PX_PIN_IRQ_RISING = 1,
    PX_PIN_IRQ_FALLING = 2,
    PX_PIN_IRQ_LOW_LEVEL = 4,
    PX_PIN_IRQ_HIGH_LEVEL = 8,
};
enum { PX_TIMER_ONE_SHOT = 0, PX_TIMER_PERIODIC = 1 };
enum { PX_SPI_MSB = 0, PX_SPI_LSB = 1 };

/* The port's machine.Pin type (its machine module defines this), which
 * Signal makes and drives; and Signal itself (machine_signal.c), for
 * every port's machine module to list. */
extern const px_type *const px_machine_pin_type;
extern const px_type px_type_signal;

/* OSError(err, message): our message naming the device and what to do. */
PX_NORETURN void px_machine_raise_os(int err, const char *fmt, ...) PX_PRINTF(2, 3);

/* Pin mode / pull arguments: PX_UNSET or -1 mean "as is" (ASIS, KEEP);
 * None is no pull. ValueError for anything else unknown. */
int px_machine_pin_mode(px_val v);
int px_machine_pin_pull(px_val v);

/* Pin.irq(handler=None, trigger=<both edges>, *, priority=1, wake=None,
 * hard=False, <the port's own keywords, `extra`>): the handler (None or
 * a callable) and trigger (PX_PIN_IRQ_* bits; with no trigger given, both
 * edges for a handler, none for None), checked against the ones the port
 * detects (`levels_refused`, the port's reason, when it has no level
 * triggers); `port` names the port in the refusal of wake=. The extra
 * keywords' values go to extra_out (their defaults when not given). */
#define PX_PIN_IRQ_EXTRA_MAX 4
typedef struct {
    px_val handler;
    unsigned trigger;
    bool hard;
} px_pin_irq_args;
void px_machine_pin_irq_args(size_t argc, const px_val *argv, px_val kwnames, const px_argspec *extra,
                             size_t nextra, px_val *extra_out, const char *levels_refused, const char *port,
                             px_pin_irq_args *out);

/* A 7-bit I2C address (ValueError outside 0..0x7f). */
uint16_t px_machine_i2c_addr(px_val v);
/* The bytes of memaddr for addrsize (8, 16, 24 or 32 bits), most
 * significant first; returns their count. */
size_t px_machine_i2c_memaddr(px_val memaddr, px_val addrsize, uint8_t out[4]);
/* A non-negative byte count. */
size_t px_machine_nbytes(px_val v);

/* PWM: freq 1..1000000000 Hz, duty_u16 0..65535, duty_ns >= 0. */
uint32_t px_machine_pwm_freq(px_val v);
uint32_t px_machine_pwm_duty_u16(px_val v);
uint64_t px_machine_pwm_duty_ns(px_val v);

/* Timer: mode (ONE_SHOT or PERIODIC), and the period in ns from freq (Hz,
 * may be a float; it wins when given) or period in ticks of tick_hz. */
int px_machine_timer_mode(px_val v);
uint64_t px_machine_timer_period_ns(px_val freq, px_val period, px_val tick_hz);

/* WDT(id=0, timeout=5000): the id (0..999) and the timeout in ms (> 0). */
void px_machine_wdt_args(size_t argc, const px_val *argv, px_val kwnames, px_int *id, int64_t *timeout_ms);

/* ADC(id, *, sample_ns=None, atten=None, bits=None) after the id, and
 * init(...): the three settings, PX_NONE when not given; bits is checked
 * to be 1..32. */
enum { PX_ADC_SAMPLE_NS, PX_ADC_ATTEN, PX_ADC_BITS, PX_ADC__COUNT };
void px_machine_adc_args(px_qid func, size_t argc, const px_val *argv, px_val kwnames, px_val a[PX_ADC__COUNT]);
/* A reading of `bits` bits scaled to 0..65535 (rounded; clamped to the
 * range). */
uint32_t px_machine_adc_u16(int64_t raw, unsigned bits);

/* An integer setting in [lo, hi] (64-bit: a baudrate exceeds a 32-bit
 * build's small int), dflt when PX_UNSET. */
int64_t px_machine_setting(px_val v, int64_t dflt, int64_t lo, int64_t hi, const char *name);
/* Reverse the bit order of each `bits`-bit word of p (words of 1, 2 or
 * 4 bytes, native byte order): LSB-first on a controller that sends the
 * most significant bit first. */
void px_machine_reverse_words(uint8_t *p, size_t len, size_t word_size, unsigned bits);

#endif
