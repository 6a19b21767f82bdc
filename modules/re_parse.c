/* re: pattern text to a tree of nodes, with CPython's syntax and its error
 * messages ("nothing to repeat at position 3"). Supported: literals and
 * escapes, '.', classes with ranges and \d \w \s, anchors ^ $ \A \Z \b \B,
 * groups (capturing, named, non-capturing), alternation, greedy and lazy
 * * + ? {m,n}, back-references (\1, (?P=name)), lookahead and fixed-width
 * lookbehind, atomic groups (?>...) and possessive quantifiers (*+ ++ ?+
 * {m,n}+), inline flags (?aiLmsux) and scoped (?i-s:...), comments
 * (?#...), and the VERBOSE flag. Not supported (re.error says so):
 * conditionals (?(1)...). */
#include <stdio.h>

#include "re.h"
#include "objects/str_case.h"

/* Counted repeats above this are refused (CPython's limit is 2**32-1, but
 * the compiler here unrolls the counted part). */
#define MAX_COUNT 65535

typedef struct {
    const char *p;
    size_t len, i;
    bool is_str;
    int flags;     /* global flags */
    int ngroups;
    px_val names;  /* dict name -> number */
    uint8_t *open; /* open[g]: group g is still being parsed */
    size_t open_cap;
    bool backrefs;
} parser;

/* Flags in effect while parsing a subpattern (scoped ones included). */
typedef struct {
    bool icase, dotall, multiline, verbose, ascii;
} scope;

static size_t char_pos(const parser *ps, size_t byte_index) {
    return ps->is_str ? px_utf8_count(ps->p, byte_index) : byte_index;
}

PX_NORETURN static void fail_at(const parser *ps, size_t at, const char *msg) {
    re_error("%s at position %zu", msg, char_pos(ps, at));
}

static re_node *node(re_node_kind kind) {
    re_node *n = px_gc_alloc(sizeof *n, 0);
    n->kind = kind;
    return n;
}

static void add_kid(re_node *n, re_node *kid) {
    if ((n->nkids & (n->nkids - 1)) == 0) { /* grow at powers of two */
        size_t cap = n->nkids ? n->nkids * 2 : 2;
        n->kids = px_gc_realloc(n->kids, cap * sizeof(re_node *), 0);
    }
    n->kids[n->nkids++] = kid;
}

static bool at_end(const parser *ps) {
    return ps->i >= ps->len;
}

static char peek(const parser *ps) {
    return ps->i < ps->len ? ps->p[ps->i] : 0;
}

static bool eat(parser *ps, char c) {
    if (ps->i < ps->len && ps->p[ps->i] == c) {
        ps->i++;
        return true;
    }
    return false;
}

/* The next code point (str) or byte (bytes). */
static uint32_t next_char(parser *ps) {
    if (ps->is_str && (uint8_t)ps->p[ps->i] >= 0x80) {
        const char *q = ps->p + ps->i;
        uint32_t cp = px_utf8_next(&q, ps->p + ps->len);
        ps->i = (size_t)(q - ps->p);
        return cp;
    }
    return (uint8_t)ps->p[ps->i++];
}

static void skip_verbose(parser *ps, const scope *sc) {
    if (!sc->verbose) {
        return;
    }
    while (!at_end(ps)) {
        char c = peek(ps);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            ps->i++;
        } else if (c == '#') {
            while (!at_end(ps) && peek(ps) != '\n') {
                ps->i++;
            }
        } else {
            break;
        }
    }
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

static bool is_octal(char c) {
    return c >= '0' && c <= '7';
}

static int hex_digit(char c) {
    if (is_digit(c)) {
        return c - '0';
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return (c | 0x20) - 'a' + 10;
    }
    return -1;
}

/* n hex digits after an escape letter at `start` (the backslash). */
static uint32_t hex_escape(parser *ps, size_t start, int n, char letter) {
    uint32_t v = 0;
    for (int k = 0; k < n; k++) {
        int h = at_end(ps) ? -1 : hex_digit(peek(ps));
        if (h < 0) {
            char msg[48];
            snprintf(msg, sizeof msg, "incomplete escape \\%c%.*s", letter, (int)(ps->i - start - 2),
                     ps->p + start + 2);
            fail_at(ps, start, msg);
        }
        v = v * 16 + (uint32_t)h;
        ps->i++;
    }
    if (v > 0x10FFFF) {
        char msg[48];
        snprintf(msg, sizeof msg, "bad escape \\%c%.*s", letter, n, ps->p + start + 2);
        fail_at(ps, start, msg);
    }
    return v;
}

