/* The REPL's line editor (see readline.h). After a change the prompt and
 * line are redrawn from the row the prompt is on; a line longer than the
 * terminal is wide wraps over several rows. Widths count code points. */
#include <stdio.h>
#include <string.h>

#include "runtime.h"
#include "complete.h"
#include "history.h"
#include "readline.h"
#include "term.h"

#define INDENT 4

enum {
    K_CTRL_A = 1, K_CTRL_B, K_CTRL_C, K_CTRL_D, K_CTRL_E, K_CTRL_F, K_BS = 8, K_TAB = 9,
    K_LF = 10, K_CTRL_K = 11, K_CTRL_L = 12, K_CR = 13, K_CTRL_N = 14, K_CTRL_P = 16,
    K_CTRL_U = 21, K_CTRL_W = 23, K_ESC = 27, K_DEL = 127,
};

/* Keys decoded from escape sequences. */
typedef enum {
    KEY_NONE, KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_DELETE,
    KEY_WORD_LEFT, KEY_WORD_RIGHT, KEY_WORD_RUBOUT,
} key;

typedef struct {
    px_strbuf *b;
    size_t pos;        /* cursor, a byte offset at a code point boundary */
    const char *prompt;
    size_t hist;       /* history entry shown; px_history_len(): the line being edited */
    px_strbuf edited;  /* that line, kept while browsing history */
    size_t cols;       /* terminal width */
    size_t row;        /* screen row of the cursor, counted from the prompt's */
} editor;

static bool is_cont(char c) {
    return ((unsigned char)c & 0xC0) == 0x80;
}

static size_t width(const char *s, size_t n) {
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        w += !is_cont(s[i]);
    }
    return w;
}

static void add_move(px_strbuf *out, size_t n, char dir) {
    if (n > 0) {
        char mv[32];
        snprintf(mv, sizeof mv, "\x1b[%zu%c", n, dir);
        px_strbuf_add_cstr(out, mv);
    }
}

/* Columns from the start of the prompt to byte offset pos of the line. */
static size_t column(const editor *e, size_t pos) {
    return width(e->prompt, strlen(e->prompt)) + width(e->b->data, pos);
}

/* After writing up to column `end`: a terminal leaves the cursor in the
 * last column when the row is exactly full; a newline puts it where the
 * next character goes. Returns the cursor's row. */
static size_t settle(const editor *e, px_strbuf *out, size_t end) {
    if (end > 0 && end % e->cols == 0) {
        px_strbuf_add_cstr(out, "\r\n");
    }
    return end / e->cols;
}

static void refresh(editor *e) {
    px_strbuf out;
    px_strbuf_init(&out, e->b->len + 64);
    add_move(&out, e->row, 'A');
    px_strbuf_add_char(&out, '\r');
    px_strbuf_add_cstr(&out, e->prompt);
    px_strbuf_add(&out, e->b->data, e->b->len);
    px_strbuf_add_cstr(&out, "\x1b[J"); /* erase the rest of the screen */
    size_t end_row = settle(e, &out, column(e, e->b->len));
    size_t at = column(e, e->pos);
    add_move(&out, end_row - at / e->cols, 'A');
    px_strbuf_add_char(&out, '\r');
    add_move(&out, at % e->cols, 'C');
    e->row = at / e->cols;
    px_term_write(out.data, out.len);
}

/* Leave the line: the cursor to its end, then to the start of the next
 * row (where settle() may have put it already). */
static void finish(editor *e) {
    if (e->pos != e->b->len) {
        e->pos = e->b->len;
        refresh(e);
    }
    size_t end = column(e, e->b->len);
    if (end == 0 || end % e->cols != 0) {
        px_term_puts("\r\n");
    }
}

/* Does the text end with a whole UTF-8 sequence (not one still arriving)? */
static bool ends_whole(const char *s, size_t n) {
    size_t i = n;
    while (i > 0 && is_cont(s[i - 1])) {
        i--;
    }
    if (i == 0) {
        return true;
    }
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return n - (i - 1) >= need;
}

