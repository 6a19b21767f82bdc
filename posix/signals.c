/* Signals of the POSIX port: handlers only set flags and px_st.pending
 * (async-signal-safe); px_posix_signals_poll turns the flags into Python
 * exceptions between bytecodes. Also the interrupt lock (signal mask). */
#include <signal.h>
#include <string.h>

#include "runtime.h"
#include "posix.h"

static sigset_t saved_mask;
static int lock_depth;

void px_port_irq_lock(void) {
    if (lock_depth++ == 0) {
        sigset_t all;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, &saved_mask);
    }
}

void px_port_irq_unlock(void) {
    if (lock_depth > 0 && --lock_depth == 0) {
        sigprocmask(SIG_SETMASK, &saved_mask, NULL);
    }
}

/* SIGINT only sets flags (async-signal-safe); the VM sees px_st.pending
 * between bytecodes and calls px_port_poll, which turns it into a
 * KeyboardInterrupt. */
static volatile sig_atomic_t got_sigint;

static void on_sigint(int sig) {
    (void)sig;
    got_sigint = 1;
    px_st.pending = 1;
}

void px_posix_signals_init(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    /* a closed pipe is an EPIPE write error, not a silent death */
    signal(SIGPIPE, SIG_IGN);
}

void px_posix_signals_poll(void) {
    if (got_sigint) {
        got_sigint = 0;
        px_st.pending_exc = px_from_ptr(&px_type_KeyboardInterrupt);
    }
}

