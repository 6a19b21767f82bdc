/* The Pico's start-up against the register model: resets, the clock tree
 * (XOSC, PLL_SYS at 125 MHz, clk_sys, clk_peri, the timer tick) and the
 * console UART, checked register by register and in the order that the
 * datasheet requires. */
#include <check.h>
#include <stdlib.h>

#include "clocks.h"
#include "reg.h"
#include "regmodel.h"
#include "resets.h"
#include "uart.h"
#include "../check_run.h"

static void setup(void) {
    rm_reset();
    rm_put(RP_XOSC_BASE + RP_XOSC_CTRL, 0xd1eu << 12 | RP_XOSC_CTRL_FREQ_1_15MHZ); /* disabled */
    rm_put(RP_RESETS_BASE + RP_RESETS_RESET, 0x01ffffffu); /* everything in reset, as at power-on */
    rm_put(RP_PLL_SYS_BASE + RP_PLL_PWR, 0x2du);           /* powered down */
}

START_TEST(test_unreset_waits_done) {
    rp_unreset(RP_RESET_UART0 | RP_RESET_TIMER);
    ck_assert_uint_eq(rm_get(RP_RESETS_BASE + RP_RESETS_RESET), 0x01ffffffu & ~(RP_RESET_UART0 | RP_RESET_TIMER));
    /* through the CLR alias, not a read-modify-write */
    ck_assert_int_ge(rm_find_write(RP_RESETS_BASE + RP_ALIAS_CLR + RP_RESETS_RESET, 0), 0);
    ck_assert_uint_eq(rm_writes_to(RP_RESETS_BASE + RP_RESETS_RESET), 0);
    rp_reset_cycle(RP_RESET_PLL_SYS);
    long set = rm_find_write(RP_RESETS_BASE + RP_ALIAS_SET + RP_RESETS_RESET, 0);
    long clr = rm_find_write(RP_RESETS_BASE + RP_ALIAS_CLR + RP_RESETS_RESET, (size_t)set);
    ck_assert(set >= 0 && clr > set);
    ck_assert_uint_eq(rm_write_at((size_t)clr)->value, RP_RESET_PLL_SYS);
}
END_TEST

START_TEST(test_pll_find) {
    rp_pll_cfg c;
    ck_assert(rp_pll_find(12000000, 125000000, &c));
    ck_assert_uint_eq(c.refdiv, 1);
    ck_assert_uint_eq(c.fbdiv, 125); /* VCO 1500 MHz */
    ck_assert_uint_eq(c.postdiv1, 6);
    ck_assert_uint_eq(c.postdiv2, 2);
    ck_assert(rp_pll_find(12000000, 48000000, &c));
    ck_assert_uint_eq(12000000ull * c.fbdiv / (c.postdiv1 * c.postdiv2), 48000000);
    ck_assert_uint_ge(c.postdiv1, c.postdiv2);
    ck_assert(rp_pll_find(12000000, 133000000, &c)); /* 1596 MHz / 12 */
    ck_assert_uint_eq(c.fbdiv, 133);
    ck_assert(!rp_pll_find(12000000, 125000001, &c));
    ck_assert(!rp_pll_find(12000000, 13000000, &c)); /* a multiple of 12 MHz in range needs a division by 48 */
}
END_TEST

static long write_of(uint32_t addr, size_t from) {
    long i = rm_find_write(addr, from);
    ck_assert_msg(i >= 0, "no write to 0x%08x", addr);
    return i;
}

