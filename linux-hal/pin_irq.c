/* Pin edges: Pin.irq() turns on the request's edge detection and puts its
 * fd in the event poller. The poller's callback (between bytecodes or
 * inside waits, never in a signal handler) reads the kernel's edge events,
 * counts gaps in their sequence numbers as lost edges, and queues them on
 * the Pin; one scheduled dispatch per Pin then calls the handler once per
 * edge, so bursts are counted exactly although the scheduler queue is short.
 * Without a handler the edges wait for select.poll and irq().flags(). */
#include <errno.h>
#include <stdio.h>
#include <sys/epoll.h>

#include "events.h"
#include "machine_pin.h"

#define RING 512             /* edges queued per Pin before the kernel buffer takes over */
#define MAX_EVENT_BUFFER 1024 /* the kernel's cap: 16 * GPIO_V2_LINES_MAX */

struct px_pin_irq {
    px_obj base; /* &px_type_pin_irq */
    px_pin *pin;
    px_val handler;     /* callable or None */
    unsigned trigger;   /* PX_PIN_IRQ_RISING | PX_PIN_IRQ_FALLING, 0: off */
    bool hard;          /* accepted; Linux user space has no hard IRQs */
    bool queued;        /* a dispatch waits in the scheduler queue */
    bool warned;        /* the overflow warning was printed */
    bool paused;        /* registered with no events while the ring is full */
    int polled_fd;      /* the fd registered with the event poller, or -1 */
    int seq_fd;         /* the request last_seqno counts for */
    int read_err;       /* errno from reading edges (chip gone), or 0 */
    uint32_t last_seqno;
    px_int overflows;   /* edges the kernel dropped (buffer full) */
    unsigned flags;     /* the edge being handled; without handler: edges since flags() */
    unsigned pending;   /* edges not yet delivered */
    unsigned head;      /* first queued edge in ring */
    uint8_t *ring;      /* RING edge kinds (leaf block), used with a handler */
};

static px_val irq_dispatch(px_val self);
static void on_edges(px_val ctx, int fd, uint32_t revents);
static PX_FUN1(irq_dispatch_obj, irq, irq_dispatch);

static void warn_overflow(px_pin_irq *irq, uint32_t lost) {
    irq->overflows += lost;
    if (!irq->warned) {
        irq->warned = true;
        char d[64];
        px_pin_describe(irq->pin, d, sizeof d);
        px_printf(&px_out_stderr,
                  "warning: Pin %s: %lu edge(s) lost: the kernel's event buffer (%lu) overflowed; "
                  "handle edges faster or raise Pin.irq(event_buffer=...) (count in "
                  "irq().overflows)\n",
                  d, (unsigned long)lost, (unsigned long)irq->pin->event_buffer);
    }
}

static void note_edge(px_pin_irq *irq, const px_gpio_edge *e, bool dispatch) {
    if (e->seqno > irq->last_seqno + 1 && irq->last_seqno != 0) {
        warn_overflow(irq, e->seqno - irq->last_seqno - 1);
    } else if (e->seqno > 1 && irq->last_seqno == 0) {
        warn_overflow(irq, e->seqno - 1); /* lost before the first read */
    }
    irq->last_seqno = e->seqno;
    unsigned kind = e->rising ? PX_PIN_IRQ_RISING : PX_PIN_IRQ_FALLING;
    if (dispatch) {
        irq->ring[(irq->head + irq->pending) % RING] = (uint8_t)kind;
        irq->pending++;
    } else {
        irq->flags |= kind;
        if (irq->pending < 0x7fffffff) {
            irq->pending++;
        }
    }
}

/* Stop watching the request: the chip is gone (err). The next Pin call
 * reports it; select.poll sees POLLERR. */
static void stop_watching(px_pin_irq *irq, int fd, int err) {
    irq->read_err = err;
    px_events_remove(fd);
    irq->polled_fd = -1;
    irq->paused = false;
}

/* The fd stays readable while edges wait in the kernel, and the poller is
 * level-triggered: so while the ring is full the source is paused (no
 * events), or every wait would return at once and spin. */
