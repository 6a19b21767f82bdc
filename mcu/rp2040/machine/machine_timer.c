/* machine.Timer on the RP2040 (the Python-facing part is
 * machine_timer_api.c): every timer is a virtual one, as on Linux
 * (any id), kept in a list ordered by deadline; hardware alarm 0 is set
 * for the earliest. Its interrupt only asks for a pending check; between
 * bytecodes rp_timer_poll queues the callbacks that are due, one dispatch
 * per timer: expiries that come while it waits merge into it, and a
 * periodic timer that fell behind skips the periods it missed rather
 * than run them in a burst. A one-shot whose call finds the scheduler
 * queue full tries again 1 ms later: it is never lost. An armed timer is
 * kept alive by the list. Resolution: 1 us. */
#include "board.h"
#include "machine_timer_api.h"
#include "nvic.h"
#include "reg.h"
#include "rp_machine.h"
#include "timer.h"

#define ALARM 0u

typedef struct rp_machine_timer {
    px_timer t;        /* the shared part (machine_timer_api.h) */
    uint64_t deadline; /* in timer microseconds */
    struct rp_machine_timer *next; /* the armed list, by deadline */
} rp_machine_timer;

static rp_machine_timer *armed_list; /* rooted */
static bool list_rooted;
static volatile bool due;

void rp_isr_timer0(void) {
    rp_timer_ack(ALARM);
    due = true;
    px_st.pending = 1;
}

static uint64_t period_us(const rp_machine_timer *t) {
    uint64_t us = (t->t.period_ns + 999) / 1000;
    return us ? us : 1;
}

static void unlink_timer(rp_machine_timer *t) {
    for (rp_machine_timer **pp = &armed_list; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == t) {
            *pp = t->next;
            t->next = NULL;
            return;
        }
    }
}

static void insert(rp_machine_timer *t) {
    if (!list_rooted) {
        px_gc_add_root(&armed_list, sizeof armed_list);
        list_rooted = true;
    }
    rp_machine_timer **pp = &armed_list;
    while (*pp != NULL && (*pp)->deadline <= t->deadline) {
        pp = &(*pp)->next;
    }
    t->next = *pp;
    *pp = t;
}

/* Set the alarm for the earliest deadline (or ask for a check now if it
 * has passed already). */
static void program_alarm(void) {
    if (armed_list == NULL) {
        rp_timer_disarm(ALARM);
        return;
    }
    if (!rp_timer_arm(ALARM, armed_list->deadline)) {
        due = true;
        px_st.pending = 1;
    }
}

void rp_timer_poll(void) {
    if (!due) {
        return;
    }
    due = false;
    uint64_t now = rp_timer_now();
    while (armed_list != NULL && armed_list->deadline <= now) {
        rp_machine_timer *t = armed_list;
        armed_list = t->next;
        t->next = NULL;
        bool ok = px_timer_expired(&t->t);
        if (t->t.mode == PX_TIMER_PERIODIC) {
            uint64_t p = period_us(t);
            t->deadline += (now - t->deadline) / p * p + p; /* the next period after now */
            insert(t);
        } else if (!ok) {
            t->deadline = now + 1000; /* the queue is full: try again in 1 ms */
            insert(t);
        } else {
            t->t.armed = false; /* the queue keeps it alive until the call */
        }
    }
    program_alarm();
}

void px_timer_port_disarm(px_timer *pt) {
    rp_machine_timer *t = (rp_machine_timer *)pt;
    if (pt->armed) {
        unlink_timer(t);
        pt->armed = false;
        program_alarm();
    }
}

void px_timer_port_arm(px_timer *pt) {
    rp_machine_timer *t = (rp_machine_timer *)pt;
    px_timer_port_disarm(pt);
    t->deadline = rp_timer_now() + period_us(t);
    pt->armed = true;
    insert(t);
    program_alarm();
    mcu_irq_enable(RP_IRQ_TIMER_0 + ALARM);
}

px_timer *px_timer_port_new(px_int id) {
    rp_machine_timer *t = px_gc_alloc(sizeof *t, 0);
    t->t.base.type = &px_type_timer;
    t->t.id = id; /* any id: every timer is a virtual one */
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
