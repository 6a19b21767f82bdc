/* The interactive prompt of the POSIX port (docs/repl.md). */
#ifndef PX_POSIX_REPL_H
#define PX_POSIX_REPL_H

#include <stdbool.h>
#include <stddef.h>
#include "runtime.h"

/* Read-eval-print until end of input (Ctrl-D on a terminal); returns the
 * exit status (0). On a terminal: line editing, history, completion,
 * paste mode and the raw REPL; otherwise statements are read from stdin
 * and run without prompts. An uncaught SystemExit propagates to the
 * caller. Needs px_init() first. */
int px_repl_run(void);

/* ---- for the REPL's own files (rawrepl.c) */

/* Compile src in __main__ (`single`: one statement whose expression
 * values are echoed; otherwise as a file) and run it; the caller puts the
 * terminal in a mode where Ctrl-C raises SIGINT. Returns the uncaught exception (not printed), or
 * PX_NULL; SystemExit propagates. */
px_val px_repl_exec(const char *src, size_t len, bool single);
/* Print an exception as a traceback; never raises. */
void px_repl_print_exc(px_out *out, px_val exc);
/* Soft reset: empty the __main__ namespace and forget `_`. */
void px_repl_soft_reset(void);

#endif
