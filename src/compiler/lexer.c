/* The lexer. Produces one token at a time; px_lex_all collects them into
 * an array so the parser can look ahead freely. Indentation is measured
 * with tabs advancing to the next multiple of 8 (as CPython). */
#include "lexer.h"
#include "fscan.h"

#include <stdarg.h>
#include <stdio.h>

#include "../runtime.h"

#define MAX_INDENT 100
#define MAX_PARENS 200

static const char *const tok_texts[] = {
#define PX__TOK_TEXT(name, text) text,
    PX_TOKENS(PX__TOK_TEXT)
#undef PX__TOK_TEXT
};

const char *px_tok_text(unsigned type) {
    return type < PX_TOK__COUNT ? tok_texts[type] : "?";
}

/* ---- errors */

/* Find line `lineno` (1-based) of src: start and length without newline. */
static bool find_line(const char *src, size_t len, uint32_t lineno, size_t *start, size_t *n) {
    size_t p = 0;
    uint32_t line = 1;
    while (line < lineno) {
        while (p < len && src[p] != '\n' && src[p] != '\r') {
            p++;
        }
        if (p >= len) {
            return false;
        }
        if (src[p] == '\r' && p + 1 < len && src[p + 1] == '\n') {
            p++;
        }
        p++;
        line++;
    }
    size_t e = p;
    while (e < len && src[e] != '\n' && src[e] != '\r') {
        e++;
    }
    *start = p;
    *n = e - p;
    return true;
}

void px_syntax_error(const px_type *type, px_qid filename, const char *src, size_t len,
                     uint32_t lineno, uint32_t col, const char *msg) {
    px_val text = PX_NONE;
    px_int offset = 0;
    size_t ls, ln;
    if (lineno > 0 && src != NULL && find_line(src, len, lineno, &ls, &ln)) {
        /* Offset counts characters, as CPython reports it. */
        size_t c = col < ln ? col : ln;
        offset = 1;
        for (size_t i = 0; i < c; i++) {
            if (((uint8_t)src[ls + i] & 0xC0) != 0x80) {
                offset++;
            }
        }
        if (col > ln) {
            offset += (px_int)(col - ln);
        }
        if (px_utf8_valid(src + ls, ln)) {
            px_strbuf b;
            px_strbuf_init(&b, ln + 2);
            px_strbuf_add(&b, src + ls, ln);
            px_strbuf_add_char(&b, '\n');
            text = px_strbuf_to_str(&b);
        }
    }
    px_val loc[4] = {
        filename ? px_qstr(filename) : PX_NONE,
        px_small(lineno),
        px_small(offset),
        text,
    };
    px_val args[2] = {px_str_cstr(msg), px_tuple_new(4, loc)};
    px_raise(px_exc_new(type, 2, args));
}

void(px_lex_error_at)(px_lexer *lx, const px_type *type, uint32_t lineno, uint32_t col, const char *fmt,
                      ...) {
    char msg[256];
    PX_ERRTEXT_FMT(fmt);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    px_syntax_error(type, lx->filename, lx->err_src, lx->err_len, lineno, col, msg);
}

/* Error at a byte offset of the lexer's text. */
PX_NORETURN PX_PRINTF(3, 4) static void error_at_pos(px_lexer *lx, size_t pos, const char *fmt, ...) {
    char msg[256];
    PX_ERRTEXT_FMT(fmt);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* pos is on the current line, or on an earlier one for strings; the
     * caller passes positions on the current line except where noted. */
    uint32_t col = (uint32_t)(pos >= lx->line_start ? pos - lx->line_start : 0);
    if (lx->line == 1) {
        col += lx->col_base;
    }
    px_syntax_error(&px_type_SyntaxError, lx->filename, lx->err_src, lx->err_len,
                    lx->line + lx->line_base, col, msg);
}
#ifdef PX__ET /* compressed error text (core/error.h) */
#define error_at_pos(lx, pos, fmt, ...) error_at_pos(lx, pos, PX__ET(fmt), ##__VA_ARGS__)
#endif

/* ---- set-up */

void px_lexer_init(px_lexer *lx, const char *src, size_t len, px_qid filename) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->len = len;
    lx->filename = filename;
    lx->line = 1;
    lx->err_src = src;
    lx->err_len = len;
    lx->at_bol = true;
    if (len >= 3 && (uint8_t)src[0] == 0xEF && (uint8_t)src[1] == 0xBB && (uint8_t)src[2] == 0xBF) {
        lx->pos = 3;
        lx->line_start = 3;
    }
}

