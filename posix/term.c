/* The REPL's terminal modes and byte I/O (see term.h). */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "runtime.h"
#include "events.h"
#include "term.h"

typedef enum { MODE_ORIG, MODE_RAW, MODE_QUIET } term_mode;

static struct {
    int tty; /* -1: not checked yet */
    bool saved;
    bool intr_changed; /* kbd_intr changed the settings in force */
    term_mode mode;
    struct termios orig;
} term = {.tty = -1};

bool px_term_isatty(void) {
    if (term.tty < 0) {
        term.tty = isatty(STDIN_FILENO);
    }
    return term.tty;
}

/* Save the original settings once; false if stdin is no terminal. */
static bool save_orig(void) {
    if (!term.saved && px_term_isatty() && tcgetattr(STDIN_FILENO, &term.orig) == 0) {
        term.saved = true;
    }
    return term.saved;
}

static void set_mode(term_mode mode, const struct termios *t) {
    if ((term.mode == mode && !term.intr_changed) || !save_orig()) {
        return;
    }
    px_port_stdout_flush(); /* written under the mode it was meant for */
    /* TCSANOW: keys typed ahead must not be discarded */
    if (tcsetattr(STDIN_FILENO, TCSANOW, t != NULL ? t : &term.orig) == 0) {
        term.mode = mode;
        term.intr_changed = false;
    }
}

/* micropython.kbd_intr(c): the character that raises KeyboardInterrupt.
 * On a terminal that is the line discipline's interrupt character (VINTR,
 * which sends SIGINT); -1 disables it, so Ctrl-C reaches stdin as the byte
 * 3. It holds until the settings are restored: the REPL restores them
 * before each statement (as MicroPython's REPL sets Ctrl-C again for each)
 * and main at exit. Without a terminal there is nothing to change: SIGINT
 * from elsewhere still raises KeyboardInterrupt. */
void px_port_set_interrupt_char(int c) {
    struct termios t;
    if (!save_orig() || tcgetattr(STDIN_FILENO, &t) != 0) {
        return;
    }
    t.c_cc[VINTR] = c < 0 ? _POSIX_VDISABLE : (cc_t)c;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0) {
        term.intr_changed = true;
    }
}

void px_term_raw(void) {
    if (!save_orig()) {
        return;
    }
    struct termios t = term.orig;
    /* Keys arrive as bytes: no line discipline, echo, signals (Ctrl-C is
     * read as 0x03), flow control or CR->NL mapping; output is written
     * exactly as given (the editor sends "\r\n" itself). */
    t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    t.c_oflag &= ~(tcflag_t)OPOST;
    t.c_cflag |= CS8;
    t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    set_mode(MODE_RAW, &t);
}

void px_term_quiet(void) {
    if (!save_orig()) {
        return;
    }
    struct termios t = term.orig;
    t.c_lflag &= ~(tcflag_t)(ECHO | ECHOCTL | ECHOE | ECHOK | ECHONL);
    set_mode(MODE_QUIET, &t);
}

void px_term_restore(void) {
    set_mode(MODE_ORIG, NULL);
}

/* Run scheduled callbacks (timers, pin IRQs) while the REPL waits, with
 * the terminal in its usual mode; an exception they raise is printed. */
static void run_callbacks(void) {
    term_mode mode = term.mode;
    px_term_restore();
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_sched_run();
        px_try_pop(&j);
    } else {
        px_exc_print(&px_out_stderr, j.exc);
    }
    px_port_stdout_flush();
    if (mode == MODE_RAW) {
        px_term_raw();
    } else if (mode == MODE_QUIET) {
        px_term_quiet();
    }
}

/* What arrived while we wait: a SIGINT's KeyboardInterrupt is dropped and
 * read as Ctrl-C; a SIGTERM's SystemExit is raised now rather than at the
 * next bytecode; scheduled callbacks run (then the caller redraws); any
 * other exception stays pending for the VM. */
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
        /* wait in the port's event loop, so event sources keep working */
        struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
        int r = px_events_wait(-1, &p, 1);
        if (r == 0 || (r < 0 && errno == EINTR)) {
            continue; /* woken by a signal or an event: see what it was */
        }
        unsigned char c;
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n == 1) {
            k = c;
            break;
        }
        if ((n < 0 && errno == EINTR) || px_st.pending) {
            continue; /* a hangup's SIGHUP outranks the end of input it causes */
        }
        k = -1; /* end of input (or an unreadable stdin) */
        break;
    }
    if (px_st.pending_exc != PX_NULL) {
        px_st.pending = 1; /* an exception left for the VM */
    }
    return k;
}

void px_term_write(const char *s, size_t n) {
    px_port_stdout_flush();
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, s, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

void px_term_puts(const char *s) {
    px_term_write(s, strlen(s));
}

int px_term_columns(void) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        return ws.ws_col;
    }
    return 80;
}
