/* machine.Timer on Linux: every timer is a virtual one, a timerfd on the
 * monotonic clock in the event poller. Its expiry queues one dispatch in
 * the scheduler, which calls the callback with the Timer; expiries that
 * come while that dispatch waits (a busy program, a slow callback) are
 * merged into it, as on a microcontroller whose callback overran, and
 * counted. An armed timer is kept alive by the poller, so a program need
 * not hold on to it.
 *
 * A Timer is also a stream that select.poll (and asyncio) can wait on: it
 * is POLLIN once it has expired since a poll last reported it (reporting
 * consumes the expiries). A Timer without a callback that has been
 * registered with a poller is such an event only: its expiries do not
 * raise the TypeError a missing callback otherwise gives. */
#include <errno.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "events.h"
#include "hal_error.h"
#include "machine.h"
#include "machine_args.h"

enum { MODE_ONE_SHOT = PX_TIMER_ONE_SHOT, MODE_PERIODIC = PX_TIMER_PERIODIC };

typedef struct px_machine_timer {
    px_obj base; /* &px_type_timer */
    px_int id;
    int fd;          /* the timerfd, or -1 before init() / after deinit() */
    int mode;
    bool armed;      /* counting down (a one-shot that fired is not) */
    bool queued;     /* a dispatch waits in the scheduler queue */
    bool polled;     /* registered with select.poll since init() */
    uint32_t unseen; /* expiries no poll has reported yet */
    uint64_t period_ns;
    px_val callback;
} px_machine_timer;

static px_machine_timer *timer_of(px_val v) {
    return (px_machine_timer *)px_as_ptr(px_native(v, &px_type_timer));
}

static px_val timer_dispatch(px_val self);
static PX_FUN1(timer_dispatch_obj, callback, timer_dispatch);

static void disarm(px_machine_timer *t) {
    if (t->fd >= 0) {
        px_events_remove(t->fd);
        close(t->fd);
        t->fd = -1;
    }
    t->armed = false;
}

/* The poller's callback: the timerfd has expired (once or more). */
static void on_expiry(px_val ctx, int fd, uint32_t revents) {
    px_machine_timer *t = px_as_ptr(ctx);
    uint64_t n = 0;
    if (read(fd, &n, sizeof n) != (ssize_t)sizeof n) {
        return; /* EAGAIN: nothing yet */
    }
    t->unseen = n > UINT32_MAX - t->unseen ? UINT32_MAX : t->unseen + (uint32_t)n;
    if (t->callback == PX_NONE && t->polled) {
        if (t->mode == MODE_ONE_SHOT) { /* an event to wait for, nothing to call */
            t->armed = false;
            px_events_remove(fd);
        }
        return;
    }
    if (t->queued) {
        return; /* merged into the call already queued */
    }
    if (px_sched_schedule(px_from_ptr(&timer_dispatch_obj), ctx)) {
        t->queued = true;
        if (t->mode == MODE_ONE_SHOT) {
            t->armed = false;
            px_events_remove(fd); /* the callback still runs: ctx is kept by the queue */
        }
    } else if (t->mode == MODE_ONE_SHOT) {
        /* the scheduler queue is full: a one-shot must not be lost, try again in 1 ms */
        struct itimerspec again = {{0, 0}, {0, 1000000}};
        timerfd_settime(fd, 0, &again, NULL);
    }
}

static px_val timer_dispatch(px_val self) {
    px_machine_timer *t = px_as_ptr(self);
    t->queued = false;
    if (t->fd < 0) {
        return PX_NONE; /* deinit() after the expiry */
    }
    px_call1(t->callback, self);
    return PX_NONE;
}

/* ---- init */

enum { A_MODE, A_FREQ, A_PERIOD, A_CALLBACK, A_TICK_HZ, A__COUNT };

static const px_argspec init_spec[A__COUNT] = {
    {PX_Q(mode), PX_ARG_KWONLY, PX_SMALL_CONST(MODE_PERIODIC)},
    {PX_Q(freq), PX_ARG_KWONLY, PX_SMALL_CONST(-1)},
    {PX_Q(period), PX_ARG_KWONLY, PX_SMALL_CONST(-1)},
    {PX_Q(callback), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(tick_hz), PX_ARG_KWONLY, PX_SMALL_CONST(1000)},
};

