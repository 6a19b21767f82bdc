/* REPL history: the lines entered, oldest first, bounded; kept where the
 * port can keep them (px_port_history_read/write: a file on Linux). */
#ifndef PX_REPL_HISTORY_H
#define PX_REPL_HISTORY_H

#include <stddef.h>

#define PX_HISTORY_MAX 200
/* A longer saved line is skipped when the history is loaded. */
#define PX_HISTORY_LINE_MAX 4095

/* Add a line (blank lines and repeats of the last one are skipped). */
void px_history_add(const char *s, size_t n);
/* Number of entries and entry i (0 = oldest), NUL-terminated. */
size_t px_history_len(void);
const char *px_history_get(size_t i);
/* Read / write the port's saved history. Errors are ignored: history is
 * a convenience. */
void px_history_load(void);
void px_history_save(void);
/* Forget every entry: the heap holding them is about to be reset (a
 * board's soft reset). */
void px_history_clear(void);

#endif