static void insert(editor *e, const char *s, size_t n) {
    px_strbuf *b = e->b;
    px_strbuf_extend(b, n);
    memmove(b->data + e->pos + n, b->data + e->pos, b->len - n - e->pos);
    memcpy(b->data + e->pos, s, n);
    e->pos += n;
    if (e->pos == b->len) {
        /* typing at the end: no redraw needed (the terminal joins the
         * bytes of a character; wrap once it is whole) */
        px_strbuf out;
        px_strbuf_init(&out, n + 2);
        px_strbuf_add(&out, s, n);
        if (ends_whole(b->data, b->len)) {
            e->row = settle(e, &out, column(e, e->pos));
        }
        px_term_write(out.data, out.len);
    } else {
        refresh(e);
    }
}

static void erase(editor *e, size_t from, size_t to) {
    if (from >= to) {
        return;
    }
    px_strbuf *b = e->b;
    memmove(b->data + from, b->data + to, b->len - to);
    b->len -= to - from;
    e->pos = from;
    refresh(e);
}

static void set_text(editor *e, const char *s, size_t n) {
    e->b->len = 0;
    px_strbuf_add(e->b, s, n);
    e->pos = n;
    refresh(e);
}

static size_t prev_char(const editor *e, size_t p) {
    while (p > 0 && is_cont(e->b->data[--p])) {
    }
    return p;
}

static size_t next_char(const editor *e, size_t p) {
    if (p < e->b->len) {
        p++;
        while (p < e->b->len && is_cont(e->b->data[p])) {
            p++;
        }
    }
    return p;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t';
}

static bool is_word(char c) {
    return !is_space(c) && strchr("()[]{}.,:;=+-*/%<>!&|^~'\"#@", c) == NULL;
}

static size_t word_left(const editor *e, size_t p, bool (*in_word)(char)) {
    while (p > 0 && !in_word(e->b->data[p - 1])) {
        p--;
    }
    while (p > 0 && in_word(e->b->data[p - 1])) {
        p--;
    }
    return p;
}

static size_t word_right(const editor *e, size_t p) {
    while (p < e->b->len && !is_word(e->b->data[p])) {
        p++;
    }
    while (p < e->b->len && is_word(e->b->data[p])) {
        p++;
    }
    return p;
}

static bool not_space(char c) {
    return !is_space(c);
}

static bool only_spaces_before(const editor *e) {
    for (size_t i = 0; i < e->pos; i++) {
        if (e->b->data[i] != ' ') {
            return false;
        }
    }
    return true;
}

static bool blank(const px_strbuf *b) {
    for (size_t i = 0; i < b->len; i++) {
        if (b->data[i] != ' ') {
            return false;
        }
    }
    return true;
}

/* Backspace; at an indentation it removes one indent level. */
static void backspace(editor *e) {
    if (e->pos == 0) {
        return;
    }
    if (only_spaces_before(e)) {
        size_t n = e->pos % INDENT ? e->pos % INDENT : INDENT;
        erase(e, e->pos - n, e->pos);
    } else {
        erase(e, prev_char(e, e->pos), e->pos);
    }
}

static void history_move(editor *e, int dir) {
    size_t n = px_history_len();
    if ((dir < 0 && e->hist == 0) || (dir > 0 && e->hist >= n)) {
        return;
    }
    if (e->hist == n) {
        e->edited.len = 0;
        px_strbuf_add(&e->edited, e->b->data, e->b->len);
    }
    e->hist = dir < 0 ? e->hist - 1 : e->hist + 1;
    if (e->hist == n) {
        set_text(e, e->edited.data, e->edited.len);
    } else {
        const char *s = px_history_get(e->hist);
        set_text(e, s, strlen(s));
    }
}

/* ---- Tab completion */

