/* When is a statement typed at the REPL complete? A scan fed one line at
 * a time, so reading a long statement costs time linear in its length. */
#ifndef PX_REPL_STMT_H
#define PX_REPL_STMT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    PX_STMT_COMPLETE,
    PX_STMT_MORE,  /* open bracket, triple-quoted string or trailing backslash */
    PX_STMT_BLOCK, /* a compound statement: ended by an empty line */
} px_stmt_state;

/* The scan of a statement so far; zero-initialise to start. */
typedef struct {
    int depth;       /* open brackets */
    char quote;      /* inside a string opened by this quote char, or 0 */
    bool triple;     /* ... a triple-quoted one */
    char last;       /* the last significant character */
    bool block;      /* a compound statement (or a decorator) */
    bool backslash;  /* the last line ends in a backslash */
    bool decorators; /* every line so far is a decorator: a def follows */
    bool started;
} px_stmt_scan;

/* Scan one more line of the statement (without its newline). */
void px_stmt_scan_line(px_stmt_scan *st, const char *s, size_t n);
/* Scan text that may hold several lines. */
void px_stmt_scan_text(px_stmt_scan *st, const char *s, size_t n);
px_stmt_state px_stmt_result(const px_stmt_scan *st);

#endif