static inline int peek(const px_lexer *lx, size_t ahead) {
    size_t p = lx->pos + ahead;
    return p < lx->len ? (uint8_t)lx->src[p] : -1;
}

static inline bool is_id_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
static inline bool is_id_char(int c) {
    return is_id_start(c) || (c >= '0' && c <= '9');
}
static inline bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

/* Consume a newline sequence (\n, \r\n or \r) at pos and start a new line. */
static void eat_newline(px_lexer *lx) {
    if (peek(lx, 0) == '\r' && peek(lx, 1) == '\n') {
        lx->pos++;
    }
    lx->pos++;
    lx->line++;
    lx->line_start = lx->pos;
}

/* ---- tokens */

static void set_tok(px_lexer *lx, px_token *tok, px_tok type, size_t start) {
    tok->type = (uint8_t)type;
    tok->level = (uint8_t)(lx->paren_depth < 255 ? lx->paren_depth : 255);
    tok->start = (uint32_t)start;
    if (type != PX_TOK_STRING) {
        tok->lineno = lx->line + lx->line_base;
        uint32_t col = (uint32_t)(start >= lx->line_start ? start - lx->line_start : 0);
        tok->col = col + (lx->line == 1 ? lx->col_base : 0);
        tok->end_lineno = tok->lineno;
        tok->end_col = tok->col + (uint32_t)(lx->pos - start);
    }
}

static px_tok keyword(const char *s, size_t n) {
    if (n < 2 || n > 8) {
        return PX_TOK_NAME;
    }
    for (unsigned t = PX_TOK_FIRST_KW; t < PX_TOK__COUNT; t++) {
        const char *k = tok_texts[t];
        if (k[0] == s[0] && strlen(k) == n && memcmp(k, s, n) == 0) {
            return (px_tok)t;
        }
    }
    return PX_TOK_NAME;
}

const char *px_lex_keyword(size_t i) {
    return i < PX_TOK__COUNT - PX_TOK_FIRST_KW ? tok_texts[PX_TOK_FIRST_KW + i] : NULL;
}

/* Digits of `base` with single underscores between them; returns false
 * if an underscore is not followed by a digit. Appends digits to buf. */
static bool scan_digits(px_lexer *lx, int base, char *buf, size_t *n, size_t cap) {
    for (;;) {
        int c = peek(lx, 0);
        int d = -1;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            d = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            d = c - 'A' + 10;
        }
        if (d >= 0 && d < base) {
            if (*n < cap) {
                buf[*n] = (char)c;
            }
            (*n)++;
            lx->pos++;
        } else if (c == '_') {
            int c2 = peek(lx, 1);
            int d2 = -1;
            if (c2 >= '0' && c2 <= '9') {
                d2 = c2 - '0';
            } else if (c2 >= 'a' && c2 <= 'f') {
                d2 = c2 - 'a' + 10;
            } else if (c2 >= 'A' && c2 <= 'F') {
                d2 = c2 - 'A' + 10;
            }
            if (d2 < 0 || d2 >= base) {
                lx->pos++;
                return false;
            }
            lx->pos++;
        } else {
            return true;
        }
    }
}

/* After a number: letters directly after it are an error, except a
 * keyword that may legally follow (`1if x else 2`). */
static void check_number_end(px_lexer *lx, const char *what) {
    int c = peek(lx, 0);
    if (!is_id_char(c)) {
        return;
    }
    static const char *const ok[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        size_t k = strlen(ok[i]);
        if (lx->pos + k <= lx->len && memcmp(lx->src + lx->pos, ok[i], k) == 0) {
            return;
        }
    }
    error_at_pos(lx, lx->pos, "invalid %s literal", what);
}