static void pause_source(px_pin_irq *irq, int fd, px_val ctx) {
    if (!irq->paused && px_events_add(fd, 0, on_edges, ctx) == 0) {
        irq->paused = true;
    }
}

/* 0 or an errno value (the source then stays paused). */
static int resume_source(px_pin_irq *irq) {
    if (irq->paused && irq->polled_fd >= 0) {
        int err = px_events_add(irq->polled_fd, EPOLLIN, on_edges, px_from_ptr(irq));
        if (err != 0) {
            return err;
        }
        irq->paused = false;
    }
    return 0;
}

/* The event poller's callback for a Pin's request fd. */
static void on_edges(px_val ctx, int fd, uint32_t revents) {
    px_pin_irq *irq = px_as_ptr(ctx);
    if (irq->paused) {
        /* a paused source still reports errors: the chip may be gone */
        if (revents & (EPOLLERR | EPOLLHUP)) {
            int v, err = px_gpio_get_value(fd, &v);
            stop_watching(irq, fd, err != 0 ? err : EIO);
        }
        return;
    }
    bool dispatch = irq->handler != PX_NONE;
    for (;;) {
        size_t room = 16;
        if (dispatch) {
            /* leave edges in the kernel's buffer rather than drop them here:
             * its sequence numbers tell if it overflows */
            if (irq->pending >= RING) {
                pause_source(irq, fd, ctx); /* irq_dispatch resumes it */
                break;
            }
            if (!irq->queued && px_st.sched_len >= PX_SCHED_DEPTH) {
                break; /* retried at the next wake-up, once the queue has room */
            }
            if (RING - irq->pending < room) {
                room = RING - irq->pending;
            }
        }
        px_gpio_edge ev[16];
        long n = px_gpio_read_edges(fd, ev, room);
        if (n < 0) {
            stop_watching(irq, fd, (int)-n);
            break;
        }
        for (long i = 0; i < n; i++) {
            note_edge(irq, &ev[i], dispatch);
        }
        if (n < (long)room) {
            break;
        }
    }
    if (dispatch && irq->pending > 0 && !irq->queued &&
        px_sched_schedule(px_from_ptr(&irq_dispatch_obj), ctx)) {
        irq->queued = true;
    }
}

/* handler(pin): the exception it raised, or PX_NULL. */
static px_val call_handler(px_val handler, px_val pin) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_call1(handler, pin);
        px_try_pop(&j);
        return PX_NULL;
    }
    return j.exc;
}

static px_val irq_dispatch(px_val self) {
    px_pin_irq *irq = px_as_ptr(self);
    irq->queued = false;
    while (irq->pending > 0 && irq->handler != PX_NONE) {
        irq->flags = irq->ring[irq->head];
        irq->head = (irq->head + 1) % RING;
        irq->pending--;
        if (irq->pending <= RING / 2) {
            resume_source(irq); /* room again: read the kernel's buffer (retried below) */
        }
        px_val exc = call_handler(irq->handler, px_from_ptr(irq->pin));
        if (exc != PX_NULL) {
            /* the remaining edges are delivered at the next pending check */
            if (irq->pending > 0 && !irq->queued &&
                px_sched_schedule(px_from_ptr(&irq_dispatch_obj), self)) {
                irq->queued = true;
            }
            px_raise(exc);
        }
    }
    int err = resume_source(irq);
    if (err != 0) {
        px_raise_os_error(err, "event poller");
    }
    return PX_NONE;
}

/* ---- the poller registration follows the request fd */

void px_pin_irq_attach(px_pin *p) {
    px_pin_irq *irq = p->irq;
    if (irq == NULL) {
        return;
    }
    bool want = irq->trigger != 0 && p->fd >= 0;
    if (irq->polled_fd >= 0 && (!want || irq->polled_fd != p->fd)) {
        px_events_remove(irq->polled_fd);
        irq->polled_fd = -1;
    }
    if (want && irq->polled_fd < 0) {
        int err = px_events_add(p->fd, EPOLLIN, on_edges, px_from_ptr(irq));
        if (err != 0) {
            px_raise_os_error(err, "event poller");
        }
        irq->polled_fd = p->fd;
        irq->paused = false;
        irq->read_err = 0;
        if (irq->seq_fd != p->fd) {
            irq->seq_fd = p->fd;
            irq->last_seqno = 0; /* a new request numbers its edges from 1 */
        }
    } else if (want && irq->pending < RING) {
        int err = resume_source(irq); /* the ring was emptied (a new handler) */
        if (err != 0) {
            px_raise_os_error(err, "event poller");
        }
    }
}

