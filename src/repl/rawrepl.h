/* The raw REPL and raw-paste mode: the machine protocol of pyboard.py and
 * mpremote (docs/repl.md describes it byte by byte). */
#ifndef PX_REPL_RAWREPL_H
#define PX_REPL_RAWREPL_H

#include <stdbool.h>

typedef enum {
    PX_RAW_FRIENDLY, /* Ctrl-B: back to the friendly REPL */
    PX_RAW_EOF,      /* end of input */
    PX_RAW_RESET,    /* Ctrl-D on an empty buffer, when the caller restarts */
} px_raw_end;

/* Run the raw REPL on the console (its banner first). A soft reset
 * (Ctrl-D on an empty buffer) is answered "OK\r\n"; if `restart_runtime`
 * (a board), the raw REPL then returns PX_RAW_RESET for the caller to
 * restart the runtime, and so it does after code that raised SystemExit
 * (once both result sections are sent); otherwise it resets in place
 * (px_repl_soft_reset), writes "MPY: soft reboot\r\n" and goes on, and
 * SystemExit propagates (the Linux command ends). */
px_raw_end px_rawrepl_run(bool restart_runtime);

#endif
