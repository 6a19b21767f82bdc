/* The clock tree, set up once at reset. The order matters: clk_sys is
 * moved off its auxiliary source (the PLL) before the PLL is changed, and
 * each glitchless switch is waited for through the clock's SELECTED. */
#include "clocks.h"

#include "reg.h"
#include "resets.h"

#define VCO_MIN 750000000u
#define VCO_MAX 1600000000u

bool rp_pll_find(uint32_t ref_hz, uint32_t out_hz, rp_pll_cfg *cfg) {
    if (ref_hz == 0 || out_hz == 0) {
        return false;
    }
    for (uint32_t fbdiv = 320; fbdiv >= 16; fbdiv--) {
        uint64_t vco = (uint64_t)ref_hz * fbdiv;
        if (vco < VCO_MIN || vco > VCO_MAX) {
            continue;
        }
        for (uint32_t pd1 = 7; pd1 >= 1; pd1--) {
            for (uint32_t pd2 = pd1; pd2 >= 1; pd2--) {
                if (vco == (uint64_t)out_hz * pd1 * pd2) {
                    *cfg = (rp_pll_cfg){1, fbdiv, pd1, pd2};
                    return true;
                }
            }
        }
    }
    return false;
}

void rp_pll_start(uint32_t base, const rp_pll_cfg *cfg) {
    rp_reg_write(base + RP_PLL_CS, cfg->refdiv);
    rp_reg_write(base + RP_PLL_FBDIV_INT, cfg->fbdiv);
    /* power the PLL and its VCO, leave the post dividers off until locked */
    rp_reg_clr(base + RP_PLL_PWR, RP_PLL_PWR_PD | RP_PLL_PWR_VCOPD);
    rp_reg_wait(base + RP_PLL_CS, RP_PLL_CS_LOCK, RP_PLL_CS_LOCK);
    rp_reg_write(base + RP_PLL_PRIM, cfg->postdiv1 << RP_PLL_PRIM_POSTDIV1_SHIFT |
                                         cfg->postdiv2 << RP_PLL_PRIM_POSTDIV2_SHIFT);
    rp_reg_clr(base + RP_PLL_PWR, RP_PLL_PWR_POSTDIVPD);
}

static void xosc_start(void) {
    /* about 1 ms of start-up, in units of 256 cycles */
    rp_reg_write(RP_XOSC_BASE + RP_XOSC_STARTUP, (RP_XOSC_HZ / 1000 + 128) / 256);
    /* ENABLE is a 12-bit magic value, not a bit: the whole field at once */
    rp_reg_write(RP_XOSC_BASE + RP_XOSC_CTRL, RP_XOSC_CTRL_FREQ_1_15MHZ | RP_XOSC_CTRL_ENABLE);
    rp_reg_wait(RP_XOSC_BASE + RP_XOSC_STATUS, RP_XOSC_STATUS_STABLE, RP_XOSC_STATUS_STABLE);
}

void rp_clocks_init(void) {
    const uint32_t ref = RP_CLOCKS_BASE + RP_CLK_REF, sys = RP_CLOCKS_BASE + RP_CLK_SYS;
    xosc_start();
    /* clk_sys on clk_ref while the PLL is changed */
    rp_reg_clr(sys + RP_CLK_CTRL, RP_CLK_SYS_SRC_AUX);
    rp_reg_wait(sys + RP_CLK_SELECTED, 1u, 1u);
    /* clk_ref: XOSC, undivided */
    rp_reg_write(ref + RP_CLK_DIV, 1u << RP_CLK_DIV_INT_SHIFT);
    rp_reg_field(ref + RP_CLK_CTRL, 3u, RP_CLK_REF_SRC_XOSC);
    rp_reg_wait(ref + RP_CLK_SELECTED, 1u << RP_CLK_REF_SRC_XOSC, 1u << RP_CLK_REF_SRC_XOSC);

    rp_pll_cfg cfg;
    rp_pll_find(RP_XOSC_HZ, RP_SYS_HZ, &cfg); /* 1500 MHz / 6 / 2 */
    rp_reset_cycle(RP_RESET_PLL_SYS);
    rp_pll_start(RP_PLL_SYS_BASE, &cfg);

    /* clk_sys: its auxiliary mux to PLL_SYS, undivided, then switch to it */
    rp_reg_field(sys + RP_CLK_CTRL, 7u << RP_CLK_SYS_AUXSRC_SHIFT, 0);
    rp_reg_write(sys + RP_CLK_DIV, 1u << RP_CLK_DIV_INT_SHIFT);
    rp_reg_set(sys + RP_CLK_CTRL, RP_CLK_SYS_SRC_AUX);
    rp_reg_wait(sys + RP_CLK_SELECTED, 2u, 2u);

    /* clk_peri (UART, SPI): clk_sys */
    rp_reg_write(RP_CLOCKS_BASE + RP_CLK_PERI + RP_CLK_CTRL, RP_CLK_PERI_ENABLE);

    /* the timer counts microseconds: one tick every 12 clk_ref cycles */
    rp_reg_write(RP_WATCHDOG_BASE + RP_WATCHDOG_TICK, RP_WATCHDOG_TICK_ENABLE | RP_XOSC_HZ / 1000000);
}

/* PLL_USB runs when it is out of reset and powered (its post dividers too). */
static bool usb_pll_running(void) {
    const uint32_t pd = RP_PLL_PWR_PD | RP_PLL_PWR_VCOPD | RP_PLL_PWR_POSTDIVPD;
    return (rp_reg_read(RP_RESETS_BASE + RP_RESETS_RESET) & RP_RESET_PLL_USB) == 0 &&
           (rp_reg_read(RP_PLL_USB_BASE + RP_PLL_PWR) & pd) == 0;
}

void rp_clocks_start_aux(uint32_t clk, uint32_t div) {
    if (!usb_pll_running()) {
        rp_pll_cfg cfg;
        rp_pll_find(RP_XOSC_HZ, RP_USB_PLL_HZ, &cfg); /* 1440 MHz / 6 / 5 */
        rp_reset_cycle(RP_RESET_PLL_USB);
        rp_pll_start(RP_PLL_USB_BASE, &cfg);
    }
    const uint32_t c = RP_CLOCKS_BASE + clk;
    rp_reg_write(c + RP_CLK_DIV, div << RP_CLK_DIV_INT_SHIFT);
    rp_reg_write(c + RP_CLK_CTRL, RP_CLK_AUX_ENABLE); /* AUXSRC 0: clksrc_pll_usb */
}
