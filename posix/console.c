/* The console of the POSIX port: buffered stdout, stderr, stdin bytes.
 *
 * stdout to a pipe whose reader has gone (EPIPE; SIGPIPE is ignored):
 * the write raises BrokenPipeError so the program ends, running its
 * finally blocks; every later write raises it again, so even a loop that
 * swallows exceptions cannot spin printing into nothing unnoticed. main.c
 * ends such a program quietly with status 141 (what a shell shows for a
 * program killed by SIGPIPE), without a traceback.
 *
 * Any other write error (ENOSPC on a full disk, EIO, EBADF for a stdout
 * closed at start-up) loses bytes the program believes written, so it is
 * never silent: the next write raises OSError naming <stdout>, and an
 * error nobody heard of by exit (the final flush) is reported on stderr
 * with exit status 120. A failed write to stderr cannot be reported
 * anywhere but the exit status: 120 too.
 *
 * Reading stdin waits in the event poller (events.h) with stdin as an
 * extra fd: event sources and scheduled callbacks keep running while a
 * program waits in input(), and SIGINT/SIGTERM end the wait (the pending
 * check raises KeyboardInterrupt or SystemExit). */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"
#include "posix.h"
#include "events.h"
#include "services.h"

/* Write everything, retrying after signals and short writes, and waiting
 * for room when the descriptor is non-blocking (a terminal or pipe that
 * another program set O_NONBLOCK on: EAGAIN must not lose output); 0 or
 * the errno value of a failed write. */
static int write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                struct pollfd p = {.fd = fd, .events = POLLOUT};
                poll(&p, 1, -1); /* no Python code here: it runs inside flushes at exit too */
                continue;
            }
            return errno;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* stdout is buffered (print writes each piece separately; a syscall per
 * piece is slow): line-buffered on a terminal and when it is the journal
 * (a service's log lines must reach it as they are printed), block-
 * buffered into pipes and files; flushed before stderr output, before
 * any blocking wait (events.c), on print(flush=True) and at exit. */
static struct {
    char buf[8192];
    size_t len;
    int linebuf; /* 0: not decided yet, 1: by line, 2: by block (zero at
                  * start, so the 8 KiB buffer is .bss, not file bytes) */
    bool broken; /* EPIPE seen: output is dropped */
    bool lost;   /* output dropped since the last BrokenPipeError */
    int err;     /* errno of a failed write the program has not heard of */
    bool err_stderr; /* a write to stderr failed */
} out;

bool px_posix_stdout_broken(void) {
    return out.broken;
}

bool px_posix_stdout_lost(void) {
    return out.lost;
}

int px_posix_output_error(bool *on_stderr) {
    *on_stderr = out.err_stderr;
    return out.err;
}

static void write_out(const char *s, size_t n) {
    int e = out.broken ? 0 : write_all(STDOUT_FILENO, s, n);
    if (e == EPIPE) {
        out.broken = true;
    } else if (e != 0 && out.err == 0) {
        out.err = e; /* the first cause is the one worth reporting */
    }
    out.lost |= out.broken;
}

void px_port_stdout_flush(void) {
    if (out.len > 0) {
        size_t n = out.len;
        out.len = 0;
        write_out(out.buf, n);
    }
}

/* Raise BrokenPipeError if stdout is broken, OSError if a write failed
 * otherwise (when an interpreter handler exists: not during start-up or
 * the final flush). After an OSError, writing is tried again. */
static void check_broken(void) {
    if (px_st.jmp_top == NULL) {
        return;
    }
    if (out.broken) {
        out.len = 0;
        out.lost = false;
        px_val args[2] = {px_small(EPIPE), px_str_cstr(px_port_strerror(EPIPE))};
        px_raise(px_exc_new(&px_type_BrokenPipeError, 2, args));
    }
    if (out.err != 0) {
        int e = out.err;
        out.err = 0;
        out.len = 0; /* what failed is gone; the exception says so */
        px_raise_os_error(e, "<stdout>");
    }
}

/* s[0..n) into the buffer (or straight out if it is large). */
static void put_out(const char *s, size_t n) {
    if (out.linebuf == 0) {
        out.linebuf = isatty(STDOUT_FILENO) || px_journal_stdout() ? 1 : 2;
    }
    if (n >= sizeof out.buf) {
        px_port_stdout_flush();
        write_out(s, n);
    } else {
        if (out.len + n > sizeof out.buf) {
            px_port_stdout_flush();
        }
        memcpy(out.buf + out.len, s, n);
        out.len += n;
        if (out.linebuf == 1 && memchr(s, '\n', n) != NULL) {
            px_port_stdout_flush();
        }
    }
}

/* Each "\n" of s[0..n) as "\r\n", through put (px_posix_term_cooks). */
static void cook(const char *s, size_t n, void (*put)(const char *, size_t)) {
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        size_t k = nl == NULL ? n : (size_t)(nl - s);
        put(s, k);
        if (nl == NULL) {
            return;
        }
        put("\r\n", 2);
        s += k + 1;
        n -= k + 1;
    }
}