START_TEST(test_clocks_init) {
    const uint32_t ref = RP_CLOCKS_BASE + RP_CLK_REF, sys = RP_CLOCKS_BASE + RP_CLK_SYS;
    rm_put(sys + RP_CLK_CTRL, RP_CLK_SYS_SRC_AUX); /* as if a previous image ran on the PLL */
    rp_clocks_init();
    /* the crystal: 1-15 MHz range, enabled, ~1 ms start-up */
    ck_assert_uint_eq(rm_get(RP_XOSC_BASE + RP_XOSC_CTRL), RP_XOSC_CTRL_FREQ_1_15MHZ | RP_XOSC_CTRL_ENABLE);
    ck_assert_uint_eq(rm_get(RP_XOSC_BASE + RP_XOSC_STARTUP), 47);
    /* clk_ref on the crystal, undivided */
    ck_assert_uint_eq(rm_get(ref + RP_CLK_CTRL) & 3u, RP_CLK_REF_SRC_XOSC);
    ck_assert_uint_eq(rm_get(ref + RP_CLK_DIV), 1u << 8);
    /* PLL_SYS: 12 MHz * 125 / 6 / 2, powered, post dividers on */
    ck_assert_uint_eq(rm_get(RP_PLL_SYS_BASE + RP_PLL_CS) & 0x3fu, 1);
    ck_assert_uint_eq(rm_get(RP_PLL_SYS_BASE + RP_PLL_FBDIV_INT), 125);
    ck_assert_uint_eq(rm_get(RP_PLL_SYS_BASE + RP_PLL_PRIM), 6u << 16 | 2u << 12);
    ck_assert_uint_eq(rm_get(RP_PLL_SYS_BASE + RP_PLL_PWR) & (RP_PLL_PWR_PD | RP_PLL_PWR_VCOPD | RP_PLL_PWR_POSTDIVPD), 0);
    /* clk_sys on its aux source (AUXSRC 0: PLL_SYS), undivided */
    ck_assert_uint_eq(rm_get(sys + RP_CLK_CTRL), RP_CLK_SYS_SRC_AUX);
    ck_assert_uint_eq(rm_get(sys + RP_CLK_DIV), 1u << 8);
    ck_assert_uint_eq(rm_get(RP_CLOCKS_BASE + RP_CLK_PERI + RP_CLK_CTRL), RP_CLK_PERI_ENABLE);
    ck_assert_uint_eq(rm_get(RP_WATCHDOG_BASE + RP_WATCHDOG_TICK), RP_WATCHDOG_TICK_ENABLE | 12);
    /* order: clk_sys leaves the PLL before the PLL is reset and changed,
     * and goes back to it only once it is locked and divided */
    long off_pll = write_of(sys + RP_ALIAS_CLR + RP_CLK_CTRL, 0);
    long pll_reset = write_of(RP_RESETS_BASE + RP_ALIAS_SET + RP_RESETS_RESET, 0);
    long fbdiv = write_of(RP_PLL_SYS_BASE + RP_PLL_FBDIV_INT, 0);
    long prim = write_of(RP_PLL_SYS_BASE + RP_PLL_PRIM, 0);
    long on_pll = write_of(sys + RP_ALIAS_SET + RP_CLK_CTRL, 0);
    ck_assert(off_pll < pll_reset && pll_reset < fbdiv && fbdiv < prim && prim < on_pll);
    /* the crystal is enabled (its magic value written whole, never ORed
     * into the disable value) before clk_ref switches to it */
    ck_assert_uint_eq(rm_writes_to(RP_XOSC_BASE + RP_ALIAS_SET + RP_XOSC_CTRL), 0);
    ck_assert(write_of(RP_XOSC_BASE + RP_XOSC_CTRL, 0) < write_of(ref + RP_ALIAS_XOR + RP_CLK_CTRL, 0));
}
END_TEST

