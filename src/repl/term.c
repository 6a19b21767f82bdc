/* The REPL's console (see term.h). The port switches modes and moves
 * bytes; what is pending while the REPL waits is handled here, the same
 * on every port. */
#include <string.h>

#include "runtime.h"
#include "term.h"

/* The mode last asked for: scheduled callbacks run in the usual mode and
 * the REPL's mode is put back after them. */
static px_term_mode mode = PX_TERM_NORMAL;

static void set_mode(px_term_mode m) {
    px_port_term_mode(m);
    mode = m;
}

bool px_term_isatty(void) {
    return px_port_term_interactive();
}

void px_term_raw(void) {
    set_mode(PX_TERM_RAW);
}

void px_term_quiet(void) {
    set_mode(PX_TERM_QUIET);
}

void px_term_restore(void) {
    set_mode(PX_TERM_NORMAL);
}

/* Run scheduled callbacks (timers, pin IRQs) while the REPL waits, with
 * the console in its usual mode; an exception they raise is printed. */
static void run_callbacks(void) {
    px_term_mode was = mode;
    set_mode(PX_TERM_NORMAL);
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_sched_run();
        px_try_pop(&j);
    } else {
        px_exc_print(&px_out_stderr, j.exc);
    }
    px_port_stdout_flush();
    set_mode(was);
}

/* What arrived while we wait: a KeyboardInterrupt is dropped and read as
 * Ctrl-C; a SystemExit (SIGTERM) is raised now rather than at the next
 * bytecode; scheduled callbacks run (then the caller redraws); any other
 * exception stays pending for the VM. Returns the byte to hand out, or
 * -1 to go on waiting. */
static int take_pending(void) {
    px_port_poll();
    px_val e = px_st.pending_exc;
    bool interrupt = e == px_from_ptr(&px_type_KeyboardInterrupt) ||
                     (e != PX_NULL && px_isinstance(e, &px_type_KeyboardInterrupt));
    if (interrupt || (e != PX_NULL && px_isinstance(e, &px_type_SystemExit))) {
        px_st.pending_exc = PX_NULL;
        if (!interrupt) {
            px_raise(e);
        }
        return 3;
    }
    if (px_st.sched_len > 0 && !px_st.sched_running) {
        run_callbacks();
        return PX_TERM_REDRAW;
    }
    return -1;
}

int px_term_getc(void) {
    px_port_stdout_flush();
    int k;
    for (;;) {
        if (px_st.pending && (k = take_pending()) >= 0) {
            break;
        }
        k = px_port_term_read();
        if (k != PX_TERM_WAKE) {
            break;
        }
    }
    if (px_st.pending_exc != PX_NULL) {
        px_st.pending = 1; /* an exception left for the VM */
    }
    return k;
}

void px_term_write(const char *s, size_t n) {
    px_port_term_write(s, n);
}

void px_term_puts(const char *s) {
    px_term_write(s, strlen(s));
}

int px_term_columns(void) {
    return px_port_term_columns();
}
