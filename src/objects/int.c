/* The int type: small ints (immediates) and big ints (bigint.h) behind one
 * type. Small operands take 64-bit fast paths; anything that may not fit
 * goes through the px_bn arithmetic and is normalised back. */
#include <math.h>
#include <stdio.h>

#include "../runtime.h"
#include "bigint.h"
#include "str_case.h" /* px_cp_isdecimal, px_unicode_isspace */

/* ---- conversions */

px_val px_int_from_i64(int64_t i) {
    if (px_small_fits(i)) {
        return px_small((px_int)i);
    }
#if PX_HAS_BIGINT
    /* Boxed straight away (one or two digits, the top one non-zero as
     * px_bn_to_val leaves them): an LCG's `x * A + C` makes one per step. */
    uint64_t m = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
    uint32_t n = (m >> 32) != 0 ? 2 : 1;
    px_bigint *o = px_gc_alloc(sizeof(px_bigint) + n * sizeof(px_digit), PX_GC_LEAF);
    o->base.type = &px_type_int;
    o->neg = i < 0;
    o->len = n;
    o->d[0] = (px_digit)m;
    if (n == 2) {
        o->d[1] = (px_digit)(m >> 32);
    }
    return px_from_ptr(o);
#else
    px_digit buf[2];
    px_bn b;
    px_bn_from_i64(&b, i, buf);
    return px_bn_to_val(&b);
#endif
}

px_val px_int_from_u64(uint64_t u) {
    if (u <= (uint64_t)PX_SMALL_MAX) {
        return px_small((px_int)u);
    }
    px_digit buf[2] = {(px_digit)u, (px_digit)(u >> 32)};
    px_bn b = {buf, 2, false};
    return px_bn_to_val(&b);
}

#if PX_HAS_FLOAT
px_val px_int_from_double(double d) {
    if (isinf(d)) {
        px_raise_overflow("cannot convert float infinity to integer");
    }
    if (isnan(d)) {
        px_raise_value_error("cannot convert float NaN to integer");
    }
    if (fabs(d) < 9007199254740992.0) {
        return px_int_from_i64((int64_t)d);
    }
    px_bn b = px_bn_from_double(d);
    return px_bn_to_val(&b);
}
#endif

px_val px_int_unwrap(px_val v) {
    if (px_is_small(v)) {
        return v;
    }
    if (px_is_bool(v)) {
        return px_small(v == PX_TRUE);
    }
    if (!px_is_obj(v)) {
        return PX_NULL;
    }
    const px_type *t = px_type_of(v);
    if (t == &px_type_int) {
        return v;
    }
    if ((t->flags & PX_TF_HEAPTYPE) && ((const px_class *)t)->native_base == &px_type_int) {
        px_val nat = ((px_instance *)px_as_ptr(v))->native;
        return nat != PX_NULL && nat != v ? px_int_unwrap(nat) : PX_NULL;
    }
    return PX_NULL;
}

bool px_is_int(px_val v) {
    return px_int_unwrap(v) != PX_NULL;
}

static px_bn get_bn(px_val v, px_digit buf[2]) {
    px_bn b;
    if (!px_bn_get(v, &b, buf)) {
        px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
    }
    return b;
}

int64_t px_int_to_i64(px_val v) {
    px_val u = px_int_unwrap(v);
    if (u == PX_NULL) {
        px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
    }
    if (px_is_small(u)) {
        return px_small_get(u);
    }
    px_bigint *b = px_as_ptr(u);
    if (b->len <= 2) {
        uint64_t m = ((uint64_t)(b->len > 1 ? b->d[1] : 0) << 32) | b->d[0];
        if (!b->neg && m <= (uint64_t)INT64_MAX) {
            return (int64_t)m;
        }
        if (b->neg && m <= (uint64_t)INT64_MAX + 1) {
            return (int64_t)(0 - m);
        }
    }
    px_raise_overflow("Python int too large to convert to C long");
}

/* b as a px_int (CPython's Py_ssize_t); false if out of range. */
static bool bn_to_px_int(const px_bn *b, px_int *out) {
    uint64_t m = ((uint64_t)(b->n > 1 ? b->d[1] : 0) << 32) | (b->n ? b->d[0] : 0);
    if (b->n > 2 || m > (uint64_t)PX_INT_MAX + b->neg) {
        return false;
    }
    *out = b->neg ? (px_int)(0 - m) : (px_int)m; /* 0 - m wraps to PX_INT_MIN's bits */
    return true;
}

px_int px_index(px_val v) {
    px_val u = px_int_unwrap(v);
    if (u == PX_NULL) {
        const px_type *t = px_type_of(v);
        px_val m = (t->flags & PX_TF_HEAPTYPE) ? px_type_lookup(t, PX_Q(__index__)) : PX_NULL;
        if (m == PX_NULL) {
            px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
        }
        px_val r = px_call1(m, v);
        u = px_int_unwrap(r);
        if (u == PX_NULL) {
            px_raise_type_error("__index__ returned non-int (type %s)", px_type_name(r));
        }
    }
    if (px_is_small(u)) {
        return px_small_get(u);
    }
    px_digit buf[2];
    px_bn b = get_bn(u, buf);
    px_int i;
    if (!bn_to_px_int(&b, &i)) {
        px_raise_overflow("Python int too large to convert to C ssize_t");
    }
    return i;
}

double px_int_to_double(px_val v) {
    if (px_is_small(v)) {
        return (double)px_small_get(v); /* exact: small ints have < 53 bits */
    }
    px_digit buf[2];
    px_bn b = get_bn(v, buf);
    bool overflow;
    double d = px_bn_to_double(&b, &overflow);
    if (overflow) {
        px_raise_overflow("int too large to convert to float");
    }
    return d;
}

/* ---- hashing (CPython's numeric hash) */

/* CPython's modulus for a 64-bit hash; 2**31-1 where px_int is 32 bits. */
#if PX_INT_BITS == 64
#define HASH_BITS 61
#else
#define HASH_BITS 31
#endif
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

static uint64_t hash_rotl(uint64_t h, int k) {
    k %= HASH_BITS;
    return ((h << k) & HASH_MOD) | (h >> (HASH_BITS - k));
}

px_int px_num_hash_fold(int64_t h) {
    px_int r = (px_int)(uint64_t)h; /* wraps like CPython's Py_hash_t */
    return r == -1 ? -2 : r;
}

px_int px_hash_from_int(px_val v) {
    px_digit buf[2];
    px_bn b = get_bn(v, buf);
    px_int i;
    if (bn_to_px_int(&b, &i)) {
        return i == -1 ? -2 : i;
    }
    return px_num_hash_bn(&b);
}

px_int px_num_hash_bn(const px_bn *a) {
    uint64_t h = 0;
    for (size_t i = a->n; i-- > 0;) {
        h = hash_rotl(h, 32) + a->d[i];
        while (h >= HASH_MOD) { /* a few times when a digit exceeds a 31-bit modulus */
            h -= HASH_MOD;
        }
    }
    int64_t s = a->neg ? -(int64_t)h : (int64_t)h;
    return px_num_hash_fold(s == -1 ? -2 : s);
}

