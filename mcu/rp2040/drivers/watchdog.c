/* The watchdog (watchdog.h). LOAD takes the count in ticks of the tick
 * generator (1 us, set up by the clocks) times two (erratum RP2040-E1). */
#include "watchdog.h"

#include "reg.h"

static uint32_t load_value;

void rp_watchdog_start(uint32_t timeout_ms) {
    const uint32_t ctrl = RP_WATCHDOG_BASE + RP_WATCHDOG_CTRL;
    rp_reg_clr(ctrl, RP_WATCHDOG_CTRL_ENABLE);
    /* a timeout resets everything but the oscillators (which keep clk_ref
     * and the tick running) */
    rp_reg_write(RP_PSM_BASE + RP_PSM_WDSEL, RP_PSM_ALL & ~RP_PSM_OSCILLATORS);
    rp_reg_set(ctrl, RP_WATCHDOG_CTRL_PAUSE_JTAG | RP_WATCHDOG_CTRL_PAUSE_DBG0 | RP_WATCHDOG_CTRL_PAUSE_DBG1);
    load_value = timeout_ms * 1000u * 2u;
    rp_reg_write(RP_WATCHDOG_BASE + RP_WATCHDOG_LOAD, load_value);
    rp_reg_set(ctrl, RP_WATCHDOG_CTRL_ENABLE);
}

void rp_watchdog_feed(void) {
    rp_reg_write(RP_WATCHDOG_BASE + RP_WATCHDOG_LOAD, load_value);
}

bool rp_watchdog_caused_reset(void) {
    return (rp_reg_read(RP_WATCHDOG_BASE + RP_WATCHDOG_REASON) &
            (RP_WATCHDOG_REASON_TIMER | RP_WATCHDOG_REASON_FORCE)) != 0;
}
