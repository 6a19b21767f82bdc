/* The REPL's console, on the port's px_port_term_* hooks (port.h): the
 * mode it is in, byte input that serves what is pending while it waits,
 * and unbuffered output. */
#ifndef PX_REPL_TERM_H
#define PX_REPL_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include "port.h"

/* Is the console an interactive terminal? */
bool px_term_isatty(void);
/* Raw mode for line editing and the raw REPL (see px_term_mode). */
void px_term_raw(void);
/* The original mode without echo: for code run from the raw REPL, where
 * a Ctrl-C must interrupt but not be echoed as "^C". */
void px_term_quiet(void);
/* Back to the console's usual mode, so Ctrl-C interrupts again while code
 * runs (undoing micropython.kbd_intr too). Pending output is flushed. */
void px_term_restore(void);
/* Next console byte, -1 at end of input. While waiting, scheduled
 * callbacks run (in the usual mode); then PX_TERM_REDRAW is returned
 * (their output may have gone over the line being edited). An interrupt
 * that arrives while waiting (kill -INT) is returned as Ctrl-C and not
 * raised later; SystemExit (SIGTERM, SIGHUP) is raised. */
int px_term_getc(void);
#define PX_TERM_REDRAW 0x100
/* Write to the console now (after anything the runtime has buffered). */
void px_term_write(const char *s, size_t n);
void px_term_puts(const char *s);
/* Terminal width in columns (80 if unknown). */
int px_term_columns(void);

#endif
