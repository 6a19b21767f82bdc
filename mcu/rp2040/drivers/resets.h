/* RESETS: blocks in and out of reset (masks RP_RESET_* in regs.h). */
#ifndef RP_RESETS_H
#define RP_RESETS_H

#include <stdint.h>

/* Put the blocks in reset and take them out again: their registers start
 * from their reset values. */
void rp_reset_cycle(uint32_t mask);
/* Take the blocks out of reset and wait until they are. */
void rp_unreset(uint32_t mask);

#endif
