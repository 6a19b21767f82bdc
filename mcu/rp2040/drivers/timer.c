/* TIMER. The raw count registers do not latch, so the high word is read
 * on both sides of the low one: equal highs mean the low word belongs to
 * them. */
#include "timer.h"

#include "reg.h"

uint64_t rp_timer_now(void) {
    uint32_t hi = rp_reg_read(RP_TIMER_BASE + RP_TIMER_RAWH);
    for (;;) {
        uint32_t lo = rp_reg_read(RP_TIMER_BASE + RP_TIMER_RAWL);
        uint32_t hi2 = rp_reg_read(RP_TIMER_BASE + RP_TIMER_RAWH);
        if (hi2 == hi) {
            return (uint64_t)hi << 32 | lo;
        }
        hi = hi2;
    }
}

bool rp_timer_arm(unsigned n, uint64_t at) {
    rp_reg_set(RP_TIMER_BASE + RP_TIMER_INTE, 1u << n);
    rp_reg_write(RP_TIMER_BASE + RP_TIMER_ALARM(n), (uint32_t)at); /* arms it */
    /* the compare is for equality: if the counter passed `at` before the
     * write landed, the alarm would wait for the next wrap (71 minutes) */
    if (rp_timer_now() >= at) {
        rp_timer_disarm(n);
        return false;
    }
    return true;
}

void rp_timer_disarm(unsigned n) {
    rp_reg_write(RP_TIMER_BASE + RP_TIMER_ARMED, 1u << n); /* write 1 to disarm */
    rp_timer_ack(n);
}

void rp_timer_ack(unsigned n) {
    rp_reg_write(RP_TIMER_BASE + RP_TIMER_INTR, 1u << n); /* write 1 to clear */
}
