/* UART.irq() on Linux: IRQ_RX and IRQ_RXIDLE from the tty's receive
 * queue. The tty fd is in the event poller edge-triggered (EPOLLET): the
 * kernel wakes it each time received bytes reach the queue, so the
 * handler runs once per arrival whether or not it reads them (a
 * level-triggered source would call it again and again until it did).
 * IRQ_RXIDLE is a timerfd re-armed at each arrival for the UART's
 * character gap (uart_irq.h): it fires when the line has been quiet that
 * long. Handlers run through the scheduler, as Pin and Timer handlers;
 * the events that came while one was queued are merged into its call and
 * flags() returns them. */
#include <errno.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "events.h"
#include "hal_error.h"
#include "uart_irq.h"

struct px_uart_irq {
    px_obj base; /* &px_type_uart_irq */
    px_val uart;
    px_val handler;    /* callable or None */
    unsigned trigger;  /* PX_UART_IRQ_RX | PX_UART_IRQ_RXIDLE */
    unsigned pending;  /* events not yet handed to the handler */
    unsigned flags;    /* the events of the call being made */
    bool queued;       /* a dispatch waits in the scheduler queue */
    int fd;            /* the tty fd registered, or -1 */
    int idle_fd;       /* timerfd for IRQ_RXIDLE, or -1 */
    int64_t idle_us;   /* the quiet time that makes RXIDLE */
};

static px_val irq_dispatch(px_val self);
static PX_FUN1(irq_dispatch_obj, irq, irq_dispatch);

static void raise_event(px_uart_irq *irq, unsigned what) {
    irq->pending |= what;
    if (!irq->queued && irq->handler != PX_NONE &&
        px_sched_schedule(px_from_ptr(&irq_dispatch_obj), px_from_ptr(irq))) {
        irq->queued = true;
    }
}

static void on_idle(px_val ctx, int fd, uint32_t revents) {
    uint64_t n;
    if (read(fd, &n, sizeof n) == (ssize_t)sizeof n) {
        raise_event(px_as_ptr(ctx), PX_UART_IRQ_RXIDLE);
    }
}

static void on_rx(px_val ctx, int fd, uint32_t revents) {
    px_uart_irq *irq = px_as_ptr(ctx);
    if (irq->trigger & PX_UART_IRQ_RX) {
        raise_event(irq, PX_UART_IRQ_RX);
    }
    if (irq->idle_fd >= 0) {
        struct itimerspec its = {{0, 0}, {(time_t)(irq->idle_us / 1000000), (long)(irq->idle_us % 1000000) * 1000}};
        timerfd_settime(irq->idle_fd, 0, &its, NULL); /* restarts the quiet time */
    }
}

static px_val irq_dispatch(px_val self) {
    px_uart_irq *irq = px_as_ptr(self);
    irq->queued = false;
    irq->flags = irq->pending;
    irq->pending = 0;
    if (irq->flags != 0 && irq->handler != PX_NONE) {
        px_call1(irq->handler, irq->uart);
    }
    return PX_NONE;
}

void px_uart_irq_detach(px_uart_irq *irq) {
    if (irq == NULL) {
        return;
    }
    if (irq->fd >= 0) {
        px_events_remove(irq->fd);
        irq->fd = -1;
    }
    if (irq->idle_fd >= 0) {
        px_events_remove(irq->idle_fd);
        close(irq->idle_fd);
        irq->idle_fd = -1;
    }
    irq->pending = 0;
}

void px_uart_irq_attach(px_uart_irq *irq, int fd, int64_t idle_us) {
    if (irq == NULL) {
        return;
    }
    px_uart_irq_detach(irq);
    irq->idle_us = idle_us > 0 ? idle_us : 1000;
    if (irq->trigger == 0 || fd < 0) {
        return;
    }
    int err = 0;
    if (irq->trigger & PX_UART_IRQ_RXIDLE) {
        irq->idle_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
        err = irq->idle_fd < 0 ? errno : px_events_add(irq->idle_fd, EPOLLIN, on_idle, px_from_ptr(irq));
    }
    if (err == 0) {
        err = px_events_add(fd, EPOLLIN | EPOLLET, on_rx, px_from_ptr(irq));
        if (err == 0) {
            irq->fd = fd;
        }
    }
    if (err != 0) {
        px_uart_irq_detach(irq);
        px_hal_raise_msg(err, "UART.irq: the event poller: %s", px_port_strerror(err));
    }
}

px_uart_irq *px_uart_irq_set(px_uart_irq *irq, px_val uart, px_val handler, unsigned trigger) {
    if (handler != PX_NONE && !px_callable(handler)) {
        px_raise_type_error("'%s' object is not callable", px_type_name(handler));
    }
    if (trigger & (PX_UART_IRQ_TXIDLE | PX_UART_IRQ_BREAK)) {
        px_raise_value_error("UART.IRQ_TXIDLE and IRQ_BREAK are not available on Linux: the tty layer "
                             "reports neither (use flush() or txdone() to wait for the transmitter)");
    }
    if (trigger & ~(unsigned)(PX_UART_IRQ_RX | PX_UART_IRQ_RXIDLE)) {
        px_raise_value_error("invalid trigger %u", trigger);
    }
    if (irq == NULL) {
        irq = px_gc_alloc(sizeof *irq, 0);
        irq->base.type = &px_type_uart_irq;
        irq->uart = uart;
        irq->fd = irq->idle_fd = -1;
    }
    irq->handler = handler;
    irq->trigger = trigger;
    return irq;
}

/* ---- the irq object */

static px_uart_irq *irq_self(px_val v) {
    return px_as_ptr(px_native(v, &px_type_uart_irq));
}

static px_val irq_flags(px_val self) {
    return px_small(irq_self(self)->flags);
}

static px_val irq_trigger(px_val self) {
    return px_small(irq_self(self)->trigger);
}

static PX_METH1(irq_flags_obj, &px_type_uart_irq, flags, irq_flags);
static PX_METH1(irq_trigger_obj, &px_type_uart_irq, trigger, irq_trigger);

static const px_map_entry irq_table[] = {
    PX_ENTRY_OBJ(flags, &irq_flags_obj),
    PX_ENTRY_OBJ(trigger, &irq_trigger_obj),
};
static PX_CONST_MAP(irq_dict, irq_table);

const px_type px_type_uart_irq = {
    .base = {&px_type_type},
    .name = PX_Q(irq),
    .base_type = &px_type_object,
    .dict = &irq_dict,
};
