/* The interactive prompt. On a terminal: the friendly REPL (line editor,
 * auto-indent, paste mode, raw REPL); otherwise statements read from stdin
 * run one by one with no prompts. Each statement is compiled in single
 * mode, so expression values are echoed (and kept in `_`). */
#include <string.h>

#include "runtime.h"
#include "history.h"
#include "rawrepl.h"
#include "sys.h"
#include "readline.h"
#include "repl.h"
#include "term.h"

#define INDENT 4

/* ---- running code */

px_val px_repl_exec(const char *src, size_t len, bool single) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_code *code = px_compile(src, len, PX_Q(lt_stdin_gt),
                                   single ? PX_COMPILE_SINGLE : PX_COMPILE_FILE);
        px_vm_run_module(code, px_module_globals(px_st.main_module));
        px_try_pop(&j);
        px_port_stdout_flush();
        return PX_NULL;
    }
    px_port_stdout_flush();
    if (px_isinstance(j.exc, &px_type_SystemExit)) {
        px_raise(j.exc); /* main turns it into the exit status */
    }
    return j.exc;
}

void px_repl_print_exc(px_out *out, px_val exc) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_exc_print(out, exc);
        px_try_pop(&j);
    } else {
        px_write_cstr(out, "\nerror while printing an exception\n");
    }
}

static void exec_and_report(const char *src, size_t len, bool single) {
    px_term_restore(); /* Ctrl-C is SIGINT again while the code runs */
    px_val exc = px_repl_exec(src, len, single);
    if (exc != PX_NULL) {
        px_repl_print_exc(&px_out_stderr, exc);
    }
}

void px_repl_soft_reset(void) {
    px_map *g = px_module_globals(px_st.main_module);
    px_val keys = px_list_new(0, NULL);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(g, &pos)) != NULL) {
        size_t n = 0;
        const char *s = px_is_str(e->key) ? px_str_data(e->key, &n) : "";
        if (n < 2 || memcmp(s, "__", 2) != 0) { /* keep __name__ and friends */
            px_list_append(keys, e->key);
        }
    }
    px_list *l = px_list_ptr(keys);
    for (size_t i = 0; i < l->len; i++) {
        px_map_pop(g, l->items[i]);
    }
    px_st.repl_last = PX_NULL;
    px_map *bm = px_module_globals(px_builtins_module());
    if (!(bm->flags & PX_MAP_CONST)) {
        px_map_pop(bm, px_qstr(PX_Q(_)));
    }
}

/* ---- when is a statement complete? */

typedef enum {
    COMPLETE,
    MORE,  /* open bracket, triple-quoted string or trailing backslash */
    BLOCK, /* a compound statement: ended by an empty line */
} completeness;

static completeness check(const char *s, size_t n) {
    int depth = 0;
    char quote = 0, last = 0; /* last: last significant character */
    bool triple = false, block = n > 0 && s[0] == '@';
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? s[i] : '\n';
        if (quote) {
            if (c == '\\') {
                i++;
            } else if (triple && c == quote && i + 2 < n && s[i + 1] == quote && s[i + 2] == quote) {
                quote = 0;
                i += 2;
            } else if (!triple && (c == quote || c == '\n')) {
                quote = 0;
            }
            last = 'x';
            continue;
        }
        if (c == '#') {
            while (i < n && s[i] != '\n') {
                i++;
            }
            c = '\n';
        }
        if (c == '\n') {
            /* a logical line ending in ':' starts a compound statement */
            if (depth <= 0 && last == ':') {
                block = true;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            continue;
        }
        last = c;
        if (c == '"' || c == '\'') {
            quote = c;
            triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            if (triple) {
                i += 2;
            }
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        }
    }
    if ((quote && triple) || depth > 0 || (n > 0 && s[n - 1] == '\\')) {
        return MORE;
    }
    return block ? BLOCK : COMPLETE;
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
    px_val v = px_getattr_opt(px_st.sys_module, name);
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

/* MicroPython's banner: "MicroPython v0.1.0 on 2026-12-07; linux [GCC 12.2.0]
 * with x86_64", then the pointer to help(), which lists the control keys. */
static void banner(void) {
    px_term_raw();
    px_strbuf b;
    px_strbuf_init(&b, 128);
    px_out out = px_strbuf_out(&b);
    px_sys_print_banner(&out);
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
    completeness state;
    while ((state = check(text->data, text->len)) != COMPLETE) {
        char indent[256];
        size_t ind = auto_indent(text->data, text->len);
        ind = ind < sizeof indent - 1 ? ind : sizeof indent - 1;
        memset(indent, ' ', ind);
        indent[ind] = '\0';
        px_rl_result r = px_readline(&line, prompt(PX_Q(ps2), "... "), indent, false);
        if (r == PX_RL_CANCEL) {
            return false;
        }
        if (r == PX_RL_EOF || (r == PX_RL_LINE && line.len == 0 && state == BLOCK)) {
            break; /* an empty line (or Ctrl-D) ends the statement */
        }
        px_history_add(line.data, line.len);
        px_strbuf_add_char(text, '\n');
        px_strbuf_add(text, line.data, line.len);
    }
    return true;
}

static void friendly_repl(void) {
    banner();
    px_strbuf text;
    for (;;) {
        px_term_raw();
        px_strbuf_init(&text, 128);
        px_rl_result r = px_readline(&text, prompt(PX_Q(ps1), ">>> "), "", true);
        switch (r) {
        case PX_RL_EOF:
            return;
        case PX_RL_CANCEL:
            continue;
        case PX_RL_BANNER:
            px_term_puts("\r\n");
            banner();
            continue;
        case PX_RL_PASTE:
            if (!paste_mode()) {
                return;
            }
            continue;
        case PX_RL_RAW:
            px_term_puts("\r\n");
            if (!px_rawrepl_run()) {
                return;
            }
            banner();
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
        completeness state;
        while ((state = check(text.data, text.len)) != COMPLETE) {
            next.len = 0;
            if (!read_line(&next)) {
                eof = true;
                break;
            }
            if (state == BLOCK && next.len == 0) {
                break;
            }
            if (state == BLOCK && !continues_block(next.data, next.len)) {
                have_next = true;
                break;
            }
            px_strbuf_add_char(&text, '\n');
            px_strbuf_add(&text, next.data, next.len);
        }
        if (leading_spaces(text.data, text.len) == text.len) {
            continue;
        }
        px_strbuf_add_char(&text, '\n');
        exec_and_report(text.data, text.len, true);
    }
}

/* ---- entry */

static void repl(void) {
    if (!px_term_isatty()) {
        pipe_repl();
        return;
    }
    px_history_load();
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        friendly_repl();
        px_try_pop(&j);
    } else {
        px_term_restore();
        px_history_save();
        px_raise(j.exc); /* SystemExit */
    }
    px_term_restore();
    px_history_save();
}

int px_repl_run(void) {
    if (px_st.main_module == PX_NULL) {
        px_run_main_source("", 0, "<stdin>"); /* creates __main__ */
    }
    repl();
    return 0;
}
