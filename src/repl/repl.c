/* The interactive prompt, the same on every port. On a terminal: the
 * friendly REPL (line editor, auto-indent, paste mode, raw REPL);
 * otherwise statements read from stdin run one by one with no prompts.
 * Each statement is compiled in single mode, so expression values are
 * echoed (and kept in `_`). */
#include <string.h>

#include "runtime.h"
#include "history.h"
#include "exec.h"
#include "rawrepl.h"
#include "readline.h"
#include "stmt.h"
#include "repl.h"
#include "term.h"

#define INDENT 4

static void exec_and_report(const char *src, size_t len, bool single) {
    px_term_restore(); /* Ctrl-C interrupts again while the code runs */
    px_val exc = px_repl_exec(src, len, single, NULL);
    if (exc != PX_NULL) {
        px_repl_print_exc(&px_out_stderr, exc);
    }
}

/* ---- the friendly REPL on a terminal */

static size_t leading_spaces(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && s[i] == ' ') {
        i++;
    }
    return i;
}

/* The indentation to offer on the line after text (MicroPython's rule):
 * one level more after a line ending in ':', none after two lines of only
 * spaces (so pressing Enter three times ends a block), else the same. */
static size_t auto_indent(const char *text, size_t n) {
    size_t start = n;
    while (start > 0 && text[start - 1] != '\n') {
        start--;
    }
    const char *last = text + start;
    size_t len = n - start, ind = leading_spaces(last, len);
    size_t end = len;
    while (end > 0 && (last[end - 1] == ' ' || last[end - 1] == '\t')) {
        end--;
    }
    if (end > 0 && last[end - 1] == ':') {
        return ind + INDENT;
    }
    if (ind == len && start > 0) {
        size_t pstart = start - 1;
        while (pstart > 0 && text[pstart - 1] != '\n') {
            pstart--;
        }
        size_t plen = start - 1 - pstart;
        if (leading_spaces(text + pstart, plen) == plen) {
            return 0;
        }
    }
    return ind;
}

/* sys.ps1 / sys.ps2 as text, or the default. */
static const char *prompt(px_qid name, const char *dflt) {
    px_val v = px_st.sys_module != PX_NULL ? px_getattr_opt(px_st.sys_module, name) : PX_NULL;
    if (v == PX_NULL) {
        return dflt;
    }
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_strbuf b;
        px_strbuf_init(&b, 16);
        px_out out = px_strbuf_out(&b);
        px_print(&out, v, PX_PRINT_STR);
        px_strbuf_add_char(&b, '\0');
        px_try_pop(&j);
        return b.data;
    }
    return dflt; /* a prompt object whose __str__ fails */
}

/* MicroPython's banner: the port's first line ("MicroPython v0.1.0 on
 * 2026-12-07; linux [GCC 12.2.0] with x86_64"), then the pointer to
 * help(), which lists the control keys. */
static void banner(void) {
    px_term_raw();
    px_strbuf b;
    px_strbuf_init(&b, 128);
    px_strbuf_add_cstr(&b, px_port_banner());
    px_strbuf_add_cstr(&b, "\r\nType \"help()\" for more information.\r\n");
    px_term_write(b.data, b.len);
}

/* Paste mode: text is taken as typed (no editing, no auto-indent) until
 * Ctrl-D runs it as a file, or Ctrl-C drops it. Returns false at end of
 * input. */