static void lex_number(px_lexer *lx, px_token *tok) {
    size_t start = lx->pos;
    char small[72];
    char *buf = small;
    size_t cap = sizeof small - 1;
    /* Digits never exceed the token length, so one big buffer suffices. */
    size_t maxlen = 0;
    while (start + maxlen < lx->len && (is_id_char((uint8_t)lx->src[start + maxlen]) ||
                                        lx->src[start + maxlen] == '.' ||
                                        ((lx->src[start + maxlen] == '+' || lx->src[start + maxlen] == '-') &&
                                         maxlen > 0 && (lx->src[start + maxlen - 1] | 0x20) == 'e'))) {
        maxlen++;
    }
    if (maxlen > cap) {
        buf = px_gc_alloc(maxlen + 1, PX_GC_LEAF);
        cap = maxlen;
    }
    size_t n = 0;
    int c0 = peek(lx, 0), c1 = peek(lx, 1);
    if (c0 == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' || c1 == 'b' || c1 == 'B')) {
        int base = (c1 | 0x20) == 'x' ? 16 : (c1 | 0x20) == 'o' ? 8 : 2;
        const char *what = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        lx->pos += 2;
        /* scan_digits accepts one '_' before a digit, so "0x_1" passes and
         * "0x__1" does not. */
        bool ok = scan_digits(lx, base, buf, &n, cap);
        int c = peek(lx, 0);
        if (ok && is_digit(c) && base != 16) {
            error_at_pos(lx, lx->pos, "invalid digit '%c' in %s literal", c, what);
        }
        if (!ok || n == 0) {
            error_at_pos(lx, lx->pos, "invalid %s literal", what);
        }
        check_number_end(lx, what);
        set_tok(lx, tok, PX_TOK_NUMBER, start);
        tok->u.value = px_int_parse(buf, n, base);
        return;
    }
    bool is_float = false;
    bool leading_zero_error = false;
    if (c0 != '.') {
        if (!scan_digits(lx, 10, buf, &n, cap)) {
            error_at_pos(lx, lx->pos - 1, "invalid decimal literal");
        }
        if (buf[0] == '0') {
            for (size_t i = 1; i < n && i < cap; i++) {
                if (buf[i] != '0') {
                    leading_zero_error = true;
                }
            }
        }
    }
    if (peek(lx, 0) == '.') {
        is_float = true;
        buf[n++] = '.';
        lx->pos++;
        if (is_digit(peek(lx, 0)) && !scan_digits(lx, 10, buf, &n, cap)) {
            error_at_pos(lx, lx->pos - 1, "invalid decimal literal");
        }
    }
    int c = peek(lx, 0);
    if (c == 'e' || c == 'E') {
        int s = peek(lx, 1);
        int d = (s == '+' || s == '-') ? peek(lx, 2) : s;
        if (is_digit(d)) {
            is_float = true;
            buf[n++] = 'e';
            lx->pos++;
            if (s == '+' || s == '-') {
                buf[n++] = (char)s;
                lx->pos++;
            }
            if (!scan_digits(lx, 10, buf, &n, cap)) {
                error_at_pos(lx, lx->pos - 1, "invalid decimal literal");
            }
        } else if (!(lx->pos + 4 <= lx->len && memcmp(lx->src + lx->pos, "else", 4) == 0)) {
            error_at_pos(lx, lx->pos, "invalid decimal literal");
        }
    }
    c = peek(lx, 0);
    bool imag = false;
    if (c == 'j' || c == 'J') {
#if !PX_HAS_COMPLEX
        error_at_pos(lx, start, "complex numbers are not supported in this build");
#endif
        imag = true;
        lx->pos++;
    } else if (!is_float && leading_zero_error) {
        error_at_pos(lx, start, "leading zeros in decimal integer literals are not permitted; "
                                "use an 0o prefix for octal integers");
    }
    check_number_end(lx, imag ? "imaginary" : "decimal");
#if PX_HAS_FLOAT
    set_tok(lx, tok, PX_TOK_NUMBER, start);
    if (is_float || imag) {
        double d = px_float_parse(buf, n);
#if PX_HAS_COMPLEX
        tok->u.value = imag ? px_complex(0.0, d) : px_float(d);
#else
        tok->u.value = px_float(d);
#endif
    } else {
        tok->u.value = px_int_parse(buf, n, 10);
    }
#else
    /* the whole literal is scanned first, so the error covers it */
    if (is_float) {
        error_at_pos(lx, start, "floats are not supported in this build");
    }
    set_tok(lx, tok, PX_TOK_NUMBER, start);
    tok->u.value = px_int_parse(buf, n, 10);
#endif
}

int px_lex_string_prefix(const char *s, size_t n) {
    if (n == 0 || n > 2) {
        return -1;
    }
    int flags = 0;
    for (size_t i = 0; i < n; i++) {
        int f;
        switch (s[i] | 0x20) {
        case 'r': f = PX_STR_RAW; break;
        case 'b': f = PX_STR_BYTES; break;
        case 'f': f = PX_STR_F; break;
        case 't': f = PX_STR_T; break;
        case 'u': f = 0x10; break;
        default: return -1;
        }
        if (flags & f) {
            return -1;
        }
        flags |= f;
    }
    if ((flags & 0x10) && n > 1) {
        return -1;
    }
    int kinds = !!(flags & PX_STR_BYTES) + !!(flags & PX_STR_F) + !!(flags & PX_STR_T);
    if (kinds > 1) {
        return -1;
    }
    return flags & ~0x10;
}