PX_NORETURN static void bad_escape(parser *ps, size_t start) {
    char msg[32];
    snprintf(msg, sizeof msg, "bad escape \\%c", ps->p[start + 1]);
    fail_at(ps, start, msg);
}

/* Escapes that stand for one character, in or out of a class; the
 * backslash was at `start` and the letter has been read. Returns false if
 * c is not one of them. */
static bool char_escape(parser *ps, size_t start, char c, uint32_t *out) {
    switch (c) {
    case 'a': *out = 7; return true;
    case 'f': *out = '\f'; return true;
    case 'n': *out = '\n'; return true;
    case 'r': *out = '\r'; return true;
    case 't': *out = '\t'; return true;
    case 'v': *out = '\v'; return true;
    case '\\': *out = '\\'; return true;
    case 'x': *out = hex_escape(ps, start, 2, 'x'); return true;
    case 'u':
    case 'U':
        if (!ps->is_str) {
            bad_escape(ps, start);
        }
        *out = hex_escape(ps, start, c == 'u' ? 4 : 8, c);
        return true;
    default: return false;
    }
}

static unsigned category_escape(char c) {
    switch (c) {
    case 'd': return RE_CAT_DIGIT;
    case 'D': return RE_CAT_NOT_DIGIT;
    case 'w': return RE_CAT_WORD;
    case 'W': return RE_CAT_NOT_WORD;
    case 's': return RE_CAT_SPACE;
    case 'S': return RE_CAT_NOT_SPACE;
    default: return 0;
    }
}

static bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static uint32_t octal_value(parser *ps, size_t start, size_t first) {
    uint32_t v = 0;
    for (size_t k = first; k < ps->i; k++) {
        v = v * 8 + (uint32_t)(ps->p[k] - '0');
    }
    if (v > 0377) {
        char msg[64];
        snprintf(msg, sizeof msg, "octal escape value \\%.*s outside of range 0-0o377", (int)(ps->i - start - 1),
                 ps->p + start + 1);
        fail_at(ps, start, msg);
    }
    return v;
}

/* A literal; icase and the folding rules come from the scope. */
static re_node *char_node(const parser *ps, const scope *sc, uint32_t cp) {
    re_node *n = node(N_CHAR);
    n->ch = cp;
    n->icase = sc->icase;
    n->unicode = ps->is_str && !sc->ascii;
    return n;
}

/* ---- classes */

static re_class *new_class(const scope *sc, bool is_str) {
    re_class *c = px_gc_alloc(sizeof *c, 0);
    re_class_init(c, sc->icase, is_str && !sc->ascii);
    return c;
}

/* One item of a class: a code point (returns true) or a category (*cat). */
static bool class_item(parser *ps, uint32_t *cp, unsigned *cat) {
    size_t start = ps->i;
    *cat = 0;
    if (!eat(ps, '\\')) {
        *cp = next_char(ps);
        return true;
    }
    if (at_end(ps)) {
        fail_at(ps, start, "bad escape (end of pattern)");
    }
    char c = ps->p[ps->i];
    if ((uint8_t)c >= 0x80) {
        *cp = next_char(ps);
        return true;
    }
    ps->i++;
    if ((*cat = category_escape(c)) != 0) {
        return false;
    }
    if (c == 'b') {
        *cp = 8;
        return true;
    }
    if (char_escape(ps, start, c, cp)) {
        return true;
    }
    if (is_octal(c)) {
        size_t first = ps->i - 1;
        for (int k = 0; k < 2 && is_octal(peek(ps)); k++) {
            ps->i++;
        }
        *cp = octal_value(ps, start, first);
        return true;
    }
    if (is_digit(c) || is_ascii_letter(c)) {
        bad_escape(ps, start);
    }
    *cp = (uint8_t)c;
    return true;
}

