/* GPIO, PWM and TIMER register logic against the register model. */
#include <check.h>
#include <stdlib.h>

#include "gpio.h"
#include "pwm.h"
#include "reg.h"
#include "regmodel.h"
#include "timer.h"
#include "../check_run.h"

static void setup(void) {
    rm_reset();
    for (unsigned p = 0; p < RP_GPIO_COUNT; p++) {
        rm_put(RP_PADS_BANK0_BASE + RP_PADS_GPIO(p), 0x56u); /* reset: IE, 4 mA, pull-down, Schmitt */
        rm_put(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(p), RP_GPIO_FUNC_NULL);
    }
}

/* ---- GPIO */

START_TEST(test_gpio_function_and_pulls) {
    rp_gpio_init(25);
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(25)), RP_GPIO_FUNC_SIO);
    ck_assert_uint_eq(rm_get(RP_PADS_BANK0_BASE + RP_PADS_GPIO(25)), 0x56u); /* IE kept, OD off */
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OE) >> 25 & 1, 0);
    rp_gpio_set_pulls(25, true, false);
    ck_assert_uint_eq(rm_get(RP_PADS_BANK0_BASE + RP_PADS_GPIO(25)), (0x56u & ~RP_PAD_PDE) | RP_PAD_PUE);
    rp_gpio_set_pulls(25, false, false);
    ck_assert_uint_eq(rm_get(RP_PADS_BANK0_BASE + RP_PADS_GPIO(25)) & (RP_PAD_PUE | RP_PAD_PDE), 0);
    /* the pad of another pin is untouched */
    ck_assert_uint_eq(rm_get(RP_PADS_BANK0_BASE + RP_PADS_GPIO(24)), 0x56u);
    rp_gpio_set_function(4, RP_GPIO_FUNC_I2C);
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(4)), RP_GPIO_FUNC_I2C);
}
END_TEST

START_TEST(test_gpio_push_pull_and_open_drain) {
    rp_gpio_init(3);
    rp_gpio_output(3, false, 1);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OUT), 1u << 3);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OE), 1u << 3);
    rp_gpio_output(3, false, 0);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OUT), 0);
    /* open drain: 1 floats (not driven), 0 drives low */
    rp_gpio_output(3, true, 1);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OE), 0);
    rp_gpio_output(3, true, 0);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OE), 1u << 3);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OUT), 0);
    rp_gpio_input(3);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OE), 0);
    rm_put(RP_SIO_BASE + RP_SIO_GPIO_IN, 1u << 3 | 1u << 7);
    ck_assert_int_eq(rp_gpio_get(3), 1);
    ck_assert_int_eq(rp_gpio_get(4), 0);
    /* SIO is written through its SET/CLR registers only: no read-modify-write */
    ck_assert_uint_eq(rm_writes_to(RP_SIO_BASE + RP_SIO_GPIO_OUT), 0);
    ck_assert_uint_eq(rm_writes_to(RP_SIO_BASE + RP_SIO_GPIO_OE), 0);
}
END_TEST

START_TEST(test_gpio_trigger_events) {
    ck_assert_uint_eq(rp_gpio_events_of_trigger(1), RP_GPIO_EV_EDGE_HIGH);
    ck_assert_uint_eq(rp_gpio_events_of_trigger(2), RP_GPIO_EV_EDGE_LOW);
    ck_assert_uint_eq(rp_gpio_events_of_trigger(4), RP_GPIO_EV_LEVEL_LOW);
    ck_assert_uint_eq(rp_gpio_events_of_trigger(8), RP_GPIO_EV_LEVEL_HIGH);
    for (unsigned t = 0; t < 16; t++) {
        ck_assert_uint_eq(rp_gpio_trigger_of_events(rp_gpio_events_of_trigger(t)), t);
    }
}
END_TEST

START_TEST(test_gpio_irq_enable) {
    rm_put(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0 + 4, 0x0000f000u); /* pin 11 enabled before */
    rp_gpio_irq_set(10, RP_GPIO_EV_EDGE_HIGH | RP_GPIO_EV_EDGE_LOW);
    /* pin 10 is word 1, nibble 2; pin 11's nibble is kept */
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0 + 4), 0x0000fc00u);
    /* stale edges of pin 10 cleared first (write 1 to clear) */
    long clr = rm_find_write(RP_IO_BANK0_BASE + RP_IO_INTR0 + 4, 0);
    ck_assert(clr >= 0);
    ck_assert_uint_eq(rm_write_at((size_t)clr)->value, 0xcu << 8);
    rp_gpio_irq_set(10, 0);
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0 + 4), 0x0000f000u);
}
END_TEST

static unsigned seen_pin[8], seen_ev[8], nseen;
static void record(unsigned pin, uint32_t ev, void *ctx) {
    seen_pin[nseen] = pin;
    seen_ev[nseen++] = ev;
}

