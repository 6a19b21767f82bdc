/* machine.Timer on the mps2-an385 (the Python-facing part is
 * modules/machine_timer_api.c): Timer(0) and Timer(1) are the CMSDK APB
 * timers, Timer(2) and Timer(3) the dual timer's counters
 * (cmsdk_timer.c), and Timer(-1) takes whichever of them is free when it
 * starts, from 3 down (a virtual timer with at most four at once).
 *
 * A counter's interrupt only records that its period ended; between
 * bytecodes an_machine_timer_poll queues one dispatch per timer in the
 * scheduler, which calls the callback with the Timer. Expiries that come
 * while a dispatch waits merge into it; a one-shot whose call finds the
 * queue full tries again 1 ms later, it is never lost. A period longer
 * than the 32-bit counter holds (171 s at 25 MHz) is that many equal
 * laps of the counter. An armed timer is kept alive by its counter's
 * slot. Resolution: 40 ns; the shortest period is 10 us (QEMU does not
 * run its timers faster without icount, and a faster interrupt would
 * leave the program no time). */
#include <errno.h>

#include "an_machine.h"
#include "board.h"
#include "cmsdk_timer.h"
#include "cortex_m.h"
#include "machine_args.h"
#include "machine_timer_api.h"
#include "mcu.h"

#define NS_PER_TICK (1000000000u / BOARD_CPU_HZ)
_Static_assert(1000000000u % BOARD_CPU_HZ == 0, "a whole number of ns per tick");
#define MIN_PERIOD_NS 10000u
#define RETRY_NS 1000000u /* a one-shot that found the queue full */

typedef struct an_machine_timer {
    px_timer t;  /* the shared part (machine_timer_api.h) */
    int counter; /* the counter it runs on while armed */
} an_machine_timer;

static an_machine_timer *slot[AN_TIMERS]; /* rooted: the armed timer of each counter */
static bool slots_rooted;

/* Shared with the interrupt handler; set while the counter is stopped. */
static volatile uint32_t laps[AN_TIMERS]; /* interrupts a period */
static volatile uint32_t lap[AN_TIMERS];  /* of this period so far */
static volatile bool one_shot[AN_TIMERS];
static volatile uint32_t fired; /* bit n: counter n's period ended */

static uint32_t irq_save(void) {
    uint32_t pm = px_cm_primask();
    px_cm_irq_off();
    return pm;
}

static void irq_restore(uint32_t pm) {
    if (pm == 0) {
        px_cm_irq_on();
    }
}

void an_timer_expired(unsigned n) {
    if (++lap[n] < laps[n]) {
        return;
    }
    lap[n] = 0;
    if (one_shot[n]) {
        an_timer_stop(n);
    }
    fired |= 1u << n;
    px_st.pending = 1;
}

/* Run counter n for ns once or every period: laps of equal length that
 * each fit the 32-bit counter. */
static void start_counter(unsigned n, uint64_t ns, bool once) {
    uint64_t ticks = (ns + NS_PER_TICK / 2) / NS_PER_TICK;
    uint64_t k = (ticks + 0xFFFFFFFFu) >> 32; /* ceil(ticks / 2**32) */
    uint32_t reload = (uint32_t)((ticks + k - 1) / k - 1);
    uint32_t pm = irq_save();
    an_timer_stop(n);
    laps[n] = (uint32_t)k;
    lap[n] = 0;
    one_shot[n] = once;
    fired &= ~(1u << n);
    an_timer_start(n, reload);
    irq_restore(pm);
}

void px_timer_port_disarm(px_timer *pt) {
    an_machine_timer *t = (an_machine_timer *)pt;
    if (!pt->armed) {
        return;
    }
    unsigned n = (unsigned)t->counter;
    uint32_t pm = irq_save();
    an_timer_stop(n);
    fired &= ~(1u << n);
    irq_restore(pm);
    slot[n] = NULL;
    pt->armed = false;
}

/* The counter a timer starts on: its own, or for Timer(-1) a free one. */
static unsigned counter_for(an_machine_timer *t) {
    if (t->t.id < 0) {
        for (unsigned n = AN_TIMERS; n-- > 0;) {
            if (slot[n] == NULL) {
                return n;
            }
        }
        px_raise_os_error(EBUSY, "Timer(-1): all 4 of the board's timers run; deinit() one first");
    }
    unsigned n = (unsigned)t->t.id;
    an_machine_timer *other = slot[n];
    if (other != NULL && other->t.id < 0) {
        px_raise_os_error(EBUSY, "Timer(%u) runs a Timer(-1); deinit() that one, or use another id", n);
    }
    if (other != NULL) {
        px_timer_port_disarm(&other->t); /* the same counter, started again by another object */
    }
    return n;
}

void px_timer_port_arm(px_timer *pt) {
    an_machine_timer *t = (an_machine_timer *)pt;
    if (pt->period_ns < MIN_PERIOD_NS) {
        px_raise_value_error("Timer: the board's shortest period is 10 us (freq=100000), not %llu ns",
                             (unsigned long long)pt->period_ns);
    }
    px_timer_port_disarm(pt);
    unsigned n = counter_for(t);
    if (!slots_rooted) {
        px_gc_add_root(slot, sizeof slot);
        slots_rooted = true;
    }
    slot[n] = t;
    t->counter = (int)n;
    pt->armed = true;
    start_counter(n, pt->period_ns, pt->mode == PX_TIMER_ONE_SHOT);
}

void an_machine_timer_poll(void) {
    uint32_t pm = irq_save();
    uint32_t due = fired;
    fired = 0;
    irq_restore(pm);
    for (unsigned n = 0; n < AN_TIMERS; n++) {
        an_machine_timer *t = slot[n];
        if (!(due & (1u << n)) || t == NULL) {
            continue;
        }
        bool queued = px_timer_expired(&t->t);
        if (t->t.mode != PX_TIMER_ONE_SHOT) {
            continue; /* a full queue loses this period; the next one tries again */
        }
        if (queued) {
            slot[n] = NULL; /* the queue keeps it alive until the call */
            t->t.armed = false;
        } else {
            start_counter(n, RETRY_NS, true);
        }
    }
}

px_timer *px_timer_port_new(px_int id) {
    if (id < -1 || id >= (px_int)AN_TIMERS) {
        px_raise_value_error("Timer(%lld): the board has Timer(0) to Timer(3), and Timer(-1) for a free one",
                             (long long)id);
    }
    an_machine_timer *t = px_gc_alloc(sizeof *t, 0);
    t->t.base.type = &px_type_timer;
    t->t.id = id;
    t->t.callback = PX_NONE;
    return &t->t;
}

const px_type px_type_timer = {
    .base = {&px_type_type},
    .name = PX_Q(Timer),
    .base_type = &px_type_object,
    .dict = &px_timer_dict,
    .make = px_timer_make,
    .print = px_timer_print,
};
