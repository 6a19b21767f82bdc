/* Where the REPL's history outlives the process on POSIX (the
 * px_port_history_* hooks): $HOME/.micropython/history, best effort. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime.h"

/* $HOME/.micropython[/history] into buf; false if HOME is unset or too long. */
static bool history_path(char *buf, size_t size, bool file) {
    const char *home = getenv("HOME");
    if (home == NULL || *home == '\0') {
        return false;
    }
    int n = snprintf(buf, size, "%s/.micropython%s", home, file ? "/history" : "");
    return n > 0 && (size_t)n < size;
}

char *px_port_history_read(size_t *len) {
    char path[PATH_MAX];
    int err;
    *len = 0;
    if (!history_path(path, sizeof path, true) || px_port_stat(path) != PX_PATH_FILE) {
        return NULL;
    }
    return px_port_read_file(path, len, &err);
}

void px_port_history_write(const char *data, size_t len) {
    char path[PATH_MAX], tmp[PATH_MAX + 8];
    if (!history_path(path, sizeof path, false)) {
        return;
    }
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
        return;
    }
    history_path(path, sizeof path, true);
    /* write a temporary file and rename it, so a crash never leaves half a file */
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (f == NULL) {
        return;
    }
    bool written = fwrite(data, 1, len, f) == len;
    if (fclose(f) == 0 && written) {
        rename(tmp, path);
    } else {
        unlink(tmp);
    }
}