#if PX_HAS_FLOAT
px_int px_num_hash_double(double d) {
    if (isinf(d)) {
        return d > 0 ? 314159 : -314159;
    }
    if (isnan(d)) {
        return 0;
    }
    int e;
    double m = frexp(fabs(d), &e);
    uint64_t h = 0;
    while (m) {
        h = hash_rotl(h, 28);
        m *= 268435456.0; /* 2^28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        h += y;
        if (h >= HASH_MOD) {
            h -= HASH_MOD;
        }
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    h = hash_rotl(h, e);
    int64_t s = d < 0 ? -(int64_t)h : (int64_t)h;
    return px_num_hash_fold(s == -1 ? -2 : s);
}

/* ---- exact int/float comparison */

int px_int_cmp_double(px_val i, double d) {
    if (isnan(d)) {
        return 2;
    }
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    px_val u = px_int_unwrap(i);
    if (px_is_small(u)) {
        /* small ints are exact in a double */
        double x = (double)px_small_get(u);
        return x < d ? -1 : x > d ? 1 : 0;
    }
    double fl = floor(d);
    px_digit buf[2];
    px_bn a = get_bn(u, buf);
    px_bn f = px_bn_from_double(fl);
    int c = px_bn_cmp(&a, &f);
    if (c != 0) {
        return c;
    }
    return d > fl ? -1 : 0;
}
#endif /* PX_HAS_FLOAT */

/* ---- parsing */

PX_NORETURN static void bad_literal(px_val orig, int base) {
    px_val r = px_to_repr(orig);
    size_t n;
    const char *s = px_str_data(r, &n);
    px_raise_value_error("invalid literal for int() with base %d: %.*s", base, (int)(n > 200 ? 200 : n), s);
}

/* Value 0..9 of a Unicode decimal digit: digits come in runs of ten that
 * start at a zero (Unicode guarantees it), possibly several runs in a row. */
static char decimal_digit(uint32_t cp) {
    uint32_t k = 0;
    while (k < cp && px_cp_isdecimal(cp - k - 1)) {
        k++;
    }
    return (char)('0' + k % 10);
}

const char *px_num_to_ascii(const char *s, size_t *len) {
    size_t n = *len, k = 0;
    while (k < n && (unsigned char)s[k] < 0x80) {
        k++;
    }
    if (k == n) {
        return s;
    }
    char *out = px_gc_alloc(n + 1, PX_GC_LEAF);
    memcpy(out, s, k);
    size_t o = k;
    const char *p = s + k, *end = s + n;
    while (p < end) {
        if ((unsigned char)*p < 0x80) {
            out[o++] = *p++;
            continue;
        }
        uint32_t cp = px_utf8_next(&p, end);
        out[o++] = px_cp_isdecimal(cp) ? decimal_digit(cp) : px_unicode_isspace(cp) ? ' ' : '?';
    }
    *len = o;
    return out;
}

/* Returns PX_NULL for bad text (the caller raises). */
static px_val parse_int(const char *s, size_t len, int base) {
    size_t i = 0, end = len;
    px_num_strip(s, &i, &end);
    bool neg = false;
    if (i < end && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    bool prefixed = false;
    if (end - i >= 2 && s[i] == '0') {
        char p = (char)(s[i + 1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            i += 2;
            prefixed = true;
        }
    }
    bool leading_zero_ok = true;
    if (base == 0) {
        base = 10;
        leading_zero_ok = false; /* "010" is not valid with base 0 */
    }
    /* Digits with single underscores between them (or after a prefix). */
    char small[64];
    char *digits = end - i <= sizeof small ? small : px_gc_alloc(end - i, PX_GC_LEAF);
    size_t nd = 0;
    bool last_us = !prefixed; /* an underscore may follow the prefix */
    if (i == end) {
        return PX_NULL;
    }
    for (size_t k = i; k < end; k++) {
        char c = s[k];
        if (c == '_') {
            if (last_us) {
                return PX_NULL;
            }
            last_us = true;
            continue;
        }
        if (px_digit_value(c) >= base) {
            return PX_NULL;
        }
        digits[nd++] = c;
        last_us = false;
    }
    if (last_us || nd == 0) {
        return PX_NULL;
    }
    if (!leading_zero_ok && digits[0] == '0') {
        for (size_t k = 0; k < nd; k++) {
            if (digits[k] != '0') {
                return PX_NULL;
            }
        }
    }
    if (nd <= 9 || (base <= 16 && nd <= 12)) {
        int64_t v = 0;
        for (size_t k = 0; k < nd; k++) {
            v = v * base + px_digit_value(digits[k]);
        }
        return px_int_from_i64(neg ? -v : v);
    }
    px_bn b = px_bn_from_digits(digits, nd, base);
    b.neg = neg && b.n > 0;
    return px_bn_to_val(&b);
}

PX_NORETURN static void bad_base(void) {
    px_raise_value_error("int() base must be >= 2 and <= 36, or 0");
}

static void check_base(px_int base) {
    if (base != 0 && (base < 2 || base > 36)) {
        bad_base();
    }
}

px_val px_int_parse(const char *s, size_t len, int base) {
    check_base(base);
    px_val r = parse_int(s, len, base);
    if (r == PX_NULL) {
        bad_literal(px_str(s, len), base);
    }
    return r;
}

/* ---- formatting */

/* Digits of |v| in base (no sign or prefix); *neg set. */
static char *int_digits(px_val v, int base, size_t *len, bool *neg) {
    px_val u = px_int_unwrap(v);
    if (px_is_small(u)) {
        px_int i = px_small_get(u);
        *neg = i < 0;
        uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)(int64_t)i : (uint64_t)i;
        char tmp[72];
        size_t pos = sizeof tmp;
        do {
            tmp[--pos] = "0123456789abcdefghijklmnopqrstuvwxyz"[m % (unsigned)base];
            m /= (unsigned)base;
        } while (m);
        *len = sizeof tmp - pos;
        char *out = px_gc_alloc(*len + 1, PX_GC_LEAF);
        memcpy(out, tmp + pos, *len);
        return out;
    }
    px_digit buf[2];
    px_bn b = get_bn(u, buf);
    *neg = b.neg;
    return px_bn_to_str(&b, base, len);
}

char *px_int_digits(px_val v, int base, size_t *len, bool *neg) {
    return int_digits(v, base, len, neg);
}

px_val px_int_format(px_val v, int base, bool prefix) {
    size_t n;
    bool neg;
    char *d = int_digits(v, base, &n, &neg);
    px_strbuf sb;
    px_strbuf_init(&sb, n + 4);
    if (neg) {
        px_strbuf_add_char(&sb, '-');
    }
    if (prefix && base != 10) {
        px_strbuf_add_cstr(&sb, base == 16 ? "0x" : base == 8 ? "0o" : "0b");
    }
    px_strbuf_add(&sb, d, n);
    return px_strbuf_to_str(&sb);
}

/* str() of ints is common (output, keys, string building): no printf. */
size_t px_int_dec(int64_t i, char buf[24]) {
    char tmp[24];
    uint64_t m = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + m % 10);
        m /= 10;
    } while (m != 0);
    size_t k = 0;
    if (i < 0) {
        buf[k++] = '-';
    }
    while (n > 0) {
        buf[k++] = tmp[--n];
    }
    return k;
}

static void int_print(px_out *out, px_val self, px_print_kind kind) {
    px_val u = px_int_unwrap(self);
    if (px_is_small(u)) {
        char buf[24];
        px_write(out, buf, px_int_dec(px_small_get(u), buf));
        return;
    }
    size_t n;
    bool neg;
    char *d = int_digits(u, 10, &n, &neg);
    if (neg) {
        px_write(out, "-", 1);
    }
    px_write(out, d, n);
}

/* ---- arithmetic */

PX_NORETURN static void int_div_zero(void) {
    px_raise_zero_division("integer division or modulo by zero");
}

static px_val small_binop(px_binop op, int64_t a, int64_t b) {
    switch (op) {
    case PX_BINOP_ADD:
        return px_int_from_i64(a + b);
    case PX_BINOP_SUB:
        return px_int_from_i64(a - b);
    case PX_BINOP_MUL:
        if (a > -2147483648LL && a < 2147483648LL && b > -2147483648LL && b < 2147483648LL) {
            return px_int_from_i64(a * b);
        }
        return PX_NULL;
    case PX_BINOP_FLOORDIV:
    case PX_BINOP_MOD: {
        if (b == 0) {
            if (op == PX_BINOP_MOD) {
                px_raise_zero_division("integer modulo by zero");
            }
            int_div_zero();
        }
        int64_t q = a / b, r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) {
            q--;
            r += b;
        }
        return px_int_from_i64(op == PX_BINOP_MOD ? r : q);
    }
    case PX_BINOP_TRUEDIV:
#if PX_HAS_FLOAT
        if (b == 0) {
            px_raise_zero_division("division by zero");
        }
        return px_float((double)a / (double)b);
#else
        return PX_NOTIMPL; /* the TypeError says why (ops.c) */
#endif
    case PX_BINOP_LSHIFT:
        if (b < 0) {
            px_raise_value_error("negative shift count");
        }
        if (a == 0) {
            return px_small(0);
        }
        if (b < 62) {
            int64_t m = a < 0 ? -a : a;
            if ((m >> (62 - b)) == 0) {
                return px_int_from_i64(a * ((int64_t)1 << b));
            }
        }
        return PX_NULL;
    case PX_BINOP_RSHIFT:
        if (b < 0) {
            px_raise_value_error("negative shift count");
        }
        return px_int_from_i64(b >= 63 ? (a < 0 ? -1 : 0) : (a >> b));
    case PX_BINOP_AND:
        return px_int_from_i64(a & b);
    case PX_BINOP_OR:
        return px_int_from_i64(a | b);
    case PX_BINOP_XOR:
        return px_int_from_i64(a ^ b);
    case PX_BINOP_LT:
        return px_bool(a < b);
    case PX_BINOP_LE:
        return px_bool(a <= b);
    case PX_BINOP_EQ:
        return px_bool(a == b);
    case PX_BINOP_NE:
        return px_bool(a != b);
    case PX_BINOP_GT:
        return px_bool(a > b);
    case PX_BINOP_GE:
        return px_bool(a >= b);
    default:
        return PX_NULL;
    }
}

