/* machine.Timer's shared layer (machine_timer_api.h). */
#include "machine_args.h"
#include "machine_timer_api.h"

static px_timer *timer_of(px_val v) {
    return (px_timer *)px_as_ptr(px_native(v, &px_type_timer));
}

/* ---- expiries: one queued call at a time */

static px_val timer_dispatch(px_val self) {
    px_timer *t = px_as_ptr(self);
    t->queued = false;
    if (!t->stopped) {
        px_call1(t->callback, self);
    }
    return PX_NONE;
}
static PX_FUN1(timer_dispatch_obj, callback, timer_dispatch);

bool px_timer_expired(px_timer *t) {
    if (t->queued) {
        return true; /* merged into the call already queued */
    }
    if (!px_sched_schedule(px_from_ptr(&timer_dispatch_obj), px_from_ptr(t))) {
        return false;
    }
    t->queued = true; /* the queue keeps t alive until the call */
    return true;
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

static void timer_start(px_timer *t, const px_val *a) {
    int mode = px_machine_timer_mode(a[A_MODE]);
    uint64_t ns = px_machine_timer_period_ns(a[A_FREQ], a[A_PERIOD], a[A_TICK_HZ]);
    px_timer_port_disarm(t);
    t->mode = mode;
    t->period_ns = ns;
    t->callback = a[A_CALLBACK];
    t->stopped = false;
    px_timer_port_arm(t);
}

px_val px_timer_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_int id = -1;
    if (argc > 1) {
        px_raise_type_error("Timer() takes the id as its one positional argument");
    }
    if (argc == 1) {
        id = px_index(argv[0]);
    }
    px_timer *t = px_timer_port_new(id);
    if (kwnames != PX_NULL && px_tuple_ptr(kwnames)->len > 0) {
        px_val a[A__COUNT];
        px_parse_args(PX_Q(Timer), 0, argv + argc, kwnames, A__COUNT, init_spec, a);
        timer_start(t, a);
    }
    return px_from_ptr(t);
}

void px_timer_print(px_out *out, px_val self, px_print_kind kind) {
    px_timer *t = timer_of(self);
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
    px_timer *t = timer_of(self);
    px_timer_port_disarm(t);
    t->stopped = true;
    return PX_NONE;
}

static PX_METHKW(timer_init_obj, &px_type_timer, init, 1, 1, timer_init);
static PX_METH1(timer_deinit_obj, &px_type_timer, deinit, timer_deinit);

/* Sorted by name bytes (uppercase first). */
static const px_map_entry timer_table[] = {
    PX_ENTRY(ONE_SHOT, PX_SMALL_CONST(PX_TIMER_ONE_SHOT)),
    PX_ENTRY(PERIODIC, PX_SMALL_CONST(PX_TIMER_PERIODIC)),
    PX_ENTRY_OBJ(deinit, &timer_deinit_obj),
    PX_ENTRY_OBJ(init, &timer_init_obj),
};
PX_CONST_MAP(px_timer_dict, timer_table);