START_TEST(test_gpio_irq_service) {
    nseen = 0;
    /* pin 2: rising edge; pin 29: falling edge and low level; pin 9: high level */
    rm_put(RP_IO_BANK0_BASE + RP_IO_PROC0_INTS0 + 0, 0x8u << 8);
    rm_put(RP_IO_BANK0_BASE + RP_IO_PROC0_INTS0 + 4, 0x2u << 4);
    rm_put(RP_IO_BANK0_BASE + RP_IO_PROC0_INTS0 + 12, 0x5u << 20);
    rp_gpio_irq_service(record, NULL);
    ck_assert_uint_eq(nseen, 3);
    ck_assert_uint_eq(seen_pin[0], 2);
    ck_assert_uint_eq(seen_ev[0], RP_GPIO_EV_EDGE_HIGH);
    ck_assert_uint_eq(seen_pin[1], 9);
    ck_assert_uint_eq(seen_ev[1], RP_GPIO_EV_LEVEL_HIGH);
    ck_assert_uint_eq(seen_pin[2], 29);
    ck_assert_uint_eq(seen_ev[2], RP_GPIO_EV_EDGE_LOW | RP_GPIO_EV_LEVEL_LOW);
    /* edges acknowledged in INTR (only the edge bits: levels cannot be) */
    ck_assert_uint_eq(rm_write_at((size_t)rm_find_write(RP_IO_BANK0_BASE + RP_IO_INTR0, 0))->value, 0x8u << 8);
    ck_assert_uint_eq(rm_write_at((size_t)rm_find_write(RP_IO_BANK0_BASE + RP_IO_INTR0 + 12, 0))->value, 0x4u << 20);
    ck_assert_int_lt(rm_find_write(RP_IO_BANK0_BASE + RP_IO_INTR0 + 4, 0), 0);
}
END_TEST

/* ---- PWM */

START_TEST(test_pwm_slice_channel) {
    ck_assert_uint_eq(rp_pwm_slice(0), 0);
    ck_assert_uint_eq(rp_pwm_channel(0), 0);
    ck_assert_uint_eq(rp_pwm_slice(15), 7);
    ck_assert_uint_eq(rp_pwm_channel(15), 1);
    ck_assert_uint_eq(rp_pwm_slice(16), 0); /* GPIO 16..29 wrap onto the slices again */
    ck_assert_uint_eq(rp_pwm_slice(25), 4);
    ck_assert_uint_eq(rp_pwm_channel(25), 1);
}
END_TEST

START_TEST(test_pwm_period) {
    rp_pwm_period p;
    ck_assert(rp_pwm_period_of_freq(125000000, 1000, &p));
    ck_assert_uint_eq(p.div16, 31); /* 1.9375 */
    ck_assert_uint_eq(p.top, 64515);
    ck_assert_uint_eq(rp_pwm_freq(125000000, &p), 1000);
    ck_assert(rp_pwm_period_of_freq(125000000, 50, &p)); /* servo */
    ck_assert_uint_le(p.top, 65534);
    ck_assert_uint_eq(rp_pwm_freq(125000000, &p), 50);
    ck_assert(rp_pwm_period_of_freq(125000000, 10000000, &p)); /* no division needed */
    ck_assert_uint_eq(p.div16, 16);
    ck_assert_uint_eq(p.top, 12); /* 12.5 counts, rounded up */
    ck_assert(rp_pwm_period_of_freq(125000000, 62500000, &p));
    ck_assert_uint_eq(p.top, 1);
    ck_assert(!rp_pwm_period_of_freq(125000000, 62500001, &p));
    ck_assert(rp_pwm_period_of_freq(125000000, 8, &p)); /* the lowest: 125e6*16 / (4095*65535) = 7.45 */
    ck_assert(!rp_pwm_period_of_freq(125000000, 7, &p));
    ck_assert(!rp_pwm_period_of_freq(125000000, 0, &p));
}
END_TEST

START_TEST(test_pwm_levels) {
    rp_pwm_period p = {31, 64515}; /* 1 kHz */
    ck_assert_uint_eq(rp_pwm_level_of_u16(&p, 0), 0);
    ck_assert_uint_eq(rp_pwm_level_of_u16(&p, 65535), 64516); /* always high */
    ck_assert_uint_eq(rp_pwm_level_of_u16(&p, 32768), 32258);
    ck_assert_uint_eq(rp_pwm_u16_of_level(&p, 32258), 32768); /* 32767.6 */
    ck_assert_uint_eq(rp_pwm_u16_of_level(&p, 64516), 65535);
    /* 250 us of a 1 ms period: a quarter */
    ck_assert_uint_eq(rp_pwm_level_of_ns(125000000, &p, 250000), 16129);
    ck_assert_uint_eq(rp_pwm_ns_of_level(125000000, &p, 16129), 250000); /* 249999.5 */
    ck_assert_uint_eq(rp_pwm_level_of_ns(125000000, &p, 5000000), 64516); /* clamped to the period */
}
END_TEST

