/* REPL history: the lines entered this session, oldest first, bounded,
 * loaded from and saved to ~/.micropython/history (best effort). */
#ifndef PX_POSIX_HISTORY_H
#define PX_POSIX_HISTORY_H

#include <stddef.h>

#define PX_HISTORY_MAX 200

/* Add a line (blank lines and repeats of the last one are skipped). */
void px_history_add(const char *s, size_t n);
/* Number of entries and entry i (0 = oldest), NUL-terminated. */
size_t px_history_len(void);
const char *px_history_get(size_t i);
/* Read / write the history file ($HOME/.micropython/history). Errors are
 * ignored: history is a convenience. */
void px_history_load(void);
void px_history_save(void);

#endif