/* Operands that fit in int64 although one is not small (a big int of at
 * most two digits, or a product of smalls that overflowed the small
 * range): 64-bit arithmetic with overflow checks instead of digit arrays.
 * An LCG's `(x * A + C) & M` lives here. PX_NULL: take the big path. */
static bool fits_i64(px_val v, int64_t *out) {
    if (px_is_small(v)) {
        *out = px_small_get(v);
        return true;
    }
    const px_bigint *b = px_as_ptr(v);
    if (b->len > 2) {
        return false;
    }
    uint64_t m = ((uint64_t)(b->len > 1 ? b->d[1] : 0) << 32) | (b->len > 0 ? b->d[0] : 0);
    if (m > (uint64_t)INT64_MAX) {
        return false;
    }
    *out = b->neg ? -(int64_t)m : (int64_t)m;
    return true;
}

static px_val i64_binop(px_binop op, int64_t a, int64_t b) {
    int64_t r;
    switch (op) {
    case PX_BINOP_ADD:
        return __builtin_add_overflow(a, b, &r) ? PX_NULL : px_int_from_i64(r);
    case PX_BINOP_SUB:
        return __builtin_sub_overflow(a, b, &r) ? PX_NULL : px_int_from_i64(r);
    case PX_BINOP_MUL:
        return __builtin_mul_overflow(a, b, &r) ? PX_NULL : px_int_from_i64(r);
    case PX_BINOP_FLOORDIV:
    case PX_BINOP_MOD:
        if (a == INT64_MIN && b == -1) {
            return PX_NULL;
        }
        return small_binop(op, a, b);
    case PX_BINOP_RSHIFT:
    case PX_BINOP_AND:
    case PX_BINOP_OR:
    case PX_BINOP_XOR:
    case PX_BINOP_LT:
    case PX_BINOP_LE:
    case PX_BINOP_EQ:
    case PX_BINOP_NE:
    case PX_BINOP_GT:
    case PX_BINOP_GE:
        return small_binop(op, a, b); /* exact on all of int64 */
    default:
        return PX_NULL; /* true division rounds big ints correctly; shifts left grow */
    }
}

/* The shift amount; (size_t)-1 for a right shift past any size. `a` is
 * the value shifted: zero shifts left by any amount without overflow. */
static size_t shift_count(const px_bn *a, const px_bn *b, bool left) {
    if (b->neg) {
        px_raise_value_error("negative shift count");
    }
    if (left && a->n == 0) {
        return 0;
    }
    uint64_t s = b->n == 2 ? ((uint64_t)b->d[1] << 32) | b->d[0] : b->n ? b->d[0] : 0;
    if (b->n <= 2 && s <= (uint64_t)SIZE_MAX / 64) {
        return (size_t)s;
    }
    if (!left) {
        return (size_t)-1;
    }
    /* Far too big either way; CPython says which by whether the result's
     * digit count (30-bit digits, 15-bit with a 32-bit Py_ssize_t) would
     * pass its object size limit, else it tries and runs out of memory. */
    double bits = 0;
    for (size_t i = b->n; i-- > 0;) {
        bits = bits * 4294967296.0 + b->d[i];
    }
    double limit = PX_INT_BITS == 64 ? 30.0 * ((double)INT64_MAX / 4) : 15.0 * ((double)INT32_MAX / 2);
    if (bits >= limit) {
        px_raise_overflow("too many digits in integer");
    }
    px_raise_memory_error();
}