static void lex_string(px_lexer *lx, px_token *tok, size_t start, int flags) {
    uint32_t sline = lx->line + lx->line_base;
    uint32_t scol = (uint32_t)(start - lx->line_start) + (lx->line == 1 ? lx->col_base : 0);
    int q = peek(lx, 0);
    int quote = (peek(lx, 1) == q && peek(lx, 2) == q) ? 3 : 1;
    size_t body = lx->pos + (size_t)quote;
    size_t stop = SIZE_MAX; /* f-/t-strings: where the literal's closing quote is */
    if (flags & (PX_STR_F | PX_STR_T)) {
        /* fields may hold any literal, the same quotes included (PEP 701) */
        int err;
        stop = px_fscan_string(lx->src, lx->pos, lx->len, flags, &err);
        if (err == PX_FSCAN_OK) {
            stop -= (size_t)quote;
        } else if (err == PX_FSCAN_UNTERMINATED) {
            stop = lx->len;
        } else if (err == PX_FSCAN_FIELD) {
            px_lex_error_at(lx, &px_type_SyntaxError, sline, scol, "f-string: expecting '}'");
        } else if (err == PX_FSCAN_DEEP) {
            px_lex_error_at(lx, &px_type_SyntaxError, sline, scol, "f-string: expressions nested too deeply");
        }
    }
    lx->pos = body;
    for (;;) {
        int c = peek(lx, 0);
        if (lx->pos >= stop && c >= 0 && c != '\n' && c != '\r') {
            break;
        }
        if (c < 0) {
            if (quote == 3) {
                /* CPython counts the line the last character is on. */
                uint32_t at = lx->line + lx->line_base;
                if (lx->pos > 0 && (lx->src[lx->pos - 1] == '\n' || lx->src[lx->pos - 1] == '\r') && at > sline) {
                    at--;
                }
                px_lex_error_at(lx, &px_type_SyntaxError, sline, scol,
                                "unterminated triple-quoted string literal (detected at line %u)", (unsigned)at);
            }
            px_lex_error_at(lx, &px_type_SyntaxError, sline, scol,
                            "unterminated string literal (detected at line %u)",
                            (unsigned)(lx->line + lx->line_base));
        }
        if (c == '\\' && stop == SIZE_MAX) {
            lx->pos++;
            int e = peek(lx, 0);
            if (e == '\n' || e == '\r') {
                eat_newline(lx);
            } else if (e >= 0) {
                lx->pos++;
            }
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (quote == 1 && (stop == SIZE_MAX || lx->pos >= stop)) {
                px_lex_error_at(lx, &px_type_SyntaxError, sline, scol,
                                "unterminated string literal (detected at line %u)",
                                (unsigned)(lx->line + lx->line_base));
            }
            eat_newline(lx);
            continue;
        }
        if (stop == SIZE_MAX && c == q && (quote == 1 || (peek(lx, 1) == q && peek(lx, 2) == q))) {
            break;
        }
        lx->pos++;
    }
    tok->type = PX_TOK_STRING;
    tok->level = (uint8_t)(lx->paren_depth < 255 ? lx->paren_depth : 255);
    tok->sflags = (uint8_t)flags;
    tok->quote = (uint8_t)quote;
    tok->u.s.body = (uint32_t)body;
    tok->u.s.body_end = (uint32_t)lx->pos;
    lx->pos += (size_t)quote;
    tok->start = (uint32_t)start;
    tok->lineno = sline;
    tok->col = scol;
    tok->end_lineno = lx->line + lx->line_base;
    tok->end_col = (uint32_t)(lx->pos - lx->line_start) + (lx->line == 1 ? lx->col_base : 0);
}

static const char open_of[128] = {[')'] = '(', [']'] = '[', ['}'] = '{'};

static void open_paren(px_lexer *lx, char c, size_t start) {
    if (lx->paren_depth >= MAX_PARENS) {
        error_at_pos(lx, start, "too many nested parentheses");
    }
    lx->parens[lx->paren_depth] = c;
    lx->paren_line[lx->paren_depth] = lx->line + lx->line_base;
    lx->paren_col[lx->paren_depth] = (uint32_t)(start - lx->line_start) + (lx->line == 1 ? lx->col_base : 0);
    lx->paren_depth++;
}

