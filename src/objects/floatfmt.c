/* Number to text: the shortest round-tripping float repr, correctly
 * rounded round(x, n), and the format-spec mini-language for int, float
 * and complex. Decimal digits come from the C library's exact printf
 * conversions; the layout rules are Python's. A build without floats
 * keeps the mini-language for ints only. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../runtime.h"
#include "bigint.h"

#if PX_HAS_FLOAT
/* ---- digits */

/* `sig` significant digits of x (x >= 0, finite) into out; returns the
 * decimal exponent of the first digit. */
static int edigits(double x, int sig, char *out) {
    char small[64];
    if (sig < 1) {
        sig = 1;
    }
    size_t cap = (size_t)sig + 16;
    char *buf = cap <= sizeof small ? small : px_gc_alloc(cap, PX_GC_LEAF);
    snprintf(buf, cap, "%.*e", sig - 1, x);
    int k = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9') {
            out[k++] = *p;
        }
    }
    out[k] = 0;
    return *p == 'e' ? atoi(p + 1) : 0;
}

#ifdef __SIZEOF_INT128__
/* x (finite, >= 0) with prec decimals into o, as printf's "%.*f" gives it
 * (the exact binary value rounded half to even), in 128-bit integer
 * arithmetic instead of the C library's multi-precision path; only while
 * x * 10^prec stays below 2^64. Returns the length, or 0 when out of that
 * range (the caller then asks printf). */
