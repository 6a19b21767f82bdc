/* The interactive prompt of the POSIX port. */
#ifndef PX_POSIX_REPL_H
#define PX_POSIX_REPL_H

/* Read-eval-print until end of input; returns the exit status (0). An
 * uncaught SystemExit propagates to the caller. Needs px_init() first. */
int px_repl_run(void);

#endif
