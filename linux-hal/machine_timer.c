/* machine.Timer on Linux (the Python-facing part is machine_timer_api.c):
 * every timer is a virtual one, a timerfd on the monotonic clock in the
 * event poller. Its expiry queues one dispatch in
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
#include "machine_timer_api.h"

typedef struct px_machine_timer {
    px_timer t;      /* the shared part (machine_timer_api.h) */
    int fd;          /* the timerfd, or -1 before init() / after deinit() */
    bool polled;     /* registered with select.poll since init() */
    uint32_t unseen; /* expiries no poll has reported yet */
} px_machine_timer;

static px_machine_timer *timer_of(px_val v) {
    return (px_machine_timer *)px_as_ptr(px_native(v, &px_type_timer));
}

void px_timer_port_disarm(px_timer *pt) {
    px_machine_timer *t = (px_machine_timer *)pt;
    if (t->fd >= 0) {
        px_events_remove(t->fd);
        close(t->fd);
        t->fd = -1;
    }
    t->t.armed = false;
}

/* The poller's callback: the timerfd has expired (once or more). */
static void on_expiry(px_val ctx, int fd, uint32_t revents) {
    px_machine_timer *t = px_as_ptr(ctx);
    uint64_t n = 0;
    if (read(fd, &n, sizeof n) != (ssize_t)sizeof n) {
        return; /* EAGAIN: nothing yet */
    }
    t->unseen = n > UINT32_MAX - t->unseen ? UINT32_MAX : t->unseen + (uint32_t)n;
    bool one_shot = t->t.mode == PX_TIMER_ONE_SHOT;
    if (t->t.callback == PX_NONE && t->polled) {
        if (one_shot) { /* an event to wait for, nothing to call */
            t->t.armed = false;
            px_events_remove(fd);
        }
        return;
    }
    bool was_queued = t->t.queued;
    if (px_timer_expired(&t->t)) {
        if (one_shot && !was_queued) {
            t->t.armed = false;
            px_events_remove(fd); /* the callback still runs: ctx is kept by the queue */
        }
    } else if (one_shot) {
        /* the scheduler queue is full: a one-shot must not be lost, try again in 1 ms */
        struct itimerspec again = {{0, 0}, {0, 1000000}};
        timerfd_settime(fd, 0, &again, NULL);
    }
}

px_timer *px_timer_port_new(px_int id) {
    px_machine_timer *t = px_gc_alloc(sizeof *t, PX_GC_FINALIZE);
    t->t.base.type = &px_type_timer;
    t->t.id = id; /* any id: every timer is a virtual one */
    t->t.callback = PX_NONE;
    t->fd = -1;
    return &t->t;
}

void px_timer_port_arm(px_timer *pt) {
    px_machine_timer *t = (px_machine_timer *)pt;
    px_timer_port_disarm(pt);
    t->polled = false;
    t->unseen = 0;
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (fd < 0) {
        px_hal_raise_msg(errno, "Timer: timerfd_create: %s (too many open files?)", px_port_strerror(errno));
    }
    uint64_t ns = pt->period_ns;
    struct itimerspec its = {{0, 0}, {(time_t)(ns / 1000000000), (long)(ns % 1000000000)}};
    if (pt->mode == PX_TIMER_PERIODIC) {
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
    pt->armed = true;
}

static void timer_finalize(px_obj *self) {
    px_timer_port_disarm((px_timer *)self);
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

const px_type px_type_timer = {
    .base = {&px_type_type},
    .name = PX_Q(Timer),
    .base_type = &px_type_object,
    .dict = &px_timer_dict,
    .make = px_timer_make,
    .print = px_timer_print,
    .finalize = timer_finalize,
    .proto = &timer_stream,
};
