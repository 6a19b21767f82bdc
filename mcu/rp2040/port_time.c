/* The port's time on the Pico: ticks from the TIMER's 64-bit microsecond
 * count (it never wraps), sleeping in WFI with alarm 3 set for the end,
 * so that any interrupt (a pin edge, a machine.Timer, the console) ends
 * the wait early when it leaves work for the scheduler. No wall clock: the
 * RP2040 has no battery-backed time (time.time() counts from 1970 at
 * reset, as MicroPython's ports without an RTC setting). */
#include "board.h"
#include "nvic.h"
#include "reg.h"
#include "runtime.h"
#include "timer.h"

#define SLEEP_ALARM 3u

void rp_isr_timer3(void) {
    rp_timer_ack(SLEEP_ALARM); /* it only wakes the WFI */
}

uint64_t mcu_ticks_us(void) {
    return rp_timer_now();
}

uint64_t px_port_ticks_us(void) {
    return rp_timer_now();
}

uint64_t px_port_ticks_ms(void) {
    return rp_timer_now() / 1000;
}

int64_t px_port_time_ns(void) {
    return (int64_t)rp_timer_now() * 1000;
}

int32_t px_port_tz_offset(int64_t utc, bool *dst) {
    *dst = false;
    return 0;
}

void px_port_sleep_us(uint64_t us) {
    uint64_t end = rp_timer_now() + us;
    mcu_irq_enable(RP_IRQ_TIMER_0 + SLEEP_ALARM);
    for (;;) {
        rp_cpu_irq_off(); /* an interrupt between the check and WFI still wakes it */
        if (px_st.pending || rp_timer_now() >= end || !rp_timer_arm(SLEEP_ALARM, end)) {
            rp_cpu_irq_on();
            break;
        }
        rp_wait_for_interrupt();
        rp_cpu_irq_on(); /* the handler runs here */
    }
    rp_timer_disarm(SLEEP_ALARM);
}
