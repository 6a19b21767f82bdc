/* Socket activation: systemd passes listening sockets (and other fds) as
 * fds 3, 4, ... and says so with LISTEN_PID (ours, or they are not for us),
 * LISTEN_FDS (how many) and LISTEN_FDNAMES (colon-separated names, from
 * FileDescriptorName= in the .socket unit). The fds get close-on-exec, and
 * the variables are removed so that a child process does not take them
 * for its own. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "services.h"

#define LISTEN_FDS_START 3
#define MAX_LISTEN_FDS 4096 /* far more than any unit passes: bounds a bad value */

static int count;
static char **names; /* count names, malloc'd once at start-up */

static long parse_long(const char *s) {
    if (s == NULL || *s < '0' || *s > '9') {
        return -1;
    }
    char *end;
    long v = strtol(s, &end, 10);
    return *end == '\0' ? v : -1;
}

static char *dup_n(const char *s, size_t n) {
    char *d = malloc(n + 1);
    if (d != NULL) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

void px_listen_init(void) {
    long pid = parse_long(getenv("LISTEN_PID"));
    long n = parse_long(getenv("LISTEN_FDS"));
    const char *fdnames = getenv("LISTEN_FDNAMES");
    if (pid != (long)getpid() || n <= 0 || n > MAX_LISTEN_FDS) {
        return;
    }
    names = calloc((size_t)n, sizeof *names);
    if (names == NULL) {
        return;
    }
    const char *p = fdnames;
    for (long i = 0; i < n; i++) {
        int fd = LISTEN_FDS_START + (int)i;
        int flags = fcntl(fd, F_GETFD);
        if (flags < 0) {
            break; /* not open after all: pass on what there is */
        }
        fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
        const char *colon = p != NULL ? strchr(p, ':') : NULL;
        size_t len = p == NULL ? 0 : colon != NULL ? (size_t)(colon - p) : strlen(p);
        names[i] = len > 0 ? dup_n(p, len) : NULL;
        p = colon != NULL ? colon + 1 : NULL;
        count = (int)i + 1;
    }
    unsetenv("LISTEN_PID");
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_FDNAMES");
}

int px_listen_count(void) {
    return count;
}

const char *px_listen_name(int i) {
    if (i < 0 || i >= count || names[i] == NULL) {
        return "unknown";
    }
    return names[i];
}
