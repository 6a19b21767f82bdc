/* machine.Timer's Python-facing layer, shared by every port: Timer(id,
 * *, mode, freq, period, callback, tick_hz), init, deinit, repr, the
 * ONE_SHOT/PERIODIC constants, and the dispatch that calls a callback
 * between bytecodes. Which ids exist is the port's: on Linux and the
 * Pico every timer is a virtual one (any id); a board with hardware
 * timers takes their numbers and -1. A port provides the clock under it: the functions below and its Timer type,
 * px_type_timer, made of the shared parts (px_timer_make, px_timer_print,
 * px_timer_dict) and whatever the port adds (a finalizer, a stream
 * protocol). Nothing here touches an OS or a register. */
#ifndef PX_MACHINE_TIMER_API_H
#define PX_MACHINE_TIMER_API_H

#include "runtime.h"

/* The start of every port's Timer object. */
typedef struct px_timer {
    px_obj base; /* &px_type_timer */
    px_int id;
    int mode;     /* PX_TIMER_ONE_SHOT or PX_TIMER_PERIODIC */
    bool armed;   /* counting down (a one-shot that fired is not) */
    bool queued;  /* a dispatch waits in the scheduler queue */
    bool stopped; /* deinit() since the last start: a queued call is dropped */
    uint64_t period_ns;
    px_val callback;
} px_timer;

/* ---- what the port provides */
extern const px_type px_type_timer;
/* The Timer object for `id` (ValueError for an id the port has not): a
 * new one of the port's size with base.type, id and callback (None) set
 * and the rest zero. */
px_timer *px_timer_port_new(px_int id);
/* Start counting t->period_ns from now (again, if it was armed), once or
 * every period by t->mode; sets t->armed. OSError if the clock refuses. */
void px_timer_port_arm(px_timer *t);
/* Stop counting (nothing if not armed); clears t->armed. */
void px_timer_port_disarm(px_timer *t);

/* ---- what the port uses */
/* An expiry: queue one call of the callback unless one waits already
 * (expiries merge into it). False if the scheduler's queue is full: the
 * port tries again later (a one-shot must not be lost). */
bool px_timer_expired(px_timer *t);
px_val px_timer_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames);
void px_timer_print(px_out *out, px_val self, px_print_kind kind);
extern const px_map px_timer_dict;

#endif