void px_pin_irq_detach(px_pin *p) {
    px_pin_irq *irq = p->irq;
    if (irq != NULL) {
        if (irq->polled_fd >= 0) {
            px_events_remove(irq->polled_fd);
            irq->polled_fd = -1;
        }
        irq->paused = false;
        irq->pending = 0; /* edges of a released line are not delivered */
    }
}

uint64_t px_pin_irq_line_flags(const px_pin *p) {
    uint64_t f = 0;
    if (p->irq != NULL) {
        if (p->irq->trigger & PX_PIN_IRQ_RISING) {
            f |= GPIO_V2_LINE_FLAG_EDGE_RISING;
        }
        if (p->irq->trigger & PX_PIN_IRQ_FALLING) {
            f |= GPIO_V2_LINE_FLAG_EDGE_FALLING;
        }
    }
    return f;
}

/* ---- Pin.irq() */

enum { X_DEBOUNCE, X_BUFFER, X__COUNT };

/* Linux's own keywords after the shared ones (machine_args.h) */
static const px_argspec irq_extra_spec[X__COUNT] = {
    {PX_Q(debounce), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(event_buffer), PX_ARG_KWONLY, PX_UNSET},
};

static px_pin_irq *irq_of(px_pin *p) {
    if (p->irq == NULL) {
        px_pin_irq *irq = px_gc_alloc(sizeof *irq, 0);
        irq->base.type = &px_type_pin_irq;
        irq->pin = p;
        irq->handler = PX_NONE;
        irq->polled_fd = -1;
        irq->seq_fd = -1;
        irq->ring = px_gc_alloc(RING, PX_GC_LEAF);
        p->irq = irq;
    }
    return p->irq;
}

px_val px_pin_irq_method(size_t argc, const px_val *argv, px_val kwnames) {
    px_pin *p = px_pin_of(argv[0]);
    if (argc == 1 && kwnames == PX_NULL) {
        return px_from_ptr(irq_of(p)); /* irq(): the current settings */
    }
    /* irq(None) turns edges off (MicroPython's idiom); irq(trigger=...)
     * without a handler keeps them for select.poll */
    px_val x[X__COUNT];
    px_pin_irq_args ia;
    px_machine_pin_irq_args(argc - 1, argv + 1, kwnames, irq_extra_spec, X__COUNT, x,
                            "level-triggered IRQs are not available on Linux: the GPIO interface "
                            "reports edges (use IRQ_RISING and/or IRQ_FALLING)",
                            "Linux", &ia);
    px_val handler = ia.handler;
    px_int trigger = ia.trigger;
    long long debounce = -1;
    if (x[X_DEBOUNCE] != PX_UNSET) {
        debounce = x[X_DEBOUNCE] == PX_NONE ? 0 : px_index(x[X_DEBOUNCE]);
        if (debounce < 0 || debounce > 100000000) {
            px_raise_value_error("debounce must be 0..100000000 microseconds");
        }
    }
    long long buffer = -1;
    if (x[X_BUFFER] != PX_UNSET) {
        buffer = px_index(x[X_BUFFER]);
        if (buffer < 1 || buffer > MAX_EVENT_BUFFER) {
            px_raise_value_error("event_buffer must be 1..%d edges", MAX_EVENT_BUFFER);
        }
    }
    if (p->gone) {
        px_gpio_raise(ENODEV, p->chip, p->line);
    }
    if (p->fd < 0) {
        char d[64];
        px_pin_describe(p, d, sizeof d);
        px_raise_value_error("Pin %s was released by deinit(); call init() to request it again", d);
    }
    if (trigger != 0 && p->mode != PX_PIN_IN) {
        px_raise_value_error("Pin.irq() needs an input: Linux detects edges only on lines "
                             "configured as Pin.IN");
    }
    px_pin_irq *irq = irq_of(p);
    if ((irq->handler == PX_NONE) != (handler == PX_NONE)) {
        /* queued edges are kept differently with and without a handler */
        irq->pending = irq->head = irq->flags = 0;
    }
    irq->handler = handler;
    irq->trigger = (unsigned)trigger;
    irq->hard = ia.hard;
    if (debounce >= 0) {
        p->debounce_us = (uint32_t)debounce;
    }
    if (buffer >= 0 && (uint32_t)buffer != p->event_buffer) {
        /* the kernel sizes the buffer when the line is requested */
        p->event_buffer = (uint32_t)buffer;
        px_pin_rerequest(p);
    } else {
        px_pin_apply(p);
        px_pin_irq_attach(p);
    }
    if (trigger == 0) {
        /* edges still queued belong to the old trigger: drop them */
        px_gpio_edge ev[16];
        long n;
        while ((n = px_gpio_read_edges(p->fd, ev, 16)) > 0) {
            irq->last_seqno = ev[n - 1].seqno;
        }
        irq->pending = 0;
        irq->flags = 0;
    }
    return px_from_ptr(irq);
}