static px_val big_binop(px_binop op, const px_bn *a, const px_bn *b) {
    px_bn r;
    switch (op) {
    case PX_BINOP_ADD:
        r = px_bn_add(a, b, false);
        break;
    case PX_BINOP_SUB:
        r = px_bn_add(a, b, true);
        break;
    case PX_BINOP_MUL:
        r = px_bn_mul(a, b);
        break;
    case PX_BINOP_FLOORDIV:
        if (b->n == 0) {
            int_div_zero();
        }
        px_bn_divmod(a, b, &r, NULL);
        break;
    case PX_BINOP_MOD:
        if (b->n == 0) {
            px_raise_zero_division("integer modulo by zero");
        }
        px_bn_divmod(a, b, NULL, &r);
        break;
    case PX_BINOP_TRUEDIV: {
#if PX_HAS_FLOAT
        if (b->n == 0) {
            px_raise_zero_division("division by zero");
        }
        bool overflow;
        double d = px_bn_truediv(a, b, &overflow);
        if (overflow) {
            px_raise_overflow("integer division result too large for a float");
        }
        return px_float(d);
#else
        return PX_NOTIMPL; /* the TypeError says why (ops.c) */
#endif
    }
    case PX_BINOP_LSHIFT: {
        size_t s = shift_count(a, b, true);
        r = px_bn_shl(a, s);
        break;
    }
    case PX_BINOP_RSHIFT: {
        size_t s = shift_count(a, b, false);
        if (s == (size_t)-1 || s / 32 > a->n) {
            return px_small(a->neg ? -1 : 0);
        }
        r = px_bn_shr(a, s);
        break;
    }
    case PX_BINOP_AND:
        r = px_bn_bitop(a, b, '&');
        break;
    case PX_BINOP_OR:
        r = px_bn_bitop(a, b, '|');
        break;
    case PX_BINOP_XOR:
        r = px_bn_bitop(a, b, '^');
        break;
    case PX_BINOP_LT:
        return px_bool(px_bn_cmp(a, b) < 0);
    case PX_BINOP_LE:
        return px_bool(px_bn_cmp(a, b) <= 0);
    case PX_BINOP_EQ:
        return px_bool(px_bn_cmp(a, b) == 0);
    case PX_BINOP_NE:
        return px_bool(px_bn_cmp(a, b) != 0);
    case PX_BINOP_GT:
        return px_bool(px_bn_cmp(a, b) > 0);
    case PX_BINOP_GE:
        return px_bool(px_bn_cmp(a, b) >= 0);
    default:
        return PX_NOTIMPL;
    }
    return px_bn_to_val(&r);
}

px_val px_int_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op >= PX_BINOP_IADD && op <= PX_BINOP_IXOR) {
        op -= PX_BINOP_INPLACE_DELTA;
    }
    px_val a = px_int_unwrap(lhs), b = px_int_unwrap(rhs);
    if (a == PX_NULL || b == PX_NULL) {
        return PX_NOTIMPL;
    }
    if (op == PX_BINOP_POW) {
        return px_int_pow(a, b, PX_NULL);
    }
    if (op == PX_BINOP_MATMUL || op == PX_BINOP_CONTAINS) {
        return PX_NOTIMPL;
    }
    if (px_is_small(a) && px_is_small(b)) {
        px_val r = small_binop(op, px_small_get(a), px_small_get(b));
        if (r != PX_NULL) {
            return r;
        }
    }
    int64_t ia, ib;
    if (fits_i64(a, &ia) && fits_i64(b, &ib)) {
        px_val r = i64_binop(op, ia, ib);
        if (r != PX_NULL) {
            return r;
        }
    }
    px_digit ab[2], bb[2];
    px_bn x = get_bn(a, ab), y = get_bn(b, bb);
    return big_binop(op, &x, &y);
}

px_val px_int_divmod(px_val a, px_val b) {
    px_digit ab[2], bb[2];
    px_bn x = get_bn(a, ab), y = get_bn(b, bb);
    if (y.n == 0) {
        int_div_zero();
    }
    px_bn q, r;
    px_bn_divmod(&x, &y, &q, &r);
    px_val items[2] = {px_bn_to_val(&q), px_bn_to_val(&r)};
    return px_tuple_new(2, items);
}

/* Extended Euclid: inverse of a modulo m (m > 0), or raise. */
static px_bn mod_inverse(const px_bn *a, const px_bn *m) {
    px_digit b0[2], b1[2];
    px_bn old_r, r, old_s, s, q, t, tmp;
    px_bn_divmod(a, m, NULL, &old_r);
    r = *m;
    px_bn_from_i64(&old_s, 1, b0);
    px_bn_from_i64(&s, 0, b1);
    while (r.n != 0) {
        px_bn_divmod(&old_r, &r, &q, &tmp);
        old_r = r;
        r = tmp;
        t = px_bn_mul(&q, &s);
        t = px_bn_add(&old_s, &t, true);
        old_s = s;
        s = t;
    }
    if (!(old_r.n == 1 && old_r.d[0] == 1 && !old_r.neg)) {
        px_raise_value_error("base is not invertible for the given modulus");
    }
    px_bn_divmod(&old_s, m, NULL, &tmp);
    return tmp;
}

px_val px_int_pow(px_val av, px_val bv, px_val mv) {
    px_digit ab[2], bb[2], mb[2];
    px_bn a = get_bn(av, ab), e = get_bn(bv, bb);
    if (mv == PX_NULL) {
        if (e.neg) {
#if PX_HAS_FLOAT
            return px_float_binop(PX_BINOP_POW, px_int_to_double(av), px_int_to_double(bv));
#else
            px_raise_value_error("negative power: " PX_NO_FLOAT);
#endif
        }
        if (px_is_small(av) && px_small_get(av) >= -1 && px_small_get(av) <= 1) {
            px_int x = px_small_get(av);
            return x == -1 && e.n && !(e.d[0] & 1) ? px_small(1) : e.n == 0 ? px_small(1) : av;
        }
        if (e.n > 1) {
            px_raise_memory_error();
        }
        uint32_t n = e.n ? e.d[0] : 0;
        if (px_is_small(av) && n < 64) {
            /* small result likely: try 64-bit with overflow checks */
            int64_t base = px_small_get(av), r = 1;
            uint32_t k = n;
            bool ok = true;
            while (k--) {
                if (r > INT64_MAX / 4 / (base < 0 ? -base : base) || r < INT64_MIN / 4 / (base < 0 ? -base : base)) {
                    ok = false;
                    break;
                }
                r *= base;
            }
            if (ok) {
                return px_int_from_i64(r);
            }
        }
        px_digit one[2];
        px_bn result;
        px_bn_from_i64(&result, 1, one);
        px_bn sq = a;
        while (n) {
            if (n & 1) {
                result = px_bn_mul(&result, &sq);
            }
            n >>= 1;
            if (n) {
                sq = px_bn_mul(&sq, &sq);
            }
        }
        return px_bn_to_val(&result);
    }
    px_bn m = get_bn(mv, mb);
    if (m.n == 0) {
        px_raise_value_error("pow() 3rd argument cannot be 0");
    }
    bool mneg = m.neg;
    m.neg = false;
    if (e.neg) {
        a = mod_inverse(&a, &m);
        e.neg = false;
    }
    px_digit one[2];
    px_bn result, base;
    px_bn_from_i64(&result, 1, one);
    px_bn_divmod(&a, &m, NULL, &base);
    size_t bits = px_nat_bitlen(e.d, e.n);
    for (size_t i = bits; i-- > 0;) {
        result = px_bn_mul(&result, &result);
        px_bn_divmod(&result, &m, NULL, &result);
        if ((e.d[i / 32] >> (i % 32)) & 1) {
            result = px_bn_mul(&result, &base);
            px_bn_divmod(&result, &m, NULL, &result);
        }
    }
    px_bn_divmod(&result, &m, NULL, &result); /* 1 % 1 == 0 */
    if (mneg && result.n) {
        /* result in (m, 0] for a negative modulus */
        m.neg = true;
        result = px_bn_add(&result, &m, false);
    }
    return px_bn_to_val(&result);
}

