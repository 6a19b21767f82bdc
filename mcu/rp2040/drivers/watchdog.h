/* The watchdog timer: once started, the chip resets unless it is fed
 * within the timeout. */
#ifndef RP_WATCHDOG_H
#define RP_WATCHDOG_H

#include <stdbool.h>
#include <stdint.h>

#include "regs.h"

/* The longest timeout: the counter is 24 bits and, by erratum RP2040-E1,
 * counts down twice per 1 us tick. */
#define RP_WATCHDOG_MAX_MS (RP_WATCHDOG_LOAD_MAX / 2u / 1000u)

/* Start it (or restart it with a new timeout) for timeout_ms, 1..
 * RP_WATCHDOG_MAX_MS: a reset then resets every block but the
 * oscillators; the count pauses while a debugger halts the cores. */
void rp_watchdog_start(uint32_t timeout_ms);
/* Load the count again (feed). */
void rp_watchdog_feed(void);
/* Whether the last reset was the watchdog's (its timer, or forced). */
bool rp_watchdog_caused_reset(void);

#endif
