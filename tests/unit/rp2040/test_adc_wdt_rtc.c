/* ADC, watchdog and RTC register logic against the register model. */
#include <check.h>
#include <stdlib.h>

#include "adc.h"
#include "busmodels.h"
#include "clocks.h"
#include "reg.h"
#include "regmodel.h"
#include "rtc.h"
#include "watchdog.h"
#include "../check_run.h"

#define PLL_PWR_RESET 0x2du /* PD, DSMPD, POSTDIVPD, VCOPD */

static void setup(void) {
    rm_reset();
    rm_put(RP_RESETS_BASE + RP_RESETS_RESET, 0x1ffffffu); /* every block in reset, as from power-on */
    rm_put(RP_PLL_USB_BASE + RP_PLL_PWR, PLL_PWR_RESET);
    rm_put(RP_PADS_BANK0_BASE + RP_PADS_GPIO(26), 0x56u);
    busmodel_adc_attach();
    busmodel_rtc_attach();
}

/* ---- clocks from PLL_USB */

START_TEST(test_aux_clock_starts_usb_pll_once) {
    rp_clocks_start_aux(RP_CLK_ADC, 1);
    /* PLL_USB: 12 MHz * 120 = 1440 MHz / 6 / 5 = 48 MHz (the highest VCO), out of reset first */
    ck_assert_uint_eq(rm_get(RP_RESETS_BASE + RP_RESETS_RESET) & RP_RESET_PLL_USB, 0);
    ck_assert_uint_eq(rm_get(RP_PLL_USB_BASE + RP_PLL_FBDIV_INT), 120);
    ck_assert_uint_eq(rm_get(RP_PLL_USB_BASE + RP_PLL_PRIM), 6u << 16 | 5u << 12);
    ck_assert_uint_eq(rm_get(RP_PLL_USB_BASE + RP_PLL_PWR) & (RP_PLL_PWR_PD | RP_PLL_PWR_VCOPD | RP_PLL_PWR_POSTDIVPD), 0);
    /* clk_adc: divider written before the enable */
    const uint32_t adc = RP_CLOCKS_BASE + RP_CLK_ADC;
    long div = rm_find_write(adc + RP_CLK_DIV, 0), ctrl = rm_find_write(adc + RP_CLK_CTRL, 0);
    ck_assert(div >= 0 && ctrl > div);
    ck_assert_uint_eq(rm_get(adc + RP_CLK_DIV), 1u << 8);
    ck_assert_uint_eq(rm_get(adc + RP_CLK_CTRL), RP_CLK_AUX_ENABLE); /* AUXSRC 0: pll_usb */
    /* a second clock leaves the running PLL alone */
    size_t fb = rm_writes_to(RP_PLL_USB_BASE + RP_PLL_FBDIV_INT);
    rp_clocks_start_aux(RP_CLK_RTC, RP_RTC_CLK_DIV);
    ck_assert_uint_eq(rm_writes_to(RP_PLL_USB_BASE + RP_PLL_FBDIV_INT), fb);
    ck_assert_uint_eq(rm_get(RP_CLOCKS_BASE + RP_CLK_RTC + RP_CLK_DIV), 1024u << 8);
}
END_TEST

/* ---- ADC */

START_TEST(test_adc_init_and_read) {
    rp_adc_init();
    ck_assert_uint_eq(rm_get(RP_RESETS_BASE + RP_RESETS_RESET) & RP_RESET_ADC, 0);
    ck_assert_uint_eq(rm_get(RP_CLOCKS_BASE + RP_CLK_ADC + RP_CLK_CTRL), RP_CLK_AUX_ENABLE);
    ck_assert_uint_eq(rm_get(RP_ADC_BASE + RP_ADC_CS) & RP_ADC_CS_EN, RP_ADC_CS_EN);
    size_t writes = rm_write_count();
    rp_adc_init(); /* enabled already: nothing */
    ck_assert_uint_eq(rm_write_count(), writes);

    adc_dev.input[2] = 0xabc;
    adc_dev.input[4] = 876;
    uint16_t raw = 0;
    ck_assert(rp_adc_read(2, &raw));
    ck_assert_uint_eq(raw, 0xabc);
    ck_assert_uint_eq(adc_dev.last_input, 2);
    ck_assert(!adc_dev.ts_on);
    ck_assert(rp_adc_read(4, &raw)); /* the temperature sensor: powered for it */
    ck_assert_uint_eq(raw, 876);
    ck_assert_uint_eq(adc_dev.last_input, 4);
    ck_assert(adc_dev.ts_on);
    ck_assert(rp_adc_read(0, &raw));
    ck_assert(!adc_dev.ts_on);
    ck_assert_uint_eq(adc_dev.conversions, 3);
    adc_dev.fail = true;
    ck_assert(!rp_adc_read(1, &raw));
}
END_TEST

START_TEST(test_adc_gpio) {
    rp_adc_gpio(26);
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(26)), RP_GPIO_FUNC_NULL);
    uint32_t pad = rm_get(RP_PADS_BANK0_BASE + RP_PADS_GPIO(26));
    ck_assert_uint_eq(pad & (RP_PAD_IE | RP_PAD_PUE | RP_PAD_PDE), 0);
    ck_assert_uint_eq(pad & RP_PAD_OD, RP_PAD_OD);
    ck_assert_uint_eq(pad & RP_PAD_SCHMITT, RP_PAD_SCHMITT); /* the rest kept */
}
END_TEST

/* ---- watchdog */

