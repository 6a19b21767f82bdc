/* The px_bn operations of bigint.h for a build without big ints
 * (PX_HAS_BIGINT=0): every int is a small int, so every operand fits 64
 * bits and the arithmetic is done on int64_t. A result that leaves the
 * small-int range is an OverflowError (px_bn_to_val, or here when it
 * would not even fit 64 bits) instead of a big int: bigint.c's digit
 * algorithms are not in such a build. */
#include <math.h>

#include "../runtime.h"
#include "bigint.h"

#if !PX_HAS_BIGINT

PX_NORETURN void px_int_too_big(void) {
    px_raise_overflow("int too big: this build has no big ints (PX_HAS_BIGINT=0)");
}

/* x as an int64_t (OverflowError beyond). */
static int64_t word_of(const px_bn *x) {
    size_t n = px_nat_norm(x->d, x->n);
    if (n > 2) {
        px_int_too_big();
    }
    uint64_t m = n == 0 ? 0 : n == 1 ? x->d[0] : ((uint64_t)x->d[1] << 32) | x->d[0];
    if (m > (uint64_t)INT64_MAX + x->neg) {
        px_int_too_big();
    }
    return x->neg ? (int64_t)(0 - m) : (int64_t)m;
}

/* A view of i in a fresh block (results outlive the caller's buffers). */
static px_bn bn_of(int64_t i) {
    px_bn r;
    px_bn_from_i64(&r, i, px_nat_alloc(2));
    return r;
}

px_bn px_bn_add(const px_bn *a, const px_bn *b, bool negate_b) {
    int64_t x = word_of(a), y = word_of(b), r;
    if (negate_b ? __builtin_sub_overflow(x, y, &r) : __builtin_add_overflow(x, y, &r)) {
        px_int_too_big();
    }
    return bn_of(r);
}

px_bn px_bn_mul(const px_bn *a, const px_bn *b) {
    int64_t r;
    if (__builtin_mul_overflow(word_of(a), word_of(b), &r)) {
        px_int_too_big();
    }
    return bn_of(r);
}

void px_bn_divmod(const px_bn *a, const px_bn *b, px_bn *q, px_bn *r) {
    int64_t x = word_of(a), y = word_of(b);
    if (x == INT64_MIN && y == -1) {
        px_int_too_big();
    }
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && (rr < 0) != (y < 0)) { /* truncated -> floored */
        qq--;
        rr += y;
    }
    if (q) {
        *q = bn_of(qq);
    }
    if (r) {
        *r = bn_of(rr);
    }
}

px_bn px_bn_shl(const px_bn *a, size_t s) {
    int64_t x = word_of(a);
    if (x == 0) {
        return bn_of(0);
    }
    uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    if (s >= 63 || m > (UINT64_C(1) << (63 - s)) - 1) {
        px_int_too_big();
    }
    return bn_of(x < 0 ? -(int64_t)(m << s) : (int64_t)(m << s));
}

px_bn px_bn_shr(const px_bn *a, size_t s) {
    int64_t x = word_of(a);
    /* >> of a negative int64_t floors with gcc and clang (arithmetic shift) */
    return bn_of(s >= 63 ? (x < 0 ? -1 : 0) : x >> s);
}

px_bn px_bn_bitop(const px_bn *a, const px_bn *b, char op) {
    int64_t x = word_of(a), y = word_of(b);
    return bn_of(op == '&' ? x & y : op == '|' ? x | y : x ^ y);
}

int px_bn_cmp(const px_bn *a, const px_bn *b) {
    int64_t x = word_of(a), y = word_of(b);
    return (x > y) - (x < y);
}

double px_bn_to_double(const px_bn *a, bool *overflow) {
    *overflow = false;
    return (double)word_of(a);
}

#if PX_HAS_FLOAT
/* Exact operands below 2^53 (every small int) give a correctly rounded quotient. */
double px_bn_truediv(const px_bn *a, const px_bn *b, bool *overflow) {
    *overflow = false;
    return (double)word_of(a) / (double)word_of(b);
}

px_bn px_bn_from_double(double d) {
    d = trunc(d);
    if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0)) {
        px_int_too_big();
    }
    return bn_of((int64_t)d);
}
#endif

px_bn px_bn_from_digits(const char *s, size_t len, int base) {
    uint64_t m = 0;
    for (size_t i = 0; i < len; i++) {
        if (__builtin_mul_overflow(m, (uint64_t)base, &m) ||
            __builtin_add_overflow(m, (uint64_t)px_digit_value(s[i]), &m)) {
            px_int_too_big();
        }
    }
    if (m > (uint64_t)INT64_MAX) {
        px_int_too_big();
    }
    return bn_of((int64_t)m);
}

char *px_bn_to_str(const px_bn *a, int base, size_t *len) {
    static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    int64_t x = word_of(a);
    uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    char tmp[64];
    size_t n = 0;
    do {
        tmp[n++] = digit_chars[m % (unsigned)base];
        m /= (unsigned)base;
    } while (m);
    char *out = px_gc_alloc(n + 1, PX_GC_LEAF);
    for (size_t i = 0; i < n; i++) {
        out[i] = tmp[n - 1 - i];
    }
    out[n] = 0;
    *len = n;
    return out;
}

#endif /* !PX_HAS_BIGINT */
