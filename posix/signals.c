/* Signals of the POSIX port: handlers only set flags and px_st.pending
 * (async-signal-safe); px_posix_signals_poll turns the flags into Python
 * exceptions between bytecodes:
 *
 *   SIGINT   KeyboardInterrupt (uncaught: exit status 130, main.c)
 *   SIGTERM  SystemExit(143), so finally blocks and with exits run; if it
 *            is not caught, the process then ends by SIGTERM itself, with
 *            its default action (services/shutdown.c: what systemd
 *            records as a clean stop; a shell shows status 143)
 *   SIGHUP   SystemExit(129) the same way: the terminal (or the session
 *            of a service) has gone, so the program ends, cleaning up
 *   After the first SIGTERM, a second one kills at once, and the process
 *   is killed by SIGTERM if it has not ended within PX_STOP_GRACE_S
 *   seconds (a stuck clean-up). SIGHUP has no such deadline: a program
 *   may catch it and go on (to reload its configuration).
 *   SIGPIPE  ignored: a closed pipe is an EPIPE write error (console.c)
 *
 * The handlers are installed without SA_RESTART so a blocking call returns
 * EINTR and its caller can run the pending check. Also the interrupt lock
 * (the signal mask). */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

#include "runtime.h"
#include "posix.h"
#include "services.h"

/* the status of a shell's report of a death by the signal */
#define SIGNAL_STATUS(sig) (128 + (sig))

static sigset_t saved_mask;
static int lock_depth;

void px_port_irq_lock(void) {
    if (lock_depth++ == 0) {
        sigset_t all;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, &saved_mask);
    }
}

void px_port_irq_unlock(void) {
    if (lock_depth > 0 && --lock_depth == 0) {
        pthread_sigmask(SIG_SETMASK, &saved_mask, NULL);
    }
}

/* got_stop: the number of the last SIGTERM or SIGHUP, or 0. Set by the
 * handler on the main thread, read by whichever thread runs the
 * interpreter (px_posix_signals_caught): lock-free atomics, which a
 * handler may write as it may a volatile sig_atomic_t. */
static atomic_int got_sigint, got_stop;

/* the SystemExit a stop signal raised (a GC root), and that signal */
static px_val stop_exc = PX_NULL;
static int stop_sig;

static void on_signal(int sig) {
    if (sig == SIGINT) {
        got_sigint = 1;
    } else {
        if (sig == SIGTERM) {
            px_shutdown_begin(); /* runs once: SIGTERM's action is now the default */
        }
        got_stop = sig;
    }
    px_st.pending = 1;
}

static sigset_t startup_mask; /* the mask the process started with */

void px_posix_signals_route(void) {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &startup_mask);
}

void px_posix_signals_init(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    /* nohup (or a parent) may have set SIGHUP to be ignored: keep that */
    struct sigaction hup;
    if (sigaction(SIGHUP, NULL, &hup) == 0 && hup.sa_handler != SIG_IGN) {
        sigaction(SIGHUP, &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
    pthread_sigmask(SIG_SETMASK, &startup_mask, NULL);
}

int px_posix_stop_signal(px_val exc) {
    return exc != PX_NULL && exc == stop_exc ? stop_sig : 0;
}

void px_posix_signals_poll(void) {
    /* a request to stop outranks (and swallows) an interrupt */
    if (got_stop) {
        px_val code = px_small(SIGNAL_STATUS(got_stop));
        if (stop_exc == PX_NULL) {
            px_gc_add_root(&stop_exc, sizeof stop_exc);
        }
        stop_sig = got_stop;
        got_stop = got_sigint = 0;
        stop_exc = px_exc_new(&px_type_SystemExit, 1, &code);
        px_st.pending_exc = stop_exc;
        px_service_stopping();
    } else if (got_sigint) {
        got_sigint = 0;
        px_st.pending_exc = px_from_ptr(&px_type_KeyboardInterrupt);
    }
}

bool px_posix_signals_caught(void) {
    return got_sigint || got_stop;
}