static size_t fixed_exact(char *o, double x, int prec, bool alt) {
    static const uint64_t pow10[20] = {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
                                       100000000u, 1000000000u, 10000000000u, 100000000000u,
                                       1000000000000u, 10000000000000u, 100000000000000u,
                                       1000000000000000u, 10000000000000000u, 100000000000000000u,
                                       1000000000000000000u, 10000000000000000000u};
    if (prec < 0 || prec > 19 || !(x * (double)pow10[prec] < 1.8e19)) {
        return 0;
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    uint64_t mant = bits & ((UINT64_C(1) << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7FF), e2; /* x = mant * 2^e2 */
    if (bexp == 0) {
        e2 = -1074;
    } else {
        mant |= UINT64_C(1) << 52;
        e2 = bexp - 1075;
    }
    unsigned __int128 n = (unsigned __int128)mant * pow10[prec]; /* < 2^117 */
    uint64_t q;
    if (e2 >= 0) {
        q = (uint64_t)(n << e2); /* below 2^64: checked above */
    } else if (e2 <= -118) {
        q = 0; /* n < 2^117 is less than half of 2^-e2 */
    } else {
        unsigned k = (unsigned)-e2;
        unsigned __int128 half = (unsigned __int128)1 << (k - 1);
        q = (uint64_t)(n >> k);
        unsigned __int128 r = n & ((half << 1) - 1);
        if (r > half || (r == half && (q & 1))) {
            q++;
        }
    }
    uint64_t ip = q / pow10[prec], fp = q % pow10[prec];
    char tmp[24];
    size_t t = 0, k = 0;
    do {
        tmp[t++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip);
    while (t) {
        o[k++] = tmp[--t];
    }
    if (prec > 0 || alt) {
        o[k++] = '.';
    }
    for (int i = prec - 1; i >= 0; i--) {
        o[k + (size_t)i] = (char)('0' + fp % 10);
        fp /= 10;
    }
    k += (size_t)prec;
    o[k] = '\0';
    return k;
}
#endif

/* Does the decimal d[0..p) * 10^(e10-p+1) read back as x? */
static bool reads_back(const char *d, int p, int e10, double x) {
    char buf[64];
    int k = 0;
    buf[k++] = d[0];
    buf[k++] = '.';
    for (int i = 1; i < p; i++) {
        buf[k++] = d[i];
    }
    snprintf(buf + k, sizeof buf - (size_t)k, "e%d", e10);
    return strtod(buf, NULL) == x;
}

/* Move d one unit in the last place up or down; returns the new e10. */
static int step_last(char *d, int p, int e10, int dir) {
    int i = p - 1;
    char wrap = dir > 0 ? '9' : '0';
    while (i >= 0 && d[i] == wrap) {
        d[i--] = dir > 0 ? '0' : '9';
    }
    if (i < 0) { /* 99..9 + 1 */
        d[0] = '1';
        return e10 + 1;
    }
    d[i] = (char)(d[i] + dir);
    if (d[0] == '0') { /* 10..0 - 1 = 9..9 one decade lower */
        memmove(d, d + 1, (size_t)p - 1);
        d[p - 1] = '9';
        return e10 - 1;
    }
    return e10;
}

/* A p-digit decimal that reads back as x: the correctly rounded one if it
 * does, else a neighbour in the last place (the interval of reals that
 * round to x need not be centred on the correctly rounded value). */
static bool digits_for(double x, int p, char *out, int *e10) {
    *e10 = edigits(x, p, out);
    if (reads_back(out, p, *e10, x)) {
        return true;
    }
    char alt[24];
    for (int dir = -1; dir <= 1; dir += 2) {
        memcpy(alt, out, (size_t)p + 1);
        int e = step_last(alt, p, *e10, dir);
        if (reads_back(alt, p, e, x)) {
            memcpy(out, alt, (size_t)p + 1);
            *e10 = e;
            return true;
        }
    }
    return false;
}

#if FLT_EVAL_METHOD == 0
/* The shortest digits of x (> 0, finite) when it is a decimal with few
 * digits (m / 10^n, m below 2^53, n <= 22: money, measurements, 0.1), in
 * double arithmetic: m and 10^n are exact doubles, so m / 10^n is the
 * correctly rounded value of the decimal, as strtod would read it, and
 * the first n at which a candidate reads back gives the fewest digits.
 * The candidates for n fractional digits are the two integers around
 * x * 10^n (below 2^52 the product is within a quarter of the exact one,
 * so the nearer of the decimals that read back as x, which form an
 * interval around x, is among them, and is lo if only lo does). When both
 * read back, which is the nearer is not known here: false, and the
 * caller decides by the C library. Needs double arithmetic without
 * excess precision (FLT_EVAL_METHOD 0), else one more rounding. */
static bool short_decimal(double x, char *out, int *nd, int *e10) {
    static const double pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const double limit = 4503599627370496.0; /* 2^52: the product is within a quarter of the exact one */
    for (int n = 0; n <= 22; n++) {
        double p = x * pow10[n];
        if (!(p < limit)) {
            return false;
        }
        double lo = floor(p), hi = lo + 1.0;
        bool lo_ok = lo > 0 && lo / pow10[n] == x, hi_ok = hi / pow10[n] == x;
        if (lo_ok && hi_ok) {
            return false;
        }
        if (lo_ok || hi_ok) {
            uint64_t m = (uint64_t)(lo_ok ? lo : hi);
            char tmp[20];
            int k = 0;
            while (m) {
                tmp[k++] = (char)('0' + m % 10);
                m /= 10;
            }
            *e10 = k - 1 - n;
            int d = 0;
            while (k) {
                out[d++] = tmp[--k];
            }
            while (d > 1 && out[d - 1] == '0') {
                d--;
            }
            out[d] = 0;
            *nd = d;
            return true;
        }
    }
    return false;
}
#endif

/* Shortest digits that read back as x; returns e10, *nd digits. Whether
 * some p-digit decimal reads back is monotonic in p (17 always works), so
 * the shortest length is found by bisection. */
static int shortest_digits(double x, char *out, int *nd) {
    int lo = 1, hi = 15, e = 0;
#if FLT_EVAL_METHOD == 0
    if (short_decimal(x, out, nd, &e)) {
        return e;
    }
#endif
    if (!digits_for(x, 15, out, &e)) {
        lo = hi = digits_for(x, 16, out, &e) ? 16 : 17; /* typical of computed values */
    }
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (digits_for(x, mid, out, &e)) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    digits_for(x, lo, out, &e);
    int n = lo;
    while (n > 1 && out[n - 1] == '0') {
        n--;
    }
    out[n] = 0;
    *nd = n;
    return e;
}

/* Lay out digits d[0..nd) (value 0.d * 10^(e10+1)) in fixed or exponent
 * form. keep: keep trailing zeros; dot0: add ".0" to integral fixed
 * output; alt: always a point. Writes at most nd + |e10| + 16 bytes. */
static size_t layout(char *o, const char *d, int nd, int e10, bool use_exp, bool keep, bool dot0,
                     bool alt, char e_char) {
    size_t k = 0;
    if (!keep) {
        while (nd > 1 && d[nd - 1] == '0') {
            nd--;
        }
    }
    if (use_exp) {
        o[k++] = d[0];
        if (nd > 1 || alt) {
            o[k++] = '.';
        }
        for (int i = 1; i < nd; i++) {
            o[k++] = d[i];
        }
        k += (size_t)sprintf(o + k, "%c%c%02d", e_char, e10 < 0 ? '-' : '+', e10 < 0 ? -e10 : e10);
        return k;
    }
    int frac = 0;
    if (e10 >= 0) {
        for (int i = 0; i <= e10; i++) {
            o[k++] = i < nd ? d[i] : '0';
        }
        if (nd > e10 + 1 || alt || dot0) {
            o[k++] = '.';
        }
        for (int i = e10 + 1; i < nd; i++) {
            o[k++] = d[i];
            frac++;
        }
    } else {
        o[k++] = '0';
        o[k++] = '.';
        for (int i = 0; i < -e10 - 1; i++) {
            o[k++] = '0';
        }
        for (int i = 0; i < nd; i++) {
            o[k++] = d[i];
        }
        frac = 1;
    }
    if (frac == 0 && dot0) {
        o[k++] = '0';
    }
    return k;
}

static size_t repr_mode(char *buf, size_t size, double d, bool dot0, bool alt) {
    char tmp[64];
    size_t k = 0;
    if (isnan(d)) {
        k = (size_t)snprintf(tmp, sizeof tmp, "nan");
    } else if (isinf(d)) {
        k = (size_t)snprintf(tmp, sizeof tmp, d < 0 ? "-inf" : "inf");
    } else {
        if (signbit(d)) {
            tmp[k++] = '-';
            d = -d;
        }
        if (d == 0) {
            k += (size_t)snprintf(tmp + k, sizeof tmp - k, dot0 ? "0.0" : alt ? "0." : "0");
        } else {
            char dig[24];
            int nd;
            int e = shortest_digits(d, dig, &nd);
            k += layout(tmp + k, dig, nd, e, e < -4 || e >= 16, false, dot0, alt, 'e');
        }
    }
    if (size) {
        size_t n = k < size - 1 ? k : size - 1;
        memcpy(buf, tmp, n);
        buf[n] = 0;
    }
    return k;
}

size_t px_float_repr(char *buf, size_t size, double d) {
    return repr_mode(buf, size, d, true, false);
}

size_t px_float_repr_nodot(char *buf, size_t size, double d) {
    return repr_mode(buf, size, d, false, false);
}

/* ---- round(x, n) */

double px_float_round(double x, px_int n) {
    if (!isfinite(x) || x == 0.0) {
        return x;
    }
    if (n > 330) {
        return x;
    }
    double r;
    if (n >= 0) {
        size_t cap = (size_t)n + 330;
        char *buf = px_gc_alloc(cap, PX_GC_LEAF);
        snprintf(buf, cap, "%.*f", (int)n, x);
        r = strtod(buf, NULL);
    } else {
        char dig[48];
        int e10 = edigits(fabs(x), 26, dig);
        int64_t sig = (int64_t)e10 + 1 + n;
        if (sig < 0) {
            r = 0.0;
        } else if (sig == 0) {
            char hb[32];
            snprintf(hb, sizeof hb, "5e%d", e10);
            double half = strtod(hb, NULL);
            snprintf(hb, sizeof hb, "1e%d", e10 + 1);
            r = fabs(x) > half ? strtod(hb, NULL) : 0.0;
        } else {
            size_t cap = (size_t)sig + 40;
            char *buf = px_gc_alloc(cap, PX_GC_LEAF);
            snprintf(buf, cap, "%.*e", (int)(sig - 1), fabs(x));
            r = strtod(buf, NULL);
        }
        r = copysign(r, x);
    }
    if (isinf(r)) {
        px_raise_overflow("rounded value too large to represent");
    }
    return copysign(r, x);
}
#endif /* PX_HAS_FLOAT */

/* ---- format spec */

typedef struct {
    char fill[5];
    size_t fill_len;
    char align; /* 0 = default */
    char sign;  /* 0, '+', '-', ' ' */
    bool z, alt, zero;
    size_t width;
    char grouping; /* 0, ',', '_' */
    int64_t prec;  /* -1 = none */
    char type;     /* 0 = none */
} fmt_spec;

PX_NORETURN static void bad_spec(px_val v, const char *s, size_t n) {
    px_raise_value_error("Invalid format specifier '%.*s' for object of type '%s'", (int)n, s, px_type_name(v));
}

static size_t utf8_len(unsigned char c) {
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static void parse_spec(px_val v, const char *s, size_t n, fmt_spec *sp) {
    memset(sp, 0, sizeof *sp);
    sp->prec = -1;
    size_t i = 0;
    size_t cl = n ? utf8_len((unsigned char)s[0]) : 0;
    if (n > cl && cl <= n && is_align(s[cl])) {
        memcpy(sp->fill, s, cl);
        sp->fill_len = cl;
        sp->align = s[cl];
        i = cl + 1;
    } else if (n && is_align(s[0])) {
        sp->align = s[0];
        i = 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) {
        sp->sign = s[i++];
    }
    if (i < n && s[i] == 'z') {
        sp->z = true;
        i++;
    }
    if (i < n && s[i] == '#') {
        sp->alt = true;
        i++;
    }
    if (i < n && s[i] == '0') {
        sp->zero = true;
        i++;
    }
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (sp->width > (SIZE_MAX - 9) / 10) { /* CPython: past Py_ssize_t */
            px_raise_value_error("Too many decimal digits in format string");
        }
        sp->width = sp->width * 10 + (size_t)(s[i++] - '0');
    }
    if (i < n && (s[i] == ',' || s[i] == '_')) {
        sp->grouping = s[i++];
        if (i < n && (s[i] == ',' || s[i] == '_')) {
            px_raise_value_error("Cannot specify both ',' and '_'.");
        }
    }
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || !(s[i] >= '0' && s[i] <= '9')) {
            px_raise_value_error("Format specifier missing precision");
        }
        sp->prec = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (sp->prec > (INT64_MAX - 9) / 10) {
                px_raise_value_error("Too many decimal digits in format string");
            }
            sp->prec = sp->prec * 10 + (s[i++] - '0');
        }
    }
    if (i < n) {
        sp->type = s[i++];
    }
    if (i != n) {
        bad_spec(v, s, n);
    }
    /* which presentation types take a thousands separator */
    if (sp->grouping && sp->type && !strchr(sp->grouping == ',' ? "deEfFgG%" : "deEfFgG%boxX", sp->type)) {
        px_raise_value_error("Cannot specify '%c' with '%c'.", sp->grouping, sp->type);
    }
    if (sp->zero && !sp->fill_len) {
        /* '0' before the width: zero fill, and sign-aware unless aligned */
        sp->fill[0] = '0';
        sp->fill_len = 1;
        if (!sp->align) {
            sp->align = '=';
        }
    }
    if (!sp->fill_len) {
        sp->fill[0] = ' ';
        sp->fill_len = 1;
    }
    if (!sp->align) {
        sp->align = '>';
    }
}

