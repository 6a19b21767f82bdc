/* Where the parts of f- and t-strings end, by PEP 701's rules (Python
 * 3.12): a replacement field's expression may hold any string literal,
 * the enclosing quotes included, backslashes, comments and newlines, and
 * f-strings nest to any depth. The lexer uses this to find the end of an
 * f-string literal, parse_str.c to find the end of each field's
 * expression. It works on text alone: no lexer state, no allocation. */
#include "fscan.h"

static bool is_ident_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

int px_fscan_prefix_before(const char *s, size_t start, size_t q) {
    size_t p = q;
    while (p > start && q - p < 3 && is_ident_char((unsigned char)s[p - 1])) {
        p--;
    }
    if (p > start && is_ident_char((unsigned char)s[p - 1])) {
        return 0; /* the tail of a longer name: not a prefix */
    }
    int flags = px_lex_string_prefix(s + p, q - p);
    return flags < 0 ? 0 : flags;
}

/* Skip a comment starting at s[i] ('#'): returns the index of the line end. */
static size_t skip_comment(const char *s, size_t i, size_t end) {
    while (i < end && s[i] != '\n' && s[i] != '\r') {
        i++;
    }
    return i;
}

static size_t scan_string(const char *s, size_t i, size_t end, int flags, int *err, int depth);
static size_t scan_expr(const char *s, size_t i, size_t end, int *err, int depth);
static size_t scan_field(const char *s, size_t i, size_t end, char q, int quote, int *err, int depth);

static size_t scan_string(const char *s, size_t i, size_t end, int flags, int *err, int depth) {
    if (depth > PX_FSCAN_MAX_DEPTH) {
        *err = PX_FSCAN_DEEP;
        return i;
    }
    char q = s[i];
    int quote = (i + 2 < end && s[i + 1] == q && s[i + 2] == q) ? 3 : 1;
    bool fields = (flags & (PX_STR_F | PX_STR_T)) != 0;
    i += (size_t)quote;
    while (i < end) {
        char c = s[i];
        if (c == '\\') {
            i += i + 1 < end ? 2 : 1; /* even raw: \" does not end the literal */
            continue;
        }
        if (c == q && (quote == 1 || (i + 2 < end && s[i + 1] == q && s[i + 2] == q))) {
            *err = PX_FSCAN_OK;
            return i + (size_t)quote;
        }
        if ((c == '\n' || c == '\r') && quote == 1) {
            *err = PX_FSCAN_NEWLINE;
            return i;
        }
        if (fields && c == '{') {
            if (i + 1 < end && s[i + 1] == '{') {
                i += 2;
                continue;
            }
            i = scan_field(s, i + 1, end, q, quote, err, depth + 1);
            if (*err != PX_FSCAN_OK) {
                if (*err != PX_FSCAN_DEEP) {
                    *err = PX_FSCAN_FIELD;
                }
                return i;
            }
            i++; /* its '}' */
            continue;
        }
        i++;
    }
    *err = PX_FSCAN_UNTERMINATED;
    return end;
}

static size_t scan_expr(const char *s, size_t i, size_t end, int *err, int depth) {
    size_t start = i;
    int nest = 0; /* brackets open in the expression */
    while (i < end) {
        char c = s[i];
        if (c == '\'' || c == '"') {
            i = scan_string(s, i, end, px_fscan_prefix_before(s, start, i), err, depth + 1);
            if (*err != PX_FSCAN_OK) {
                return i;
            }
            continue;
        }
        if (c == '#') {
            i = skip_comment(s, i, end);
            continue;
        }
        if (c == '\\') {
            i += i + 1 < end ? 2 : 1; /* a line continuation */
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            nest++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (nest == 0) {
                break; /* the field's '}', or an unmatched bracket the parser reports */
            }
            nest--;
        } else if (nest == 0 && (c == ':' || (c == '!' && !(i + 1 < end && s[i + 1] == '=')))) {
            break;
        }
        i++;
    }
    *err = i < end ? PX_FSCAN_OK : PX_FSCAN_UNTERMINATED;
    return i;
}

static size_t scan_field(const char *s, size_t i, size_t end, char q, int quote, int *err, int depth) {
    if (depth > PX_FSCAN_MAX_DEPTH) {
        *err = PX_FSCAN_DEEP;
        return i;
    }
    i = scan_expr(s, i, end, err, depth);
    if (*err != PX_FSCAN_OK) {
        return i;
    }
    if (s[i] == '!') {
        i = scan_expr(s, i + 1, end, err, depth); /* the conversion letter, up to ':' or '}' */
        if (*err != PX_FSCAN_OK || s[i] == '}') {
            return i;
        }
    }
    if (s[i] != ':') {
        return i; /* '}', or a stray ')'/']' the parser reports */
    }
    /* the format spec: literal text with nested fields, up to '}' */
    i++;
    while (i < end) {
        char c = s[i];
        if (c == q && (quote == 1 || (i + 2 < end && s[i + 1] == q && s[i + 2] == q))) {
            break; /* the literal ends inside the field */
        }
        if ((c == '\n' || c == '\r') && quote == 1) {
            *err = PX_FSCAN_NEWLINE;
            return i;
        }
        if (c == '\\') {
            i += i + 1 < end ? 2 : 1;
            continue;
        }
        if (c == '{') {
            i = scan_field(s, i + 1, end, q, quote, err, depth + 1);
            if (*err != PX_FSCAN_OK) {
                return i;
            }
            i++;
            continue;
        }
        if (c == '}') {
            *err = PX_FSCAN_OK;
            return i;
        }
        i++;
    }
    *err = PX_FSCAN_UNTERMINATED;
    return i;
}

size_t px_fscan_string(const char *s, size_t i, size_t end, int flags, int *err) {
    return scan_string(s, i, end, flags, err, 0);
}

size_t px_fscan_expr(const char *s, size_t i, size_t end, int *err) {
    return scan_expr(s, i, end, err, 0);
}

size_t px_fscan_field(const char *s, size_t i, size_t end, char q, int quote, int *err) {
    return scan_field(s, i, end, q, quote, err, 0);
}