START_TEST(test_uart_divisor) {
    uint32_t i, f;
    rp_uart_divisor(125000000, 115200, &i, &f); /* 67.817 */
    ck_assert_uint_eq(i, 67);
    ck_assert_uint_eq(f, 52);
    ck_assert_uint_eq(rp_uart_actual_baud(125000000, i, f), 115207);
    rp_uart_divisor(125000000, 9600, &i, &f); /* 813.802 */
    ck_assert_uint_eq(i, 813);
    ck_assert_uint_eq(f, 51);
    rp_uart_divisor(125000000, 1, &i, &f); /* far too slow: the slowest */
    ck_assert_uint_eq(i, 65535);
    ck_assert_uint_eq(f, 0);
    rp_uart_divisor(125000000, 100000000, &i, &f); /* far too fast: the fastest */
    ck_assert_uint_eq(i, 1);
    ck_assert_uint_eq(f, 0);
    rp_uart_divisor(12000000, 3000000, &i, &f); /* exactly 0.25: 1 + 0 after rounding? 12e6/(16*3e6) */
    ck_assert_uint_eq(i, 1);
    ck_assert_uint_eq(f, 0);
}
END_TEST

static int rx_bytes[4] = {'h', 'i', -1, -1};
static int rx_at;

static uint32_t uart_fr(uint32_t addr, void *ctx) {
    return rx_bytes[rx_at] < 0 ? RP_UART_FR_RXFE : 0;
}
static uint32_t uart_dr(uint32_t addr, void *ctx) {
    return (uint32_t)rx_bytes[rx_at++];
}

START_TEST(test_uart_init_and_io) {
    ck_assert_uint_eq(rp_uart_init(RP_UART0_BASE, 125000000, 115200), 115207);
    ck_assert_uint_eq(rm_get(RP_UART0_BASE + RP_UART_IBRD), 67);
    ck_assert_uint_eq(rm_get(RP_UART0_BASE + RP_UART_FBRD), 52);
    ck_assert_uint_eq(rm_get(RP_UART0_BASE + RP_UART_LCR_H), RP_UART_LCR_H_WLEN8 | RP_UART_LCR_H_FEN);
    ck_assert_uint_eq(rm_get(RP_UART0_BASE + RP_UART_CR), RP_UART_CR_UARTEN | RP_UART_CR_TXE | RP_UART_CR_RXE);
    /* the divisor is latched by the LCR_H write: it must come after */
    ck_assert(rm_find_write(RP_UART0_BASE + RP_UART_FBRD, 0) < rm_find_write(RP_UART0_BASE + RP_UART_LCR_H, 0));
    rp_uart_putc(RP_UART0_BASE, 'x');
    ck_assert_uint_eq(rm_get(RP_UART0_BASE + RP_UART_DR), 'x');
    rx_at = 0;
    rm_hook(RP_UART0_BASE + RP_UART_FR, uart_fr, NULL, NULL);
    rm_hook(RP_UART0_BASE + RP_UART_DR, uart_dr, NULL, NULL);
    ck_assert_int_eq(rp_uart_getc(RP_UART0_BASE), 'h');
    ck_assert_int_eq(rp_uart_getc(RP_UART0_BASE), 'i');
    ck_assert_int_eq(rp_uart_getc(RP_UART0_BASE), -1);
}
END_TEST

static int full_for;
static uint32_t fr_full(uint32_t addr, void *ctx) {
    return full_for-- > 0 ? RP_UART_FR_TXFF : 0;
}

START_TEST(test_uart_putc_waits_for_room) {
    full_for = 5;
    rm_hook(RP_UART0_BASE + RP_UART_FR, fr_full, NULL, NULL);
    rp_uart_putc(RP_UART0_BASE, 'y');
    ck_assert_int_lt(full_for, 0);
    ck_assert_uint_eq(rm_spins(), 5);
    ck_assert_uint_eq(rm_writes_to(RP_UART0_BASE + RP_UART_DR), 1);
}
END_TEST

int main(void) {
    Suite *s = suite_create("rp2040_boot");
    TCase *tc = tcase_create("boot");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_unreset_waits_done);
    tcase_add_test(tc, test_pll_find);
    tcase_add_test(tc, test_clocks_init);
    tcase_add_test(tc, test_uart_divisor);
    tcase_add_test(tc, test_uart_init_and_io);
    tcase_add_test(tc, test_uart_putc_waits_for_room);
    suite_add_tcase(s, tc);
    return px_check_run(s, false);
}
