/* Arbitrary-precision integer arithmetic on digit arrays (see bigint.h).
 * Multiplication switches to Karatsuba for long operands; division is
 * Knuth's algorithm D; base conversion uses short division/multiplication
 * by the largest power of the base that fits a digit. With
 * PX_HAS_BIGINT=0 only the views and helpers outside the #if blocks are
 * built; bigint_word.c has the arithmetic on 64-bit words. */
#include <math.h>

#include "../runtime.h"
#include "bigint.h"

#define KARATSUBA_CUTOFF 48

/* A block over 2 KiB takes pages of its own; zeroing those is the
 * caller's choice (PX_GC_UNINIT), small blocks come zeroed. */
#define NAT_UNINIT_BYTES 2048

static px_bigint *nat_block(size_t n, size_t *bytes) {
    if (n > ((size_t)-1) / sizeof(px_digit) / 2) {
        px_raise_memory_error();
    }
    *bytes = sizeof(px_bigint) + (n ? n : 1) * sizeof(px_digit);
    return px_gc_alloc(*bytes, *bytes < NAT_UNINIT_BYTES ? PX_GC_LEAF : PX_GC_LEAF | PX_GC_UNINIT);
}

px_digit *px_nat_alloc(size_t n) {
    size_t bytes;
    px_bigint *b = nat_block(n, &bytes);
    if (bytes >= NAT_UNINIT_BYTES) {
        memset(b, 0, bytes); /* what was asked for, not the rest of its last page */
    }
    return b->d;
}

px_digit *px_nat_alloc_raw(size_t n) {
    size_t bytes;
    px_bigint *b = nat_block(n, &bytes);
    if (bytes >= NAT_UNINIT_BYTES) {
        memset(b, 0, sizeof(px_bigint)); /* the NULL type marks it unpublished */
    }
    return b->d;
}

size_t px_nat_norm(const px_digit *d, size_t n) {
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    return n;
}

#if PX_HAS_BIGINT
/* ---- digit arithmetic (a build without big ints has bigint_word.c) */

int px_nat_cmp(const px_digit *a, size_t an, const px_digit *b, size_t bn) {
    if (an != bn) {
        return an < bn ? -1 : 1;
    }
    while (an-- > 0) {
        if (a[an] != b[an]) {
            return a[an] < b[an] ? -1 : 1;
        }
    }
    return 0;
}

size_t px_nat_add(px_digit *r, const px_digit *a, size_t an, const px_digit *b, size_t bn) {
    if (an < bn) {
        const px_digit *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    px_ddigit carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        carry += (px_ddigit)a[i] + b[i];
        r[i] = (px_digit)carry;
        carry >>= 32;
    }
    for (; i < an; i++) {
        carry += a[i];
        r[i] = (px_digit)carry;
        carry >>= 32;
    }
    r[an] = (px_digit)carry;
    return px_nat_norm(r, an + 1);
}

size_t px_nat_sub(px_digit *r, const px_digit *a, size_t an, const px_digit *b, size_t bn) {
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        borrow += (int64_t)a[i] - b[i];
        r[i] = (px_digit)borrow;
        borrow >>= 32; /* arithmetic: 0 or -1 */
    }
    for (; i < an; i++) {
        borrow += a[i];
        r[i] = (px_digit)borrow;
        borrow >>= 32;
    }
    return px_nat_norm(r, an);
}

/* r[0..) += x; r is long enough that the carry stops inside it. */
static void nat_add_into(px_digit *r, const px_digit *x, size_t xn) {
    px_ddigit carry = 0;
    size_t i = 0;
    for (; i < xn; i++) {
        carry += (px_ddigit)r[i] + x[i];
        r[i] = (px_digit)carry;
        carry >>= 32;
    }
    for (; carry; i++) {
        carry += r[i];
        r[i] = (px_digit)carry;
        carry >>= 32;
    }
}

/* r -= x in place (r >= x); returns the new length. */
static size_t nat_sub_inplace(px_digit *r, size_t rn, const px_digit *x, size_t xn) {
    return px_nat_sub(r, r, rn, x, xn);
}