/* ---- the type */

static px_val int_unop(px_unop op, px_val self) {
    px_val u = px_int_unwrap(self);
    if (u == PX_NULL) {
        return PX_NOTIMPL;
    }
    if (px_is_small(u)) {
        int64_t i = px_small_get(u);
        switch (op) {
        case PX_UNOP_NEG:
            return px_int_from_i64(-i);
        case PX_UNOP_POS:
        case PX_UNOP_INT:
        case PX_UNOP_INDEX:
            return u;
        case PX_UNOP_INVERT:
            return px_int_from_i64(~i);
        case PX_UNOP_BOOL:
            return px_bool(i != 0);
        case PX_UNOP_HASH:
            return px_small(i == -1 ? -2 : (px_int)i);
        case PX_UNOP_ABS:
            return px_int_from_i64(i < 0 ? -i : i);
#if PX_HAS_FLOAT
        case PX_UNOP_FLOAT:
            return px_float((double)i);
#endif
        default:
            return PX_NOTIMPL;
        }
    }
    px_digit buf[2];
    px_bn b = get_bn(u, buf);
    switch (op) {
    case PX_UNOP_NEG:
        b.neg = !b.neg;
        return px_bn_to_val(&b);
    case PX_UNOP_POS:
    case PX_UNOP_INT:
    case PX_UNOP_INDEX:
        return u;
    case PX_UNOP_INVERT: {
        px_digit ob[2];
        px_bn one;
        px_bn_from_i64(&one, 1, ob);
        px_bn r = px_bn_add(&b, &one, false);
        r.neg = !r.neg && r.n;
        return px_bn_to_val(&r);
    }
    case PX_UNOP_BOOL:
        return PX_TRUE;
    case PX_UNOP_HASH:
        return px_int_from_i64(px_num_hash_bn(&b));
    case PX_UNOP_ABS:
        b.neg = false;
        return px_bn_to_val(&b);
#if PX_HAS_FLOAT
    case PX_UNOP_FLOAT:
        return px_float(px_int_to_double(u));
#endif
    default:
        return PX_NOTIMPL;
    }
}

static px_val int_binop(px_binop op, px_val lhs, px_val rhs) {
    return px_int_binop(op, lhs, rhs);
}

static px_val int_getattr(px_val self, px_qid name) {
    px_val u = px_int_unwrap(self);
    if (u == PX_NULL) {
        return PX_NULL;
    }
    if (name == PX_Q(real) || name == PX_Q(numerator)) {
        return u;
    }
    if (name == PX_Q(imag)) {
        return px_small(0);
    }
    if (name == PX_Q(denominator)) {
        return px_small(1);
    }
    return PX_NULL;
}

/* int(x): __int__, __index__ or __trunc__ of other objects. */
static px_val int_from_object(px_val x) {
    px_val u = px_int_unwrap(x);
    if (u != PX_NULL) {
        return u;
    }
#if PX_HAS_FLOAT
    if (px_is_float(x)) {
        return px_int_from_double(px_float_get(x));
    }
#endif
    if (px_is_str(x)) {
        size_t n;
        const char *s = px_str_data(x, &n);
        s = px_num_to_ascii(s, &n);
        px_val r = parse_int(s, n, 10);
        if (r == PX_NULL) {
            bad_literal(x, 10);
        }
        return r;
    }
    px_buffer buf;
    if (px_buffer_try(x, &buf, PX_BUF_READ)) { /* bytes, bytearray, memoryview, array: their bytes */
        px_val r = parse_int(buf.data, buf.len, 10);
        if (r == PX_NULL) { /* the message shows other buffers as the bytes they hold */
            bool plain = px_is_bytes(x) || px_is_type(x, &px_type_bytearray);
            bad_literal(plain ? x : px_bytes(buf.data, buf.len), 10);
        }
        return r;
    }
    const px_type *t = px_type_of(x);
    if (t->flags & PX_TF_HEAPTYPE) {
        static const px_qid tries[] = {PX_Q(__int__), PX_Q(__index__), PX_Q(__trunc__)};
        for (size_t i = 0; i < 3; i++) {
            px_val m = px_type_lookup(t, tries[i]);
            if (m != PX_NULL) {
                px_val r = px_call1(m, x);
                px_val ru = px_int_unwrap(r);
                if (ru == PX_NULL) {
                    px_raise_type_error("__int__ returned non-int (type %s)", px_type_name(r));
                }
                return ru;
            }
        }
#if PX_HAS_FLOAT
        if (px_type_lookup(t, PX_Q(__float__)) != PX_NULL) {
            return px_int_from_double(px_float_of(x));
        }
#endif
    }
    px_raise_type_error("int() argument must be a string, a bytes-like object or a real number, not '%s'",
                        px_type_name(x));
}

static px_val int_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(x), PX_ARG_POSONLY, PX_UNSET},
        {PX_Q(base), 0, PX_UNSET},
    };
    px_val args[2];
    px_parse_args(PX_Q(int), argc, argv, kwnames, 2, spec, args);
    if (args[0] == PX_UNSET) {
        if (args[1] != PX_UNSET) {
            px_raise_type_error("int() missing string argument");
        }
        return px_small(0);
    }
    if (args[1] == PX_UNSET) {
        return int_from_object(args[0]);
    }
    px_val bu = px_int_unwrap(args[1]);
    if (bu != PX_NULL && !px_is_small(bu)) {
        bad_base(); /* the usual message, not an overflow */
    }
    px_int base = px_index(args[1]);
    check_base(base);
    px_val x = args[0];
    const char *s;
    size_t n;
    if (px_is_str(x)) {
        s = px_str_data(x, &n);
        s = px_num_to_ascii(s, &n);
    } else if (px_is_bytes(x) || px_is_type(x, &px_type_bytearray)) {
        px_buffer buf;
        px_get_buffer(x, &buf, PX_BUF_READ);
        s = buf.data;
        n = buf.len;
    } else {
        px_raise_type_error("int() can't convert non-string with explicit base");
    }
    px_val r = parse_int(s, n, (int)base);
    if (r == PX_NULL) {
        bad_literal(x, (int)base);
    }
    return r;
}

/* ---- methods */

static px_val int_bit_length(px_val self) {
    px_digit buf[2];
    px_bn b = get_bn(self, buf);
    return px_int_from_u64(px_nat_bitlen(b.d, b.n));
}
static PX_METH1(int_bit_length_obj, &px_type_int, bit_length, int_bit_length);

