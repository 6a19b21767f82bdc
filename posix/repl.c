/* The interactive prompt: read a statement (more lines while it is
 * incomplete), compile it in single mode so expression values are printed,
 * run it in __main__, print any exception and go on. Line editing is the
 * terminal's own (cooked mode); history and completion come later. */
#include <string.h>
#include <unistd.h>

#include "runtime.h"
#include "repl.h"

/* Read one line (without its newline) into b; false at end of input with
 * nothing read. */
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

/* Does the text so far need more lines? Open brackets, an open triple-
 * quoted string, a trailing backslash, or a compound statement (the caller
 * ends that at a blank line). */
static bool incomplete(const char *s, size_t n) {
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
        return true;
    }
    return block; /* the caller ends a compound statement at a blank line */
}

static void run_statement(const char *src, size_t len) {
    px_map *g = px_module_globals(px_st.main_module);
    px_code *code = px_compile(src, len, PX_Q(lt_stdin_gt), PX_COMPILE_SINGLE);
    px_vm_run_module(code, g);
}

int px_repl_run(void) {
    if (px_st.main_module == PX_NULL) {
        px_run_main_source("", 0, "<stdin>"); /* creates __main__ */
    }
    if (isatty(STDIN_FILENO)) {
        px_write_cstr(&px_out_stdout, "MicroPython-compatible px 0.1.0; " "linux" "\n"
                                      "Use Ctrl-D to exit.\n");
    }
    for (;;) {
        px_strbuf b;
        px_strbuf_init(&b, 128);
        px_val ps1 = px_getattr_opt(px_st.sys_module, PX_Q(ps1));
        px_print(&px_out_stdout, ps1 != PX_NULL ? ps1 : px_str_cstr(">>> "), PX_PRINT_STR);
        if (!read_line(&b)) {
            px_write_cstr(&px_out_stdout, "\n");
            return 0;
        }
        bool blank = b.len == 0;
        while (!blank && incomplete(b.data, b.len)) {
            px_val ps2 = px_getattr_opt(px_st.sys_module, PX_Q(ps2));
            px_print(&px_out_stdout, ps2 != PX_NULL ? ps2 : px_str_cstr("... "), PX_PRINT_STR);
            size_t before = b.len;
            px_strbuf_add_char(&b, '\n');
            if (!read_line(&b) || b.len == before + 1) {
                break; /* end of input or a blank line ends the block */
            }
        }
        if (blank) {
            continue;
        }
        px_strbuf_add_char(&b, '\n');
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            run_statement(b.data, b.len);
            px_try_pop(&j);
        } else if (px_isinstance(j.exc, &px_type_SystemExit)) {
            px_raise(j.exc); /* main turns it into the exit status */
        } else {
            px_exc_print(&px_out_stderr, j.exc);
        }
    }
}
