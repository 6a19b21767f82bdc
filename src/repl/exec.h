/* Running code typed at the REPL, and the Linux meaning of a soft reset. */
#ifndef PX_REPL_EXEC_H
#define PX_REPL_EXEC_H

#include <stdbool.h>
#include <stddef.h>
#include "runtime.h"

/* Compile src in __main__ (`single`: one statement whose expression
 * values are echoed; otherwise as a file) and run it; the caller puts the
 * console in a mode where Ctrl-C interrupts. Returns the uncaught
 * exception (not printed), or PX_NULL; SystemExit propagates. `release`:
 * a heap block the caller gives up (the buffer src is in, or NULL), freed
 * once the code is compiled, so that the program runs without it. */
px_val px_repl_exec(const char *src, size_t len, bool single, void *release);
/* Print an exception as a traceback; never raises. */
void px_repl_print_exc(px_out *out, px_val exc);
/* Remember the state a soft reset returns to (sys.modules as it is now,
 * and what the modules' reset hooks keep: the VFS's mounts). */
void px_repl_mark_clean(void);
/* Soft reset without restarting the runtime (the Linux command): run the
 * modules' reset hooks (px_add_reset_hook: the VFS unmounts what the
 * program mounted since px_repl_mark_clean), empty the __main__ namespace, forget `_`, and drop the modules imported since
 * px_repl_mark_clean() from files (built-in modules stay). */
void px_repl_soft_reset(void);

#endif