size_t px_nat_mul_school(px_digit *r, const px_digit *a, size_t an, const px_digit *b, size_t bn) {
    if (an > bn) {
        /* the inner loop runs over the longer operand: a big int times a
         * one-digit one is one pass, not a loop of one-step loops */
        const px_digit *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if (an == 0) {
        return 0;
    }
    /* the first row is stored, not added: r is only written, except
     * digits an earlier row wrote (so it need not come zeroed) */
    px_ddigit carry = 0, a0 = a[0];
    for (size_t j = 0; j < bn; j++) {
        carry += a0 * b[j];
        r[j] = (px_digit)carry;
        carry >>= 32;
    }
    r[bn] = (px_digit)carry;
    for (size_t i = 1; i < an; i++) {
        carry = 0;
        px_ddigit ai = a[i];
        if (ai == 0) {
            r[i + bn] = 0;
            continue;
        }
        for (size_t j = 0; j < bn; j++) {
            carry += ai * b[j] + r[i + j];
            r[i + j] = (px_digit)carry;
            carry >>= 32;
        }
        r[i + bn] = (px_digit)carry;
    }
    return px_nat_norm(r, an + bn);
}

static void karatsuba(px_digit *r, const px_digit *a, size_t an, const px_digit *b, size_t bn) {
    /* an >= bn > an/2; split both at m. */
    size_t m = an / 2;
    size_t a0n = px_nat_norm(a, m), b0n = px_nat_norm(b, m);
    size_t a1n = an - m, b1n = bn - m;
    const px_digit *a1 = a + m, *b1 = b + m;

    px_digit *z0 = px_nat_alloc(2 * m);
    size_t z0n = px_nat_mul(z0, a, a0n, b, b0n);
    px_digit *z2 = px_nat_alloc(a1n + b1n);
    size_t z2n = px_nat_mul(z2, a1, a1n, b1, b1n);
    px_digit *sa = px_nat_alloc(a1n + 1);
    size_t san = px_nat_add(sa, a1, a1n, a, a0n);
    px_digit *sb = px_nat_alloc((b1n > b0n ? b1n : b0n) + 1);
    size_t sbn = px_nat_add(sb, b1, b1n, b, b0n);
    px_digit *z1 = px_nat_alloc(san + sbn);
    size_t z1n = px_nat_mul(z1, sa, san, sb, sbn);
    z1n = nat_sub_inplace(z1, z1n, z0, z0n);
    z1n = nat_sub_inplace(z1, z1n, z2, z2n);

    memcpy(r, z0, z0n * sizeof(px_digit));
    nat_add_into(r + 2 * m, z2, z2n);
    nat_add_into(r + m, z1, z1n);
}

size_t px_nat_mul(px_digit *r, const px_digit *a, size_t an, const px_digit *b, size_t bn) {
    if (an < bn) {
        const px_digit *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if (bn == 0) {
        return 0;
    }
    if (bn < KARATSUBA_CUTOFF) {
        return px_nat_mul_school(r, a, an, b, bn);
    }
    if (2 * bn <= an) {
        /* Unbalanced: multiply b by bn-sized slices of a. */
        px_digit *t = px_nat_alloc(2 * bn);
        for (size_t off = 0; off < an; off += bn) {
            size_t len = an - off < bn ? an - off : bn;
            size_t sl = px_nat_norm(a + off, len);
            memset(t, 0, 2 * bn * sizeof(px_digit));
            size_t tn = px_nat_mul(t, a + off, sl, b, bn);
            nat_add_into(r + off, t, tn);
        }
        return px_nat_norm(r, an + bn);
    }
    karatsuba(r, a, an, b, bn);
    return px_nat_norm(r, an + bn);
}

size_t px_nat_muladd1(px_digit *a, size_t an, px_digit m, px_digit add) {
    px_ddigit carry = add;
    for (size_t i = 0; i < an; i++) {
        carry += (px_ddigit)a[i] * m;
        a[i] = (px_digit)carry;
        carry >>= 32;
    }
    if (carry) {
        a[an++] = (px_digit)carry;
    }
    return an;
}

px_digit px_nat_div1(px_digit *a, size_t *an, px_digit m) {
    px_ddigit rem = 0;
    for (size_t i = *an; i-- > 0;) {
        rem = (rem << 32) | a[i];
        a[i] = (px_digit)(rem / m);
        rem %= m;
    }
    *an = px_nat_norm(a, *an);
    return (px_digit)rem;
}

#endif /* PX_HAS_BIGINT */

static int clz32(px_digit x) {
    int n = 0;
    if (x == 0) {
        return 32;
    }
    while (!(x & 0x80000000u)) {
        x <<= 1;
        n++;
    }
    return n;
}

size_t px_nat_bitlen(const px_digit *a, size_t an) {
    an = px_nat_norm(a, an);
    if (an == 0) {
        return 0;
    }
    return an * 32 - (size_t)clz32(a[an - 1]);
}

#if PX_HAS_BIGINT
/* Knuth, TAOCP vol. 2, 4.3.1, algorithm D. */
void px_nat_divmod(const px_digit *a, size_t an, const px_digit *b, size_t bn, px_digit *q,
                   size_t *qn, px_digit *r, size_t *rn) {
    if (px_nat_cmp(a, an, b, bn) < 0) {
        if (q) {
            *qn = 0;
        }
        if (r) {
            memcpy(r, a, an * sizeof(px_digit));
            *rn = an;
        }
        return;
    }
    if (bn == 1) {
        px_digit *t = q ? q : px_nat_alloc(an);
        memcpy(t, a, an * sizeof(px_digit));
        size_t tn = an;
        px_digit rem = px_nat_div1(t, &tn, b[0]);
        if (q) {
            *qn = tn;
        }
        if (r) {
            r[0] = rem;
            *rn = rem ? 1 : 0;
        }
        return;
    }
    int s = clz32(b[bn - 1]);
    /* Normalised copies: v = b << s, u = a << s (one extra digit). */
    px_digit *v = px_nat_alloc_raw(bn);     /* every digit written below */
    px_digit *u = px_nat_alloc_raw(an + 1);
    for (size_t i = bn; i-- > 0;) {
        v[i] = (b[i] << s) | (s && i ? b[i - 1] >> (32 - s) : 0);
    }
    u[an] = s ? a[an - 1] >> (32 - s) : 0;
    for (size_t i = an; i-- > 0;) {
        u[i] = (a[i] << s) | (s && i ? a[i - 1] >> (32 - s) : 0);
    }
    px_digit *qq = q ? q : px_nat_alloc(an - bn + 1);
    px_ddigit vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        px_ddigit num = ((px_ddigit)u[j + bn] << 32) | u[j + bn - 1];
        px_ddigit qhat = num / vtop, rhat = num % vtop;
        while (qhat > 0xFFFFFFFFu || qhat * vnext > ((rhat << 32) | u[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > 0xFFFFFFFFu) {
                break;
            }
        }
        /* u[j..j+bn] -= qhat * v */
        int64_t borrow = 0;
        px_ddigit carry = 0;
        for (size_t i = 0; i < bn; i++) {
            carry += qhat * v[i];
            borrow += (int64_t)u[i + j] - (px_digit)carry;
            carry >>= 32;
            u[i + j] = (px_digit)borrow;
            borrow >>= 32;
        }
        borrow += (int64_t)u[j + bn] - (px_digit)carry;
        u[j + bn] = (px_digit)borrow;
        borrow >>= 32;
        if (borrow < 0) {
            /* qhat was one too big: add v back. */
            qhat--;
            px_ddigit c = 0;
            for (size_t i = 0; i < bn; i++) {
                c += (px_ddigit)u[i + j] + v[i];
                u[i + j] = (px_digit)c;
                c >>= 32;
            }
            u[j + bn] += (px_digit)c;
        }
        qq[j] = (px_digit)qhat;
    }
    if (q) {
        *qn = px_nat_norm(q, an - bn + 1);
    }
    if (r) {
        for (size_t i = 0; i < bn; i++) {
            r[i] = (u[i] >> s) | (s ? u[i + 1] << (32 - s) : 0);
        }
        *rn = px_nat_norm(r, bn);
    }
}

#endif /* PX_HAS_BIGINT */

/* ---- signed views */

void px_bn_from_i64(px_bn *out, int64_t i, px_digit buf[2]) {
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    buf[0] = (px_digit)m;
    buf[1] = (px_digit)(m >> 32);
    out->d = buf;
    out->n = buf[1] ? 2 : buf[0] ? 1 : 0;
    out->neg = i < 0;
}

bool px_bn_get(px_val v, px_bn *out, px_digit buf[2]) {
    if (px_is_small(v)) {
        px_bn_from_i64(out, px_small_get(v), buf);
        return true;
    }
    if (px_is_bool(v)) {
        px_bn_from_i64(out, v == PX_TRUE, buf);
        return true;
    }
    if (!px_is_obj(v)) {
        return false;
    }
    const px_type *t = px_type_of(v);
    if (t == &px_type_int) {
        px_bigint *b = px_as_ptr(v);
        out->d = b->d;
        out->n = b->len;
        out->neg = b->neg != 0;
        return true;
    }
    if ((t->flags & PX_TF_HEAPTYPE) && ((const px_class *)t)->native_base == &px_type_int) {
        px_val nat = ((px_instance *)px_as_ptr(v))->native;
        return nat != PX_NULL && nat != v && px_bn_get(nat, out, buf);
    }
    return false;
}

px_val px_bn_to_val(const px_bn *x) {
    size_t n = px_nat_norm(x->d, x->n);
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? x->d[0] : ((uint64_t)x->d[1] << 32) | x->d[0];
        if (m <= (uint64_t)PX_SMALL_MAX) {
            return px_small(x->neg ? -(px_int)m : (px_int)m);
        }
        if (x->neg && m == (uint64_t)PX_SMALL_MAX + 1) {
            return px_small(PX_SMALL_MIN);
        }
    }
#if !PX_HAS_BIGINT
    px_int_too_big();
#else
    if (n > UINT32_MAX) {
        px_raise_memory_error();
    }
    /* A result computed into px_nat_alloc's block becomes the int itself
     * (published once: its type is set then, so a second conversion, or
     * a view of an existing int, copies). Two digits are copied without
     * looking: they are often a caller's buffer on the stack. */
    px_bigint *b = (px_bigint *)(void *)((char *)x->d - offsetof(px_bigint, d));
    if (n <= 2 || !px_gc_is_block_start(b) || b->base.type != NULL) {
        b = px_gc_alloc(sizeof(px_bigint) + n * sizeof(px_digit), PX_GC_LEAF);
        memcpy(b->d, x->d, n * sizeof(px_digit));
    }
    b->base.type = &px_type_int;
    b->neg = x->neg;
    b->len = (uint32_t)n;
    return px_from_ptr(b);
#endif
}

#if PX_HAS_BIGINT
px_bn px_bn_add(const px_bn *a, const px_bn *b, bool negate_b) {
    bool bneg = b->neg != negate_b;
    px_bn r;
    size_t mx = a->n > b->n ? a->n : b->n;
    r.d = px_nat_alloc_raw(mx + 1); /* px_nat_add / px_nat_sub write every digit they return */
    if (a->neg == bneg) {
        r.n = px_nat_add(r.d, a->d, a->n, b->d, b->n);
        r.neg = a->neg;
    } else if (px_nat_cmp(a->d, a->n, b->d, b->n) >= 0) {
        r.n = px_nat_sub(r.d, a->d, a->n, b->d, b->n);
        r.neg = a->neg;
    } else {
        r.n = px_nat_sub(r.d, b->d, b->n, a->d, a->n);
        r.neg = bneg;
    }
    if (r.n == 0) {
        r.neg = false;
    }
    return r;
}

px_bn px_bn_mul(const px_bn *a, const px_bn *b) {
    px_bn r;
    size_t shorter = a->n < b->n ? a->n : b->n;
    /* schoolbook multiplication writes every digit; the others add into r */
    r.d = shorter < KARATSUBA_CUTOFF ? px_nat_alloc_raw(a->n + b->n) : px_nat_alloc(a->n + b->n);
    r.n = px_nat_mul(r.d, a->d, a->n, b->d, b->n);
    r.neg = r.n && (a->neg != b->neg);
    return r;
}

void px_bn_divmod(const px_bn *a, const px_bn *b, px_bn *q, px_bn *r) {
    size_t qcap = a->n >= b->n ? a->n - b->n + 1 : 1;
    px_bn qq = {px_nat_alloc(qcap + 1), 0, false};
    px_bn rr = {px_nat_alloc(b->n), 0, false};
    px_nat_divmod(a->d, a->n, b->d, b->n, qq.d, &qq.n, rr.d, &rr.n);
    qq.neg = qq.n && (a->neg != b->neg);
    rr.neg = rr.n && a->neg;
    if (rr.n && a->neg != b->neg) {
        /* Truncated -> floored: q -= 1, r += b. */
        px_digit one_buf[2];
        px_bn one;
        px_bn_from_i64(&one, 1, one_buf);
        qq = px_bn_add(&qq, &one, true);
        rr = px_bn_add(&rr, b, false);
    }
    if (q) {
        *q = qq;
    }
    if (r) {
        *r = rr;
    }
}

px_bn px_bn_shl(const px_bn *a, size_t s) {
    px_bn r = {NULL, 0, a->neg};
    if (a->n == 0) {
        r.d = px_nat_alloc(1);
        return r;
    }
    size_t whole = s / 32;
    int bits = (int)(s % 32);
    r.d = px_nat_alloc(a->n + whole + 1);
    for (size_t i = 0; i < a->n; i++) {
        r.d[i + whole] |= a->d[i] << bits;
        if (bits) {
            r.d[i + whole + 1] = a->d[i] >> (32 - bits);
        }
    }
    r.n = px_nat_norm(r.d, a->n + whole + 1);
    return r;
}

/* Magnitude >> s; *lost set if any 1 bits were shifted out. */
static px_bn nat_shr(const px_bn *a, size_t s, bool *lost) {
    size_t whole = s / 32;
    int bits = (int)(s % 32);
    px_bn r = {NULL, 0, false};
    *lost = false;
    if (whole >= a->n) {
        r.d = px_nat_alloc(1);
        *lost = a->n > 0;
        return r;
    }
    for (size_t i = 0; i < whole; i++) {
        if (a->d[i]) {
            *lost = true;
        }
    }
    if (bits && (a->d[whole] & ((1u << bits) - 1))) {
        *lost = true;
    }
    size_t n = a->n - whole;
    r.d = px_nat_alloc(n);
    for (size_t i = 0; i < n; i++) {
        px_digit lo = a->d[i + whole] >> bits;
        px_digit hi = bits && i + whole + 1 < a->n ? a->d[i + whole + 1] << (32 - bits) : 0;
        r.d[i] = lo | hi;
    }
    r.n = px_nat_norm(r.d, n);
    return r;
}

px_bn px_bn_shr(const px_bn *a, size_t s) {
    bool lost;
    px_bn r = nat_shr(a, s, &lost);
    if (a->neg) {
        r.neg = true;
        if (lost) {
            /* floor for negatives: -(|a| >> s) - 1 */
            px_digit one_buf[2];
            px_bn one;
            px_bn_from_i64(&one, -1, one_buf);
            r = px_bn_add(&r, &one, false);
        }
        if (r.n == 0) {
            r.neg = false;
        }
    }
    return r;
}

/* Two's complement digits of x in n digits (n > x->n). */
static px_digit *to_twos(const px_bn *x, size_t n) {
    px_digit *t = px_nat_alloc(n);
    memcpy(t, x->d, x->n * sizeof(px_digit));
    if (x->neg) {
        px_ddigit carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (px_digit)~t[i];
            t[i] = (px_digit)carry;
            carry >>= 32;
        }
    }
    return t;
}

