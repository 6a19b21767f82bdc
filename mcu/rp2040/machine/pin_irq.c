/* Pin interrupts. The IO_BANK0 handler only records which events each
 * pin had (and masks level events, which would otherwise fire again at
 * once) and asks for a pending check; between bytecodes rp_pin_irq_poll
 * queues one dispatch per pin in the scheduler, which calls the handler
 * with the Pin. Edges that come while a dispatch waits merge into it (the
 * hardware latches one edge of each kind per pin anyway); flags() tells
 * which kinds came. Handlers run as scheduled work, never inside the
 * interrupt: they may allocate and raise (hard=True is accepted and
 * means the same). */
#include "board.h"
#include "nvic.h"
#include "reg.h"
#include "rp_machine.h"

struct rp_pin_irq {
    px_obj base; /* &rp_type_pin_irq */
    rp_pin *pin;
    px_val handler;   /* callable or None */
    unsigned trigger; /* PX_PIN_IRQ_* bits, 0: off */
    unsigned flags;   /* the events being handled */
    bool queued;      /* a dispatch waits in the scheduler queue */
};

/* Written by the interrupt handler, taken by the poll: trigger bits. */
static volatile uint8_t seen[RP_GPIO_COUNT];
static volatile bool any_seen;
static rp_pin_irq *armed[RP_GPIO_COUNT]; /* the irq objects with a trigger (rooted) */
static bool armed_rooted;

static void note(unsigned pin, uint32_t events, void *ctx) {
    seen[pin] |= (uint8_t)rp_gpio_trigger_of_events(events);
    uint32_t levels = events & (RP_GPIO_EV_LEVEL_LOW | RP_GPIO_EV_LEVEL_HIGH);
    if (levels != 0) {
        rp_gpio_irq_mask(pin, levels); /* until the handler has run */
    }
}

void rp_isr_io_bank0(void) {
    rp_gpio_irq_service(note, NULL);
    any_seen = true;
    px_st.pending = 1;
}

static px_val irq_dispatch(px_val self);
static PX_FUN1(irq_dispatch_obj, irq, irq_dispatch);

void rp_pin_irq_poll(void) {
    if (!any_seen) {
        return;
    }
    any_seen = false;
    for (unsigned pin = 0; pin < RP_GPIO_COUNT; pin++) {
        if (seen[pin] == 0) {
            continue;
        }
        rp_pin_irq *irq = armed[pin];
        px_port_irq_lock();
        unsigned ev = seen[pin];
        seen[pin] = 0;
        px_port_irq_unlock();
        if (irq == NULL || irq->handler == PX_NONE) {
            continue;
        }
        irq->flags |= ev & irq->trigger;
        if (!irq->queued) {
            if (px_sched_schedule(px_from_ptr(&irq_dispatch_obj), px_from_ptr(irq))) {
                irq->queued = true;
            } else {
                px_port_irq_lock(); /* the queue is full: at the next check */
                seen[pin] |= (uint8_t)ev;
                px_port_irq_unlock();
                any_seen = true;
                px_st.pending = 1;
            }
        }
    }
}

static px_val irq_dispatch(px_val self) {
    rp_pin_irq *irq = px_as_ptr(self);
    irq->queued = false;
    unsigned levels = irq->trigger & (PX_PIN_IRQ_LOW_LEVEL | PX_PIN_IRQ_HIGH_LEVEL);
    if (irq->handler != PX_NONE && irq->flags != 0) {
        px_call1(irq->handler, px_from_ptr(irq->pin));
    }
    irq->flags = 0;
    if (levels != 0 && armed[irq->pin->gpio] == irq) {
        rp_gpio_irq_unmask(irq->pin->gpio, rp_gpio_events_of_trigger(levels)); /* still there: again */
    }
    return PX_NONE;
}

/* ---- Pin.irq() */

static rp_pin_irq *irq_of(rp_pin *p) {
    if (p->irq == NULL) {
        rp_pin_irq *irq = px_gc_alloc(sizeof *irq, 0);
        irq->base.type = &rp_type_pin_irq;
        irq->pin = p;
        irq->handler = PX_NONE;
        p->irq = irq;
    }
    return p->irq;
}

px_val rp_pin_irq_method(size_t argc, const px_val *argv, px_val kwnames) {
    rp_pin *p = (rp_pin *)px_as_ptr(px_native(argv[0], &rp_type_pin));
    if (argc == 1 && kwnames == PX_NULL) {
        return px_from_ptr(irq_of(p)); /* irq(): the current settings */
    }
    /* irq(None) turns the interrupt off; a handler alone means both edges */
    px_pin_irq_args ia;
    px_machine_pin_irq_args(argc - 1, argv + 1, kwnames, NULL, 0, NULL, NULL, "the RP2040 port", &ia);
    px_val handler = ia.handler;
    unsigned trigger = ia.trigger;
    rp_pin_irq *irq = irq_of(p);
    irq->handler = handler;
    irq->trigger = handler == PX_NONE ? 0 : trigger;
    irq->flags = 0;
    if (!armed_rooted) {
        px_gc_add_root(armed, sizeof armed);
        armed_rooted = true;
    }
    armed[p->gpio] = irq->trigger != 0 ? irq : NULL;
    px_port_irq_lock();
    seen[p->gpio] = 0; /* events of the old trigger are not delivered */
    px_port_irq_unlock();
    rp_gpio_irq_set(p->gpio, rp_gpio_events_of_trigger(irq->trigger));
    if (irq->trigger != 0) {
        mcu_irq_enable(RP_IRQ_IO_BANK0);
    }
    return px_from_ptr(irq);
}

/* ---- the irq object */

static rp_pin_irq *irq_self(px_val v) {
    return px_as_ptr(px_native(v, &rp_type_pin_irq));
}

static px_val irq_flags(px_val self) {
    return px_small(irq_self(self)->flags);
}

static px_val irq_trigger(px_val self) {
    return px_small(irq_self(self)->trigger);
}

static px_val irq_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    rp_pin_irq *irq = irq_self(self);
    px_check_args(PX_Q(irq), argc, kwnames, 0, 0);
    if (irq->handler != PX_NONE) {
        px_call1(irq->handler, px_from_ptr(irq->pin));
    }
    return PX_NONE;
}

static void irq_print(px_out *out, px_val self, px_print_kind kind) {
    rp_pin_irq *irq = irq_self(self);
    px_printf(out, "<irq GP%u trigger=%u>", (unsigned)irq->pin->gpio, irq->trigger);
}

static PX_METH1(irq_flags_obj, &rp_type_pin_irq, flags, irq_flags);
static PX_METH1(irq_trigger_obj, &rp_type_pin_irq, trigger, irq_trigger);

static const px_map_entry irq_table[] = {
    PX_ENTRY_OBJ(flags, &irq_flags_obj),
    PX_ENTRY_OBJ(trigger, &irq_trigger_obj),
};
static PX_CONST_MAP(irq_dict, irq_table);

const px_type rp_type_pin_irq = {
    .base = {&px_type_type},
    .name = PX_Q(irq),
    .base_type = &px_type_object,
    .dict = &irq_dict,
    .print = irq_print,
    .call = irq_call,
};