static bool paste_mode(void) {
    px_term_puts("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    px_strbuf b;
    px_strbuf_init(&b, 1024);
    int prev = 0;
    for (;;) {
        int c = px_term_getc();
        if (c == 3) {
            px_term_puts("\r\n");
            return true;
        }
        if (c == 4 || c < 0) {
            px_term_puts("\r\n");
            exec_and_report(b.data, b.len, false);
            return c >= 0;
        }
        if (c == PX_TERM_REDRAW) {
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (!(c == '\n' && prev == '\r')) { /* "\r\n" is one newline */
                px_strbuf_add_char(&b, '\n');
                px_term_puts("\r\n=== ");
            }
        } else {
            char ch = (char)c;
            px_strbuf_add_char(&b, ch);
            px_term_write(&ch, 1);
        }
        prev = c;
    }
}

/* Read the rest of a statement after its first line; false if cancelled. */
static bool continuation(px_strbuf *text) {
    px_strbuf line;
    px_strbuf_init(&line, 128);
    px_stmt_scan scan = {0};
    px_stmt_scan_text(&scan, text->data, text->len);
    px_stmt_state state;
    while ((state = px_stmt_result(&scan)) != PX_STMT_COMPLETE) {
        char indent[256];
        size_t ind = auto_indent(text->data, text->len);
        ind = ind < sizeof indent - 1 ? ind : sizeof indent - 1;
        memset(indent, ' ', ind);
        indent[ind] = '\0';
        px_rl_result r = px_readline(&line, prompt(PX_Q(ps2), "... "), indent, false);
        if (r == PX_RL_CANCEL) {
            return false;
        }
        if (r == PX_RL_EOF || (r == PX_RL_LINE && line.len == 0 && state == PX_STMT_BLOCK)) {
            break; /* an empty line (or Ctrl-D) ends the statement */
        }
        px_history_add(line.data, line.len);
        px_strbuf_add_char(text, '\n');
        px_strbuf_add(text, line.data, line.len);
        px_stmt_scan_line(&scan, line.data, line.len);
    }
    return true;
}

/* How a session at the console ended. */
typedef enum {
    END_EXIT,      /* Ctrl-D on an empty line, or end of input (Linux) */
    END_RESET,     /* a board's soft reset from the friendly REPL */
    END_RESET_RAW, /* ... from the raw REPL, which comes back after it */
} session_end;

/* Soft reset restarts the runtime (px_repl_board); otherwise it happens in
 * place in the raw REPL and Ctrl-D at the friendly prompt ends the REPL. */
static bool board;

/* The raw REPL, then back to the friendly one (or the session ends). */
static bool raw_repl(session_end *end) {
    px_raw_end r = px_rawrepl_run(board);
    if (r == PX_RAW_FRIENDLY) {
        banner();
        return true;
    }
    *end = r == PX_RAW_RESET ? END_RESET_RAW : board ? END_RESET : END_EXIT;
    return false;
}

/* The friendly REPL (from its banner), or the raw REPL first if `raw`. */
static session_end friendly_repl(bool raw) {
    session_end end = board ? END_RESET : END_EXIT;
    if (raw) {
        if (!raw_repl(&end)) {
            return end;
        }
    } else {
        banner();
    }
    px_strbuf text;
    for (;;) {
        px_term_raw();
        px_strbuf_init(&text, 128);
        px_rl_result r = px_readline(&text, prompt(PX_Q(ps1), ">>> "), "", true);
        switch (r) {
        case PX_RL_EOF:
            return end;
        case PX_RL_CANCEL:
            continue;
        case PX_RL_BANNER:
            px_term_puts("\r\n");
            banner();
            continue;
        case PX_RL_PASTE:
            if (!paste_mode()) {
                return end;
            }
            continue;
        case PX_RL_RAW:
            px_term_puts("\r\n");
            if (!raw_repl(&end)) {
                return end;
            }
            continue;
        case PX_RL_LINE:
            break;
        }
        if (leading_spaces(text.data, text.len) == text.len) {
            continue;
        }
        px_history_add(text.data, text.len);
        if (continuation(&text)) {
            px_strbuf_add_char(&text, '\n');
            exec_and_report(text.data, text.len, true);
        }
    }
}

/* ---- statements from a pipe or file */

/* One line of stdin (without the newline) appended to b; false at end of
 * input with nothing read. */
static bool read_line(px_strbuf *b) {
    bool any = false;
    int c;
    while ((c = px_port_stdin_char()) >= 0) {
        any = true;
        if (c == '\n') {
            return true;
        }
        px_strbuf_add_char(b, (char)c);
    }
    return any;
}

/* Does a line at column 0 continue the compound statement before it? */
static bool continues_block(const char *s, size_t n) {
    static const char *const words[] = {"else", "elif", "except", "finally", "case"};
    if (n == 0 || s[0] == '#' || s[0] == ')' || s[0] == ']' || s[0] == '}') {
        return true;
    }
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t k = strlen(words[i]);
        if (n >= k && memcmp(s, words[i], k) == 0 &&
            (n == k || s[k] == ':' || s[k] == ' ' || s[k] == '\t')) {
            return true;
        }
    }
    return s[0] == ' ' || s[0] == '\t';
}

/* Statements end where a terminal user would press Enter on an empty
 * line, and also where an unindented line starts the next statement, so a
 * def followed by calls needs no blank line. */
static void pipe_repl(void) {
    px_strbuf text, next;
    px_strbuf_init(&next, 128);
    bool have_next = false, eof = false;
    while (!eof || have_next) {
        px_strbuf_init(&text, 128);
        if (have_next) {
            px_strbuf_add(&text, next.data, next.len);
            have_next = false;
        } else if (!read_line(&text)) {
            break;
        }
        px_stmt_scan scan = {0};
        px_stmt_scan_text(&scan, text.data, text.len);
        px_stmt_state state;
        while ((state = px_stmt_result(&scan)) != PX_STMT_COMPLETE) {
            next.len = 0;
            if (!read_line(&next)) {
                eof = true;
                break;
            }
            if (state == PX_STMT_BLOCK && next.len == 0) {
                break;
            }
            if (state == PX_STMT_BLOCK && !scan.decorators && !continues_block(next.data, next.len)) {
                have_next = true;
                break;
            }
            px_strbuf_add_char(&text, '\n');
            px_strbuf_add(&text, next.data, next.len);
            px_stmt_scan_line(&scan, next.data, next.len);
        }
        if (leading_spaces(text.data, text.len) == text.len) {
            continue;
        }
        px_strbuf_add_char(&text, '\n');
        exec_and_report(text.data, text.len, true);
    }
}

/* ---- entries */

static void repl(void) {
    if (!px_term_isatty()) {
        pipe_repl();
        return;
    }
    px_history_load();
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        friendly_repl(false);
        px_try_pop(&j);
    } else {
        px_term_restore();
        px_history_save();
        px_raise(j.exc); /* SystemExit */
    }
    px_term_restore();
    px_history_save();
}

static void make_main(void) {
    if (px_st.main_module == PX_NULL) {
        px_run_main_source("", 0, "<stdin>"); /* creates __main__ */
    }
}

int px_repl_run(void) {
    make_main();
    px_repl_mark_clean();
    repl();
    return 0;
}

/* One round of a board: the REPL until a soft reset. */
static session_end board_session(bool raw) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        make_main();
        session_end end = friendly_repl(raw);
        px_try_pop(&j);
        return end;
    }
    /* sys.exit() at the REPL soft-resets a board; anything else escaping
     * the REPL is a bug worth seeing before the reset */
    if (!px_isinstance(j.exc, &px_type_SystemExit)) {
        px_repl_print_exc(&px_out_stderr, j.exc);
    }
    return END_RESET;
}

void px_repl_board(void (*start)(bool raw), bool raw) {
    board = true;
    for (;;) {
        start(raw);
        raw = board_session(raw) == END_RESET_RAW;
        px_term_raw();
        px_term_puts("MPY: soft reboot\r\n");
        px_history_clear();
        px_deinit();
    }
}