px_bn px_bn_bitop(const px_bn *a, const px_bn *b, char op) {
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    px_digit *x = to_twos(a, n), *y = to_twos(b, n);
    for (size_t i = 0; i < n; i++) {
        x[i] = op == '&' ? x[i] & y[i] : op == '|' ? x[i] | y[i] : x[i] ^ y[i];
    }
    px_bn r = {x, n, (x[n - 1] & 0x80000000u) != 0};
    if (r.neg) {
        /* back to magnitude: negate */
        px_ddigit carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (px_digit)~x[i];
            x[i] = (px_digit)carry;
            carry >>= 32;
        }
    }
    r.n = px_nat_norm(x, n);
    return r;
}

int px_bn_cmp(const px_bn *a, const px_bn *b) {
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = px_nat_cmp(a->d, a->n, b->d, b->n);
    return a->neg ? -c : c;
}

/* The top 64 bits of a magnitude with a sticky bit for anything below,
 * as (value, exponent) with magnitude ~= value * 2^exp. */
static uint64_t nat_top64(const px_bn *a, int64_t *exp) {
    size_t bl = px_nat_bitlen(a->d, a->n);
    if (bl <= 64) {
        *exp = 0;
        uint64_t v = a->n > 1 ? ((uint64_t)a->d[1] << 32) | a->d[0] : a->n ? a->d[0] : 0;
        return v;
    }
    size_t shift = bl - 63; /* keep 63 bits, bit 0 is sticky */
    bool lost;
    px_bn t = nat_shr(a, shift, &lost);
    uint64_t v = ((uint64_t)(t.n > 1 ? t.d[1] : 0) << 32) | t.d[0];
    v <<= 1;
    if (lost) {
        v |= 1;
    }
    *exp = (int64_t)shift - 1;
    return v;
}

