/* REPL history (see history.h). Entries are GC blocks reachable from a
 * registered root; the file holds one entry per line, oldest first. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime.h"
#include "history.h"

static char *entries[PX_HISTORY_MAX];
static size_t count;
static bool rooted;

static void drop_oldest(void) {
    memmove(entries, entries + 1, (count - 1) * sizeof entries[0]);
    entries[--count] = NULL;
}

void px_history_add(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) {
        i++;
    }
    if (i == n || memchr(s, '\n', n) != NULL) {
        return; /* blank; multi-line text would break the one-per-line file */
    }
    if (count > 0 && strlen(entries[count - 1]) == n && memcmp(entries[count - 1], s, n) == 0) {
        return;
    }
    if (!rooted) {
        px_gc_add_root(entries, sizeof entries);
        rooted = true;
    }
    char *e = px_gc_alloc(n + 1, PX_GC_LEAF);
    memcpy(e, s, n);
    if (count == PX_HISTORY_MAX) {
        drop_oldest();
    }
    entries[count++] = e;
}

size_t px_history_len(void) {
    return count;
}

const char *px_history_get(size_t i) {
    return i < count ? entries[i] : "";
}

/* $HOME/.micropython[/history] into buf; false if HOME is unset or too long. */
static bool history_path(char *buf, size_t size, bool file) {
    const char *home = getenv("HOME");
    if (home == NULL || *home == '\0') {
        return false;
    }
    int n = snprintf(buf, size, "%s/.micropython%s", home, file ? "/history" : "");
    return n > 0 && (size_t)n < size;
}

void px_history_load(void) {
    char path[PATH_MAX];
    if (!history_path(path, sizeof path, true)) {
        return;
    }
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return;
    }
    char line[4096];
    while (fgets(line, sizeof line, f) != NULL) {
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\n') {
            n--;
        } else if (!feof(f)) {
            int c; /* over-long line: skip the rest of it */
            while ((c = fgetc(f)) != EOF && c != '\n') {
            }
            continue;
        }
        px_history_add(line, n);
    }
    fclose(f);
}

void px_history_save(void) {
    char path[PATH_MAX], tmp[PATH_MAX + 8];
    if (count == 0 || !history_path(path, sizeof path, false)) {
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
    for (size_t i = 0; i < count; i++) {
        fputs(entries[i], f);
        fputc('\n', f);
    }
    if (fclose(f) == 0) {
        rename(tmp, path);
    } else {
        unlink(tmp);
    }
}