START_TEST(test_pwm_registers) {
    const uint32_t s3 = RP_PWM_BASE + RP_PWM_SLICE(3);
    rm_put(s3 + RP_PWM_DIV, 16);
    rm_put(s3 + RP_PWM_TOP, 999);
    rm_put(s3 + RP_PWM_CC, 250u | 750u << 16); /* A 25%, B 75% */
    rp_pwm_period p = {32, 1999};
    rp_pwm_set_period(3, &p);
    ck_assert_uint_eq(rm_get(s3 + RP_PWM_DIV), 32);
    ck_assert_uint_eq(rm_get(s3 + RP_PWM_TOP), 1999);
    ck_assert_uint_eq(rm_get(s3 + RP_PWM_CC), 500u | 1500u << 16); /* both keep their ratio */
    rp_pwm_get_period(3, &p);
    ck_assert_uint_eq(p.div16, 32);
    rp_pwm_set_level(3, 1, 1234);
    ck_assert_uint_eq(rm_get(s3 + RP_PWM_CC), 500u | 1234u << 16);
    ck_assert_uint_eq(rp_pwm_get_level(3, 0), 500);
    rp_pwm_set_invert(3, 1, true);
    rp_pwm_enable(3, true);
    ck_assert_uint_eq(rm_get(s3 + RP_PWM_CSR), RP_PWM_CSR_B_INV | RP_PWM_CSR_EN);
    ck_assert(rp_pwm_get_invert(3, 1));
    ck_assert(!rp_pwm_get_invert(3, 0));
    rp_pwm_set_invert(3, 1, false);
    ck_assert_uint_eq(rm_get(s3 + RP_PWM_CSR), RP_PWM_CSR_EN);
    /* CC and CSR change through the XOR alias: the other channel's bits
     * are never written back from a stale read */
    ck_assert_uint_eq(rm_writes_to(s3 + RP_PWM_CSR), 0);
    ck_assert_uint_ge(rm_writes_to(s3 + RP_ALIAS_XOR + RP_PWM_CC), 1);
}
END_TEST

/* ---- TIMER */

static uint32_t rawh_reads;
static uint32_t rolling_rawh(uint32_t addr, void *ctx) {
    /* the low word wraps between the first and second read of the high word */
    rawh_reads++;
    return rawh_reads == 1 ? 4 : 5;
}
static uint32_t rolling_rawl(uint32_t addr, void *ctx) {
    return rawh_reads == 1 ? 0xffffffffu : 3;
}

START_TEST(test_timer_now) {
    rm_set_now(0x123456789abull);
    ck_assert_uint_eq(rp_timer_now(), 0x123456789abull);
    rawh_reads = 0;
    rm_hook(RP_TIMER_BASE + RP_TIMER_RAWH, rolling_rawh, NULL, NULL);
    rm_hook(RP_TIMER_BASE + RP_TIMER_RAWL, rolling_rawl, NULL, NULL);
    ck_assert_uint_eq(rp_timer_now(), 5ull << 32 | 3); /* never 5:ffffffff or 4:3 */
}
END_TEST

START_TEST(test_timer_arm) {
    rm_set_now(0x100000000ull + 1000);
    ck_assert(rp_timer_arm(2, 0x100000000ull + 5000));
    ck_assert_uint_eq(rm_get(RP_TIMER_BASE + RP_TIMER_ALARM(2)), 5000);
    ck_assert_uint_eq(rm_get(RP_TIMER_BASE + RP_TIMER_INTE), 1u << 2);
    ck_assert_uint_eq(rm_writes_to(RP_TIMER_BASE + RP_TIMER_ARMED), 0);
    /* an instant already passed: disarmed, and the caller is told */
    ck_assert(!rp_timer_arm(1, 0x100000000ull + 999));
    long disarm = rm_find_write(RP_TIMER_BASE + RP_TIMER_ARMED, 0);
    ck_assert(disarm >= 0);
    ck_assert_uint_eq(rm_write_at((size_t)disarm)->value, 1u << 1);
    ck_assert_uint_eq(rm_write_at((size_t)disarm + 1)->value, 1u << 1); /* and its interrupt cleared */
    size_t before = rm_write_count();
    rp_timer_ack(2);
    long ack = rm_find_write(RP_TIMER_BASE + RP_TIMER_INTR, before);
    ck_assert(ack >= 0);
    ck_assert_uint_eq(rm_write_at((size_t)ack)->value, 1u << 2);
}
END_TEST

int main(void) {
    Suite *s = suite_create("rp2040_gpio_pwm_timer");
    TCase *tc = tcase_create("drivers");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_gpio_function_and_pulls);
    tcase_add_test(tc, test_gpio_push_pull_and_open_drain);
    tcase_add_test(tc, test_gpio_trigger_events);
    tcase_add_test(tc, test_gpio_irq_enable);
    tcase_add_test(tc, test_gpio_irq_service);
    tcase_add_test(tc, test_pwm_slice_channel);
    tcase_add_test(tc, test_pwm_period);
    tcase_add_test(tc, test_pwm_levels);
    tcase_add_test(tc, test_pwm_registers);
    tcase_add_test(tc, test_timer_now);
    tcase_add_test(tc, test_timer_arm);
    suite_add_tcase(s, tc);
    return px_check_run(s, false);
}