/* Round a 64-bit value with a sticky bit to a double (half even) times 2^exp. */
static double scale_round(uint64_t v, int64_t exp, bool *overflow) {
    /* Reduce to <= 55 bits keeping a sticky bit so the conversion rounds once. */
    while (v >> 55) {
        v = (v >> 1) | (v & 1);
        exp++;
    }
    double d = (double)v; /* one correct rounding: bits below 53 are guard + sticky */
    if (exp > 2000) {
        *overflow = true;
        return HUGE_VAL;
    }
    d = ldexp(d, (int)exp);
    if (isinf(d)) {
        *overflow = true;
    }
    return d;
}

double px_bn_to_double(const px_bn *a, bool *overflow) {
    *overflow = false;
    int64_t exp;
    uint64_t v = nat_top64(a, &exp);
    double d = scale_round(v, exp, overflow);
    return a->neg ? -d : d;
}

#if PX_HAS_FLOAT
double px_bn_truediv(const px_bn *a, const px_bn *b, bool *overflow) {
    *overflow = false;
    size_t la = px_nat_bitlen(a->d, a->n), lb = px_nat_bitlen(b->d, b->n);
    bool neg = a->neg != b->neg;
    if (la == 0) {
        return neg ? -0.0 : 0.0;
    }
    if (la <= 53 && lb <= 53) {
        px_bn ua = *a, ub = *b;
        ua.neg = ub.neg = false;
        bool o;
        double r = px_bn_to_double(&ua, &o) / px_bn_to_double(&ub, &o);
        return neg ? -r : r;
    }
    /* q = floor(a * 2^-e / b) with 55..56 bits, sticky bit from the remainder. */
    int64_t e = (int64_t)la - (int64_t)lb - 55;
    if (e < -1076) {
        e = -1076; /* two guard bits below the smallest subnormal are enough */
    }
    px_bn na = *a, nb = *b;
    na.neg = nb.neg = false;
    if (e > 0) {
        nb = px_bn_shl(&nb, (size_t)e);
    } else if (e < 0) {
        na = px_bn_shl(&na, (size_t)-e);
    }
    px_bn q, r;
    px_bn_divmod(&na, &nb, &q, &r);
    uint64_t v = q.n > 1 ? ((uint64_t)q.d[1] << 32) | q.d[0] : q.n ? q.d[0] : 0;
    if (q.n > 2) {
        v = UINT64_MAX; /* cannot happen: q has at most 57 bits */
    }
    if (r.n) {
        v |= 1;
    }
    int vbits = 0;
    while (vbits < 64 && (v >> vbits)) {
        vbits++;
    }
    double d;
    if (vbits + e <= -1022) {
        /* Subnormal: round once at the fixed binary point 2^-1074. */
        int64_t drop = -1074 - e;
        if (drop <= 0) {
            d = ldexp((double)v, (int)e);
        } else {
            uint64_t keep = v >> drop, rest = v & ((1ull << drop) - 1), half = 1ull << (drop - 1);
            if (rest > half || (rest == half && (keep & 1))) {
                keep++;
            }
            d = ldexp((double)keep, -1074);
        }
    } else {
        d = scale_round(v, e, overflow);
    }
    return neg ? -d : d;
}