static void add_fill(px_strbuf *b, const fmt_spec *sp, size_t count) {
    for (size_t i = 0; i < count; i++) {
        px_strbuf_add(b, sp->fill, sp->fill_len);
    }
}

/* Group digits d[0..n) every `every` digits from the right with `sep`,
 * left-padded with zeros until at least min_len characters. */
static void add_grouped(px_strbuf *b, const char *d, size_t n, char sep, int every, size_t min_len) {
    if (!sep) {
        for (size_t k = n; k < min_len; k++) {
            px_strbuf_add_char(b, '0');
        }
        px_strbuf_add(b, d, n);
        return;
    }
    /* total digits t such that t + (t-1)/every >= min_len */
    size_t t = n;
    while (t + (t - 1) / (size_t)every < min_len) {
        t++;
    }
    for (size_t k = 0; k < t; k++) {
        size_t from_right = t - k;
        px_strbuf_add_char(b, k < t - n ? '0' : d[k - (t - n)]);
        if (from_right > 1 && (from_right - 1) % (size_t)every == 0) {
            px_strbuf_add_char(b, sep);
        }
    }
}

static size_t grouped_len(size_t n, char sep, int every) {
    return sep && n ? n + (n - 1) / (size_t)every : n;
}

/* sign + prefix + grouped integer digits + rest, padded per spec. */
static px_val assemble(const fmt_spec *sp, bool neg, const char *prefix, const char *digs, size_t nd,
                       const char *rest, size_t nrest, int every) {
    const char *sign = neg ? "-" : sp->sign == '+' ? "+" : sp->sign == ' ' ? " " : "";
    size_t ls = strlen(sign), lp = strlen(prefix);
    size_t nchars = 0; /* rest may hold a non-ASCII character ('c') */
    for (size_t i = 0; i < nrest; i++) {
        nchars += ((unsigned char)rest[i] & 0xC0) != 0x80;
    }
    size_t body = ls + lp + grouped_len(nd, sp->grouping, every) + nchars;
    px_strbuf b;
    px_strbuf_init(&b, (body > sp->width ? body : sp->width) + 8);
    size_t pad = sp->width > body ? sp->width - body : 0;
    if (sp->align == '=' && sp->fill_len == 1 && sp->fill[0] == '0' && sp->grouping && nd) {
        px_strbuf_add_cstr(&b, sign);
        px_strbuf_add_cstr(&b, prefix);
        add_grouped(&b, digs, nd, sp->grouping, every, grouped_len(nd, sp->grouping, every) + pad);
        px_strbuf_add(&b, rest, nrest);
        return px_strbuf_to_str(&b);
    }
    size_t left = 0, right = 0;
    switch (sp->align) {
    case '<':
        right = pad;
        break;
    case '^':
        left = pad / 2;
        right = pad - left;
        break;
    case '=':
        break;
    default:
        left = pad;
        break;
    }
    add_fill(&b, sp, left);
    px_strbuf_add_cstr(&b, sign);
    px_strbuf_add_cstr(&b, prefix);
    if (sp->align == '=') {
        add_fill(&b, sp, pad);
    }
    add_grouped(&b, digs, nd, sp->grouping, every, 0);
    px_strbuf_add(&b, rest, nrest);
    add_fill(&b, sp, right);
    return px_strbuf_to_str(&b);
}

