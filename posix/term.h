/* The REPL's terminal: raw (byte-at-a-time, no echo, no signals) mode for
 * line editing and the raw REPL, the original mode while code runs, and
 * unbuffered byte I/O on stdin/stdout. */
#ifndef PX_POSIX_TERM_H
#define PX_POSIX_TERM_H

#include <stdbool.h>
#include <stddef.h>

/* Is stdin a terminal? (Checked once.) */
bool px_term_isatty(void);
/* Switch stdin to raw mode (no-op if not a terminal or already raw). */
void px_term_raw(void);
/* The original settings without echo: for code run from the raw REPL,
 * where a Ctrl-C must raise SIGINT but not be echoed as "^C". */
void px_term_quiet(void);
/* Back to the settings found at start-up, so Ctrl-C raises SIGINT again
 * while code runs (undoing micropython.kbd_intr too: see term.c). Pending
 * output is flushed first. */
void px_term_restore(void);
/* Next byte of stdin, -1 at end of input. While waiting, event sources
 * and scheduled callbacks run; then PX_TERM_REDRAW is returned (their
 * output may have gone over the line being edited). A SIGINT that arrives
 * while waiting (kill -INT) is returned as Ctrl-C and not raised later. */
int px_term_getc(void);
#define PX_TERM_REDRAW 0x100
/* Write to stdout now (after anything the runtime has buffered). */
void px_term_write(const char *s, size_t n);
void px_term_puts(const char *s);
/* Terminal width in columns (80 if unknown). */
int px_term_columns(void);

#endif
