/* String formatting: format()/__format__ dispatch, the format spec for str,
 * str.format / format_map (fields, conversions, nested specs), the
 * f-string FORMAT_VALUE step, and printf-style `str % args`. Numbers are
 * formatted by px_format_number (numbers area). */
#include "str_impl.h"

/* ---- format spec for str: [[fill]align][sign][z][#][0][width][,_][.prec][type] */

typedef struct {
    uint32_t fill;
    char align; /* 0 if not given */
    char sign;
    bool alt, zero, no_neg_zero;
    bool fill_given; /* an explicit fill char precedes the align char */
    char grouping;
    px_int width, prec; /* -1 if absent */
    char type;
} fmt_spec;

static px_int spec_num(const char **p, const char *end) {
    px_int n = 0;
    while (*p < end && **p >= '0' && **p <= '9') {
        if (n > 100000000) {
            px_raise_value_error("Too many decimal digits in format string");
        }
        n = n * 10 + (**p - '0');
        (*p)++;
    }
    return n;
}

/* A width or precision of a %-format: "<what> too big" past max, as CPython. */
static px_int pct_num(const char **p, const char *end, px_int max, const char *what) {
    px_int n = 0;
    while (*p < end && **p >= '0' && **p <= '9') {
        int d = **p - '0';
        if (n > (max - d) / 10) {
            px_raise_value_error("%s too big", what);
        }
        n = n * 10 + d;
        (*p)++;
    }
    return n;
}

static void parse_spec(const char *s, size_t len, fmt_spec *f) {
    const char *p = s, *end = s + len;
    memset(f, 0, sizeof *f);
    f->fill = ' ';
    f->width = f->prec = -1;
    /* fill is any one code point, when followed by an align char */
    if (p < end) {
        const char *q = p;
        uint32_t c = px_utf8_next(&q, end);
        if (q < end && (*q == '<' || *q == '>' || *q == '^' || *q == '=')) {
            f->fill = c;
            f->fill_given = true;
            f->align = *q;
            p = q + 1;
        } else if (*p == '<' || *p == '>' || *p == '^' || *p == '=') {
            f->align = *p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) {
        f->sign = *p++;
    }
    if (p < end && *p == 'z') {
        f->no_neg_zero = true;
        p++;
    }
    if (p < end && *p == '#') {
        f->alt = true;
        p++;
    }
    if (p < end && *p == '0') {
        f->zero = true;
        p++;
    }
    if (p < end && *p >= '0' && *p <= '9') {
        f->width = spec_num(&p, end);
    }
    if (p < end && (*p == ',' || *p == '_')) {
        f->grouping = *p++;
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9') {
            px_raise_value_error("Format specifier missing precision");
        }
        f->prec = spec_num(&p, end);
    }
    if (p < end) {
        f->type = *p++;
    }
    if (p < end) {
        px_raise_value_error("Invalid format specifier '%.*s' for object of type 'str'", (int)len, s);
    }
}

px_val px_format_str(const char *s, size_t len, const char *spec, size_t spec_len) {
    if (spec_len == 0) {
        return px_str(s, len);
    }
    fmt_spec f;
    parse_spec(spec, spec_len, &f);
    if (f.type && f.type != 's') {
        px_raise_value_error("Unknown format code '%c' for object of type 'str'", f.type);
    }
    /* checked in CPython's order */
    if (f.grouping) {
        px_raise_value_error("Cannot specify '%c' with 's'.", f.grouping);
    }
    if (f.sign) {
        px_raise_value_error("%s not allowed in string format specifier", f.sign == ' ' ? "Space" : "Sign");
    }
    if (f.no_neg_zero) {
        px_raise_value_error("Negative zero coercion (z) not allowed in string format specifier");
    }
    if (f.alt) {
        px_raise_value_error("Alternate form (#) not allowed in string format specifier");
    }
    if (f.align == '=') {
        px_raise_value_error("'=' alignment not allowed in string format specifier");
    }
    if (f.zero && !f.fill_given) {
        f.fill = '0'; /* '{:<06s}' pads with zeros, as CPython does */
    }
    size_t clen = px_utf8_count(s, len);
    if (f.prec >= 0 && (size_t)f.prec < clen) {
        len = px_utf8_offset(s, len, (size_t)f.prec);
        clen = (size_t)f.prec;
    }
    if (f.width <= (px_int)clen) {
        return px_str(s, len);
    }
    size_t extra = (size_t)f.width - clen;
    size_t left = f.align == '>' ? extra : f.align == '^' ? extra / 2 : 0;
    char fb[4];
    size_t fl = px_utf8_encode(f.fill, fb);
    px_strbuf b;
    px_strbuf_init(&b, len + extra * fl);
    for (size_t i = 0; i < left; i++) {
        px_strbuf_add(&b, fb, fl);
    }
    px_strbuf_add(&b, s, len);
    for (size_t i = left; i < extra; i++) {
        px_strbuf_add(&b, fb, fl);
    }
    return px_strbuf_to_str(&b);
}

