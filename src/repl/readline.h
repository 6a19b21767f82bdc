/* The REPL's line editor on a terminal in raw mode: cursor movement,
 * editing keys, history and Tab completion (docs/repl.md lists the keys). */
#ifndef PX_REPL_READLINE_H
#define PX_REPL_READLINE_H

#include <stdbool.h>
#include "runtime.h"

typedef enum {
    PX_RL_LINE,   /* Enter: the line is in the buffer (no newline) */
    PX_RL_EOF,    /* Ctrl-D on an empty (or, after the first, blank) line; end of input */
    PX_RL_CANCEL, /* Ctrl-C */
    PX_RL_RAW,    /* Ctrl-A on an empty first line: raw REPL */
    PX_RL_BANNER, /* Ctrl-B on an empty first line: friendly REPL banner */
    PX_RL_PASTE,  /* Ctrl-E on an empty first line: paste mode */
} px_rl_result;

/* Edit one line after `prompt`, starting with the text `prefill` (the
 * auto-indent). `first`: the first line of a statement, where Ctrl-A/B/E
 * on an empty line switch modes. Ends the line on screen with "\r\n" for
 * LINE, CANCEL and EOF. Needs the terminal in raw mode (term.h). */
px_rl_result px_readline(px_strbuf *line, const char *prompt, const char *prefill, bool first);

#endif