static void close_paren(px_lexer *lx, char c, size_t start) {
    if (lx->paren_depth <= lx->base_paren) {
        error_at_pos(lx, start, lx->base_paren ? "f-string: unmatched '%c'" : "unmatched '%c'", c);
    }
    char o = lx->parens[lx->paren_depth - 1];
    if (o != open_of[(unsigned char)c]) {
        if (lx->paren_line[lx->paren_depth - 1] != lx->line + lx->line_base) {
            error_at_pos(lx, start, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %u",
                         c, o, (unsigned)lx->paren_line[lx->paren_depth - 1]);
        }
        error_at_pos(lx, start, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
    }
    lx->paren_depth--;
}

/* Operators, longest match first. */
typedef struct {
    char text[4];
    uint8_t tok;
} op_def;

static const op_def ops3[] = {
    {"**=", PX_TOK_DOUBLESTAREQUAL}, {"//=", PX_TOK_DOUBLESLASHEQUAL}, {"<<=", PX_TOK_LEFTSHIFTEQUAL},
    {">>=", PX_TOK_RIGHTSHIFTEQUAL}, {"...", PX_TOK_ELLIPSIS},
};
static const op_def ops2[] = {
    {"->", PX_TOK_RARROW},      {":=", PX_TOK_COLONEQUAL},   {"//", PX_TOK_DOUBLESLASH},
    {"**", PX_TOK_DOUBLESTAR},  {"<<", PX_TOK_LEFTSHIFT},    {">>", PX_TOK_RIGHTSHIFT},
    {"==", PX_TOK_EQEQUAL},     {"!=", PX_TOK_NOTEQUAL},     {"<=", PX_TOK_LESSEQUAL},
    {">=", PX_TOK_GREATEREQUAL}, {"+=", PX_TOK_PLUSEQUAL},   {"-=", PX_TOK_MINEQUAL},
    {"*=", PX_TOK_STAREQUAL},   {"@=", PX_TOK_ATEQUAL},      {"/=", PX_TOK_SLASHEQUAL},
    {"%=", PX_TOK_PERCENTEQUAL}, {"&=", PX_TOK_AMPEREQUAL},  {"|=", PX_TOK_VBAREQUAL},
    {"^=", PX_TOK_CIRCUMFLEXEQUAL},
};
static const op_def ops1[] = {
    {"(", PX_TOK_LPAR},   {")", PX_TOK_RPAR},    {"[", PX_TOK_LSQB},    {"]", PX_TOK_RSQB},
    {"{", PX_TOK_LBRACE}, {"}", PX_TOK_RBRACE},  {":", PX_TOK_COLON},   {",", PX_TOK_COMMA},
    {";", PX_TOK_SEMI},   {".", PX_TOK_DOT},     {"@", PX_TOK_AT},      {"=", PX_TOK_EQUAL},
    {"+", PX_TOK_PLUS},   {"-", PX_TOK_MINUS},   {"*", PX_TOK_STAR},    {"/", PX_TOK_SLASH},
    {"%", PX_TOK_PERCENT}, {"&", PX_TOK_AMPER},  {"|", PX_TOK_VBAR},    {"^", PX_TOK_CIRCUMFLEX},
    {"~", PX_TOK_TILDE},  {"<", PX_TOK_LESS},    {">", PX_TOK_GREATER},
};

static bool lex_operator(px_lexer *lx, px_token *tok) {
    size_t start = lx->pos;
    const char *s = lx->src + lx->pos;
    size_t left = lx->len - lx->pos;
    for (size_t i = 0; left >= 3 && i < sizeof ops3 / sizeof ops3[0]; i++) {
        if (memcmp(s, ops3[i].text, 3) == 0) {
            lx->pos += 3;
            set_tok(lx, tok, (px_tok)ops3[i].tok, start);
            return true;
        }
    }
    for (size_t i = 0; left >= 2 && i < sizeof ops2 / sizeof ops2[0]; i++) {
        if (memcmp(s, ops2[i].text, 2) == 0) {
            lx->pos += 2;
            set_tok(lx, tok, (px_tok)ops2[i].tok, start);
            return true;
        }
    }
    for (size_t i = 0; i < sizeof ops1 / sizeof ops1[0]; i++) {
        if (s[0] == ops1[i].text[0]) {
            char c = s[0];
            if (c == '(' || c == '[' || c == '{') {
                open_paren(lx, c, start);
            } else if (c == ')' || c == ']' || c == '}') {
                close_paren(lx, c, start);
            }
            lx->pos += 1;
            set_tok(lx, tok, (px_tok)ops1[i].tok, start);
            return true;
        }
    }
    return false;
}

PX_NORETURN static void tab_error(px_lexer *lx) {
    /* There is no TabError type here; its base class carries the message. */
    px_lex_error_at(lx, &px_type_IndentationError, lx->line + lx->line_base, 0,
                    "inconsistent use of tabs and spaces in indentation");
}

/* At the start of a logical line: measure indentation, skip blank and
 * comment-only lines, and queue INDENT/DEDENT. Returns false at EOF. */
static bool handle_indent(px_lexer *lx) {
    for (;;) {
        uint32_t col = 0, alt = 0;
        while (lx->pos < lx->len) {
            char c = lx->src[lx->pos];
            if (c == ' ') {
                col++;
                alt++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
                alt++;
            } else if (c == '\f') {
                col = alt = 0;
            } else {
                break;
            }
            lx->pos++;
        }
        int c = peek(lx, 0);
        if (c < 0) {
            return false;
        }
        if (c == '#') {
            while (lx->pos < lx->len && lx->src[lx->pos] != '\n' && lx->src[lx->pos] != '\r') {
                lx->pos++;
            }
            if (lx->pos >= lx->len) {
                return false;
            }
            eat_newline(lx);
            continue;
        }
        if (c == '\n' || c == '\r') {
            eat_newline(lx);
            continue;
        }
        uint32_t cur = lx->indent_depth ? lx->indents[lx->indent_depth - 1] : 0;
        uint32_t cur_alt = lx->indent_depth ? lx->alt_indents[lx->indent_depth - 1] : 0;
        /* Tabs and spaces must order lines the same way whatever a tab's width. */
        if ((col > cur) != (alt > cur_alt) || (col == cur) != (alt == cur_alt)) {
            tab_error(lx);
        }
        if (col > cur) {
            if (lx->indent_depth >= MAX_INDENT) {
                px_lex_error_at(lx, &px_type_IndentationError, lx->line + lx->line_base, col,
                                "too many levels of indentation");
            }
            lx->alt_indents[lx->indent_depth] = alt;
            lx->indents[lx->indent_depth++] = col;
            lx->pending = 1;
        } else if (col < cur) {
            int n = 0;
            while (lx->indent_depth > 0 && lx->indents[lx->indent_depth - 1] > col) {
                lx->indent_depth--;
                n++;
            }
            cur = lx->indent_depth ? lx->indents[lx->indent_depth - 1] : 0;
            if (cur != col) {
                /* CPython puts the offset at the end of the line. */
                size_t e = lx->pos;
                while (e < lx->len && lx->src[e] != '\n' && lx->src[e] != '\r') {
                    e++;
                }
                px_lex_error_at(lx, &px_type_IndentationError, lx->line + lx->line_base,
                                (uint32_t)(e - lx->line_start),
                                "unindent does not match any outer indentation level");
            }
            if (lx->indent_depth > 0 && lx->alt_indents[lx->indent_depth - 1] != alt) {
                tab_error(lx);
            }
            lx->pending = -n;
        }
        return true;
    }
}

void px_lexer_next(px_lexer *lx, px_token *tok) {
    memset(tok, 0, sizeof *tok);
    if (lx->at_bol && lx->paren_depth == 0) {
        lx->at_bol = false;
        if (!handle_indent(lx)) {
            lx->pos = lx->len;
        }
    }
    if (lx->pending > 0) {
        lx->pending--;
        set_tok(lx, tok, PX_TOK_INDENT, lx->pos);
        return;
    }
    if (lx->pending < 0) {
        lx->pending++;
        set_tok(lx, tok, PX_TOK_DEDENT, lx->pos);
        return;
    }
    for (;;) {
        int c = peek(lx, 0);
        if (c == ' ' || c == '\t' || c == '\f') {
            lx->pos++;
            continue;
        }
        if (c == '#') {
            while (lx->pos < lx->len && lx->src[lx->pos] != '\n' && lx->src[lx->pos] != '\r') {
                lx->pos++;
            }
            continue;
        }
        if (c == '\\') {
            int n = peek(lx, 1);
            if (n < 0) {
                lx->pos++;
                error_at_pos(lx, lx->pos, "unexpected EOF while parsing");
            }
            if (n != '\n' && n != '\r') {
                error_at_pos(lx, lx->pos + 1, "unexpected character after line continuation character");
            }
            lx->pos++;
            eat_newline(lx);
            if (lx->pos >= lx->len) {
                error_at_pos(lx, lx->pos, "unexpected EOF while parsing");
            }
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (lx->paren_depth > 0 || !lx->line_has_token) {
                eat_newline(lx);
                if (lx->paren_depth == 0) {
                    lx->at_bol = true;
                    px_lexer_next(lx, tok);
                    return;
                }
                continue;
            }
            size_t start = lx->pos;
            set_tok(lx, tok, PX_TOK_NEWLINE, start);
            tok->end_col = tok->col + 1;
            eat_newline(lx);
            lx->at_bol = true;
            lx->line_has_token = false;
            return;
        }
        if (c < 0) {
            if (lx->paren_depth > lx->base_paren) {
                int d = lx->paren_depth - 1;
                px_lex_error_at(lx, &px_type_SyntaxError, lx->paren_line[d], lx->paren_col[d],
                                "'%c' was never closed", lx->parens[d]);
            }
            if (lx->line_has_token) {
                lx->line_has_token = false;
                set_tok(lx, tok, PX_TOK_NEWLINE, lx->pos);
                return;
            }
            if (lx->indent_depth > 0) {
                lx->indent_depth--;
                set_tok(lx, tok, PX_TOK_DEDENT, lx->pos);
                return;
            }
            set_tok(lx, tok, PX_TOK_END, lx->pos);
            return;
        }
        break;
    }
    lx->line_has_token = true;
    size_t start = lx->pos;
    int c = peek(lx, 0);
    if (is_id_start(c)) {
        while (is_id_char(peek(lx, 0))) {
            lx->pos++;
        }
        size_t n = lx->pos - start;
        int q = peek(lx, 0);
        if (q == '\'' || q == '"') {
            int flags = px_lex_string_prefix(lx->src + start, n);
            if (flags >= 0) {
                lex_string(lx, tok, start, flags);
                return;
            }
        }
        px_tok kw = keyword(lx->src + start, n);
        set_tok(lx, tok, kw, start);
        if (kw == PX_TOK_NAME) {
            if (!px_utf8_valid(lx->src + start, n)) {
                error_at_pos(lx, start, "invalid character in identifier");
            }
            tok->u.value = px_qstr(px_qstr_intern(lx->src + start, n));
        }
        return;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(lx, 1)))) {
        lex_number(lx, tok);
        return;
    }
    if (c == '\'' || c == '"') {
        lex_string(lx, tok, start, 0);
        return;
    }
    if (lex_operator(lx, tok)) {
        return;
    }
    if (c == 0) {
        error_at_pos(lx, start, "source code cannot contain null bytes");
    }
    if (c == '!' || c == '$' || c == '?' || c == '`') {
        error_at_pos(lx, start, "invalid syntax");
    }
    if (c < 0x20 || c == 0x7F) {
        error_at_pos(lx, start, "invalid non-printable character U+%04X", (unsigned)c);
    }
    error_at_pos(lx, start, "invalid character '%c' (U+%04X)", c, (unsigned)c);
}