/* ---- format() dispatch */

static bool user_format(px_val v, px_val spec, px_val *result) {
    const px_type *t = px_type_of(v);
    if (!(t->flags & PX_TF_HEAPTYPE)) {
        return false;
    }
    px_val f = px_type_lookup(t, PX_Q(__format__));
    if (f == PX_NULL || px_is_type(f, &px_type_builtin)) {
        return false; /* inherited from a built-in: handled natively below */
    }
    *result = px_call_method(v, PX_Q(__format__), 1, &spec);
    if (px_str_get(*result, &(size_t){0}) == NULL) {
        px_raise_type_error("__format__ must return a str, not %s", px_type_name(*result));
    }
    return true;
}

px_val px_format(px_val v, px_val spec) {
    size_t slen = 0;
    const char *s = "";
    if (spec != PX_NULL && spec != PX_NONE) {
        s = px_str_get(spec, &slen);
        if (s == NULL) {
            px_raise_type_error("format() argument 2 must be str, not %s", px_type_name(spec));
        }
    } else {
        spec = px_qstr(PX_Q(empty));
    }
    if (slen == 0 && px_is_small(v)) {
        return px_to_str(v); /* format(int) is str(int) */
    }
    px_val r;
    if (user_format(v, spec, &r)) {
        return r;
    }
    px_val nat = v;
    const px_type *t = px_type_of(v);
    if (t->flags & PX_TF_HEAPTYPE) {
        if (px_isinstance(v, &px_type_str)) {
            nat = px_native(v, &px_type_str);
        } else if (px_isinstance(v, &px_type_int)) {
            nat = px_native(v, &px_type_int);
        }
#if PX_HAS_FLOAT
        else if (px_isinstance(v, &px_type_float)) {
            nat = px_native(v, &px_type_float);
        }
#endif
#if PX_HAS_COMPLEX
        else if (px_isinstance(v, &px_type_complex)) {
            nat = px_native(v, &px_type_complex);
        }
#endif
        if (slen == 0) {
            return px_to_str(v); /* honours a user __str__ */
        }
    }
    size_t len;
    const char *text = px_str_get(nat, &len);
    if (text != NULL) {
        return px_format_str(text, len, s, slen);
    }
    if (nat == PX_TRUE || nat == PX_FALSE) {
        if (slen == 0) {
            return px_to_str(nat);
        }
        return px_format_number(nat, s, slen);
    }
    if (px_is_int(nat) || px_is_float(nat) || px_is_complex(nat)) {
        return px_format_number(nat, s, slen);
    }
    if (slen != 0) {
        px_raise_type_error("unsupported format string passed to %s.__format__", px_type_name(v));
    }
    return px_to_str(v);
}

static px_val convert(px_val v, int conversion) {
    switch (conversion) {
    case 's':
    case 1:
        return px_to_str(v);
    case 'r':
    case 2:
        return px_to_repr(v);
    case 'a':
    case 3:
        return px_to_ascii(v);
    default:
        return v;
    }
}

