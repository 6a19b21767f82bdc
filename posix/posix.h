/* Things of the POSIX port that are not part of the port interface. */
#ifndef PX_POSIX_H
#define PX_POSIX_H

#include <stdbool.h>

/* SIGINT -> KeyboardInterrupt, SIGTERM -> SystemExit(143), SIGHUP ->
 * SystemExit(129) (through px_st.pending), SIGPIPE ignored. Called on the
 * interpreter thread. */
void px_posix_signals_init(void);
/* Called by px_port_poll: turn caught signals into px_st.pending_exc. */
void px_posix_signals_poll(void);
/* Called on the main thread before the interpreter thread starts: blocks
 * every signal there (the new thread inherits the mask and
 * px_posix_signals_init restores it), so signals reach the interpreter
 * thread and interrupt its blocking calls. */
void px_posix_signals_route(void);

/* Standard output went to a pipe whose reader has gone (EPIPE): writes
 * raise BrokenPipeError from then on (console.c). */
bool px_posix_stdout_broken(void);
/* ... and output was dropped without a BrokenPipeError telling the program
 * (a flush before stderr output or at exit). */
bool px_posix_stdout_lost(void);
/* The errno of a failed stdout write (other than EPIPE) the program was
 * not told of, or 0; *on_stderr: a write to stderr failed (console.c). */
int px_posix_output_error(bool *on_stderr);

#endif
