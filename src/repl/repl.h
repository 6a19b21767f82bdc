/* The REPL, one implementation for every port (docs/repl.md). It talks to
 * the console only through port.h (px_port_term_*, px_port_stdin_char). */
#ifndef PX_REPL_REPL_H
#define PX_REPL_REPL_H

#include <stdbool.h>
#include "runtime.h"

/* The Linux command's REPL: read-eval-print until end of input (Ctrl-D on
 * an empty line); returns the exit status (0). On a terminal: line
 * editing, history, completion, paste mode and the raw REPL, where a soft
 * reset happens in place (px_repl_soft_reset); otherwise statements are
 * read from stdin and run without prompts. An uncaught SystemExit
 * propagates to the caller. Needs px_init() first. */
int px_repl_run(void);

/* A board's main loop; never returns. Each round calls start(raw), which
 * brings the runtime up (px_init, filesystem, boot.py; main.py unless raw,
 * as the docs' boot sequence says), then runs the friendly REPL from its
 * banner, or the raw REPL if raw. A soft reset ends the round: Ctrl-D on
 * an empty line of the friendly REPL or on an empty buffer of the raw
 * REPL (which then comes back after the reset), an uncaught SystemExit,
 * or end of input. The REPL writes "MPY: soft reboot\r\n", forgets its
 * history and calls px_deinit() before the next round. The first round
 * runs the raw REPL if `raw`: a port whose soft reset starts its C
 * run-time afresh (mcu/: start() does not return after the first round)
 * passes the mode the last round ended in. */
PX_NORETURN void px_repl_board(void (*start)(bool raw), bool raw);

#endif