px_val px_format_value(px_val v, int conversion, px_val spec) {
    v = convert(v, conversion);
    size_t slen = 0;
    if (spec != PX_NULL && spec != PX_NONE) {
        px_str_data(spec, &slen);
    }
    if (slen == 0 && px_is_str(v)) {
        return v;
    }
    return px_format(v, spec);
}

static px_val builtin_format(size_t argc, const px_val *argv) {
    return px_format(argv[0], argc > 1 ? argv[1] : PX_NULL);
}
PX_FUNV(px_builtin_format, format, 1, 2, builtin_format);

/* ---- str.format */

typedef struct {
    size_t argc;
    const px_val *argv;
    px_val kwargs;
    int auto_idx; /* next automatic index; -1 once manual numbering is used */
    bool used_auto;
} fmt_state;

static bool all_digits(const char *s, size_t n) {
    if (n == 0) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

static px_int parse_index(const char *s, size_t n) {
    px_int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (v > PX_SMALL_MAX / 10) {
            px_raise_value_error("Too many decimal digits in format string");
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static px_val positional(fmt_state *st, px_int i) {
    if (st->argv == NULL) { /* format_map */
        px_raise_value_error("Format string contains positional fields");
    }
    if (i < 0 || (size_t)i >= st->argc) {
        px_raise_index_error("Replacement index %ld out of range for positional args tuple", (long)i);
    }
    return st->argv[i];
}

/* Resolve a field name like "0", "", "name", "0.attr[key][1]". */
static px_val lookup_field(fmt_state *st, const char *s, size_t n) {
    size_t k = 0;
    while (k < n && s[k] != '.' && s[k] != '[') {
        k++;
    }
    px_val obj;
    if (k == 0) {
        if (st->auto_idx < 0) {
            px_raise_value_error("cannot switch from manual field specification to automatic field numbering");
        }
        st->used_auto = true;
        obj = positional(st, st->auto_idx++);
    } else if (all_digits(s, k)) {
        if (st->used_auto) {
            px_raise_value_error("cannot switch from automatic field numbering to manual field specification");
        }
        st->auto_idx = -1;
        obj = positional(st, parse_index(s, k));
    } else {
        px_val key = px_str(s, k);
        if (st->kwargs == PX_NULL) {
            px_raise_key_error(key);
        }
        obj = px_subscr_load(st->kwargs, key);
    }
    while (k < n) {
        if (s[k] == '.') {
            size_t a = ++k;
            while (k < n && s[k] != '.' && s[k] != '[') {
                k++;
            }
            if (k == a) {
                px_raise_value_error("Empty attribute in format string");
            }
            obj = px_getattr(obj, px_qstr_intern(s + a, k - a));
        } else if (s[k] == '[') {
            size_t a = ++k;
            while (k < n && s[k] != ']') {
                k++;
            }
            if (k >= n) {
                px_raise_value_error("Missing ']' in format string");
            }
            if (k == a) {
                px_raise_value_error("Empty attribute in format string");
            }
            px_val key = all_digits(s + a, k - a) ? px_small(parse_index(s + a, k - a)) : px_str(s + a, k - a);
            obj = px_subscr_load(obj, key);
            k++;
            if (k < n && s[k] != '.' && s[k] != '[') {
                px_raise_value_error("Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            px_raise_value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

static void vformat_into(px_strbuf *out, fmt_state *st, const char *fmt, size_t len, int depth);

/* One replacement field: the text between '{' and its matching '}'. */
static void format_field(px_strbuf *out, fmt_state *st, const char *s, size_t n, int depth) {
    /* Field name ends at '!' or ':' outside brackets. */
    size_t k = 0;
    bool in_br = false;
    while (k < n) {
        char c = s[k];
        if (c == '[') {
            in_br = true;
        } else if (c == ']') {
            in_br = false;
        } else if (!in_br && (c == '!' || c == ':')) {
            break;
        }
        k++;
    }
    size_t name_len = k;
    int conv = 0;
    if (k < n && s[k] == '!') {
        if (k + 1 >= n) {
            px_raise_value_error("unmatched '{' in format spec");
        }
        char c = s[k + 1];
        if (k + 2 < n && s[k + 2] != ':') {
            px_raise_value_error("expected ':' after conversion specifier");
        }
        if (c != 's' && c != 'r' && c != 'a') {
            px_raise_value_error("Unknown conversion specifier %c", c);
        }
        conv = c;
        k += 2;
    }
    const char *spec = "";
    size_t spec_len = 0;
    if (k < n && s[k] == ':') {
        spec = s + k + 1;
        spec_len = n - k - 1;
    }
    px_val v = lookup_field(st, s, name_len);
    if (spec_len == 0 && conv == 0 && px_is_small(v)) { /* "{}" of an int: its digits, no str made */
        char digits[24];
        px_strbuf_add(out, digits, px_int_dec(px_small_get(v), digits));
        return;
    }
    px_val specv;
    if (memchr(spec, '{', spec_len) != NULL) {
        if (depth >= 1) {
            px_raise_value_error("Max string recursion exceeded");
        }
        px_strbuf sb;
        px_strbuf_init(&sb, spec_len + 8);
        vformat_into(&sb, st, spec, spec_len, depth + 1);
        specv = px_strbuf_to_str(&sb);
    } else {
        specv = px_str(spec, spec_len);
    }
    px_val r = px_format_value(v, conv, specv);
    size_t rl;
    const char *rs = px_str_data(r, &rl);
    px_strbuf_add(out, rs, rl);
}

static void vformat_into(px_strbuf *out, fmt_state *st, const char *fmt, size_t len, int depth) {
    size_t i = 0, run = 0;
    while (i < len) {
        char c = fmt[i];
        if (c == '}') {
            if (i + 1 < len && fmt[i + 1] == '}') {
                px_strbuf_add(out, fmt + run, i + 1 - run);
                i += 2;
                run = i;
                continue;
            }
            px_raise_value_error("Single '}' encountered in format string");
        }
        if (c != '{') {
            i++;
            continue;
        }
        if (i + 1 < len && fmt[i + 1] == '{') {
            px_strbuf_add(out, fmt + run, i + 1 - run);
            i += 2;
            run = i;
            continue;
        }
        px_strbuf_add(out, fmt + run, i - run);
        /* Find the matching '}', allowing nested braces in the spec. */
        size_t j = i + 1;
        int level = 1;
        bool in_br = false;
        while (j < len) {
            char d = fmt[j];
            if (d == '[' && level == 1) {
                in_br = true;
            } else if (d == ']' && level == 1) {
                in_br = false;
            } else if (d == '{' && !in_br) {
                level++;
            } else if (d == '}' && !in_br) {
                if (--level == 0) {
                    break;
                }
            }
            j++;
        }
        if (j >= len) {
            if (level > 1 || in_br) {
                px_raise_value_error("expected '}' before end of string");
            }
            px_raise_value_error(j == i + 1 ? "Single '{' encountered in format string"
                                            : "expected '}' before end of string");
        }
        format_field(out, st, fmt + i + 1, j - i - 1, depth);
        i = j + 1;
        run = i;
    }
    px_strbuf_add(out, fmt + run, len - run);
}

px_val px_str_vformat(const char *fmt, size_t len, size_t argc, const px_val *argv, px_val kwargs) {
    fmt_state st = {argc, argv, kwargs, 0, false};
    px_strbuf b;
    px_strbuf_init(&b, len + 16);
    vformat_into(&b, &st, fmt, len, 0);
    return px_strbuf_to_str(&b);
}

/* ---- printf-style: str % args */

enum { F_LEFT = 1, F_PLUS = 2, F_SPACE = 4, F_ALT = 8, F_ZERO = 16 };

static void pad_out(px_strbuf *b, const char *s, size_t len, size_t clen, px_int width, int flags) {
    size_t extra = width > (px_int)clen ? (size_t)width - clen : 0;
    if (!(flags & F_LEFT)) {
        for (size_t i = 0; i < extra; i++) {
            px_strbuf_add_char(b, ' ');
        }
    }
    px_strbuf_add(b, s, len);
    if (flags & F_LEFT) {
        for (size_t i = 0; i < extra; i++) {
            px_strbuf_add_char(b, ' ');
        }
    }
}

/* Digits of |v| in base (no sign, no prefix), *len of them; *neg set if
 * v < 0. A small int's are written into tmp (no str made for them). */
static const char *int_digits(px_val v, int base, bool upper, bool *neg, char tmp[72], size_t *len) {
    if (px_is_small(v) || px_is_bool(v)) {
        px_int i = px_is_bool(v) ? (v == PX_TRUE) : px_small_get(v);
        *neg = i < 0;
        uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        size_t n = 72;
        if (base == 10) { /* a constant divisor: no division instruction */
            do {
                tmp[--n] = (char)('0' + u % 10);
                u /= 10;
            } while (u);
        } else {
            do {
                unsigned d = (unsigned)(u % (unsigned)base);
                tmp[--n] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
                u /= (unsigned)base;
            } while (u);
        }
        *len = 72 - n;
        return tmp + n;
    }
    px_val s = px_int_format(v, base, false);
    size_t sl;
    const char *d = px_str_data(s, &sl);
    *neg = sl && d[0] == '-';
    size_t skip = *neg;
    *len = sl - skip;
    if (!upper) {
        return d + skip;
    }
    char *u = px_gc_alloc(sl - skip + 1, PX_GC_LEAF);
    for (size_t i = skip; i < sl; i++) {
        char c = d[i];
        u[i - skip] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
    }
    return u;
}

static void format_int(px_strbuf *b, px_val v, char type, int flags, px_int width, px_int prec) {
    int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
    bool neg;
    char tmp[72];
    size_t dl;
    const char *d = int_digits(v, base, type == 'X', &neg, tmp, &dl);
    char head[4];
    size_t hl = 0;
    if (neg) {
        head[hl++] = '-';
    } else if (flags & F_PLUS) {
        head[hl++] = '+';
    } else if (flags & F_SPACE) {
        head[hl++] = ' ';
    }
    if ((flags & F_ALT) && base != 10) {
        head[hl++] = '0';
        head[hl++] = type;
    }
    size_t zeros = prec > (px_int)dl ? (size_t)prec - dl : 0;
    size_t body = hl + zeros + dl;
    if ((flags & F_ZERO) && !(flags & F_LEFT) && width > (px_int)body) {
        zeros += (size_t)width - body;
        body = (size_t)width;
    }
    size_t extra = width > (px_int)body ? (size_t)width - body : 0;
    if (!(flags & F_LEFT)) {
        for (size_t i = 0; i < extra; i++) {
            px_strbuf_add_char(b, ' ');
        }
    }
    px_strbuf_add(b, head, hl);
    for (size_t i = 0; i < zeros; i++) {
        px_strbuf_add_char(b, '0');
    }
    px_strbuf_add(b, d, dl);
    if (flags & F_LEFT) {
        for (size_t i = 0; i < extra; i++) {
            px_strbuf_add_char(b, ' ');
        }
    }
}

#if PX_HAS_FLOAT
static void format_float(px_strbuf *b, double d, char type, int flags, px_int width, px_int prec) {
    char spec[48];
    size_t n = 0;
    if (flags & F_LEFT) {
        spec[n++] = '<';
    } else if (!(flags & F_ZERO)) {
        spec[n++] = '>';
    }
    if (flags & F_PLUS) {
        spec[n++] = '+';
    } else if (flags & F_SPACE) {
        spec[n++] = ' ';
    }
    if (flags & F_ALT) {
        spec[n++] = '#';
    }
    if ((flags & F_ZERO) && !(flags & F_LEFT)) {
        spec[n++] = '0';
    }
    char num[40];
    int k = 0;
    if (width > 0) {
        px_int w = width;
        char rev[24];
        int r = 0;
        while (w && r < 20) {
            rev[r++] = (char)('0' + w % 10);
            w /= 10;
        }
        while (r) {
            num[k++] = rev[--r];
        }
    }
    memcpy(spec + n, num, (size_t)k);
    n += (size_t)k;
    spec[n++] = '.';
    /* any precision: px_format_number gives CPython's "precision too big" */
    px_int p = prec < 0 ? 6 : prec;
    char rev[24];
    int r = 0;
    do {
        rev[r++] = (char)('0' + p % 10);
        p /= 10;
    } while (p);
    while (r) {
        spec[n++] = rev[--r];
    }
    spec[n++] = type;
    px_val s = px_format_number(px_float(d), spec, n);
    size_t len;
    const char *t = px_str_data(s, &len);
    px_strbuf_add(b, t, len);
}
#endif

static bool is_mapping_arg(px_val v) {
    if (px_isinstance(v, &px_type_tuple) || px_str_get(v, &(size_t){0}) != NULL) {
        return false;
    }
    const px_type *t = px_type_of(v);
    if (px_is_dict(v) || px_is_list(v)) {
        return true;
    }
    if (t->flags & PX_TF_HEAPTYPE) {
        return px_type_lookup(t, PX_Q(__getitem__)) != PX_NULL;
    }
    return t->subscr != NULL && t != &px_type_bytes && t != &px_type_bytearray;
}

/* The % operator for str, and for bytes when bytes_mode (fmt is then raw
 * bytes, %s/%b take bytes-like args, %r/%a give ASCII, %c one byte).
 * ascii: fmt is ASCII text; it stays true while every piece added is, and
 * then the result's code points need no counting. */
static px_val modulo(const char *fmt, size_t len, px_val args, bool bytes_mode, bool ascii) {
    size_t nargs;
    const px_val *items;
    px_val single = args;
    if (px_isinstance(args, &px_type_tuple)) {
        /* a tuple subclass (a namedtuple) gives its items, as in CPython */
        px_val t = px_native(args, &px_type_tuple);
        items = px_tuple_ptr(t)->items;
        nargs = px_tuple_ptr(t)->len;
    } else {
        items = &single;
        nargs = 1;
    }
    bool mapping = is_mapping_arg(args);
    size_t ai = 0;
    px_strbuf b;
    px_strbuf_init(&b, len + 16);
    size_t i = 0, run = 0;
    while (i < len) {
        if (fmt[i] != '%') {
            i++;
            continue;
        }
        px_strbuf_add(&b, fmt + run, i - run);
        size_t start = i;
        i++;
        px_val arg = PX_NULL;
        if (i < len && fmt[i] == '(') {
            if (!mapping) {
                px_raise_type_error("format requires a mapping");
            }
            size_t a = ++i;
            int level = 1;
            while (i < len) {
                if (fmt[i] == '(') {
                    level++;
                } else if (fmt[i] == ')' && --level == 0) {
                    break;
                }
                i++;
            }
            if (i >= len) {
                px_raise_value_error("incomplete format key");
            }
            arg = px_subscr_load(args, bytes_mode ? px_bytes(fmt + a, i - a) : px_str(fmt + a, i - a));
            i++;
            ai = nargs; /* after a keyed field, none without a key may follow (as CPython) */
        }
        int flags = 0;
        while (i < len) {
            char c = fmt[i];
            int f = c == '-' ? F_LEFT : c == '+' ? F_PLUS : c == ' ' ? F_SPACE : c == '#' ? F_ALT : c == '0' ? F_ZERO : 0;
            if (!f) {
                break;
            }
            flags |= f;
            i++;
        }
        px_int width = -1, prec = -1;
        if (i < len && fmt[i] == '*') {
            if (ai >= nargs) {
                px_raise_type_error("not enough arguments for format string");
            }
            if (!px_is_int(items[ai])) {
                px_raise_type_error("* wants int");
            }
            width = px_index(items[ai++]);
            if (width < 0) {
                flags |= F_LEFT;
                width = -width;
            }
            i++;
        } else {
            const char *p = fmt + i;
            if (i < len && fmt[i] >= '0' && fmt[i] <= '9') {
                width = pct_num(&p, fmt + len, PX_INT_MAX, "width");
                i = (size_t)(p - fmt);
            }
        }
        if (i < len && fmt[i] == '.') {
            i++;
            if (i < len && fmt[i] == '*') {
                if (ai >= nargs) {
                    px_raise_type_error("not enough arguments for format string");
                }
                if (!px_is_int(items[ai])) {
                    px_raise_type_error("* wants int");
                }
                prec = px_index(items[ai++]);
                if (prec < 0) {
                    prec = 0;
                }
                i++;
            } else {
                const char *p = fmt + i;
                prec = pct_num(&p, fmt + len, INT32_MAX, "precision");
                i = (size_t)(p - fmt);
            }
        }
        while (i < len && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) {
            i++;
        }
        if (i >= len) {
            px_raise_value_error("incomplete format");
        }
        char type = fmt[i++];
        run = i;
        if (type == '%') {
            px_strbuf_add_char(&b, '%');
            continue;
        }
        if (arg == PX_NULL) {
            /* A mapping that is not a tuple counts as one argument here. */
            if (ai >= nargs) {
                px_raise_type_error("not enough arguments for format string");
            }
            arg = items[ai++];
        }
        if (bytes_mode && (type == 's' || type == 'b')) {
            const px_type *at = px_type_of(arg);
            size_t bl;
            const uint8_t *bd;
            if (type == 's' && px_is_str(arg)) {
                /* MicroPython puts a str's UTF-8 in (b"%s /%s HTTP/1.1" % (method,
                 * path) in its requests package); CPython raises TypeError */
                bd = (const uint8_t *)px_str_data(arg, &bl);
            } else if (!at->buffer || px_is_str(arg)) {
                px_raise_type_error("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                                    px_type_name(arg));
            } else {
                bd = px_bytes_arg(arg, &bl);
            }
            if (prec >= 0 && (size_t)prec < bl) {
                bl = (size_t)prec;
            }
            pad_out(&b, (const char *)bd, bl, bl, width, flags);
            continue;
        }
        if (bytes_mode && type == 'c') {
            char one;
            size_t bl;
            if (px_is_int(arg)) {
                px_int v = px_text_byte_int(arg);
                if (v < 0) {
                    px_raise_overflow("%c arg not in range(256)");
                }
                one = (char)v;
            } else if (px_type_of(arg)->buffer && px_str_get(arg, &bl) == NULL && px_bytes_arg(arg, &bl) && bl == 1) {
                one = (char)px_bytes_arg(arg, &bl)[0];
            } else {
                px_raise_type_error("%%c requires an integer in range(256) or a single byte");
            }
            pad_out(&b, &one, 1, 1, width, flags);
            continue;
        }
        if (bytes_mode && type == 'r') {
            type = 'a';
        }
        switch (type) {
        case 's':
        case 'r':
        case 'a': {
            px_val s = type == 's' ? px_to_str(arg) : type == 'r' ? px_to_repr(arg) : px_to_ascii(arg);
            size_t sl;
            const char *sd = px_str_data(s, &sl);
            size_t cl = px_str_cps(s, sd, sl);
            ascii = ascii && cl == sl;
            if (prec >= 0 && (size_t)prec < cl) {
                sl = px_utf8_offset(sd, sl, (size_t)prec);
                cl = (size_t)prec;
            }
            pad_out(&b, sd, sl, cl, width, flags);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            px_val v = arg;
#if PX_HAS_FLOAT
            if (px_is_float(v)) {
                if (type != 'd' && type != 'i' && type != 'u') {
                    px_raise_type_error("%%%c format: an integer is required, not float", type);
                }
                v = px_int_from_double(px_float_get(v));
            } else
#endif
            if (!px_is_int(v)) {
                if (px_isinstance(v, &px_type_int)) {
                    v = px_native(v, &px_type_int);
#if PX_HAS_FLOAT
                } else if (px_isinstance(v, &px_type_float) && (type == 'd' || type == 'i' || type == 'u')) {
                    v = px_int_from_double(px_float_of(px_native(v, &px_type_float)));
#endif
                } else if (px_type_lookup(px_type_of(v), PX_Q(__index__)) != PX_NULL) {
                    v = px_index_int(v);
                } else if ((type == 'd' || type == 'i' || type == 'u') &&
                           px_type_lookup(px_type_of(v), PX_Q(__int__)) != PX_NULL) {
                    v = px_call(px_from_ptr(&px_type_int), 1, &v, PX_NULL);
                } else {
                    px_raise_type_error(type == 'd' || type == 'i' || type == 'u'
                                            ? "%%%c format: a real number is required, not %s"
                                            : "%%%c format: an integer is required, not %s",
                                        type, px_type_name(v));
                }
            }
            format_int(&b, v, type == 'u' || type == 'i' ? 'd' : type, flags, width, prec);
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
#if !PX_HAS_FLOAT
            px_raise_value_error("%%%c format: " PX_NO_FLOAT, type);
#else
            double d;
            if (px_is_float(arg) || px_is_int(arg)) {
                d = px_float_of(arg);
            } else if (px_isinstance(arg, &px_type_float)) {
                d = px_float_of(px_native(arg, &px_type_float));
            } else if (px_isinstance(arg, &px_type_int)) {
                d = px_float_of(px_native(arg, &px_type_int));
            } else {
                px_raise_type_error("must be real number, not %s", px_type_name(arg));
            }
            format_float(&b, d, type, flags, width, prec);
            break;
#endif
        }
        case 'c': {
            char tmp[4];
            size_t tl;
            size_t sl;
            const char *sd = px_str_get(arg, &sl);
            if (sd != NULL) {
                if (px_utf8_count(sd, sl) != 1) {
                    px_raise_type_error("%%c requires int or char");
                }
                ascii = ascii && sl == 1;
                pad_out(&b, sd, sl, 1, width, flags);
                break;
            }
            if (!px_is_int(arg)) {
                px_raise_type_error("%%c requires int or char");
            }
            if (px_less(arg, px_small(0)) || !px_less(arg, px_small(0x110000))) {
                px_raise_overflow("%c arg not in range(0x110000)");
            }
            px_int cp = px_index(arg);
            tl = px_utf8_encode((uint32_t)cp, tmp);
            ascii = ascii && tl == 1;
            pad_out(&b, tmp, tl, 1, width, flags);
            break;
        }
        default: {
            uint8_t uc = (uint8_t)type;
            px_raise_value_error("unsupported format character '%c' (0x%x) at index %zu", uc < 0x80 ? type : '?',
                                 (unsigned)uc, i - 1);
        }
        }
        (void)start;
    }
    px_strbuf_add(&b, fmt + run, len - run);
    if (ai < nargs && !mapping) {
        px_raise_type_error(bytes_mode ? "not all arguments converted during bytes formatting"
                                       : "not all arguments converted during string formatting");
    }
    if (bytes_mode) {
        return px_strbuf_to_bytes(&b);
    }
    return ascii ? px_str_n(b.data, b.len, b.len) : px_strbuf_to_str(&b);
}

px_val px_str_modulo(px_val fmtv, px_val args) {
    size_t len;
    const char *fmt = px_str_data(fmtv, &len);
    return modulo(fmt, len, args, false, px_str_cps(fmtv, fmt, len) == len);
}

px_val px_bytes_modulo(px_val fmtv, px_val args) {
    size_t len;
    const uint8_t *fmt = px_bytes_arg(fmtv, &len);
    px_val r = modulo((const char *)fmt, len, args, true, false);
    if (px_is_type(fmtv, &px_type_bytearray)) {
        const uint8_t *d = px_bytes_data(r, &len);
        return px_bytearray(d, len);
    }
    return r;
}