/* ---- the irq object */

static px_pin_irq *irq_self(px_val v) {
    return px_as_ptr(px_native(v, &px_type_pin_irq));
}

/* With a handler: the edge being handled. Without: the edges seen since
 * the last call (which consumes them, so select.poll waits again). */
static px_val irq_flags(px_val self) {
    px_pin_irq *irq = irq_self(self);
    unsigned f = irq->flags;
    if (irq->handler == PX_NONE) {
        irq->flags = 0;
        irq->pending = 0;
    }
    return px_small(f);
}

static px_val irq_trigger(px_val self) {
    return px_small(irq_self(self)->trigger);
}

static px_val irq_getattr(px_val self, px_qid name) {
    px_pin_irq *irq = irq_self(self);
    if (name == PX_Q(overflows)) {
        return px_int_from_i64(irq->overflows);
    }
    return PX_NULL;
}

static px_val irq_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    px_pin_irq *irq = irq_self(self);
    px_check_args(PX_Q(irq), argc, kwnames, 0, 0);
    if (irq->handler != PX_NONE) {
        px_call1(irq->handler, px_from_ptr(irq->pin));
    }
    return PX_NONE;
}

static void irq_print(px_out *out, px_val self, px_print_kind kind) {
    px_pin_irq *irq = irq_self(self);
    char d[64];
    px_pin_describe(irq->pin, d, sizeof d);
    px_printf(out, "<irq %s trigger=%u>", d, irq->trigger);
}

static PX_METH1(irq_flags_obj, &px_type_pin_irq, flags, irq_flags);
static PX_METH1(irq_trigger_obj, &px_type_pin_irq, trigger, irq_trigger);

static const px_map_entry irq_table[] = {
    PX_ENTRY_OBJ(flags, &irq_flags_obj),
    PX_ENTRY_OBJ(trigger, &irq_trigger_obj),
};
static PX_CONST_MAP(irq_dict, irq_table);

const px_type px_type_pin_irq = {
    .base = {&px_type_type},
    .name = PX_Q(irq),
    .base_type = &px_type_object,
    .dict = &irq_dict,
    .print = irq_print,
    .call = irq_call,
    .getattr = irq_getattr,
};

/* ---- Pin as a stream: select.poll waits for its edges */

static int pin_fileno(px_val self) {
    px_pin *p = px_pin_of(self);
    return p->irq != NULL && p->irq->trigger != 0 && p->fd >= 0 ? p->fd : -1;
}

static unsigned pin_ready(px_val self, unsigned events) {
    px_pin *p = px_pin_of(self);
    unsigned r = 0;
    if (p->irq != NULL && p->irq->pending > 0) {
        r |= PX_POLL_IN;
    }
    if (p->irq != NULL && p->irq->read_err != 0) {
        r |= PX_POLL_ERR;
    }
    return r & (events | PX_POLL_ERR | PX_POLL_HUP);
}

const px_stream_proto px_pin_stream = {
    .fileno = pin_fileno,
    .ready = pin_ready,
};