#if PX_HAS_FLOAT
/* Format a finite or special double per spec into text with its integer
 * part separated: returns the buffer; *nint = integer digits count. */
static char *float_body(const fmt_spec *sp, double x, char type, size_t *len, size_t *nint, bool *neg) {
    int64_t prec = sp->prec;
    if (prec > INT32_MAX) {
        px_raise_value_error("precision too big");
    }
    *neg = signbit(x) && !isnan(x);
    x = fabs(x);
    bool upper = type == 'F' || type == 'E' || type == 'G';
    char *o;
    if (!isfinite(x)) {
        o = px_gc_alloc(8, PX_GC_LEAF);
        strcpy(o, isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        *len = strlen(o);
        if (type == '%') {
            o[(*len)++] = '%';
        }
        *nint = 0;
        return o;
    }
    size_t cap = (size_t)(prec < 0 ? 17 : prec) + 360;
    o = px_gc_alloc(cap, PX_GC_LEAF);
    size_t k;
    switch (type) {
    case 'f':
    case 'F':
    case '%':
        if (type == '%') {
            x *= 100.0;
        }
        k = 0;
#ifdef __SIZEOF_INT128__
        k = fixed_exact(o, x, (int)(prec < 0 ? 6 : prec), sp->alt);
#endif
        if (k == 0) {
            k = (size_t)snprintf(o, cap, sp->alt ? "%#.*f" : "%.*f", (int)(prec < 0 ? 6 : prec), x);
        }
        if (type == '%') {
            o[k++] = '%';
        }
        break;
    case 'e':
    case 'E':
        k = (size_t)snprintf(o, cap, sp->alt ? "%#.*e" : "%.*e", (int)(prec < 0 ? 6 : prec), x);
        if (type == 'E') {
            for (size_t i = 0; i < k; i++) {
                if (o[i] == 'e') {
                    o[i] = 'E';
                }
            }
        }
        break;
    case 'g':
    case 'G':
    case 'n': {
        int p = prec < 0 ? 6 : prec == 0 ? 1 : (int)prec;
        char *dig = px_gc_alloc((size_t)p + 8, PX_GC_LEAF);
        int e10 = x == 0 ? 0 : edigits(x, p, dig);
        if (x == 0) {
            memset(dig, '0', (size_t)p);
        }
        k = layout(o, dig, p, e10, e10 < -4 || e10 >= p, sp->alt, false, sp->alt, upper ? 'E' : 'e');
        break;
    }
    case 'r': /* complex parts: repr without the ".0" */
        k = repr_mode(o, cap, x, false, sp->alt);
        break;
    default: /* none */
        if (prec < 0) {
            k = repr_mode(o, cap, x, true, sp->alt);
        } else {
            int p = prec == 0 ? 1 : (int)prec;
            char *dig = px_gc_alloc((size_t)p + 8, PX_GC_LEAF);
            int e10 = x == 0 ? 0 : edigits(x, p, dig);
            if (x == 0) {
                memset(dig, '0', (size_t)p);
            }
            k = layout(o, dig, p, e10, e10 < -4 || e10 >= p - 1, sp->alt, true, sp->alt, 'e');
        }
        break;
    }
    *len = k;
    size_t ni = 0;
    while (ni < k && o[ni] >= '0' && o[ni] <= '9') {
        ni++;
    }
    *nint = ni;
    if (*neg && sp->z) {
        bool all_zero = true;
        for (size_t i = 0; i < k && all_zero; i++) {
            if (o[i] >= '1' && o[i] <= '9') {
                all_zero = false;
            }
            if (o[i] == 'e' || o[i] == 'E') {
                break;
            }
        }
        if (all_zero) {
            *neg = false;
        }
    }
    return o;
}

#endif /* PX_HAS_FLOAT */

PX_NORETURN static void unknown_code(char type, px_val v) {
    px_raise_value_error("Unknown format code '%c' for object of type '%s'", type, px_type_name(v));
}

#if PX_HAS_FLOAT

static px_val format_float(px_val v, double x, const fmt_spec *sp) {
    char t = sp->type;
    if (!(t == 0 || t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == 'n' || t == '%')) {
        unknown_code(t, v);
    }
    size_t len, nint;
    bool neg;
    char *o = float_body(sp, x, t, &len, &nint, &neg);
    return assemble(sp, neg, "", o, nint, o + nint, len - nint, 3);
}
#endif

static px_val format_int(px_val v, const fmt_spec *sp) {
    char t = sp->type;
    int base;
    switch (t) {
    case 0:
    case 'd':
    case 'n':
        base = 10;
        break;
    case 'b':
        base = 2;
        break;
    case 'o':
        base = 8;
        break;
    case 'x':
    case 'X':
        base = 16;
        break;
    case 'c':
        base = 0;
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
#if PX_HAS_FLOAT
        return format_float(v, px_int_to_double(v), sp);
#else
        px_raise_value_error("format code '%c': " PX_NO_FLOAT, t);
#endif
    default:
        unknown_code(t, v);
    }
    if (sp->prec >= 0) {
        px_raise_value_error("Precision not allowed in integer format specifier");
    }
    if (sp->z) {
        px_raise_value_error("Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (base == 0) {
        if (sp->sign) {
            px_raise_value_error("Sign not allowed with integer format specifier 'c'");
        }
        if (sp->alt) {
            px_raise_value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        int64_t c = px_int_to_i64(v);
        if (c < 0 || c > 0x10FFFF) {
            px_raise_overflow("%c arg not in range(0x110000)");
        }
        px_strbuf cb;
        px_strbuf_init(&cb, 4);
        px_strbuf_add_utf8(&cb, (uint32_t)c);
        fmt_spec s2 = *sp;
        s2.grouping = 0;
        return assemble(&s2, false, "", "", 0, cb.data, cb.len, 3);
    }
    size_t nd;
    bool neg;
    char *d = px_int_digits(v, base, &nd, &neg);
    if (t == 'X') {
        for (size_t i = 0; i < nd; i++) {
            if (d[i] >= 'a' && d[i] <= 'f') {
                d[i] = (char)(d[i] - 32);
            }
        }
    }
    const char *prefix = "";
    if (sp->alt) {
        prefix = t == 'b' ? "0b" : t == 'o' ? "0o" : t == 'x' ? "0x" : t == 'X' ? "0X" : "";
    }
    return assemble(sp, neg, prefix, d, nd, "", 0, base == 10 ? 3 : 4);
}

#if PX_HAS_COMPLEX
static px_val format_complex(px_val v, const fmt_spec *sp) {
    double re, im;
    px_complex_get(v, &re, &im);
    char t = sp->type;
    if (!(t == 0 || t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == 'n')) {
        unknown_code(t, v);
    }
    if (sp->fill_len == 1 && sp->fill[0] == '0') { /* the '0' flag or an explicit '0' fill */
        px_raise_value_error("Zero padding is not allowed in complex format specifier");
    }
    if (sp->align == '=') {
        px_raise_value_error("'=' alignment flag is not allowed in complex format specifier");
    }
    fmt_spec part = *sp;
    part.width = 0;
    part.fill[0] = ' ';
    part.fill_len = 1;
    part.align = '>';
    part.type = t == 0 ? (sp->prec < 0 ? 'r' : 'g') : t;
    /* Like str(): no type means no real part when it is +0, else parens. */
    bool skip_re = t == 0 && re == 0.0 && !signbit(re);
    bool parens = t == 0 && !skip_re;
    px_strbuf b;
    px_strbuf_init(&b, 32);
    if (parens) {
        px_strbuf_add_char(&b, '(');
    }
    for (int i = skip_re ? 1 : 0; i < 2; i++) {
        size_t len, nint;
        bool neg;
        char *o = float_body(&part, i ? im : re, part.type, &len, &nint, &neg);
        px_val str = assemble(&part, neg, "", o, nint, o + nint, len - nint, 3);
        size_t sl;
        const char *sd = px_str_data(str, &sl);
        px_strbuf_add(&b, sd, sl);
        part.sign = '+';
    }
    px_strbuf_add_char(&b, 'j');
    if (parens) {
        px_strbuf_add_char(&b, ')');
    }
    fmt_spec outer = *sp;
    outer.grouping = 0;
    outer.sign = 0;
    return assemble(&outer, false, "", "", 0, b.data, b.len, 3);
}
#endif

px_val px_format_number(px_val v, const char *spec, size_t spec_len) {
    if (spec_len == 0) {
        return px_to_str(v);
    }
    fmt_spec sp;
    parse_spec(v, spec, spec_len, &sp);
#if PX_HAS_FLOAT
    if (px_is_float(v)) {
        return format_float(v, px_float_get(v), &sp);
    }
#endif
    if (px_is_int(v)) {
        return format_int(v, &sp);
    }
#if PX_HAS_COMPLEX
    if (px_is_complex(v)) {
        return format_complex(v, &sp);
    }
#endif
#if PX_HAS_FLOAT
    return format_float(v, px_float_of(v), &sp);
#else
    px_raise_type_error("cannot format a %s as a number", px_type_name(v));
#endif
}
