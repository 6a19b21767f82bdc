/* The scheduler's queue (a ring in px_st, so the GC sees what it holds). */
#include "../runtime.h"
#include "sched.h"

bool px_sched_schedule(px_val func, px_val arg) {
    bool ok = false;
    px_port_irq_lock();
    if (px_st.sched_len < PX_SCHED_DEPTH) {
        unsigned i = (px_st.sched_head + px_st.sched_len) % PX_SCHED_DEPTH;
        px_st.sched_func[i] = func;
        px_st.sched_arg[i] = arg;
        px_st.sched_len++;
        px_st.pending = 1;
        ok = true;
    }
    px_port_irq_unlock();
    return ok;
}

bool px_sched_take(px_val *func, px_val *arg) {
    if (px_st.sched_len == 0) {
        return false;
    }
    px_port_irq_lock();
    unsigned i = px_st.sched_head;
    *func = px_st.sched_func[i];
    *arg = px_st.sched_arg[i];
    px_st.sched_func[i] = px_st.sched_arg[i] = PX_NULL;
    px_st.sched_head = (i + 1) % PX_SCHED_DEPTH;
    px_st.sched_len--;
    px_port_irq_unlock();
    return true;
}

void px_sched_run(void) {
    if (px_st.sched_running) {
        return;
    }
    /* Only what is queued now: a callback that schedules itself again runs
     * at the next check, so the program keeps making progress. */
    volatile unsigned n = px_st.sched_len; /* volatile: live across setjmp (-Wclobbered) */
    px_val func, arg;
    while (n-- > 0 && px_sched_take(&func, &arg)) {
        px_st.sched_running = true;
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            px_call(func, 1, &arg, PX_NULL);
            px_try_pop(&j);
        } else {
            px_st.sched_running = false;
            if (px_st.sched_len > 0) {
                px_st.pending = 1; /* the rest runs at the next check */
            }
            px_raise(j.exc);
        }
        px_st.sched_running = false;
    }
    if (px_st.sched_len > 0) {
        px_st.pending = 1;
    }
}

void px_check_pending(void) {
    px_port_poll();
    px_val e = px_st.pending_exc;
    if (e != PX_NULL) {
        px_st.pending_exc = PX_NULL;
        if (px_st.sched_len > 0) {
            px_st.pending = 1;
        }
        px_raise(e);
    }
    px_sched_run();
}
