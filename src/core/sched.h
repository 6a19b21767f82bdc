/* The scheduler: callbacks queued by micropython.schedule, by the port's
 * event dispatch (GPIO edges, timers) and by signals run between bytecodes,
 * one at a time, in the order queued. Nothing here runs inside a signal
 * handler: a signal only sets px_st.pending, and the VM's pending check
 * calls px_port_poll (which may queue callbacks) and then px_sched_run. */
#ifndef PX_SCHED_H
#define PX_SCHED_H

#include <stdbool.h>
#include "../object.h"

/* Queue func(arg) to run at the next pending check; false if the queue
 * (PX_SCHED_DEPTH entries) is full. Not for signal handlers. */
bool px_sched_schedule(px_val func, px_val arg);
/* Remove the oldest queued callback (into func and arg); false if none.
 * (px_sched_run uses it; so does the port's run-at-exit.) */
bool px_sched_take(px_val *func, px_val *arg);
/* Run what is queued (nothing if a callback is already running: callbacks
 * do not nest). An exception from a callback propagates to the caller,
 * as it does from the code it interrupted. */
void px_sched_run(void);
/* The pending check (the VM calls it between bytecodes when px_st.pending
 * is set; blocking C functions call it after an early wake-up): collect
 * port events, raise a pending exception (KeyboardInterrupt, SystemExit),
 * run scheduled callbacks. */
void px_check_pending(void);

#endif
