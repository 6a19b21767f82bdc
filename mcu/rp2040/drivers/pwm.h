/* PWM: 8 slices, each with a counter, a divider and two channels (A, B)
 * that share its frequency. GPIO n is slice (n / 2) % 8, channel n % 2. */
#ifndef RP_PWM_H
#define RP_PWM_H

#include <stdbool.h>
#include <stdint.h>

static inline unsigned rp_pwm_slice(unsigned pin) {
    return (pin >> 1) & 7u;
}
static inline unsigned rp_pwm_channel(unsigned pin) {
    return pin & 1u;
}

/* A slice's period: the counter runs 0..top, clocked at clk / (div16 / 16). */
typedef struct {
    uint32_t div16; /* 16..4095: DIV.INT * 16 + DIV.FRAC */
    uint32_t top;   /* 1..65534, so that the level top+1 fits 16 bits */
} rp_pwm_period;

/* The period closest to 1/freq with the finest duty resolution (the
 * smallest divider that lets the count fit in 16 bits); false if freq is
 * out of reach (above clk / 2, or below clk / (4095 / 16 * 65536)). */
bool rp_pwm_period_of_freq(uint32_t clk_hz, uint32_t freq, rp_pwm_period *p);
/* The frequency a period gives, rounded to a hertz. */
uint32_t rp_pwm_freq(uint32_t clk_hz, const rp_pwm_period *p);
/* Compare levels (0..top+1; top+1 is always high) for a duty cycle, and
 * back: as a 16-bit fraction (65535 = 100%), or as a pulse in ns. */
uint32_t rp_pwm_level_of_u16(const rp_pwm_period *p, uint32_t duty_u16);
uint32_t rp_pwm_u16_of_level(const rp_pwm_period *p, uint32_t level);
uint32_t rp_pwm_level_of_ns(uint32_t clk_hz, const rp_pwm_period *p, uint64_t ns);
uint64_t rp_pwm_ns_of_level(uint32_t clk_hz, const rp_pwm_period *p, uint32_t level);

/* The slice's period as set in its registers. */
void rp_pwm_get_period(unsigned slice, rp_pwm_period *p);
/* Set the slice's period; both channels keep their duty ratio. */
void rp_pwm_set_period(unsigned slice, const rp_pwm_period *p);
void rp_pwm_set_level(unsigned slice, unsigned channel, uint32_t level);
uint32_t rp_pwm_get_level(unsigned slice, unsigned channel);
void rp_pwm_set_invert(unsigned slice, unsigned channel, bool invert);
bool rp_pwm_get_invert(unsigned slice, unsigned channel);
void rp_pwm_enable(unsigned slice, bool on);

#endif