START_TEST(test_watchdog_start_and_feed) {
    rm_put(RP_WATCHDOG_BASE + RP_WATCHDOG_CTRL, RP_WATCHDOG_CTRL_ENABLE | 123);
    rp_watchdog_start(2000);
    const uint32_t ctrl = RP_WATCHDOG_BASE + RP_WATCHDOG_CTRL, load = RP_WATCHDOG_BASE + RP_WATCHDOG_LOAD;
    /* disabled first, then the reset selection and the count, enabled last */
    long off = rm_find_write(ctrl + RP_ALIAS_CLR, 0), sel = rm_find_write(RP_PSM_BASE + RP_PSM_WDSEL, 0);
    long ld = rm_find_write(load, 0), on = rm_find_write(ctrl + RP_ALIAS_SET, (size_t)ld);
    ck_assert(off >= 0 && sel > off && ld > sel && on > ld);
    ck_assert_uint_eq(rm_write_at((size_t)off)->value, RP_WATCHDOG_CTRL_ENABLE);
    ck_assert_uint_eq(rm_get(RP_PSM_BASE + RP_PSM_WDSEL), 0x1fffcu); /* not ROSC, XOSC */
    ck_assert_uint_eq(rm_get(load), 4000000u); /* 2 s of 1 us ticks, counted twice (RP2040-E1) */
    uint32_t c = rm_get(ctrl);
    ck_assert_uint_eq(c & RP_WATCHDOG_CTRL_ENABLE, RP_WATCHDOG_CTRL_ENABLE);
    ck_assert_uint_eq(c & (RP_WATCHDOG_CTRL_PAUSE_JTAG | RP_WATCHDOG_CTRL_PAUSE_DBG0 | RP_WATCHDOG_CTRL_PAUSE_DBG1),
                      RP_WATCHDOG_CTRL_PAUSE_JTAG | RP_WATCHDOG_CTRL_PAUSE_DBG0 | RP_WATCHDOG_CTRL_PAUSE_DBG1);
    size_t before = rm_writes_to(load);
    rp_watchdog_feed();
    ck_assert_uint_eq(rm_writes_to(load), before + 1);
    ck_assert_uint_eq(rm_get(load), 4000000u);
    /* the longest timeout fits the 24-bit counter */
    rp_watchdog_start(RP_WATCHDOG_MAX_MS);
    ck_assert_uint_le(rm_get(load), RP_WATCHDOG_LOAD_MAX);
    ck_assert_uint_eq(RP_WATCHDOG_MAX_MS, 8388);
}
END_TEST

START_TEST(test_watchdog_reason) {
    ck_assert(!rp_watchdog_caused_reset());
    rm_put(RP_WATCHDOG_BASE + RP_WATCHDOG_REASON, RP_WATCHDOG_REASON_TIMER);
    ck_assert(rp_watchdog_caused_reset());
    rm_put(RP_WATCHDOG_BASE + RP_WATCHDOG_REASON, RP_WATCHDOG_REASON_FORCE);
    ck_assert(rp_watchdog_caused_reset());
}
END_TEST

/* ---- RTC */

START_TEST(test_rtc_set_and_get) {
    ck_assert(!rp_rtc_running());
    rp_rtc_time t = {2026, 12, 7, 1, 20, 45, 9};
    rp_rtc_set(&t);
    ck_assert(rp_rtc_running());
    ck_assert_uint_eq(rm_get(RP_RESETS_BASE + RP_RESETS_RESET) & RP_RESET_RTC, 0);
    ck_assert_uint_eq(rm_get(RP_RTC_BASE + RP_RTC_CLKDIV_M1), 46874); /* 48 MHz / 1024 - 1 */
    ck_assert_uint_eq(rm_get(RP_CLOCKS_BASE + RP_CLK_RTC + RP_CLK_DIV), 1024u << 8);
    ck_assert_uint_eq(rm_get(RP_RTC_BASE + RP_RTC_SETUP_0), 2026u << 12 | 12u << 8 | 7u);
    ck_assert_uint_eq(rm_get(RP_RTC_BASE + RP_RTC_SETUP_1), 1u << 24 | 20u << 16 | 45u << 8 | 9u);
    ck_assert_uint_eq(rtc_dev.loads, 1);
    rp_rtc_time g;
    rp_rtc_get(&g);
    ck_assert_uint_eq(g.year, 2026);
    ck_assert_uint_eq(g.month, 12);
    ck_assert_uint_eq(g.day, 7);
    ck_assert_uint_eq(g.dotw, 1);
    ck_assert_uint_eq(g.hour, 20);
    ck_assert_uint_eq(g.min, 45);
    ck_assert_uint_eq(g.sec, 9);
    /* RTC_0 is read first: it holds RTC_1 for the pair */
    /* (the model serves both as stored; the order is the driver's) */
    /* a second set reloads without restarting the block */
    size_t resets = rm_writes_to(RP_RESETS_BASE + RP_RESETS_RESET + RP_ALIAS_SET);
    rm_put(RP_RTC_BASE + RP_RTC_RTC_0, 59u); /* time passed */
    t.sec = 30;
    rp_rtc_set(&t);
    ck_assert_uint_eq(rm_writes_to(RP_RESETS_BASE + RP_RESETS_RESET + RP_ALIAS_SET), resets);
    ck_assert_uint_eq(rtc_dev.loads, 2);
    rp_rtc_get(&g);
    ck_assert_uint_eq(g.sec, 30);
}
END_TEST

int main(void) {
    Suite *s = suite_create("rp2040_adc_wdt_rtc");
    TCase *tc = tcase_create("drivers");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_aux_clock_starts_usb_pll_once);
    tcase_add_test(tc, test_adc_init_and_read);
    tcase_add_test(tc, test_adc_gpio);
    tcase_add_test(tc, test_watchdog_start_and_feed);
    tcase_add_test(tc, test_watchdog_reason);
    tcase_add_test(tc, test_rtc_set_and_get);
    suite_add_tcase(s, tc);
    return px_check_run(s, false);
}