static re_node *parse_class(parser *ps, const scope *sc) {
    size_t open_at = ps->i - 1;
    re_class *cls = new_class(sc, ps->is_str);
    bool negated = eat(ps, '^');
    bool first = true;
    for (;;) {
        if (at_end(ps)) {
            fail_at(ps, open_at, "unterminated character set");
        }
        if (peek(ps) == ']' && !first) {
            ps->i++;
            break;
        }
        first = false;
        size_t item_at = ps->i;
        uint32_t lo, hi;
        unsigned cat;
        if (!class_item(ps, &lo, &cat)) {
            if (peek(ps) == '-' && ps->i + 1 < ps->len && ps->p[ps->i + 1] != ']') {
                char msg[64];
                snprintf(msg, sizeof msg, "bad character range %.*s", (int)(ps->i + 2 - item_at), ps->p + item_at);
                fail_at(ps, item_at, msg);
            }
            re_class_add_cat(cls, cat);
            continue;
        }
        if (peek(ps) == '-' && ps->i + 1 < ps->len && ps->p[ps->i + 1] != ']') {
            ps->i++;
            size_t hi_at = ps->i;
            if (!class_item(ps, &hi, &cat) || hi < lo) {
                char msg[64];
                snprintf(msg, sizeof msg, "bad character range %.*s", (int)(ps->i - item_at), ps->p + item_at);
                fail_at(ps, item_at, msg);
            }
            (void)hi_at;
        } else {
            hi = lo;
        }
        re_class_add_range(cls, lo, hi);
    }
    re_class_finish(cls, negated);
    re_node *n = node(N_CLASS);
    n->cls = cls;
    return n;
}

/* A class for one category escape outside [...]. */
static re_node *category_node(parser *ps, const scope *sc, unsigned cat) {
    re_class *cls = new_class(sc, ps->is_str);
    re_class_add_cat(cls, cat);
    re_class_finish(cls, false);
    re_node *n = node(N_CLASS);
    n->cls = cls;
    return n;
}

/* ---- groups */

static void set_open(parser *ps, int g, bool open) {
    if ((size_t)g >= ps->open_cap) {
        size_t cap = ps->open_cap ? ps->open_cap * 2 : 16;
        while (cap <= (size_t)g) {
            cap *= 2;
        }
        ps->open = px_gc_realloc(ps->open, cap, PX_GC_LEAF);
        ps->open_cap = cap;
    }
    ps->open[g] = open;
}

static re_node *backref(parser *ps, int g, size_t at, const scope *sc) {
    if (g < (int)ps->open_cap && ps->open[g]) {
        fail_at(ps, at, "cannot refer to an open group");
    }
    ps->backrefs = true;
    re_node *n = node(N_BACKREF);
    n->group = g;
    n->icase = sc->icase;
    return n;
}

static bool ident_start(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0x80 && px_cp_id_start(c));
}
static bool ident_char(uint32_t c) {
    return ident_start(c) || (c >= '0' && c <= '9') || (c >= 0x80 && px_cp_id_continue(c));
}

/* A group name up to `term`; the name as a str. */
static px_val group_name(parser *ps, char term) {
    size_t start = ps->i;
    while (!at_end(ps) && peek(ps) != term) {
        next_char(ps);
    }
    if (at_end(ps)) {
        if (ps->i == start) {
            fail_at(ps, ps->i, "missing group name");
        }
        fail_at(ps, start, term == '>' ? "missing >, unterminated name" : "missing ), unterminated name");
    }
    size_t end = ps->i;
    ps->i++;
    if (end == start) {
        fail_at(ps, start, "missing group name");
    }
    const char *q = ps->p + start, *qe = ps->p + end;
    bool ok = true;
    for (bool first = true; q < qe; first = false) {
        uint32_t c = ps->is_str ? px_utf8_next(&q, qe) : (uint8_t)*q++;
        if (first ? !ident_start(c) : !ident_char(c)) {
            ok = false;
        }
        if (!ps->is_str && c >= 0x80) {
            ok = false;
        }
    }
    if (!ok) {
        char msg[96];
        snprintf(msg, sizeof msg, "bad character in group name '%.*s'", (int)(end - start), ps->p + start);
        fail_at(ps, start, msg);
    }
    return px_str(ps->p + start, end - start);
}