static void list_matches(editor *e, px_val matches) {
    px_list *l = px_list_ptr(matches);
    size_t cols = e->cols, at = 0, pos = e->pos;
    finish(e); /* the list goes below the whole line */
    px_strbuf out;
    px_strbuf_init(&out, 256);
    for (size_t i = 0; i < l->len; i++) {
        size_t n;
        const char *s = px_str_data(l->items[i], &n);
        size_t w = width(s, n);
        size_t slot = (w / 16 + 1) * 16; /* 16-column slots, at least one space between */
        if (at > 0 && at + w > cols) {
            px_strbuf_add_cstr(&out, "\r\n");
            at = 0;
        }
        size_t target = at + slot;
        px_strbuf_add(&out, s, n);
        at += w;
        while (i + 1 < l->len && at < target && at < cols) {
            px_strbuf_add_char(&out, ' ');
            at++;
        }
    }
    px_strbuf_add_cstr(&out, "\r\n");
    px_term_write(out.data, out.len);
    e->row = 0; /* the prompt starts again on a fresh row */
    e->pos = pos;
    refresh(e);
}

static void tab(editor *e) {
    if (only_spaces_before(e)) {
        static const char spaces[] = "    ";
        insert(e, spaces, INDENT - e->pos % INDENT);
        return;
    }
    size_t word_len;
    px_val matches = px_complete(e->b->data, e->pos, &word_len);
    px_list *l = px_list_ptr(matches);
    if (l->len == 0) {
        return;
    }
    /* the common prefix of all matches, beyond what is typed */
    size_t n0;
    const char *first = px_str_data(l->items[0], &n0);
    size_t common = n0;
    for (size_t i = 1; i < l->len; i++) {
        size_t n;
        const char *s = px_str_data(l->items[i], &n);
        size_t k = 0;
        while (k < common && k < n && s[k] == first[k]) {
            k++;
        }
        common = k;
    }
    while (common > word_len && is_cont(first[common])) {
        common--; /* never split a code point */
    }
    if (common > word_len) {
        insert(e, first + word_len, common - word_len);
    } else if (l->len > 1) {
        list_matches(e, matches);
    }
}

/* ---- keys */

/* The rest of an escape sequence after ESC. */
static key read_escape(void) {
    int c = px_term_getc();
    if (c == 'O') { /* SS3: ESC O H / ESC O F, and arrows in application mode */
        c = px_term_getc();
        switch (c) {
        case 'A': return KEY_UP;
        case 'B': return KEY_DOWN;
        case 'C': return KEY_RIGHT;
        case 'D': return KEY_LEFT;
        case 'H': return KEY_HOME;
        case 'F': return KEY_END;
        default: return KEY_NONE;
        }
    }
    if (c == 'b') {
        return KEY_WORD_LEFT; /* Alt-b */
    }
    if (c == 'f') {
        return KEY_WORD_RIGHT; /* Alt-f */
    }
    if (c == K_DEL || c == K_BS) {
        return KEY_WORD_RUBOUT; /* Alt-Backspace */
    }
    if (c != '[') {
        return KEY_NONE;
    }
    /* CSI: parameter bytes, then one final byte */
    unsigned p[2] = {0, 0};
    int np = 0;
    for (;;) {
        c = px_term_getc();
        if (c >= '0' && c <= '9') {
            p[np] = p[np] * 10 + (unsigned)(c - '0');
        } else if (c == ';') {
            np = np < 1 ? np + 1 : np;
        } else if (c >= 0x20 && c <= 0x3F) {
            continue; /* other parameter/intermediate bytes */
        } else {
            break;
        }
        if (p[np] > 1000) {
            p[np] = 1000;
        }
    }
    bool ctrl = np > 0 && p[1] == 5; /* ESC [ 1 ; 5 C: Ctrl-Right */
    switch (c) {
    case 'A': return KEY_UP;
    case 'B': return KEY_DOWN;
    case 'C': return ctrl ? KEY_WORD_RIGHT : KEY_RIGHT;
    case 'D': return ctrl ? KEY_WORD_LEFT : KEY_LEFT;
    case 'H': return KEY_HOME;
    case 'F': return KEY_END;
    case '~':
        switch (p[0]) {
        case 1: case 7: return KEY_HOME;
        case 4: case 8: return KEY_END;
        case 3: return KEY_DELETE;
        default: return KEY_NONE;
        }
    default:
        return KEY_NONE;
    }
}

