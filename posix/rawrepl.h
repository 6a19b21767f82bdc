/* The raw REPL and raw-paste mode: the machine protocol of pyboard.py and
 * mpremote (docs/repl.md describes it as implemented). */
#ifndef PX_POSIX_RAWREPL_H
#define PX_POSIX_RAWREPL_H

#include <stdbool.h>

/* Run the raw REPL on stdin/stdout (its banner first). Returns true on
 * Ctrl-B (back to the friendly REPL), false at end of input. */
bool px_rawrepl_run(void);

#endif
