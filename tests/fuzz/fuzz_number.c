/* libFuzzer target: int(text, base) and float(text). The first byte picks
 * the call and base, the rest is the text (a str when it is valid UTF-8,
 * else bytes, which int() and float() accept too). For ASCII text the
 * outcome is checked against independent reference code here:
 *   - accepted or refused exactly as CPython's grammar says (signs,
 *     prefixes, underscores between digits, inf/nan, surrounding spaces);
 *   - int: the value equals a digit-by-digit multiply-add, and str()
 *     reads back to it;
 *   - float: the value is the correctly rounded one (glibc strtod), and
 *     repr() reads back to the same bits.
 * ValueError for refused text is expected; anything else is a finding. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const int bases[] = {0, 10, 16, 2, 8, 36, 3, 32, 4, 7, 5, 6, 9, 11, 12, 35};

typedef struct {
    const char *text;
    size_t n;
    bool is_float;
    int base;
    px_val result;
} job;

static void call_one(void *arg) {
    job *j = arg;
    px_val s = px_utf8_valid(j->text, j->n) ? px_str(j->text, j->n) : px_bytes(j->text, j->n);
    if (j->is_float) {
        j->result = px_call(px_from_ptr(&px_type_float), 1, &s, PX_NULL);
    } else {
        px_val args[2] = {s, px_small(j->base)};
        j->result = px_call(px_from_ptr(&px_type_int), 2, args, PX_NULL);
    }
}

/* ---- the reference grammar (ASCII only) */

/* ASCII whitespace int() and float() strip (CPython: not \x1c-\x1f,
 * although str.isspace() says they are). */
static bool is_ws(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

/* Trim Python whitespace; *lo, *hi bound what is left. */
static void trim(const char *s, size_t n, size_t *lo, size_t *hi) {
    size_t a = 0, b = n;
    while (a < b && is_ws(s[a])) {
        a++;
    }
    while (b > a && is_ws(s[b - 1])) {
        b--;
    }
    *lo = a;
    *hi = b;
}

/* digit (['_'] digit)* of `base` at s[*i..hi); false if none or a bad '_'.
 * Appends the digits to out (if given). */
static bool digitpart(const char *s, size_t *i, size_t hi, int base, char *out, size_t *nout) {
    size_t k = *i;
    bool any = false;
    while (k < hi) {
        if (s[k] == '_') {
            if (!any || k + 1 >= hi || digit_value(s[k + 1]) >= base) {
                return false;
            }
            k++;
            continue;
        }
        if (digit_value(s[k]) >= base) {
            break;
        }
        if (out) {
            out[(*nout)++] = s[k];
        }
        any = true;
        k++;
    }
    *i = k;
    return any;
}

/* Whether int(s, base) must succeed; the digits and the actual base out. */
static bool int_valid(const char *s, size_t n, int base, char *digits, size_t *nd, int *real_base, bool *neg) {
    size_t i, hi;
    trim(s, n, &i, &hi);
    *neg = false;
    if (i < hi && (s[i] == '+' || s[i] == '-')) {
        *neg = s[i] == '-';
        i++;
    }
    int b = base;
    bool prefixed = false;
    if (i + 1 < hi && s[i] == '0') {
        char p = (char)(s[i + 1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            b = pb;
            i += 2;
            prefixed = true;
            if (i < hi && s[i] == '_') {
                i++; /* one '_' may follow the prefix */
            }
        }
    }
    if (b == 0) {
        b = 10;
    }
    *real_base = b;
    *nd = 0;
    size_t start = i;
    if (!digitpart(s, &i, hi, b, digits, nd) || i != hi) {
        return false;
    }
    if (base == 0 && !prefixed && s[start] == '0') {
        /* base 0: no leading zeros unless the value is 0 */
        for (size_t k = 0; k < *nd; k++) {
            if (digits[k] != '0') {
                return false;
            }
        }
    }
    return true;
}

static bool word_at(const char *s, size_t i, size_t hi, const char *w) {
    size_t n = strlen(w);
    if (hi - i != n) {
        return false;
    }
    for (size_t k = 0; k < n; k++) {
        if ((s[i + k] | 0x20) != w[k]) {
            return false;
        }
    }
    return true;
}

/* Whether float(s) must succeed; the text strtod should see out. */
static bool float_valid(const char *s, size_t n, char *clean) {
    size_t i, hi, nc = 0;
    trim(s, n, &i, &hi);
    if (i < hi && (s[i] == '+' || s[i] == '-')) {
        clean[nc++] = s[i++];
    }
    if (word_at(s, i, hi, "inf") || word_at(s, i, hi, "infinity") || word_at(s, i, hi, "nan")) {
        memcpy(clean + nc, s + i, hi - i);
        clean[nc + hi - i] = 0;
        return true;
    }
    bool intpart = digitpart(s, &i, hi, 10, clean, &nc);
    bool frac = false;
    if (i < hi && s[i] == '.') {
        clean[nc++] = '.';
        i++;
        frac = digitpart(s, &i, hi, 10, clean, &nc);
        if (i < hi && s[i] == '_') {
            return false;
        }
    }
    if (!intpart && !frac) {
        return false;
    }
    if (i < hi && (s[i] | 0x20) == 'e') {
        clean[nc++] = 'e';
        i++;
        if (i < hi && (s[i] == '+' || s[i] == '-')) {
            clean[nc++] = s[i++];
        }
        if (!digitpart(s, &i, hi, 10, clean, &nc)) {
            return false;
        }
    }
    clean[nc] = 0;
    return i == hi;
}

static void finding(const char *what, const job *j) {
    fprintf(stderr, "\n==== %s: %s(%.*s%s, base %d)\n", what, j->is_float ? "float" : "int",
            (int)(j->n < 200 ? j->n : 200), j->text, j->n > 200 ? "..." : "", j->base);
    abort();
}

static bool ascii(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80 || s[i] == 0) {
            return false;
        }
    }
    return true;
}

