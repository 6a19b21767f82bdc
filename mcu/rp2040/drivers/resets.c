/* RESETS: take blocks out of reset. A block's registers must not be
 * touched until RESET_DONE says it is out. */
#include "resets.h"

#include "reg.h"

void rp_reset_cycle(uint32_t mask) {
    rp_reg_set(RP_RESETS_BASE + RP_RESETS_RESET, mask);
    rp_unreset(mask);
}

void rp_unreset(uint32_t mask) {
    rp_reg_clr(RP_RESETS_BASE + RP_RESETS_RESET, mask);
    rp_reg_wait(RP_RESETS_BASE + RP_RESETS_DONE, mask, mask);
}
