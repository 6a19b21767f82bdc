/* TIMER: the 64-bit microsecond counter and its 4 alarms. */
#ifndef RP_TIMER_H
#define RP_TIMER_H

#include <stdbool.h>
#include <stdint.h>

/* Microseconds since reset (read without the latching registers, so
 * either core or an interrupt handler may read it at any time). */
uint64_t rp_timer_now(void);
/* Arm alarm n (0..3) for the instant `at` and enable its interrupt. The
 * hardware compares only the low 32 bits: an instant more than 2^32 us
 * ahead fires early, so the handler checks rp_timer_now() >= at and arms
 * again. Returns false, with the alarm disarmed, if `at` has passed by
 * the time it is armed (the caller runs what was due itself). */
bool rp_timer_arm(unsigned n, uint64_t at);
void rp_timer_disarm(unsigned n);
/* In alarm n's interrupt: clear it. */
void rp_timer_ack(unsigned n);

#endif