/* ---- reference values (through the interpreter's own arithmetic, a
 * different path from the parsers) */

typedef struct {
    const char *digits;
    size_t nd;
    int base;
    bool neg;
    px_val value;
} ref_job;

static void ref_int(void *arg) {
    ref_job *r = arg;
    px_val v = px_small(0), b = px_small(r->base);
    for (size_t k = 0; k < r->nd; k++) {
        v = px_binary(PX_BINOP_ADD, px_binary(PX_BINOP_MUL, v, b), px_small(digit_value(r->digits[k])));
    }
    r->value = r->neg ? px_unary(PX_UNOP_NEG, v) : v;
}

typedef struct {
    px_val a, b;
    bool same;
} cmp_job;

static void int_roundtrip(void *arg) {
    cmp_job *c = arg;
    px_val s = px_to_str(c->a);
    px_val back = px_call(px_from_ptr(&px_type_int), 1, &s, PX_NULL);
    c->same = px_equal(back, c->a) && px_equal(c->a, c->b);
}

static void float_repr_roundtrip(void *arg) {
    cmp_job *c = arg;
    px_val s = px_to_repr(c->a);
    px_val back = px_call(px_from_ptr(&px_type_float), 1, &s, PX_NULL);
    double x = px_float_of(c->a), y = px_float_of(back);
    c->same = isnan(x) ? isnan(y) : memcmp(&x, &y, sizeof x) == 0;
}

static const px_type *const allowed[] = {&px_type_ValueError, &px_type_MemoryError, NULL};
static const px_type *const none_allowed[] = {&px_type_MemoryError, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_init(false);
    if (size == 0) {
        return 0;
    }
    job j = {(const char *)data + 1, size - 1, (data[0] & 0x80) != 0, bases[data[0] & 15], PX_NULL};
    px_val exc = fuzz_guard(call_one, &j);
    fuzz_check(exc, allowed, data, size);
    if (!ascii(j.text, j.n) || (exc != PX_NULL && px_isinstance(exc, &px_type_MemoryError))) {
        return 0;
    }
    char *buf = malloc(j.n + 8);
    if (j.is_float) {
        bool valid = float_valid(j.text, j.n, buf);
        if (valid != (exc == PX_NULL)) {
            finding(valid ? "refused a valid float" : "accepted an invalid float", &j);
        }
        if (valid) {
            char *end;
            double want = strtod(buf, &end), got = px_float_of(j.result);
            if (isnan(want) ? !isnan(got) : memcmp(&want, &got, sizeof want) != 0) {
                finding("wrong float value", &j);
            }
            cmp_job c = {j.result, PX_NULL, false};
            fuzz_check(fuzz_guard(float_repr_roundtrip, &c), none_allowed, data, size);
            if (!c.same) {
                finding("repr() does not read back", &j);
            }
        }
    } else {
        size_t nd;
        int real_base;
        bool neg;
        bool valid = int_valid(j.text, j.n, j.base, buf, &nd, &real_base, &neg);
        if (valid != (exc == PX_NULL)) {
            finding(valid ? "refused a valid int" : "accepted an invalid int", &j);
        }
        if (valid && nd <= 4000) { /* the reference is quadratic */
            ref_job r = {buf, nd, real_base, neg, PX_NULL};
            fuzz_check(fuzz_guard(ref_int, &r), none_allowed, data, size);
            cmp_job c = {j.result, r.value, false};
            fuzz_check(fuzz_guard(int_roundtrip, &c), allowed, data, size);
            if (!c.same) {
                finding("wrong int value or str() does not read back", &j);
            }
        }
    }
    free(buf);
    return 0;
}
