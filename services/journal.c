/* Output to journald. systemd sets JOURNAL_STREAM=DEVICE:INODE to the
 * stream socket it connected stdout/stderr to; a stream whose fstat()
 * matches is the journal (the variable is inherited, so a stream that was
 * redirected elsewhere does not match and is left alone).
 *
 * - stdout to the journal is line-buffered (posix/console.c asks
 *   px_journal_stdout), so each line is a journal entry as it is printed
 *   and a killed service loses at most a partial line.
 * - stderr to the journal carries sd-daemon priority prefixes: each line
 *   starts with "<3>" (LOG_ERR), since what reaches stderr is tracebacks
 *   and the errors a script reports; a line that starts with its own
 *   "<N>" (N from 0 to 7) keeps it, so a script can print warnings
 *   ("<4>...") or notices ("<5>...") at their level. journald removes the
 *   prefix and records the priority. stdout lines get journald's default
 *   (info). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "services.h"

static struct {
    bool out, err;
    bool line_start; /* the next stderr byte begins a line */
} jr = {.line_start = true};

static bool is_stream(int fd, unsigned long long dev, unsigned long long ino) {
    struct stat st;
    return fstat(fd, &st) == 0 && (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

void px_journal_init(void) {
    jr.out = jr.err = false;
    const char *v = getenv("JOURNAL_STREAM");
    if (v == NULL) {
        return;
    }
    char *end;
    unsigned long long dev = strtoull(v, &end, 10);
    if (end == v || *end != ':') {
        return;
    }
    const char *i = end + 1;
    unsigned long long ino = strtoull(i, &end, 10);
    if (end == i || *end != '\0') {
        return;
    }
    jr.out = is_stream(STDOUT_FILENO, dev, ino);
    jr.err = is_stream(STDERR_FILENO, dev, ino);
}

bool px_journal_stdout(void) {
    return jr.out;
}

bool px_journal_stderr(void) {
    return jr.err;
}

static bool has_prefix(const char *s, size_t n) {
    return n >= 3 && s[0] == '<' && s[1] >= '0' && s[1] <= '7' && s[2] == '>';
}

void px_journal_stderr_write(const char *s, size_t n, void (*emit)(const char *, size_t)) {
    while (n > 0) {
        if (jr.line_start && !has_prefix(s, n)) {
            emit("<3>", 3);
        }
        const char *nl = memchr(s, '\n', n);
        size_t len = nl != NULL ? (size_t)(nl - s) + 1 : n;
        emit(s, len);
        jr.line_start = nl != NULL;
        s += len;
        n -= len;
    }
}
