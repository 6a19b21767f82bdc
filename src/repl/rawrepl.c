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

/* The errno of an OSError (any subclass) whose first argument is an
 * int, or -1. */
static long os_errno(px_val exc) {
    if (!px_isinstance(exc, &px_type_OSError)) {
        return -1;
    }
    size_t n = 0;
    px_val *args = px_seq_items(px_exc_args(exc), &n);
    return n > 0 && px_is_small(args[0]) && px_small_get(args[0]) >= 0 ? (long)px_small_get(args[0]) : -1;
}

/* The error section. Tools read MicroPython's rendering of an OSError:
 * mpremote's fs commands take the errno from a last line "OSError: N"
 * (what a board prints without errno names), and do not recognise
 * CPython's "FileNotFoundError: [Errno 2] ...". So an OSError's last line
 * is given that form here; the traceback above it, and every other
 * exception, print as everywhere else. */
static void print_error(px_val exc) {
    long err = os_errno(exc);
    if (err < 0) {
        px_repl_print_exc(&px_out_stdout, exc);
        return;
    }
    px_strbuf b;
    px_strbuf_init(&b, 256);
    px_out out = px_strbuf_out(&b);
    px_repl_print_exc(&out, exc);
    size_t end = b.len > 0 ? b.len - 1 : 0; /* the final "\n" */
    while (end > 0 && b.data[end - 1] != '\n') {
        end--;
    }
    px_write(&px_out_stdout, b.data, end);
    px_printf(&px_out_stdout, "OSError: %ld\n", err);
}

/* Soft reset restarts the runtime (a board): SystemExit from the code is
 * a soft reset too, as on a board; otherwise it ends the process. */
static bool restart;

/* px_repl_exec of b's contents, with a board's SystemExit caught: *exited
 * is set. b's buffer is given up: trimmed to the source (its tail pages
 * back to the heap) and freed once compiled, so that neither the
 * compiler nor the program has it in its way in a small heap. */
static px_val exec_code(px_strbuf *b, bool *exited) {
    *exited = false;
    char *src = px_gc_realloc(b->data, b->len, PX_GC_LEAF);
    size_t len = b->len;
    b->data = NULL;
    if (!restart) {
        return px_repl_exec(src, len, false, src);
    }
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_val exc = px_repl_exec(src, len, false, src);
        px_try_pop(&j);
        return exc;
    }
    if (!px_isinstance(j.exc, &px_type_SystemExit)) {
        px_raise(j.exc);
    }
    *exited = true;
    return PX_NULL;
}

/* Run the received code and send both result sections, all under the
 * console's own output processing ("\n" -> "\r\n" as on a board).
 * Returns true if the code asked a board for a soft reset. */
static bool run(px_strbuf *b) {
    px_term_quiet();
    bool exited;
    px_val exc = exec_code(b, &exited);
    px_term_puts("\x04");
    if (exc != PX_NULL) {
        print_error(exc);
    }
    px_term_puts("\x04");
    px_term_raw();
    return exited;
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

typedef enum { PASTE_DONE, PASTE_EOF, PASTE_RESET } paste_end;

/* Raw-paste mode after "\x05A\x01": announce it with the window size and
 * one extra window, grant another window for every PASTE_WINDOW bytes
 * consumed, and run the code when the host ends it with Ctrl-D. */
static paste_end raw_paste(void) {
    const char start[] = {'R', 1, PASTE_WINDOW & 0xFF, PASTE_WINDOW >> 8, 1};
    px_term_write(start, sizeof start);
    px_strbuf b;
    px_strbuf_init(&b, 1024);
    size_t consumed = 0;
    for (;;) {
        int c = px_term_getc();
        if (c < 0) {
            return PASTE_EOF;
        }
        if (c == CTRL_D) {
            break;
        }
        if (c == CTRL_C) {
            return cancel_paste() ? PASTE_DONE : PASTE_EOF;
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
    return run(&b) ? PASTE_RESET : PASTE_DONE;
}

px_raw_end px_rawrepl_run(bool restart_runtime) {
    restart = restart_runtime;
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
                    paste_end end = raw_paste();
                    if (end != PASTE_DONE) {
                        return end == PASTE_EOF ? PX_RAW_EOF : PX_RAW_RESET;
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
                    if (run(&b)) {
                        return PX_RAW_RESET;
                    }
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
