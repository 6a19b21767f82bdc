/* The AN385's four hardware counters as one kind of timer: 0 and 1 are
 * the CMSDK APB timers, 2 and 3 the CMSDK dual timer's two counters.
 * Each counts the 25 MHz clock down from a reload value and interrupts
 * each time it has passed zero, over and over until stopped. */
#ifndef AN_CMSDK_TIMER_H
#define AN_CMSDK_TIMER_H

#include <stdint.h>

#define AN_TIMERS 4u

/* Count from `reload` down, interrupting every reload + 1 cycles (a
 * counter that runs is started afresh). */
void an_timer_start(unsigned n, uint32_t reload);
void an_timer_stop(unsigned n);
/* Every counter stopped, its interrupts cleared and on at the NVIC: at
 * power-on and at each soft reset (what a program started ends). */
void an_timers_reset(void);

/* The interrupt handlers (board.c's vector table). */
void an_timer0_irq(void);
void an_timer1_irq(void);
void an_dualtimer_irq(void);

/* Called by the handlers, in the interrupt, each time counter n passes
 * zero (machine_timer.c). */
void an_timer_expired(unsigned n);

#endif
