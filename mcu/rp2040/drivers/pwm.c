/* PWM slices. Levels are compared with the counter: the output is high
 * while counter < level, so level top+1 is 100% and 0 is 0%. */
#include "pwm.h"

#include "reg.h"

#define DIV16_MAX 4095u /* DIV.INT 255, DIV.FRAC 15 */

static uint32_t slice_reg(unsigned slice, uint32_t off) {
    return RP_PWM_BASE + RP_PWM_SLICE(slice) + off;
}

bool rp_pwm_period_of_freq(uint32_t clk_hz, uint32_t freq, rp_pwm_period *p) {
    if (freq == 0 || freq > clk_hz / 2) {
        return false;
    }
    uint64_t c16 = (uint64_t)clk_hz * 16 / freq; /* counts per period, in 1/16 */
    /* at most 65535 counts (top 65534), so that the level of 100%, top+1,
     * fits the 16-bit compare field */
    uint64_t div16 = (c16 + 65534) / 65535; /* smallest divider that fits */
    if (div16 < 16) {
        div16 = 16;
    }
    if (div16 > DIV16_MAX) {
        return false;
    }
    uint64_t counts = (c16 + div16 / 2) / div16;
    if (counts > 65535) {
        counts = 65535;
    }
    p->div16 = (uint32_t)div16;
    p->top = (uint32_t)counts - 1;
    return true;
}

uint32_t rp_pwm_freq(uint32_t clk_hz, const rp_pwm_period *p) {
    uint64_t den = (uint64_t)p->div16 * (p->top + 1);
    return (uint32_t)(((uint64_t)clk_hz * 16 + den / 2) / den);
}

uint32_t rp_pwm_level_of_u16(const rp_pwm_period *p, uint32_t duty_u16) {
    return (uint32_t)(((uint64_t)duty_u16 * (p->top + 1) + 32767) / 65535);
}

uint32_t rp_pwm_u16_of_level(const rp_pwm_period *p, uint32_t level) {
    uint64_t n = p->top + 1;
    return (uint32_t)(((uint64_t)level * 65535 + n / 2) / n);
}

uint32_t rp_pwm_level_of_ns(uint32_t clk_hz, const rp_pwm_period *p, uint64_t ns) {
    /* level = ns * clk / (div16 / 16) / 1e9; ns < 2^35 here (< 1 period) */
    uint64_t den = (uint64_t)p->div16 * 1000000000u;
    uint64_t level = (ns * clk_hz * 16 + den / 2) / den;
    return level > p->top + 1 ? p->top + 1 : (uint32_t)level;
}

uint64_t rp_pwm_ns_of_level(uint32_t clk_hz, const rp_pwm_period *p, uint32_t level) {
    uint64_t num = (uint64_t)level * p->div16 * 1000000000u;
    uint64_t den = (uint64_t)clk_hz * 16;
    return (num + den / 2) / den;
}

void rp_pwm_get_period(unsigned slice, rp_pwm_period *p) {
    p->div16 = rp_reg_read(slice_reg(slice, RP_PWM_DIV)) & 0xfffu;
    p->top = rp_reg_read(slice_reg(slice, RP_PWM_TOP)) & 0xffffu;
}

static uint32_t rescale(uint32_t level, uint32_t old_n, uint32_t new_n) {
    return (uint32_t)(((uint64_t)level * new_n + old_n / 2) / old_n);
}

void rp_pwm_set_period(unsigned slice, const rp_pwm_period *p) {
    rp_pwm_period old;
    rp_pwm_get_period(slice, &old);
    uint32_t cc = rp_reg_read(slice_reg(slice, RP_PWM_CC));
    uint32_t a = rescale(cc & 0xffffu, old.top + 1, p->top + 1);
    uint32_t b = rescale(cc >> 16, old.top + 1, p->top + 1);
    rp_reg_write(slice_reg(slice, RP_PWM_DIV), p->div16);
    rp_reg_write(slice_reg(slice, RP_PWM_TOP), p->top);
    rp_reg_write(slice_reg(slice, RP_PWM_CC), (a > 0xffffu ? 0xffffu : a) | (b > 0xffffu ? 0xffffu : b) << 16);
}

void rp_pwm_set_level(unsigned slice, unsigned channel, uint32_t level) {
    if (level > 0xffffu) {
        level = 0xffffu;
    }
    uint32_t shift = channel ? 16u : 0u;
    rp_reg_field(slice_reg(slice, RP_PWM_CC), 0xffffu << shift, level << shift);
}

uint32_t rp_pwm_get_level(unsigned slice, unsigned channel) {
    return rp_reg_read(slice_reg(slice, RP_PWM_CC)) >> (channel ? 16u : 0u) & 0xffffu;
}

void rp_pwm_set_invert(unsigned slice, unsigned channel, bool invert) {
    uint32_t bit = channel ? RP_PWM_CSR_B_INV : RP_PWM_CSR_A_INV;
    rp_reg_field(slice_reg(slice, RP_PWM_CSR), bit, invert ? bit : 0);
}

bool rp_pwm_get_invert(unsigned slice, unsigned channel) {
    return (rp_reg_read(slice_reg(slice, RP_PWM_CSR)) & (channel ? RP_PWM_CSR_B_INV : RP_PWM_CSR_A_INV)) != 0;
}

void rp_pwm_enable(unsigned slice, bool on) {
    rp_reg_field(slice_reg(slice, RP_PWM_CSR), RP_PWM_CSR_EN, on ? RP_PWM_CSR_EN : 0);
}
