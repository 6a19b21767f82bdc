/* Things of the POSIX port that are not part of the port interface. */
#ifndef PX_POSIX_H
#define PX_POSIX_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "runtime.h"

/* SIGINT -> KeyboardInterrupt, SIGTERM -> SystemExit(143), SIGHUP ->
 * SystemExit(129) (through px_st.pending), SIGPIPE ignored. Called on the
 * interpreter thread. */
void px_posix_signals_init(void);
/* Called by px_port_poll: turn caught signals into px_st.pending_exc. */
void px_posix_signals_poll(void);
/* A signal is caught and not yet turned into an exception. */
bool px_posix_signals_caught(void);
/* Called on the main thread before the interpreter thread starts: blocks
 * every signal there (the new thread inherits the mask and
 * px_posix_signals_init restores it), so signals reach the interpreter
 * thread and interrupt its blocking calls. */
void px_posix_signals_route(void);
/* The stop signal (SIGTERM, SIGHUP) whose SystemExit exc is, or 0. */
int px_posix_stop_signal(px_val exc);

/* Standard output went to a pipe whose reader has gone (EPIPE): writes
 * raise BrokenPipeError from then on (console.c). */
bool px_posix_stdout_broken(void);
/* ... and output was dropped without a BrokenPipeError telling the program
 * (a flush before stderr output or at exit). */
bool px_posix_stdout_lost(void);
/* The errno of a failed stdout write (other than EPIPE) the program was
 * not told of, or 0; *on_stderr: a write to stderr failed (console.c). */
int px_posix_output_error(bool *on_stderr);

/* True while stdin's terminal is in PX_TERM_QUIET and fd (1 or 2) writes
 * to that terminal: its output processing is off then, and console.c
 * turns "\n" into "\r\n" in text output itself (term.c). */
bool px_posix_term_cooks(int fd);

/* os.dupterm (dupterm.c): console.c hands it what goes to stdout, and
 * asks it for input while stdin has none. */
extern const px_builtin px_posix_dupterm_obj;
bool px_posix_dupterm_active(void);
void px_posix_dupterm_out(const char *s, size_t n);
/* The descriptors of the input streams (up to max), for the wait on stdin;
 * *fdless is set if a stream without one must be asked from time to time. */
int px_posix_dupterm_fds(struct pollfd *fds, int max, bool *fdless);
/* Up to n bytes of input from the streams that have some (0: none now). */
size_t px_posix_dupterm_read(unsigned char *buf, size_t n);

/* machine.reset(), soft_reset(), deepsleep() (restart.c): the program
 * starts again with the same command line (exec: the same process), in
 * the directory it started in; the new run's px_posix_reset_cause() is
 * `cause`. _now execs at once (raises OSError if it cannot); _at_exit
 * asks main to do it once the program has ended (with the SystemExit
 * soft_reset raises: px_posix_restart_cancel otherwise) and cleaned up:
 * px_posix_restart_at_end returns only if there is nothing to do (0) or
 * the exec failed (its errno). main calls _init first, with its argv. */
void px_posix_restart_init(char **argv);
PX_NORETURN void px_posix_restart_now(const char *cause);
void px_posix_restart_at_exit(const char *cause);
void px_posix_restart_cancel(void);
int px_posix_restart_at_end(void);
/* What the previous run gave as cause, or NULL for a plain start. */
const char *px_posix_reset_cause(void);

#endif