static re_node *parse_alt(parser *ps, scope sc);

/* Flag letters after "(?"; returns the byte after them. */
static void flag_letters(parser *ps, scope *sc, bool on, int *global_flags) {
    for (;;) {
        char c = peek(ps);
        int f = 0;
        switch (c) {
        case 'i': f = RE_IGNORECASE; break;
        case 'm': f = RE_MULTILINE; break;
        case 's': f = RE_DOTALL; break;
        case 'x': f = RE_VERBOSE; break;
        case 'a': f = RE_ASCII; break;
        case 'u': f = RE_UNICODE; break;
        case 'L': f = RE_LOCALE; break;
        default: return;
        }
        ps->i++; /* errors are reported after the letter, as CPython does */
        if (!on && (f == RE_ASCII || f == RE_UNICODE || f == RE_LOCALE)) {
            fail_at(ps, ps->i, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
        }
        if (f == RE_UNICODE && !ps->is_str) {
            fail_at(ps, ps->i, "bad inline flags: cannot use 'u' flag with a bytes pattern");
        }
        if (f == RE_LOCALE && ps->is_str) {
            fail_at(ps, ps->i, "bad inline flags: cannot use 'L' flag with a str pattern");
        }
        if (global_flags) {
            *global_flags |= f;
        }
        switch (f) {
        case RE_IGNORECASE: sc->icase = on; break;
        case RE_MULTILINE: sc->multiline = on; break;
        case RE_DOTALL: sc->dotall = on; break;
        case RE_VERBOSE: sc->verbose = on; break;
        case RE_ASCII: sc->ascii = true; break;
        case RE_LOCALE: sc->ascii = true; break;
        default: break;
        }
    }
}

/* After "(?": extensions. Returns NULL for a construct that produces no
 * node (global flags, comments). */
static re_node *parse_extension(parser *ps, scope *sc, size_t open_at) {
    size_t ext_at = ps->i;
    char c = peek(ps);
    if (c == ':') {
        ps->i++;
        return parse_alt(ps, *sc);
    }
    if (c == '#') {
        while (!at_end(ps) && peek(ps) != ')') {
            ps->i++;
        }
        if (at_end(ps)) {
            fail_at(ps, open_at, "missing ), unterminated comment");
        }
        return NULL;
    }
    if (c == 'P') {
        ps->i++;
        if (eat(ps, '<')) {
            px_val name = group_name(ps, '>');
            px_val had = px_dict_get(ps->names, name);
            int g = ++ps->ngroups;
            if (had != PX_NULL) {
                size_t n;
                const char *s = px_str_data(name, &n);
                char msg[160];
                snprintf(msg, sizeof msg, "redefinition of group name '%.*s' as group %d; was group %d", (int)n, s,
                         g, (int)px_small_get(had));
                fail_at(ps, ext_at + 2, msg);
            }
            px_dict_set(ps->names, name, px_small(g));
            set_open(ps, g, true);
            re_node *grp = node(N_GROUP);
            grp->group = g;
            add_kid(grp, parse_alt(ps, *sc));
            set_open(ps, g, false);
            return grp;
        }
        if (eat(ps, '=')) {
            size_t name_at = ps->i;
            px_val name = group_name(ps, ')');
            ps->i--; /* the caller expects the ')' */
            px_val g = px_dict_get(ps->names, name);
            if (g == PX_NULL) {
                size_t n;
                const char *s = px_str_data(name, &n);
                char msg[96];
                snprintf(msg, sizeof msg, "unknown group name '%.*s'", (int)n, s);
                fail_at(ps, name_at, msg);
            }
            return backref(ps, (int)px_small_get(g), name_at, sc);
        }
        if (at_end(ps)) {
            fail_at(ps, ps->i, "unexpected end of pattern");
        }
        char msg[32];
        snprintf(msg, sizeof msg, "unknown extension ?P%c", peek(ps));
        fail_at(ps, ext_at - 1, msg);
    }
    if (c == '=' || c == '!' || (c == '<' && ps->i + 1 < ps->len && (ps->p[ps->i + 1] == '=' || ps->p[ps->i + 1] == '!'))) {
        bool behind = c == '<';
        ps->i += behind ? 1 : 0;
        bool negative = ps->p[ps->i] == '!';
        ps->i++;
        re_node *look = node(N_LOOK);
        look->behind = behind;
        look->negative = negative;
        add_kid(look, parse_alt(ps, *sc));
        return look;
    }
    if (c == '>') {
        ps->i++;
        re_node *atomic = node(N_ATOMIC);
        add_kid(atomic, parse_alt(ps, *sc));
        return atomic;
    }
    if (c == '(') {
        fail_at(ps, ext_at, "conditional groups (?(...)...) are not supported");
    }
    if (c == '<') {
        char msg[32];
        snprintf(msg, sizeof msg, "unknown extension ?<%c", ps->i + 1 < ps->len ? ps->p[ps->i + 1] : ' ');
        fail_at(ps, ext_at - 1, msg);
    }
    if (at_end(ps)) {
        fail_at(ps, ps->i, "unexpected end of pattern");
    }
    if (c != '-' && c != 'i' && c != 'm' && c != 's' && c != 'x' && c != 'a' && c != 'u' && c != 'L') {
        char msg[32];
        snprintf(msg, sizeof msg, "unknown extension ?%c", c);
        fail_at(ps, ext_at - 1, msg);
    }
    /* flags: (?aiLmsux) global, or (?flags-flags:...) scoped */
    scope inner = *sc;
    int gflags = 0;
    flag_letters(ps, &inner, true, &gflags);
    if (peek(ps) == ')') {
        if (ps->i == ext_at) {
            fail_at(ps, ext_at, "unknown extension ?)");
        }
        /* re_parse took the ones at the start */
        fail_at(ps, open_at, "global flags not at the start of the expression");
    }
    if (eat(ps, '-')) {
        size_t before = ps->i;
        flag_letters(ps, &inner, false, NULL);
        if (ps->i == before) {
            fail_at(ps, ps->i, at_end(ps) ? "missing flag" : "unknown flag");
        }
    }
    if (!eat(ps, ':')) {
        if (at_end(ps)) {
            fail_at(ps, ps->i, "missing -, : or )");
        }
        fail_at(ps, ps->i, is_ascii_letter(peek(ps)) ? "unknown flag" : "missing -, : or )");
    }
    return parse_alt(ps, inner);
}

/* ---- atoms and sequences */

/* Digits at the position as an int, or -1 if none; clamps huge values. */
static long read_count(parser *ps) {
    if (!is_digit(peek(ps))) {
        return -1;
    }
    long v = 0;
    while (is_digit(peek(ps))) {
        if (v <= 1000000000L) {
            v = v * 10 + (ps->p[ps->i] - '0');
        }
        ps->i++;
    }
    return v;
}

/* A {m,n} quantifier at ps->i ('{' not yet read); false (position
 * unchanged) if the text there is not one, and '{' is then a literal.
 * {,n} is {0,n}; {m,} and {,} have no upper limit. */
static bool parse_braces(parser *ps, int *min, int *max) {
    size_t save = ps->i;
    ps->i++;
    if (peek(ps) == '}') {
        ps->i = save;
        return false;
    }
    long lo = read_count(ps), hi = lo;
    if (eat(ps, ',')) {
        hi = read_count(ps);
    }
    if (!eat(ps, '}')) {
        ps->i = save;
        return false;
    }
    if (lo > MAX_COUNT || hi > MAX_COUNT) {
        fail_at(ps, save + 1, "the repetition number is too large");
    }
    if (hi >= 0 && hi < lo) {
        fail_at(ps, save + 1, "min repeat greater than max repeat");
    }
    *min = lo < 0 ? 0 : (int)lo;
    *max = (int)hi;
    return true;
}

static re_node *parse_escape(parser *ps, const scope *sc) {
    size_t start = ps->i - 1;
    if (at_end(ps)) {
        fail_at(ps, start, "bad escape (end of pattern)");
    }
    char c = peek(ps);
    if ((uint8_t)c >= 0x80) {
        re_node *n = char_node(ps, sc, next_char(ps));
        return n;
    }
    ps->i++;
    unsigned cat = category_escape(c);
    if (cat) {
        return category_node(ps, sc, cat);
    }
    re_node *n;
    switch (c) {
    case 'A':
    case 'Z':
    case 'b':
    case 'B':
        n = node(N_ASSERT);
        n->at = c == 'A' ? RE_AT_BEGIN : c == 'Z' ? RE_AT_END_STRICT : c == 'b' ? RE_AT_WORDB : RE_AT_NOT_WORDB;
        n->unicode = ps->is_str && !sc->ascii;
        return n;
    default:
        break;
    }
    uint32_t cp;
    if (char_escape(ps, start, c, &cp)) {
        n = char_node(ps, sc, cp);
        return n;
    }
    if (c == '0') {
        size_t first = ps->i - 1;
        for (int k = 0; k < 2 && is_octal(peek(ps)); k++) {
            ps->i++;
        }
        n = char_node(ps, sc, octal_value(ps, start, first));
        return n;
    }
    if (is_digit(c)) {
        /* a group reference, unless three octal digits make a character */
        size_t first = ps->i - 1;
        if (is_digit(peek(ps))) {
            ps->i++;
            if (is_octal(c) && is_octal(ps->p[ps->i - 1]) && is_octal(peek(ps))) {
                ps->i++;
                n = char_node(ps, sc, octal_value(ps, start, first));
                return n;
            }
        }
        int g = 0;
        for (size_t k = first; k < ps->i; k++) {
            g = g * 10 + (ps->p[k] - '0');
        }
        if (g > ps->ngroups) {
            char msg[48];
            snprintf(msg, sizeof msg, "invalid group reference %d", g);
            fail_at(ps, start + 1, msg);
        }
        return backref(ps, g, start, sc);
    }
    if (is_ascii_letter(c)) {
        bad_escape(ps, start);
    }
    n = char_node(ps, sc, (uint8_t)c);
    return n;
}

/* An atom, or NULL when the sequence ends here ('|', ')' or the end);
 * *produced is false for a comment group, which gives no atom. */
static re_node *parse_atom(parser *ps, scope *sc, bool *produced) {
    *produced = true;
    char c = peek(ps);
    size_t at = ps->i;
    re_node *n;
    switch (c) {
    case '|':
    case ')':
        return NULL;
    case '(': {
        ps->i++;
        if (eat(ps, '?')) {
            n = parse_extension(ps, sc, at);
        } else {
            int g = ++ps->ngroups;
            set_open(ps, g, true);
            n = node(N_GROUP);
            n->group = g;
            add_kid(n, parse_alt(ps, *sc));
            set_open(ps, g, false);
        }
        if (!eat(ps, ')')) {
            fail_at(ps, at, "missing ), unterminated subpattern");
        }
        if (n == NULL) {
            *produced = false;
        }
        return n;
    }
    case '[':
        ps->i++;
        return parse_class(ps, sc);
    case '.':
        ps->i++;
        n = node(N_ANY);
        n->dotall = sc->dotall;
        return n;
    case '^':
        ps->i++;
        n = node(N_ASSERT);
        n->at = sc->multiline ? RE_AT_BOL : RE_AT_BEGIN;
        return n;
    case '$':
        ps->i++;
        n = node(N_ASSERT);
        n->at = sc->multiline ? RE_AT_EOL : RE_AT_END;
        return n;
    case '\\':
        ps->i++;
        return parse_escape(ps, sc);
    default:
        n = char_node(ps, sc, next_char(ps));
        return n;
    }
}

/* A quantifier at the position: true with min, max, greedy and
 * possessive set. */
static bool parse_quantifier(parser *ps, int *min, int *max, bool *greedy, bool *possessive) {
    char c = peek(ps);
    if (c == '*') {
        *min = 0, *max = -1;
        ps->i++;
    } else if (c == '+') {
        *min = 1, *max = -1;
        ps->i++;
    } else if (c == '?') {
        *min = 0, *max = 1;
        ps->i++;
    } else if (c != '{' || !parse_braces(ps, min, max)) {
        return false;
    }
    *greedy = !eat(ps, '?');
    *possessive = *greedy && eat(ps, '+');
    return true;
}

/* A sequence of quantified atoms up to '|', ')' or the end. */
static re_node *parse_seq(parser *ps, scope *sc) {
    re_node *seq = node(N_CAT);
    for (;;) {
        skip_verbose(ps, sc);
        if (at_end(ps)) {
            break;
        }
        size_t atom_at = ps->i;
        int min, max;
        bool greedy, possessive;
        if (parse_quantifier(ps, &min, &max, &greedy, &possessive)) {
            fail_at(ps, atom_at, "nothing to repeat");
        }
        bool produced;
        re_node *atom = parse_atom(ps, sc, &produced);
        if (!produced) {
            continue;
        }
        if (atom == NULL) {
            break;
        }
        skip_verbose(ps, sc);
        size_t q_at = ps->i;
        if (parse_quantifier(ps, &min, &max, &greedy, &possessive)) {
            if (atom->kind == N_ASSERT) {
                fail_at(ps, q_at, "nothing to repeat");
            }
            re_node *rep = node(N_REPEAT);
            rep->min = min;
            rep->max = max;
            rep->greedy = greedy;
            add_kid(rep, atom);
            atom = rep;
            if (possessive) {
                atom = node(N_ATOMIC);
                add_kid(atom, rep);
            }
            skip_verbose(ps, sc);
            size_t again = ps->i;
            if (parse_quantifier(ps, &min, &max, &greedy, &possessive)) {
                fail_at(ps, again, "multiple repeat");
            }
        }
        add_kid(seq, atom);
    }
    return seq;
}

static re_node *parse_alt(parser *ps, scope sc) {
    px_check_stack(" in regular expression");
    re_node *first = parse_seq(ps, &sc);
    if (peek(ps) != '|') {
        return first;
    }
    re_node *alt = node(N_ALT);
    add_kid(alt, first);
    while (eat(ps, '|')) {
        add_kid(alt, parse_seq(ps, &sc));
    }
    return alt;
}

void re_parse(const char *pat, size_t len, bool is_str, int flags, re_parsed *out) {
    parser ps;
    memset(&ps, 0, sizeof ps);
    ps.p = pat;
    ps.len = len;
    ps.is_str = is_str;
    ps.flags = flags;
    ps.names = px_dict_new(0);
    if (is_str && (flags & RE_LOCALE)) {
        re_error("cannot use LOCALE flag with a str pattern");
    }
    if (!is_str && (flags & RE_UNICODE)) {
        re_error("cannot use UNICODE flag with a bytes pattern");
    }
    scope sc = {
        .icase = (flags & RE_IGNORECASE) != 0,
        .dotall = (flags & RE_DOTALL) != 0,
        .multiline = (flags & RE_MULTILINE) != 0,
        .verbose = (flags & RE_VERBOSE) != 0,
        .ascii = (flags & (RE_ASCII | RE_LOCALE)) != 0 || !is_str,
    };
    /* Global inline flags come first and change the scope of everything. */
    re_node *root = node(N_CAT);
    for (;;) {
        skip_verbose(&ps, &sc);
        if (!(ps.i + 1 < ps.len && ps.p[ps.i] == '(' && ps.p[ps.i + 1] == '?')) {
            break;
        }
        size_t save = ps.i;
        ps.i += 2;
        scope probe = sc;
        int gflags = 0;
        flag_letters(&ps, &probe, true, &gflags);
        if (ps.i > save + 2 && eat(&ps, ')')) {
            ps.flags |= gflags;
            sc = probe;
            continue;
        }
        ps.i = save;
        break;
    }
    if ((ps.flags & RE_ASCII) && (ps.flags & RE_UNICODE)) {
        re_error("ASCII and UNICODE flags are incompatible");
    }
    add_kid(root, parse_alt(&ps, sc));
    if (!at_end(&ps)) {
        fail_at(&ps, ps.i, peek(&ps) == ')' ? "unbalanced parenthesis" : "unexpected character");
    }
    if (is_str && !(ps.flags & RE_ASCII)) {
        ps.flags |= RE_UNICODE;
    }
    out->root = root;
    out->ngroups = ps.ngroups;
    out->names = ps.names;
    out->flags = ps.flags;
    out->backrefs = ps.backrefs;
}