static void timer_start(px_machine_timer *t, const px_val *a) {
    int mode = px_machine_timer_mode(a[A_MODE]);
    uint64_t ns = px_machine_timer_period_ns(a[A_FREQ], a[A_PERIOD], a[A_TICK_HZ]);
    disarm(t);
    t->mode = mode;
    t->period_ns = ns;
    t->callback = a[A_CALLBACK];
    t->polled = false;
    t->unseen = 0;
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (fd < 0) {
        px_hal_raise_msg(errno, "Timer: timerfd_create: %s (too many open files?)", px_port_strerror(errno));
    }
    struct itimerspec its = {{0, 0}, {(time_t)(ns / 1000000000), (long)(ns % 1000000000)}};
    if (mode == MODE_PERIODIC) {
        its.it_interval = its.it_value;
    }
    int err = px_events_add(fd, EPOLLIN, on_expiry, px_from_ptr(t));
    if (err == 0 && timerfd_settime(fd, 0, &its, NULL) != 0) {
        err = errno;
        px_events_remove(fd);
    }
    if (err != 0) {
        close(fd);
        px_hal_raise_msg(err, "Timer: arming the timerfd: %s", px_port_strerror(err));
    }
    t->fd = fd;
    t->armed = true;
}

static px_val timer_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_int id = -1;
    if (argc > 1) {
        px_raise_type_error("Timer() takes the id as its one positional argument");
    }
    if (argc == 1) {
        id = px_index(argv[0]); /* any id: all timers are virtual */
    }
    px_machine_timer *t = px_gc_alloc(sizeof *t, PX_GC_FINALIZE);
    t->base.type = &px_type_timer;
    t->id = id;
    t->fd = -1;
    t->callback = PX_NONE;
    if (kwnames != PX_NULL && px_tuple_ptr(kwnames)->len > 0) {
        px_val a[A__COUNT];
        px_parse_args(PX_Q(Timer), 0, argv + argc, kwnames, A__COUNT, init_spec, a);
        timer_start(t, a);
    }
    return px_from_ptr(t);
}

static void timer_finalize(px_obj *self) {
    disarm((px_machine_timer *)self);
}

static void timer_print(px_out *out, px_val self, px_print_kind kind) {
    px_machine_timer *t = timer_of(self);
    px_printf(out, "Timer(%lld", (long long)t->id);
    if (!t->armed) {
        px_write_cstr(out, ", stopped)");
        return;
    }
    px_printf(out, ", mode=%s, period=", t->mode == MODE_PERIODIC ? "PERIODIC" : "ONE_SHOT");
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
    disarm(timer_of(self));
    return PX_NONE;
}

/* ---- as a stream: ready once it has expired since the last report */

static unsigned timer_ready(px_val self, unsigned events) {
    px_machine_timer *t = timer_of(self);
    t->polled = true; /* (select.poll asks at register, with no events) */
    if ((events & PX_POLL_IN) && t->unseen > 0) {
        t->unseen = 0;
        return PX_POLL_IN;
    }
    return 0;
}

static const px_stream_proto timer_stream = {
    .ready = timer_ready,
};

static PX_METHKW(timer_init_obj, &px_type_timer, init, 1, 1, timer_init);
static PX_METH1(timer_deinit_obj, &px_type_timer, deinit, timer_deinit);

/* Sorted by name bytes (uppercase first). */
static const px_map_entry timer_table[] = {
    PX_ENTRY(ONE_SHOT, PX_SMALL_CONST(MODE_ONE_SHOT)),
    PX_ENTRY(PERIODIC, PX_SMALL_CONST(MODE_PERIODIC)),
    PX_ENTRY_OBJ(deinit, &timer_deinit_obj),
    PX_ENTRY_OBJ(init, &timer_init_obj),
};
static PX_CONST_MAP(timer_dict, timer_table);

const px_type px_type_timer = {
    .base = {&px_type_type},
    .name = PX_Q(Timer),
    .base_type = &px_type_object,
    .dict = &timer_dict,
    .make = timer_make,
    .print = timer_print,
    .finalize = timer_finalize,
    .proto = &timer_stream,
};
