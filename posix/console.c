/* The console of the POSIX port: buffered stdout, stderr, stdin bytes. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"
#include "posix.h"

/* Write everything, retrying after signals and short writes. A closed pipe
 * (EPIPE) or any other error drops the rest quietly: output to a reader
 * that went away is not an interpreter failure. */
static void write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
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

/* stdout is buffered (print writes each piece separately; a syscall per
 * piece is slow): line-buffered on a terminal, block-buffered otherwise,
 * and flushed before stderr output, before reading stdin and at exit. */
static struct {
    char buf[8192];
    size_t len;
    int tty; /* -1: not checked yet */
} out = {.tty = -1};

void px_port_stdout_flush(void) {
    if (out.len > 0) {
        size_t n = out.len;
        out.len = 0;
        write_all(STDOUT_FILENO, out.buf, n);
    }
}

void px_port_stdout(const char *s, size_t n) {
    if (out.tty < 0) {
        out.tty = isatty(STDOUT_FILENO);
    }
    if (n >= sizeof out.buf) {
        px_port_stdout_flush();
        write_all(STDOUT_FILENO, s, n);
        return;
    }
    if (out.len + n > sizeof out.buf) {
        px_port_stdout_flush();
    }
    memcpy(out.buf + out.len, s, n);
    out.len += n;
    if (out.tty && memchr(s, '\n', n) != NULL) {
        px_port_stdout_flush();
    }
}

void px_port_stderr(const char *s, size_t n) {
    px_port_stdout_flush();
    write_all(STDERR_FILENO, s, n);
}

/* Buffered so reading a script from a pipe is not one syscall per byte. */
static struct {
    unsigned char buf[4096];
    size_t pos, len;
} in;

int px_port_stdin_char(void) {
    if (in.pos == in.len) {
        px_port_stdout_flush(); /* a prompt must be visible before we wait */
        ssize_t r;
        do {
            r = read(STDIN_FILENO, in.buf, sizeof in.buf);
        } while (r < 0 && errno == EINTR);
        if (r <= 0) {
            return -1; /* a later call reads again (^D at a terminal) */
        }
        in.pos = 0;
        in.len = (size_t)r;
    }
    return in.buf[in.pos++];
}

