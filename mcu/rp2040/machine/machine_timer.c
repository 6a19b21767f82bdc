/* machine.Timer on the RP2040: every timer is a virtual one, as on Linux
 * (any id), kept in a list ordered by deadline; hardware alarm 0 is set
 * for the earliest. Its interrupt only asks for a pending check; between
 * bytecodes rp_timer_poll queues the callbacks that are due, one dispatch
 * per timer: expiries that come while it waits merge into it, and a
 * periodic timer that fell behind skips the periods it missed rather
 * than run them in a burst. A one-shot whose call finds the scheduler
 * queue full tries again 1 ms later: it is never lost. An armed timer is
 * kept alive by the list. Resolution: 1 us. */
#include "board.h"
#include "reg.h"
#include "rp_machine.h"
#include "timer.h"

#define ALARM 0u

typedef struct rp_machine_timer {
    px_obj base; /* &rp_type_timer */
    px_int id;
    int mode;
    bool armed;
    bool queued;
    bool stopped; /* deinit() since the last start: a queued call is dropped */
    uint64_t period_ns;
    uint64_t deadline; /* in timer microseconds */
    px_val callback;
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
    uint64_t us = (t->period_ns + 999) / 1000;
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

static px_val timer_dispatch(px_val self);
static PX_FUN1(timer_dispatch_obj, callback, timer_dispatch);

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
        bool ok = t->queued || px_sched_schedule(px_from_ptr(&timer_dispatch_obj), px_from_ptr(t));
        if (ok) {
            t->queued = true;
        }
        if (t->mode == PX_TIMER_PERIODIC) {
            uint64_t p = period_us(t);
            t->deadline += (now - t->deadline) / p * p + p; /* the next period after now */
            insert(t);
        } else if (!ok) {
            t->deadline = now + 1000; /* the queue is full: try again in 1 ms */
            insert(t);
        } else {
            t->armed = false; /* the queue keeps it alive until the call */
        }
    }
    program_alarm();
}

static px_val timer_dispatch(px_val self) {
    rp_machine_timer *t = px_as_ptr(self);
    t->queued = false;
    if (!t->stopped) {
        px_call1(t->callback, self);
    }
    return PX_NONE;
}

static void disarm(rp_machine_timer *t) {
    if (t->armed) {
        unlink_timer(t);
        t->armed = false;
        program_alarm();
    }
}

/* ---- init */

enum { A_MODE, A_FREQ, A_PERIOD, A_CALLBACK, A_TICK_HZ, A__COUNT };

static const px_argspec init_spec[A__COUNT] = {
    {PX_Q(mode), PX_ARG_KWONLY, PX_SMALL_CONST(PX_TIMER_PERIODIC)},
    {PX_Q(freq), PX_ARG_KWONLY, PX_SMALL_CONST(-1)},
    {PX_Q(period), PX_ARG_KWONLY, PX_SMALL_CONST(-1)},
    {PX_Q(callback), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(tick_hz), PX_ARG_KWONLY, PX_SMALL_CONST(1000)},
};

static rp_machine_timer *timer_of(px_val v) {
    return (rp_machine_timer *)px_as_ptr(px_native(v, &rp_type_timer));
}

static void timer_start(rp_machine_timer *t, const px_val *a) {
    int mode = px_machine_timer_mode(a[A_MODE]);
    uint64_t ns = px_machine_timer_period_ns(a[A_FREQ], a[A_PERIOD], a[A_TICK_HZ]);
    disarm(t);
    t->mode = mode;
    t->period_ns = ns;
    t->callback = a[A_CALLBACK];
    t->stopped = false;
    t->deadline = rp_timer_now() + period_us(t);
    t->armed = true;
    insert(t);
    program_alarm();
    rp_irq_enable(RP_IRQ_TIMER_0 + ALARM);
}

static px_val timer_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_int id = -1;
    if (argc > 1) {
        px_raise_type_error("Timer() takes the id as its one positional argument");
    }
    if (argc == 1) {
        id = px_index(argv[0]); /* any id: all timers are virtual */
    }
    rp_machine_timer *t = px_gc_alloc(sizeof *t, 0);
    t->base.type = &rp_type_timer;
    t->id = id;
    t->callback = PX_NONE;
    if (kwnames != PX_NULL && px_tuple_ptr(kwnames)->len > 0) {
        px_val a[A__COUNT];
        px_parse_args(PX_Q(Timer), 0, argv + argc, kwnames, A__COUNT, init_spec, a);
        timer_start(t, a);
    }
    return px_from_ptr(t);
}

static void timer_print(px_out *out, px_val self, px_print_kind kind) {
    rp_machine_timer *t = timer_of(self);
    px_printf(out, "Timer(%lld", (long long)t->id);
    if (!t->armed) {
        px_write_cstr(out, ", stopped)");
        return;
    }
    px_printf(out, ", mode=%s, period=", t->mode == PX_TIMER_PERIODIC ? "PERIODIC" : "ONE_SHOT");
    if (t->period_ns % 1000000 == 0) {
        px_printf(out, "%llums)", (unsigned long long)(t->period_ns / 1000000));
    } else {
        px_printf(out, "%lluns)", (unsigned long long)t->period_ns);
    }
}

static px_val timer_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT, init_spec, a);
    timer_start(timer_of(argv[0]), a);
    return PX_NONE;
}

static px_val timer_deinit(px_val self) {
    rp_machine_timer *t = timer_of(self);
    disarm(t);
    t->stopped = true;
    return PX_NONE;
}

static PX_METHKW(timer_init_obj, &rp_type_timer, init, 1, 1, timer_init);
static PX_METH1(timer_deinit_obj, &rp_type_timer, deinit, timer_deinit);

/* Sorted by name bytes (uppercase first). */
static const px_map_entry timer_table[] = {
    PX_ENTRY(ONE_SHOT, PX_SMALL_CONST(PX_TIMER_ONE_SHOT)),
    PX_ENTRY(PERIODIC, PX_SMALL_CONST(PX_TIMER_PERIODIC)),
    PX_ENTRY_OBJ(deinit, &timer_deinit_obj),
    PX_ENTRY_OBJ(init, &timer_init_obj),
};
static PX_CONST_MAP(timer_dict, timer_table);

const px_type rp_type_timer = {
    .base = {&px_type_type},
    .name = PX_Q(Timer),
    .base_type = &px_type_object,
    .dict = &timer_dict,
    .make = timer_make,
    .print = timer_print,
};