static px_val int_bit_count(px_val self) {
    px_digit buf[2];
    px_bn b = get_bn(self, buf);
    uint64_t c = 0;
    for (size_t i = 0; i < b.n; i++) {
        px_digit x = b.d[i];
        while (x) {
            x &= x - 1;
            c++;
        }
    }
    return px_int_from_u64(c);
}
static PX_METH1(int_bit_count_obj, &px_type_int, bit_count, int_bit_count);

static px_val int_conjugate(px_val self) {
    return px_int_unwrap(self);
}
static PX_METH1(int_conjugate_obj, &px_type_int, conjugate, int_conjugate);

static px_val int_as_integer_ratio(px_val self) {
    px_val items[2] = {px_int_unwrap(self), px_small(1)};
    return px_tuple_new(2, items);
}
static PX_METH1(int_as_integer_ratio_obj, &px_type_int, as_integer_ratio, int_as_integer_ratio);

static bool parse_byteorder(px_val v) {
    if (!px_is_str(v)) {
        px_raise_type_error("to_bytes() argument 'byteorder' must be str, not %s", px_type_name(v));
    }
    size_t n;
    const char *s = px_str_data(v, &n);
    if (n == 6 && memcmp(s, "little", 6) == 0) {
        return true;
    }
    if (n == 3 && memcmp(s, "big", 3) == 0) {
        return false;
    }
    px_raise_value_error("byteorder must be either 'little' or 'big'");
}

static px_val int_to_bytes(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(length), 0, PX_SMALL_CONST(1)},
        {PX_Q(byteorder), 0, PX_QSTR_CONST(PX_Q(big))},
        {PX_Q(signed), PX_ARG_KWONLY, PX_FALSE},
    };
    px_val a[3];
    px_parse_args(PX_Q(to_bytes), argc - 1, argv + 1, kwnames, 3, spec, a);
    px_int len = px_index(a[0]);
    if (len < 0) {
        px_raise_value_error("length argument must be non-negative");
    }
    bool little = parse_byteorder(a[1]);
    bool is_signed = px_truthy(a[2]);
    px_digit buf[2];
    px_bn b = get_bn(argv[0], buf);
    if (b.neg && !is_signed) {
        px_raise_overflow("can't convert negative int to unsigned");
    }
    /* two's complement bytes, little-endian first */
    uint8_t *out = px_gc_alloc((size_t)len + 1, PX_GC_LEAF);
    size_t nbytes = b.n * 4;
    uint32_t borrow = 1;
    for (size_t i = 0; i < (size_t)len; i++) {
        uint32_t byte = i < nbytes ? (b.d[i / 4] >> (8 * (i % 4))) & 0xFF : 0;
        if (b.neg) {
            byte = (~byte & 0xFF) + borrow;
            borrow = byte >> 8;
            byte &= 0xFF;
        }
        out[i] = (uint8_t)byte;
    }
    /* range check: the value must fit len bytes */
    size_t bits = px_nat_bitlen(b.d, b.n);
    bool fits;
    if (!is_signed) {
        fits = bits <= (size_t)len * 8;
    } else if (!b.neg) {
        fits = bits < (size_t)len * 8 || bits == 0;
    } else {
        /* -2^(8len-1) fits: magnitude bits <= 8len-1, or exactly a power of two at 8len */
        bool pow2 = true;
        for (size_t i = 0; i + 1 < b.n; i++) {
            pow2 = pow2 && b.d[i] == 0;
        }
        pow2 = pow2 && b.n && (b.d[b.n - 1] & (b.d[b.n - 1] - 1)) == 0;
        fits = bits < (size_t)len * 8 || (pow2 && bits == (size_t)len * 8);
    }
    if (!fits) {
        px_raise_overflow("int too big to convert");
    }
    if (!little) {
        for (size_t i = 0; i < (size_t)len / 2; i++) {
            uint8_t t = out[i];
            out[i] = out[len - 1 - i];
            out[len - 1 - i] = t;
        }
    }
    return px_bytes(out, (size_t)len);
}
static PX_METHKW(int_to_bytes_obj, &px_type_int, to_bytes, 1, 3, int_to_bytes);

static px_val int_from_bytes(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(bytes), PX_ARG_REQUIRED, PX_UNSET},
        {PX_Q(byteorder), 0, PX_QSTR_CONST(PX_Q(big))},
        {PX_Q(signed), PX_ARG_KWONLY, PX_FALSE},
    };
    px_val a[3];
    px_parse_args(PX_Q(from_bytes), argc - 1, argv + 1, kwnames, 3, spec, a);
    bool little = parse_byteorder(a[1]);
    bool is_signed = px_truthy(a[2]);
    const uint8_t *data;
    size_t len;
    size_t nitems;
    const px_type *bt = px_type_of(a[0]);
    px_val *items = NULL;
    if (!bt->buffer) {
        /* CPython converts with bytes(): any iterable of ints, but not str */
        if (px_is_str(a[0]) || !bt->iter) {
            px_raise_type_error("cannot convert '%s' object to bytes", px_type_name(a[0]));
        }
        items = px_seq_items(a[0], &nitems);
        if (!items) {
            px_val list = px_list_from_iter(a[0]);
            items = px_seq_items(list, &nitems);
        }
    }
    if (items) {
        uint8_t *tmp = px_gc_alloc(nitems + 1, PX_GC_LEAF);
        for (size_t i = 0; i < nitems; i++) {
            px_int v = px_index(items[i]);
            if (v < 0 || v > 255) {
                px_raise_value_error("bytes must be in range(0, 256)");
            }
            tmp[i] = (uint8_t)v;
        }
        data = tmp;
        len = nitems;
    } else {
        px_buffer buf;
        px_get_buffer(a[0], &buf, PX_BUF_READ);
        data = buf.data;
        len = buf.len;
    }
    px_bn r = {px_nat_alloc(len / 4 + 1), 0, false};
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = little ? data[i] : data[len - 1 - i];
        r.d[i / 4] |= (px_digit)byte << (8 * (i % 4));
    }
    r.n = px_nat_norm(r.d, len / 4 + 1);
    if (is_signed && len && (data[little ? len - 1 : 0] & 0x80)) {
        /* value - 2^(8*len) */
        px_digit ob[2];
        px_bn one;
        px_bn_from_i64(&one, 1, ob);
        px_bn p = px_bn_shl(&one, len * 8);
        r = px_bn_add(&r, &p, true);
    }
    px_val v = px_bn_to_val(&r);
    px_val cls = argv[0];
    if (cls != px_from_ptr(&px_type_int) && px_is_type_obj(cls)) {
        return px_call1(cls, v);
    }
    return v;
}
static PX_FUNKW(int_from_bytes_fun, from_bytes, 1, 3, int_from_bytes);
static PX_CLASSMETHOD(int_from_bytes_obj, &int_from_bytes_fun);

static px_val int_index_meth(px_val self) {
    return px_int_unwrap(self);
}
static PX_METH1(int_index_obj, &px_type_int, __index__, int_index_meth);
static PX_METH1(int_int_obj, &px_type_int, __int__, int_index_meth);