void px_port_stdout(const char *s, size_t n) {
    check_broken();
    px_posix_dupterm_out(s, n);
    if (px_posix_term_cooks(STDOUT_FILENO)) {
        cook(s, n, put_out);
    } else {
        put_out(s, n);
    }
    check_broken();
}

void px_port_stdout_bytes(const char *s, size_t n) {
    check_broken();
    px_posix_dupterm_out(s, n);
    put_out(s, n);
    check_broken();
}

static void write_stderr(const char *s, size_t n) {
    int e = write_all(STDERR_FILENO, s, n);
    if (e != 0 && e != EPIPE) {
        out.err_stderr = true; /* nowhere to report it but the exit status */
    }
}

/* To the journal, each line gets a priority prefix (services/journal.c). */
void px_port_stderr(const char *s, size_t n) {
    px_port_stdout_flush();
    if (px_journal_stderr()) {
        px_journal_stderr_write(s, n, write_stderr);
    } else if (px_posix_term_cooks(STDERR_FILENO)) {
        cook(s, n, write_stderr);
    } else {
        write_stderr(s, n);
    }
}

/* Buffered so reading a script from a pipe is not one syscall per byte. */
static struct {
    unsigned char buf[4096];
    size_t pos, len;
} in;

#define DUPTERM_FDS 2
#define DUPTERM_POLL_MS 20

/* Wait until stdin is readable (or at end of file or in error) in the
 * port's event wait, so event sources (GPIO edges, ...) are served and
 * scheduled callbacks run while a program waits for input; a signal or
 * a queued callback ends the wait early and the pending check runs (and
 * may raise KeyboardInterrupt or SystemExit from here). Input from
 * os.dupterm streams is taken meanwhile: true if some went into `in`. */
static bool wait_stdin(void) {
    for (;;) {
        if (px_st.pending && px_st.jmp_top != NULL) {
            px_check_pending();
            continue;
        }
        struct pollfd p[1 + DUPTERM_FDS] = {{.fd = STDIN_FILENO, .events = POLLIN}};
        int r;
        if (px_st.jmp_top == NULL) {
            /* no handler to raise into (start-up): only wait for input */
            r = poll(p, 1, -1);
        } else {
            bool fdless = false;
            int nd = px_posix_dupterm_active() ? px_posix_dupterm_fds(p + 1, DUPTERM_FDS, &fdless) : 0;
            r = px_events_wait(fdless ? DUPTERM_POLL_MS : -1, p, 1 + nd);
            if (nd > 0 || fdless) {
                in.len = px_posix_dupterm_read(in.buf, sizeof in.buf);
                in.pos = 0;
                if (in.len > 0) {
                    return true;
                }
            }
            r = r > 0 && p[0].revents == 0 ? 0 : r; /* only a dupterm stream woke us */
        }
        if (r > 0 || (r < 0 && errno != EINTR)) {
            return false; /* readable, closed, or an error that read() will report */
        }
    }
}

size_t px_port_stdin_pending(void) {
    return in.len - in.pos;
}

int px_port_stdin_char(void) {
    if (in.pos == in.len) {
        px_port_stdout_flush(); /* a prompt must be visible before we wait */
        ssize_t r;
        do {
            if (wait_stdin()) {
                return in.buf[in.pos++];
            }
            r = read(STDIN_FILENO, in.buf, sizeof in.buf);
        } while (r < 0 && errno == EINTR);
        if (r <= 0) {
            if (px_st.pending && px_st.jmp_top != NULL) {
                px_check_pending(); /* a hangup's SIGHUP outranks its end of input */
            }
            return -1; /* a later call reads again (^D at a terminal) */
        }
        in.pos = 0;
        in.len = (size_t)r;
    }
    return in.buf[in.pos++];
}
