/* REPL history (see history.h). Entries are GC blocks reachable from a
 * registered root; the saved form is one entry per line, oldest first. */
#include <string.h>

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
        return; /* blank; multi-line text would break the one-per-line form */
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

void px_history_clear(void) {
    memset(entries, 0, sizeof entries);
    count = 0;
    rooted = false; /* px_init forgets the roots with the heap */
}

void px_history_load(void) {
    size_t len;
    const char *s = px_port_history_read(&len);
    while (s != NULL && len > 0) {
        const char *nl = memchr(s, '\n', len);
        size_t n = nl != NULL ? (size_t)(nl - s) : len;
        if (n <= PX_HISTORY_LINE_MAX) {
            px_history_add(s, n);
        }
        n += nl != NULL;
        s += n;
        len -= n;
    }
}

void px_history_save(void) {
    if (count == 0) {
        return;
    }
    px_strbuf b;
    px_strbuf_init(&b, 1024);
    for (size_t i = 0; i < count; i++) {
        px_strbuf_add_cstr(&b, entries[i]);
        px_strbuf_add_char(&b, '\n');
    }
    px_port_history_write(b.data, b.len);
}