px_bn px_bn_from_double(double d) {
    bool neg = d < 0;
    px_bn r = {NULL, 0, false};
    d = fabs(trunc(d));
    if (d < 1) {
        r.d = px_nat_alloc(1);
        r.neg = false;
        return r;
    }
    int exp;
    double m = frexp(d, &exp); /* d = m * 2^exp, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    px_digit buf[2];
    px_bn t;
    px_bn_from_i64(&t, (int64_t)mant, buf);
    if (exp >= 53) {
        r = px_bn_shl(&t, (size_t)(exp - 53));
    } else {
        bool lost;
        r = nat_shr(&t, (size_t)(53 - exp), &lost);
    }
    r.neg = neg && r.n > 0;
    return r;
}
#endif /* PX_HAS_FLOAT */

#endif /* PX_HAS_BIGINT */

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void px_num_strip(const char *s, size_t *i, size_t *end) {
    while (*i < *end && is_space(s[*i])) {
        (*i)++;
    }
    while (*end > *i && is_space(s[*end - 1])) {
        (*end)--;
    }
}

int px_digit_value(char c) {
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

#if PX_HAS_BIGINT
/* Largest power of base fitting a digit, and its exponent. */
static px_digit chunk_of(int base, int *k) {
    px_digit p = (px_digit)base;
    int n = 1;
    while ((px_ddigit)p * (px_digit)base <= 0xFFFFFFFFu) {
        p *= (px_digit)base;
        n++;
    }
    *k = n;
    return p;
}

/* A power-of-two base: each char is `bits` bits of the result, packed
 * from the last char up, so the cost is linear in the length. */
static px_bn from_pow2_digits(const char *s, size_t len, unsigned bits) {
    size_t cap = (len * bits + PX_DIGIT_BITS - 1) / PX_DIGIT_BITS + 1;
    px_bn r = {px_nat_alloc(cap), 0, false};
    px_ddigit acc = 0;
    unsigned have = 0;
    size_t n = 0;
    for (size_t i = len; i-- > 0;) {
        acc |= (px_ddigit)px_digit_value(s[i]) << have;
        have += bits;
        if (have >= PX_DIGIT_BITS) {
            r.d[n++] = (px_digit)acc;
            acc >>= PX_DIGIT_BITS;
            have -= PX_DIGIT_BITS;
        }
    }
    if (have > 0) {
        r.d[n++] = (px_digit)acc;
    }
    r.n = px_nat_norm(r.d, n);
    return r;
}

/* The chunked multiply-add: k chars at a time into one digit, then
 * r = r * base**k + chunk. Quadratic in the length: for short texts. */
static px_bn from_chunks(const char *s, size_t len, int base) {
    int k;
    px_digit big = chunk_of(base, &k);
    /* Each chunk of k chars adds < 32 bits. */
    size_t cap = len / (size_t)k + 2;
    px_bn r = {px_nat_alloc(cap), 0, false};
    size_t i = 0;
    size_t first = len % (size_t)k;
    if (first == 0) {
        first = (size_t)k;
    }
    while (i < len) {
        size_t take = i == 0 ? first : (size_t)k;
        px_digit chunk = 0, mul = 1;
        for (size_t j = 0; j < take; j++) {
            chunk = chunk * (px_digit)base + (px_digit)px_digit_value(s[i + j]);
            mul *= (px_digit)base;
        }
        r.n = px_nat_muladd1(r.d, r.n, take == (size_t)k ? big : mul, chunk);
        i += take;
    }
    r.n = px_nat_norm(r.d, r.n);
    return r;
}

/* pw[i] = base**chars[i] with chars[i] = k * 2**i (k chars fill a digit),
 * for i = 0..top, the last the first with chars[top] * 2 >= limit (or
 * the 39th): the split points of both conversions below. Returns top. */
static int make_powers(int base, size_t limit, px_bn *pw, size_t *chars, bool by_digits) {
    int k;
    px_digit big = chunk_of(base, &k);
    pw[0].d = px_nat_alloc(1);
    pw[0].d[0] = big;
    pw[0].n = 1;
    pw[0].neg = false;
    chars[0] = (size_t)k;
    int top = 0;
    while (top < 39 && (by_digits ? pw[top].n * 2 - 1 <= limit : chars[top] * 2 < limit)) {
        pw[top + 1] = px_bn_mul(&pw[top], &pw[top]);
        chars[top + 1] = chars[top] * 2;
        top++;
    }
    return top;
}

#define DC_THRESHOLD 40

/* Divide and conquer: the last chars[j] chars (the largest power below
 * len) and the rest convert separately, then hi * pw[j] + lo. With
 * Karatsuba multiplication that is subquadratic; below DC_THRESHOLD
 * digits' worth the chunked loop is faster. */
static px_bn dc_parse(const char *s, size_t len, int base, const px_bn *pw, const size_t *chars, int j) {
    if (len <= chars[0] * DC_THRESHOLD) {
        return from_chunks(s, len, base);
    }
    while (j > 0 && chars[j] >= len) {
        j--;
    }
    size_t lo_len = chars[j];
    px_bn hi = dc_parse(s, len - lo_len, base, pw, chars, j);
    px_bn lo = dc_parse(s + len - lo_len, lo_len, base, pw, chars, j);
    px_bn prod = px_bn_mul(&hi, &pw[j]);
    return px_bn_add(&prod, &lo, false);
}

px_bn px_bn_from_digits(const char *s, size_t len, int base) {
    if ((base & (base - 1)) == 0) {
        unsigned bits = 0;
        while ((1 << bits) < base) {
            bits++;
        }
        return from_pow2_digits(s, len, bits);
    }
    int k;
    chunk_of(base, &k);
    if (len <= (size_t)k * DC_THRESHOLD) {
        return from_chunks(s, len, base);
    }
    px_bn pw[40];
    size_t chars[40];
    int top = make_powers(base, len, pw, chars, false);
    return dc_parse(s, len, base, pw, chars, top);
}

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* Short-division conversion of a small magnitude, right-aligned in
 * out[0..width) with leading zeros (width 0: just the digits). Returns the
 * number of chars written. */
static size_t simple_digits(const px_digit *x, size_t xn, int base, char *out, size_t width) {
    int k;
    px_digit big = chunk_of(base, &k);
    char tmp[32 * 12];
    size_t cap = xn * 32 + 2, pos = cap;
    char *buf = cap <= sizeof tmp ? tmp : px_gc_alloc(cap, PX_GC_LEAF);
    px_digit *t = px_nat_alloc(xn);
    memcpy(t, x, xn * sizeof(px_digit));
    size_t tn = px_nat_norm(t, xn);
    while (tn > 0) {
        px_digit rem = px_nat_div1(t, &tn, big);
        for (int j = 0; j < k && (tn > 0 || rem); j++) {
            buf[--pos] = digit_chars[rem % (px_digit)base];
            rem /= (px_digit)base;
        }
    }
    size_t n = cap - pos;
    size_t lead = width > n ? width - n : 0;
    memset(out, '0', lead);
    memcpy(out + lead, buf + pos, n);
    return lead + n;
}

/* Divide and conquer: x = q * pw[k] + r with both halves converted
 * recursively, so the work is a few big divisions instead of one short
 * division per output chunk. */
static size_t dc_digits(const px_digit *x, size_t xn, int base, px_bn *pw, size_t *pw_chars, int k,
                        char *out, size_t width) {
    xn = px_nat_norm(x, xn);
    while (k >= 0 && px_nat_cmp(x, xn, pw[k].d, pw[k].n) < 0 && xn >= DC_THRESHOLD) {
        if (width > pw_chars[k]) {
            break; /* leading zeros above this level: still split at k */
        }
        k--;
    }
    if (k < 0 || xn < DC_THRESHOLD) {
        return simple_digits(x, xn, base, out, width);
    }
    px_digit *q = px_nat_alloc((xn >= pw[k].n ? xn - pw[k].n : 0) + 2), *r = px_nat_alloc(pw[k].n);
    size_t qn, rn;
    px_nat_divmod(x, xn, pw[k].d, pw[k].n, q, &qn, r, &rn);
    size_t lo = pw_chars[k];
    size_t n = dc_digits(q, qn, base, pw, pw_chars, k - 1, out, width ? width - lo : 0);
    n += dc_digits(r, rn, base, pw, pw_chars, k - 1, out + n, lo);
    return n;
}

char *px_bn_to_str(const px_bn *a, int base, size_t *len) {
    if (a->n == 0) {
        char *s = px_gc_alloc(2, PX_GC_LEAF);
        s[0] = '0';
        *len = 1;
        return s;
    }
    size_t bits = px_nat_bitlen(a->d, a->n);
    int lb = 0;
    while ((1 << (lb + 1)) <= base) {
        lb++;
    }
    size_t cap = bits / (size_t)lb + 2;
    char *out = px_gc_alloc(cap + 1, PX_GC_LEAF);
    size_t pos = cap;
    if ((base & (base - 1)) == 0) {
        /* Power of two: read bit groups directly. */
        for (size_t bit = 0; bit < bits; bit += (size_t)lb) {
            unsigned v = 0;
            for (int j = lb - 1; j >= 0; j--) {
                size_t b = bit + (size_t)j;
                v = (v << 1) | (b < bits ? (a->d[b / 32] >> (b % 32)) & 1 : 0);
            }
            out[--pos] = digit_chars[v];
        }
    } else if (a->n >= 2 * DC_THRESHOLD) {
        /* powers big^(2^i) until one exceeds a */
        px_bn pw[40];
        size_t pw_chars[40];
        int top = make_powers(base, a->n, pw, pw_chars, true);
        size_t n = dc_digits(a->d, a->n, base, pw, pw_chars, top, out, 0);
        out[n] = 0;
        *len = n;
        return out;
    } else {
        int k;
        px_digit big = chunk_of(base, &k);
        px_digit *t = px_nat_alloc(a->n);
        memcpy(t, a->d, a->n * sizeof(px_digit));
        size_t tn = a->n;
        while (tn > 0) {
            px_digit rem = px_nat_div1(t, &tn, big);
            for (int j = 0; j < k && (tn > 0 || rem); j++) {
                out[--pos] = digit_chars[rem % (px_digit)base];
                rem /= (px_digit)base;
            }
        }
    }
    *len = cap - pos;
    memmove(out, out + pos, *len);
    out[*len] = 0;
    return out;
}

#endif /* PX_HAS_BIGINT */