static void do_key(editor *e, key k) {
    switch (k) {
    case KEY_UP: history_move(e, -1); break;
    case KEY_DOWN: history_move(e, 1); break;
    case KEY_LEFT: e->pos = prev_char(e, e->pos); refresh(e); break;
    case KEY_RIGHT: e->pos = next_char(e, e->pos); refresh(e); break;
    case KEY_HOME: e->pos = 0; refresh(e); break;
    case KEY_END: e->pos = e->b->len; refresh(e); break;
    case KEY_DELETE: erase(e, e->pos, next_char(e, e->pos)); break;
    case KEY_WORD_LEFT: e->pos = word_left(e, e->pos, is_word); refresh(e); break;
    case KEY_WORD_RIGHT: e->pos = word_right(e, e->pos); refresh(e); break;
    case KEY_WORD_RUBOUT: erase(e, word_left(e, e->pos, is_word), e->pos); break;
    case KEY_NONE: break;
    }
}

px_rl_result px_readline(px_strbuf *line, const char *prompt, const char *prefill, bool first) {
    editor e = {.b = line, .prompt = prompt, .hist = px_history_len()};
    px_strbuf_init(&e.edited, 64);
    e.cols = (size_t)px_term_columns();
    line->len = 0;
    px_strbuf_add_cstr(line, prefill);
    e.pos = line->len;
    /* not a redraw: output without a final newline stays before the prompt */
    px_strbuf out;
    px_strbuf_init(&out, 64);
    px_strbuf_add_cstr(&out, prompt);
    px_strbuf_add(&out, line->data, line->len);
    e.row = settle(&e, &out, column(&e, e.pos));
    px_term_write(out.data, out.len);
    for (;;) {
        int c = px_term_getc();
        bool empty = line->len == 0;
        switch (c) {
        case -1:
            finish(&e);
            return empty ? PX_RL_EOF : PX_RL_LINE; /* a last line without newline runs */
        case K_CR: case K_LF:
            finish(&e);
            return PX_RL_LINE;
        case K_CTRL_C:
            finish(&e);
            return PX_RL_CANCEL;
        case K_CTRL_D:
            /* on a continuation line, the auto-indent alone counts as
             * empty: Ctrl-D ends the statement and runs it */
            if (empty || (!first && blank(line))) {
                finish(&e);
                return PX_RL_EOF;
            }
            do_key(&e, KEY_DELETE);
            break;
        case K_CTRL_A:
            if (empty && first) {
                return PX_RL_RAW;
            }
            do_key(&e, KEY_HOME);
            break;
        case K_CTRL_B:
            if (empty && first) {
                return PX_RL_BANNER;
            }
            do_key(&e, KEY_LEFT);
            break;
        case K_CTRL_E:
            if (empty && first) {
                return PX_RL_PASTE;
            }
            do_key(&e, KEY_END);
            break;
        case K_CTRL_F: do_key(&e, KEY_RIGHT); break;
        case K_CTRL_N: do_key(&e, KEY_DOWN); break;
        case K_CTRL_P: do_key(&e, KEY_UP); break;
        case K_CTRL_K: erase(&e, e.pos, line->len); break;
        case K_CTRL_U: erase(&e, 0, e.pos); break;
        case K_CTRL_W: erase(&e, word_left(&e, e.pos, not_space), e.pos); break;
        case K_CTRL_L: px_term_puts("\x1b[H\x1b[2J"); e.row = 0; refresh(&e); break;
        case K_BS: case K_DEL: backspace(&e); break;
        case K_TAB: tab(&e); break;
        case K_ESC: do_key(&e, read_escape()); break;
        case PX_TERM_REDRAW: e.row = 0; refresh(&e); break; /* callbacks printed */
        default:
            if (c >= 0x20) {
                char ch = (char)c;
                insert(&e, &ch, 1);
            }
            break;
        }
    }
}
