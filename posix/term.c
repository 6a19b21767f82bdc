/* The console as the REPL sees it on a POSIX terminal (the px_port_term_*
 * hooks of port.h): termios modes and unbuffered byte I/O on stdin and
 * stdout. The REPL itself is in src/repl/. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "runtime.h"
#include "events.h"

static struct {
    int tty; /* -1: not checked yet */
    bool saved;
    bool intr_changed; /* kbd_intr changed the settings in force */
    px_term_mode mode;
    bool cooks[3];     /* px_posix_term_cooks of fds 1 and 2 */
    struct termios orig;
} term = {.tty = -1, .mode = PX_TERM_NORMAL};

bool px_posix_term_cooks(int fd) {
    return term.cooks[fd];
}

/* fd is the terminal stdin is (the one whose settings we change). */
static bool same_terminal(int fd) {
    struct stat a, b;
    return isatty(fd) && fstat(STDIN_FILENO, &a) == 0 && fstat(fd, &b) == 0 && a.st_rdev == b.st_rdev;
}

bool px_port_term_interactive(void) {
    if (term.tty < 0) {
        term.tty = isatty(STDIN_FILENO);
    }
    return term.tty;
}

/* Save the original settings once; false if stdin is no terminal. */
static bool save_orig(void) {
    if (!term.saved && px_port_term_interactive() && tcgetattr(STDIN_FILENO, &term.orig) == 0) {
        term.saved = true;
    }
    return term.saved;
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

void px_port_term_mode(px_term_mode mode) {
    if ((term.mode == mode && !term.intr_changed) || !save_orig()) {
        return;
    }
    struct termios t = term.orig;
    if (mode == PX_TERM_RAW) {
        /* Keys arrive as bytes: no line discipline, echo, signals (Ctrl-C
         * is read as 0x03), flow control or CR->NL mapping; output is
         * written exactly as given (the editor sends "\r\n" itself). */
        t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
        t.c_oflag &= ~(tcflag_t)OPOST;
        t.c_cflag |= CS8;
        t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
    } else if (mode == PX_TERM_QUIET) {
        /* As a board's UART while code from the raw REPL runs: bytes as
         * the host sends them (no line editing, CR->NL, flow control or
         * signal characters but Ctrl-C, which must raise SIGINT), no echo,
         * and output untranslated: text output's "\n" is made "\r\n" by
         * console.c (px_posix_term_cooks), sys.stdout.buffer's bytes are
         * not (mpremote mount's protocol is binary both ways). */
        t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INLCR | IGNCR | INPCK | ISTRIP | IXON | PARMRK);
        t.c_oflag &= ~(tcflag_t)OPOST;
        t.c_lflag &= ~(tcflag_t)(ECHO | ECHOCTL | ECHOE | ECHOK | ECHONL | ICANON | IEXTEN);
        t.c_cc[VQUIT] = _POSIX_VDISABLE;
        t.c_cc[VSUSP] = _POSIX_VDISABLE;
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
    }
    px_port_stdout_flush(); /* written under the mode it was meant for */
    /* TCSANOW: keys typed ahead must not be discarded */
    if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0) {
        term.mode = mode;
        term.intr_changed = false;
        for (int fd = 1; fd <= 2; fd++) {
            term.cooks[fd] = mode == PX_TERM_QUIET && (term.orig.c_oflag & OPOST) && same_terminal(fd);
        }
    }
}

/* Wait in the port's event loop, so event sources keep working; a signal
 * or an event ends the wait (PX_TERM_WAKE) and the REPL looks at what is
 * pending. */
int px_port_term_read(void) {
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    int r = px_events_wait(-1, &p, 1);
    if (r == 0 || (r < 0 && errno == EINTR)) {
        return PX_TERM_WAKE;
    }
    unsigned char c;
    ssize_t n = read(STDIN_FILENO, &c, 1);
    if (n == 1) {
        return c;
    }
    if ((n < 0 && errno == EINTR) || px_st.pending) {
        return PX_TERM_WAKE; /* a hangup's SIGHUP outranks the end of input it causes */
    }
    return -1; /* end of input (or an unreadable stdin) */
}

void px_port_term_write(const char *s, size_t n) {
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

int px_port_term_columns(void) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        return ws.ws_col;
    }
    return 80;
}
