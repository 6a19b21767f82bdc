/* The select module's wait (modules/select.h) on a board. The board's
 * descriptors are its console's: 0 is readable when the receive ring
 * holds bytes, 1 and 2 are always writable (output waits on the UART
 * itself); any other number is not open. Waiting is WFI, woken by the
 * UART's receive interrupt or the millisecond tick. */
#include "runtime.h"
#include "cortex_m.h"
#include "select.h"

static int look(px_pollfd *fds, size_t n) {
    int ready = 0;
    for (size_t i = 0; i < n; i++) {
        px_pollfd *f = &fds[i];
        if (f->fd < 0) {
            f->revents = 0;
            continue;
        }
        unsigned ev = f->fd > 2 ? PX_POLL_NVAL
                      : f->fd == 0 ? (px_port_stdin_pending() > 0 ? PX_POLL_IN : 0)
                                   : PX_POLL_OUT;
        f->revents = (short)(ev & ((unsigned)f->events | PX_POLL_NVAL));
        ready += f->revents != 0;
    }
    return ready;
}

int px_select_wait(int64_t timeout_us, px_pollfd *fds, size_t n) {
    if (timeout_us != 0) {
        px_port_stdout_flush(); /* what was printed before a wait is seen during it */
    }
    uint64_t start = px_port_ticks_us();
    for (;;) {
        int ready = look(fds, n);
        if (ready > 0 || timeout_us == 0 || px_st.pending) {
            return ready;
        }
        if (timeout_us > 0 && px_port_ticks_us() - start >= (uint64_t)timeout_us) {
            return 0;
        }
        /* interrupts off from the test to the WFI: a byte arriving in
         * between still wakes it (WFI wakes on a pending interrupt) */
        px_cm_irq_off();
        if (!px_st.pending && px_port_stdin_pending() == 0) {
            px_cm_wfi();
        }
        px_cm_irq_on();
    }
}
