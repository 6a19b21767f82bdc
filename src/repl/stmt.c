/* When a REPL statement is complete (see stmt.h): brackets, strings,
 * backslashes and compound statements, tracked line by line. */
#include <string.h>

#include "stmt.h"

void px_stmt_scan_line(px_stmt_scan *st, const char *s, size_t n) {
    if (!st->started) {
        st->block = n > 0 && s[0] == '@';
    }
    if (!st->quote && st->depth <= 0 && !st->backslash) { /* a new logical line */
        st->decorators = (st->decorators || !st->started) && n > 0 && s[0] == '@';
    }
    st->started = true;
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? s[i] : '\n';
        if (st->quote) {
            if (c == '\\') {
                i++;
            } else if (st->triple && c == st->quote && i + 2 < n && s[i + 1] == st->quote && s[i + 2] == st->quote) {
                st->quote = 0;
                i += 2;
            } else if (!st->triple && (c == st->quote || c == '\n')) {
                st->quote = 0;
            }
            st->last = 'x';
            continue;
        }
        if (c == '#') {
            i = n; /* the rest of the line */
            c = '\n';
        }
        if (c == '\n') {
            /* a logical line ending in ':' starts a compound statement */
            if (st->depth <= 0 && st->last == ':') {
                st->block = true;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            continue;
        }
        st->last = c;
        if (c == '"' || c == '\'') {
            st->quote = c;
            st->triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            if (st->triple) {
                i += 2;
            }
        } else if (c == '(' || c == '[' || c == '{') {
            st->depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            st->depth--;
        }
    }
    st->backslash = n > 0 && s[n - 1] == '\\';
}

void px_stmt_scan_text(px_stmt_scan *st, const char *s, size_t n) {
    for (;;) {
        const char *nl = memchr(s, '\n', n);
        size_t k = nl != NULL ? (size_t)(nl - s) : n;
        px_stmt_scan_line(st, s, k);
        if (nl == NULL) {
            return;
        }
        s += k + 1;
        n -= k + 1;
    }
}

px_stmt_state px_stmt_result(const px_stmt_scan *st) {
    if ((st->quote && st->triple) || st->depth > 0 || st->backslash) {
        return PX_STMT_MORE;
    }
    return st->block ? PX_STMT_BLOCK : PX_STMT_COMPLETE;
}
