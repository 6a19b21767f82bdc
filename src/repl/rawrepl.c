/* The raw REPL: code arrives without echo and runs at Ctrl-D; the answer
 * is "OK", the output, "\x04", the error (a traceback), "\x04", then the
 * ">" prompt again. Raw-paste mode ("\x05A\x01") adds flow control. */

#include "runtime.h"
#include "exec.h"
#include "rawrepl.h"
#include "term.h"

enum { CTRL_A = 1, CTRL_B = 2, CTRL_C = 3, CTRL_D = 4, CTRL_E = 5 };

/* Raw paste: the host may send this many bytes per "\x01" we send. */
#define PASTE_WINDOW 128

static const char banner[] = "raw REPL; CTRL-B to exit\r\n";

/* Run the received code and send both result sections, all under the
 * console's own output processing ("\n" -> "\r\n" as on a board). */
static void run(const char *src, size_t len) {
    px_term_quiet();
    px_val exc = px_repl_exec(src, len, false);
    px_term_puts("\x04");
    if (exc != PX_NULL) {
        px_repl_print_exc(&px_out_stdout, exc);
    }
    px_term_puts("\x04");
    px_term_raw();
}

/* Ctrl-C during raw paste: the code is dropped. We end the reception
 * ("\x04"), take what the host still had in flight until it acknowledges
 * with "\x04", and answer as for code interrupted before its first
 * statement: no output, KeyboardInterrupt as the error. */
static bool cancel_paste(void) {
    px_term_puts("\x04");
    int c;
    while ((c = px_term_getc()) != CTRL_D) {
        if (c < 0) {
            return false;
        }
    }
    px_term_puts("\x04");
    px_term_quiet(); /* the traceback's "\n" as in run() */
    px_repl_print_exc(&px_out_stdout, px_exc_new(&px_type_KeyboardInterrupt, 0, NULL));
    px_term_puts("\x04");
    return true;
}

/* Raw-paste mode after "\x05A\x01": announce it with the window size and
 * one extra window, grant another window for every PASTE_WINDOW bytes
 * consumed, and run the code when the host ends it with Ctrl-D. Returns
 * false at end of input. */
static bool raw_paste(void) {
    const char start[] = {'R', 1, PASTE_WINDOW & 0xFF, PASTE_WINDOW >> 8, 1};
    px_term_write(start, sizeof start);
    px_strbuf b;
    px_strbuf_init(&b, 1024);
    size_t consumed = 0;
    for (;;) {
        int c = px_term_getc();
        if (c < 0) {
            return false;
        }
        if (c == CTRL_D) {
            break;
        }
        if (c == CTRL_C) {
            return cancel_paste();
        }
        if (c == PX_TERM_REDRAW) {
            continue;
        }
        px_strbuf_add_char(&b, (char)c);
        if (++consumed == PASTE_WINDOW) {
            consumed = 0;
            px_term_puts("\x01");
        }
    }
    px_term_puts("\x04"); /* acknowledge the end of the data */
    run(b.data, b.len);
    return true;
}

px_raw_end px_rawrepl_run(bool restart) {
    px_term_raw();
    px_term_puts(banner);
    for (;;) {
        px_term_raw();
        px_term_puts(">");
        px_strbuf b;
        px_strbuf_init(&b, 256);
        for (;;) {
            int c = px_term_getc();
            if (c < 0) {
                return PX_RAW_EOF;
            }
            if (c == CTRL_A) {
                if (b.len == 2 && b.data[0] == CTRL_E && b.data[1] == 'A') {
                    if (!raw_paste()) {
                        return PX_RAW_EOF;
                    }
                } else {
                    px_term_puts(banner); /* a fresh raw REPL */
                }
                break;
            }
            if (c == CTRL_B) {
                px_term_puts("\r\n");
                return PX_RAW_FRIENDLY;
            }
            if (c == PX_TERM_REDRAW) {
                continue;
            }
            if (c == CTRL_C) {
                b.len = 0;
            } else if (c == CTRL_D) {
                px_term_puts("OK");
                if (b.len > 0) {
                    run(b.data, b.len);
                    break;
                }
                px_term_puts("\r\n");
                if (restart) {
                    return PX_RAW_RESET;
                }
                px_repl_soft_reset();
                px_term_puts("MPY: soft reboot\r\n");
                px_term_puts(banner);
                break;
            } else {
                px_strbuf_add_char(&b, (char)c);
            }
        }
    }
}
