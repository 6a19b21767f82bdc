/* The clock tree: XOSC (12 MHz on the Pico) as clk_ref, PLL_SYS for
 * clk_sys, clk_peri from clk_sys, and the 1 us tick of the timer. */
#ifndef RP_CLOCKS_H
#define RP_CLOCKS_H

#include <stdbool.h>
#include <stdint.h>

#define RP_XOSC_HZ 12000000u
#define RP_SYS_HZ 125000000u
#define RP_USB_PLL_HZ 48000000u /* the USB, ADC and RTC clocks' source */

/* PLL settings: out = ref / refdiv * fbdiv / (postdiv1 * postdiv2). */
typedef struct {
    uint32_t refdiv, fbdiv, postdiv1, postdiv2;
} rp_pll_cfg;

/* The settings that give exactly out_hz from ref_hz with the VCO within
 * the datasheet's 750..1600 MHz, FBDIV 16..320 and post dividers 1..7 (the
 * highest VCO that does, for the least jitter); false if none does. */
bool rp_pll_find(uint32_t ref_hz, uint32_t out_hz, rp_pll_cfg *cfg);
/* Start a PLL (its block base) with the settings and wait for lock. */
void rp_pll_start(uint32_t base, const rp_pll_cfg *cfg);
/* Everything, from the ring oscillator the boot ROM left running:
 * clk_ref = XOSC, clk_sys = PLL_SYS at RP_SYS_HZ, clk_peri = clk_sys,
 * timer ticks at 1 MHz. */
void rp_clocks_init(void);
/* Start one of the clocks without a glitchless mux (RP_CLK_USB, _ADC,
 * _RTC) from PLL_USB divided by div (whole), starting PLL_USB at
 * RP_USB_PLL_HZ first if it is not running. The clock must be stopped (as
 * from reset): its source changes only then. */
void rp_clocks_start_aux(uint32_t clk, uint32_t div);

#endif