px_token *px_lex_all(px_lexer *lx, size_t *count) {
    /* Grown as needed: a guess from the length would cost 8 bytes per
     * source byte up front even for a file that is one long comment. */
    size_t cap = 64;
    lx->toks = px_gc_alloc(cap * sizeof(px_token), 0);
    lx->ntoks = 0;
    for (;;) {
        if (lx->ntoks + 1 >= cap) {
            cap += cap / 2;
            lx->toks = px_gc_realloc(lx->toks, cap * sizeof(px_token), 0);
        }
        px_lexer_next(lx, &lx->toks[lx->ntoks]);
        if (lx->toks[lx->ntoks++].type == PX_TOK_END) {
            break;
        }
    }
    *count = lx->ntoks;
    return lx->toks;
}

/* ---- string bodies */

static int hexval(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

PX_NORETURN static void str_error(px_lexer *lx, const px_token *tok, const char *msg) {
    /* CPython points just past the literal. */
    px_syntax_error(&px_type_SyntaxError, lx->filename, lx->err_src, lx->err_len,
                    tok ? tok->end_lineno : lx->line + lx->line_base, tok ? tok->end_col : 0, msg);
}

void px_lex_decode(px_lexer *lx, const px_token *tok, const char *s, size_t n, bool raw, bool bytes,
                   px_strbuf *out) {
    size_t i = 0;
    while (i < n) {
        uint8_t c = (uint8_t)s[i];
        if (c == '\r') {
            /* Newlines in the source read as \n, whatever the file used. */
            px_strbuf_add_char(out, '\n');
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c >= 0x80 && bytes) {
            str_error(lx, tok, "bytes can only contain ASCII literal characters");
        }
        if (c != '\\' || raw || i + 1 >= n) {
            px_strbuf_add_char(out, (char)c);
            i++;
            if (c == '\\' && raw && i < n && s[i] != '\r') {
                /* In a raw string a backslash still keeps the next char
                 * (e.g. a quote) from being special; copy it too. */
                if ((uint8_t)s[i] >= 0x80 && bytes) {
                    str_error(lx, tok, "bytes can only contain ASCII literal characters");
                }
                px_strbuf_add_char(out, s[i]);
                i++;
            }
            continue;
        }
        int e = (uint8_t)s[i + 1];
        i += 2;
        uint32_t cp;
        switch (e) {
        case '\n':
            continue;
        case '\r':
            if (i < n && s[i] == '\n') {
                i++;
            }
            continue;
        case '\\': px_strbuf_add_char(out, '\\'); continue;
        case '\'': px_strbuf_add_char(out, '\''); continue;
        case '"': px_strbuf_add_char(out, '"'); continue;
        case 'a': px_strbuf_add_char(out, '\a'); continue;
        case 'b': px_strbuf_add_char(out, '\b'); continue;
        case 'f': px_strbuf_add_char(out, '\f'); continue;
        case 'n': px_strbuf_add_char(out, '\n'); continue;
        case 'r': px_strbuf_add_char(out, '\r'); continue;
        case 't': px_strbuf_add_char(out, '\t'); continue;
        case 'v': px_strbuf_add_char(out, '\v'); continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            cp = (uint32_t)(e - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) {
                cp = cp * 8 + (uint32_t)(s[i++] - '0');
            }
            break;
        case 'x': {
            int h1 = i < n ? hexval((uint8_t)s[i]) : -1;
            int h2 = i + 1 < n ? hexval((uint8_t)s[i + 1]) : -1;
            if (h1 < 0 || h2 < 0) {
                char m[120];
                size_t at = i - 2;
                if (bytes) {
                    snprintf(m, sizeof m, "(value error) invalid \\x escape at position %u", (unsigned)at);
                } else {
                    snprintf(m, sizeof m, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                             "%u-%u: truncated \\xXX escape", (unsigned)at, (unsigned)(at + 1 + (h1 >= 0)));
                }
                str_error(lx, tok, m);
            }
            cp = (uint32_t)(h1 * 16 + h2);
            i += 2;
            break;
        }
        case 'u':
        case 'U':
        case 'N':
            if (bytes) {
                px_strbuf_add_char(out, '\\');
                px_strbuf_add_char(out, (char)e);
                continue;
            }
            if (e == 'N') {
                str_error(lx, tok, "(unicode error) \\N escapes are not supported");
            } else {
                int digits = e == 'u' ? 4 : 8;
                cp = 0;
                size_t at = i - 2;
                char m[120];
                for (int k = 0; k < digits; k++) {
                    int h = i < n ? hexval((uint8_t)s[i]) : -1;
                    if (h < 0) {
                        snprintf(m, sizeof m, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                 "%u-%u: truncated \\%s escape", (unsigned)at, (unsigned)(i - 1),
                                 e == 'u' ? "uXXXX" : "UXXXXXXXX");
                        str_error(lx, tok, m);
                    }
                    cp = cp * 16 + (uint32_t)h;
                    i++;
                }
                if (cp > 0x10FFFF) {
                    snprintf(m, sizeof m, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                             "%u-%u: illegal Unicode character", (unsigned)at, (unsigned)(i - 1));
                    str_error(lx, tok, m);
                }
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    str_error(lx, tok, "(unicode error) surrogates not allowed");
                }
            }
            break;
        default:
            /* Unknown escapes stay as written. */
            px_strbuf_add_char(out, '\\');
            i--;
            continue;
        }
        if (bytes) {
            px_strbuf_add_char(out, (char)(cp & 0xFF));
        } else {
            px_strbuf_add_utf8(out, cp);
        }
    }
}