#if PX_HAS_FLOAT
static px_val int_float_meth(px_val self) {
    return px_float(px_int_to_double(self));
}
static PX_METH1(int_float_obj, &px_type_int, __float__, int_float_meth);
#endif

static px_val int_round_meth(size_t argc, const px_val *argv) {
    return px_call(px_from_ptr(&px_builtin_round), argc, argv, PX_NULL);
}
static PX_METHV(int_round_obj, &px_type_int, __round__, 1, 2, int_round_meth);

static px_val int_pow_meth(size_t argc, const px_val *argv) {
    px_val a = px_int_unwrap(argv[0]), b = px_int_unwrap(argv[1]);
    px_val m = argc > 2 && argv[2] != PX_NONE ? px_int_unwrap(argv[2]) : PX_NULL;
    if (a == PX_NULL || b == PX_NULL || (argc > 2 && argv[2] != PX_NONE && m == PX_NULL)) {
        return PX_NOTIMPL;
    }
    return px_int_pow(a, b, m);
}
static PX_METHV(int_pow_obj, &px_type_int, __pow__, 2, 3, int_pow_meth);

static px_val int_rpow_meth(px_val a, px_val b) {
    return px_int_binop(PX_BINOP_POW, b, a);
}
static PX_METH2(int_rpow_obj, &px_type_int, __rpow__, int_rpow_meth);

static px_val int_divmod_meth(px_val a, px_val b) {
    a = px_int_unwrap(a);
    b = px_int_unwrap(b);
    return a == PX_NULL || b == PX_NULL ? PX_NOTIMPL : px_int_divmod(a, b);
}
static PX_METH2(int_divmod_obj, &px_type_int, __divmod__, int_divmod_meth);

static px_val int_rdivmod_meth(px_val a, px_val b) {
    return int_divmod_meth(b, a);
}
static PX_METH2(int_rdivmod_obj, &px_type_int, __rdivmod__, int_rdivmod_meth);

/* format(x, spec) of an int, float or complex (the mini-language). */
px_val px_num_format_meth(px_val self, px_val spec) {
    if (!px_is_str(spec)) {
        px_raise_type_error("__format__() argument must be str, not %s", px_type_name(spec));
    }
    size_t n;
    const char *s = px_str_data(spec, &n);
    return px_format_number(self, s, n);
}
static PX_METH2(int_format_obj, &px_type_int, __format__, px_num_format_meth);

/* Operator dunders, for super().__add__(x), int.__add__(a, b) and friends. */
static px_val int_d_add(px_val a, px_val b) { return int_binop(PX_BINOP_ADD, a, b); }
static PX_METH2(int_d_add_obj, &px_type_int, __add__, int_d_add);
static px_val int_d_radd(px_val a, px_val b) { return int_binop(PX_BINOP_ADD, b, a); }
static PX_METH2(int_d_radd_obj, &px_type_int, __radd__, int_d_radd);
static px_val int_d_sub(px_val a, px_val b) { return int_binop(PX_BINOP_SUB, a, b); }
static PX_METH2(int_d_sub_obj, &px_type_int, __sub__, int_d_sub);
static px_val int_d_rsub(px_val a, px_val b) { return int_binop(PX_BINOP_SUB, b, a); }
static PX_METH2(int_d_rsub_obj, &px_type_int, __rsub__, int_d_rsub);
static px_val int_d_mul(px_val a, px_val b) { return int_binop(PX_BINOP_MUL, a, b); }
static PX_METH2(int_d_mul_obj, &px_type_int, __mul__, int_d_mul);
static px_val int_d_rmul(px_val a, px_val b) { return int_binop(PX_BINOP_MUL, b, a); }
static PX_METH2(int_d_rmul_obj, &px_type_int, __rmul__, int_d_rmul);
#if PX_HAS_FLOAT
static px_val int_d_truediv(px_val a, px_val b) { return int_binop(PX_BINOP_TRUEDIV, a, b); }
static PX_METH2(int_d_truediv_obj, &px_type_int, __truediv__, int_d_truediv);
static px_val int_d_rtruediv(px_val a, px_val b) { return int_binop(PX_BINOP_TRUEDIV, b, a); }
static PX_METH2(int_d_rtruediv_obj, &px_type_int, __rtruediv__, int_d_rtruediv);
#endif
static px_val int_d_floordiv(px_val a, px_val b) { return int_binop(PX_BINOP_FLOORDIV, a, b); }
static PX_METH2(int_d_floordiv_obj, &px_type_int, __floordiv__, int_d_floordiv);
static px_val int_d_rfloordiv(px_val a, px_val b) { return int_binop(PX_BINOP_FLOORDIV, b, a); }
static PX_METH2(int_d_rfloordiv_obj, &px_type_int, __rfloordiv__, int_d_rfloordiv);
static px_val int_d_mod(px_val a, px_val b) { return int_binop(PX_BINOP_MOD, a, b); }
static PX_METH2(int_d_mod_obj, &px_type_int, __mod__, int_d_mod);
static px_val int_d_rmod(px_val a, px_val b) { return int_binop(PX_BINOP_MOD, b, a); }
static PX_METH2(int_d_rmod_obj, &px_type_int, __rmod__, int_d_rmod);
static px_val int_d_lshift(px_val a, px_val b) { return int_binop(PX_BINOP_LSHIFT, a, b); }
static PX_METH2(int_d_lshift_obj, &px_type_int, __lshift__, int_d_lshift);
static px_val int_d_rlshift(px_val a, px_val b) { return int_binop(PX_BINOP_LSHIFT, b, a); }
static PX_METH2(int_d_rlshift_obj, &px_type_int, __rlshift__, int_d_rlshift);
static px_val int_d_rshift(px_val a, px_val b) { return int_binop(PX_BINOP_RSHIFT, a, b); }
static PX_METH2(int_d_rshift_obj, &px_type_int, __rshift__, int_d_rshift);
static px_val int_d_rrshift(px_val a, px_val b) { return int_binop(PX_BINOP_RSHIFT, b, a); }
static PX_METH2(int_d_rrshift_obj, &px_type_int, __rrshift__, int_d_rrshift);
static px_val int_d_and(px_val a, px_val b) { return int_binop(PX_BINOP_AND, a, b); }
static PX_METH2(int_d_and_obj, &px_type_int, __and__, int_d_and);
static px_val int_d_rand(px_val a, px_val b) { return int_binop(PX_BINOP_AND, b, a); }
static PX_METH2(int_d_rand_obj, &px_type_int, __rand__, int_d_rand);
static px_val int_d_or(px_val a, px_val b) { return int_binop(PX_BINOP_OR, a, b); }
static PX_METH2(int_d_or_obj, &px_type_int, __or__, int_d_or);
static px_val int_d_ror(px_val a, px_val b) { return int_binop(PX_BINOP_OR, b, a); }
static PX_METH2(int_d_ror_obj, &px_type_int, __ror__, int_d_ror);
static px_val int_d_xor(px_val a, px_val b) { return int_binop(PX_BINOP_XOR, a, b); }
static PX_METH2(int_d_xor_obj, &px_type_int, __xor__, int_d_xor);
static px_val int_d_rxor(px_val a, px_val b) { return int_binop(PX_BINOP_XOR, b, a); }
static PX_METH2(int_d_rxor_obj, &px_type_int, __rxor__, int_d_rxor);
static px_val int_d_lt(px_val a, px_val b) { return int_binop(PX_BINOP_LT, a, b); }
static PX_METH2(int_d_lt_obj, &px_type_int, __lt__, int_d_lt);
static px_val int_d_le(px_val a, px_val b) { return int_binop(PX_BINOP_LE, a, b); }
static PX_METH2(int_d_le_obj, &px_type_int, __le__, int_d_le);
static px_val int_d_eq(px_val a, px_val b) { return int_binop(PX_BINOP_EQ, a, b); }
static PX_METH2(int_d_eq_obj, &px_type_int, __eq__, int_d_eq);
static px_val int_d_ne(px_val a, px_val b) { return int_binop(PX_BINOP_NE, a, b); }
static PX_METH2(int_d_ne_obj, &px_type_int, __ne__, int_d_ne);
static px_val int_d_gt(px_val a, px_val b) { return int_binop(PX_BINOP_GT, a, b); }
static PX_METH2(int_d_gt_obj, &px_type_int, __gt__, int_d_gt);
static px_val int_d_ge(px_val a, px_val b) { return int_binop(PX_BINOP_GE, a, b); }
static PX_METH2(int_d_ge_obj, &px_type_int, __ge__, int_d_ge);
static px_val int_d_neg(px_val a) { return int_unop(PX_UNOP_NEG, a); }
static PX_METH1(int_d_neg_obj, &px_type_int, __neg__, int_d_neg);
static px_val int_d_pos(px_val a) { return int_unop(PX_UNOP_POS, a); }
static PX_METH1(int_d_pos_obj, &px_type_int, __pos__, int_d_pos);
static px_val int_d_abs(px_val a) { return int_unop(PX_UNOP_ABS, a); }
static PX_METH1(int_d_abs_obj, &px_type_int, __abs__, int_d_abs);
static px_val int_d_invert(px_val a) { return int_unop(PX_UNOP_INVERT, a); }
static PX_METH1(int_d_invert_obj, &px_type_int, __invert__, int_d_invert);
static px_val int_d_bool(px_val a) { return int_unop(PX_UNOP_BOOL, a); }
static PX_METH1(int_d_bool_obj, &px_type_int, __bool__, int_d_bool);

/* Sorted by name bytes (uppercase < '_' < lowercase). */
static const px_map_entry int_dict_table[] = {
    PX_ENTRY_OBJ(__abs__, &int_d_abs_obj),
    PX_ENTRY_OBJ(__add__, &int_d_add_obj),
    PX_ENTRY_OBJ(__and__, &int_d_and_obj),
    PX_ENTRY_OBJ(__bool__, &int_d_bool_obj),
    PX_ENTRY_OBJ(__ceil__, &int_int_obj),
    PX_ENTRY_OBJ(__divmod__, &int_divmod_obj),
    PX_ENTRY_OBJ(__eq__, &int_d_eq_obj),
#if PX_HAS_FLOAT
    PX_ENTRY_OBJ(__float__, &int_float_obj),
#endif
    PX_ENTRY_OBJ(__floor__, &int_int_obj),
    PX_ENTRY_OBJ(__floordiv__, &int_d_floordiv_obj),
    PX_ENTRY_OBJ(__format__, &int_format_obj),
    PX_ENTRY_OBJ(__ge__, &int_d_ge_obj),
    PX_ENTRY_OBJ(__gt__, &int_d_gt_obj),
    PX_ENTRY_OBJ(__index__, &int_index_obj),
    PX_ENTRY_OBJ(__int__, &int_int_obj),
    PX_ENTRY_OBJ(__invert__, &int_d_invert_obj),
    PX_ENTRY_OBJ(__le__, &int_d_le_obj),
    PX_ENTRY_OBJ(__lshift__, &int_d_lshift_obj),
    PX_ENTRY_OBJ(__lt__, &int_d_lt_obj),
    PX_ENTRY_OBJ(__mod__, &int_d_mod_obj),
    PX_ENTRY_OBJ(__mul__, &int_d_mul_obj),
    PX_ENTRY_OBJ(__ne__, &int_d_ne_obj),
    PX_ENTRY_OBJ(__neg__, &int_d_neg_obj),
    PX_ENTRY_OBJ(__or__, &int_d_or_obj),
    PX_ENTRY_OBJ(__pos__, &int_d_pos_obj),
    PX_ENTRY_OBJ(__pow__, &int_pow_obj),
    PX_ENTRY_OBJ(__radd__, &int_d_radd_obj),
    PX_ENTRY_OBJ(__rand__, &int_d_rand_obj),
    PX_ENTRY_OBJ(__rdivmod__, &int_rdivmod_obj),
    PX_ENTRY_OBJ(__rfloordiv__, &int_d_rfloordiv_obj),
    PX_ENTRY_OBJ(__rlshift__, &int_d_rlshift_obj),
    PX_ENTRY_OBJ(__rmod__, &int_d_rmod_obj),
    PX_ENTRY_OBJ(__rmul__, &int_d_rmul_obj),
    PX_ENTRY_OBJ(__ror__, &int_d_ror_obj),
    PX_ENTRY_OBJ(__round__, &int_round_obj),
    PX_ENTRY_OBJ(__rpow__, &int_rpow_obj),
    PX_ENTRY_OBJ(__rrshift__, &int_d_rrshift_obj),
    PX_ENTRY_OBJ(__rshift__, &int_d_rshift_obj),
    PX_ENTRY_OBJ(__rsub__, &int_d_rsub_obj),
#if PX_HAS_FLOAT
    PX_ENTRY_OBJ(__rtruediv__, &int_d_rtruediv_obj),
#endif
    PX_ENTRY_OBJ(__rxor__, &int_d_rxor_obj),
    PX_ENTRY_OBJ(__sub__, &int_d_sub_obj),
#if PX_HAS_FLOAT
    PX_ENTRY_OBJ(__truediv__, &int_d_truediv_obj),
#endif
    PX_ENTRY_OBJ(__trunc__, &int_int_obj),
    PX_ENTRY_OBJ(__xor__, &int_d_xor_obj),
    PX_ENTRY_OBJ(as_integer_ratio, &int_as_integer_ratio_obj),
    PX_ENTRY_OBJ(bit_count, &int_bit_count_obj),
    PX_ENTRY_OBJ(bit_length, &int_bit_length_obj),
    PX_ENTRY_OBJ(conjugate, &int_conjugate_obj),
    PX_ENTRY_OBJ(from_bytes, &int_from_bytes_obj),
    PX_ENTRY_OBJ(to_bytes, &int_to_bytes_obj),
};


static PX_CONST_MAP(int_dict, int_dict_table);

const px_type px_type_int = {
    .base = {&px_type_type},
    .name = PX_Q(int),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &int_dict,
    .make = int_make,
    .print = int_print,
    .unop = int_unop,
    .binop = int_binop,
    .getattr = int_getattr,
};
