/* math's integer functions: factorial, gcd, lcm, isqrt, comb, perm, on
 * ints of any size (the arithmetic is the int type's own, through
 * px_binary; small cases stay in machine words). */
#include <math.h>

#include "mathmod.h"
#include "objects/bigint.h"

/* An argument that must be an int: an int, a bool, or an object with
 * __index__; TypeError "'float' object cannot be interpreted as an
 * integer" otherwise. */
static px_val int_arg(px_val v) {
    if (px_is_small(v)) {
        return v;
    }
    px_val i = px_int_unwrap(v);
    return i != PX_NULL ? i : px_unary(PX_UNOP_INDEX, v);
}

static int sign_of(px_val v) {
    if (px_is_small(v)) {
        px_int i = px_small_get(v);
        return (i > 0) - (i < 0);
    }
    px_digit buf[2];
    px_bn b;
    px_bn_get(v, &b, buf);
    return b.n == 0 ? 0 : b.neg ? -1 : 1;
}

/* v >= 0 as a uint64, or false if it is bigger. */
static bool to_u64(px_val v, uint64_t *out) {
    if (px_is_small(v)) {
        *out = (uint64_t)px_small_get(v);
        return true;
    }
    px_digit buf[2];
    px_bn b;
    px_bn_get(v, &b, buf);
    if (b.n > 2) {
        return false;
    }
    *out = b.n == 0 ? 0 : b.n == 1 ? b.d[0] : ((uint64_t)b.d[1] << 32) | b.d[0];
    return true;
}

static px_val mul(px_val a, px_val b) {
    return px_binary(PX_BINOP_MUL, a, b);
}

/* The product of the n integers start, start+1, ..., start+n-1 (start >=
 * 1, n >= 1). Halving the count keeps the factors of each multiplication
 * about the same size, which is what makes big products fast; runs of
 * small factors are multiplied in a machine word first. */
static px_val run_product(px_val start, uint64_t n) {
    uint64_t s;
    if (to_u64(start, &s) && s <= UINT32_MAX && n <= UINT32_MAX - s) {
        uint64_t acc = s;
        uint64_t i = 1;
        while (i < n && acc <= UINT64_MAX / (s + i)) {
            acc *= s + i;
            i++;
        }
        if (i == n) {
            return px_int_from_u64(acc);
        }
    }
    if (n == 1) {
        return start;
    }
    uint64_t half = n / 2;
    px_val left = run_product(start, half);
    px_val mid = px_binary(PX_BINOP_ADD, start, px_int_from_u64(half));
    return mul(left, run_product(mid, n - half));
}

static px_val math_factorial(px_val arg) {
    px_val n = int_arg(arg);
    if (sign_of(n) < 0) {
        px_raise_value_error("factorial() not defined for negative values");
    }
    uint64_t k;
    if (!to_u64(n, &k) || k > INT64_MAX) {
        px_raise_overflow("factorial() argument should not exceed 9223372036854775807");
    }
    return k < 2 ? px_small(1) : run_product(px_small(1), k);
}
PX_FUN1(px_math_factorial_obj, factorial, math_factorial);

/* perm(n, k) and comb(n, k): ints n, k >= 0. */
static void check_nk(px_val n, px_val k) {
    if (sign_of(n) < 0) {
        px_raise_value_error("n must be a non-negative integer");
    }
    if (sign_of(k) < 0) {
        px_raise_value_error("k must be a non-negative integer");
    }
}

static px_val math_perm(size_t argc, const px_val *argv) {
    px_val n = int_arg(argv[0]);
    if (argc < 2 || argv[1] == PX_NONE) {
        return math_factorial(n);
    }
    px_val k = int_arg(argv[1]);
    check_nk(n, k);
    if (px_less(n, k)) {
        return px_small(0);
    }
    uint64_t kk;
    if (!to_u64(k, &kk) || kk > INT64_MAX) {
        px_raise_overflow("k must not exceed 9223372036854775807");
    }
    if (kk == 0) {
        return px_small(1);
    }
    return run_product(px_binary(PX_BINOP_ADD, px_binary(PX_BINOP_SUB, n, k), px_small(1)), kk);
}
PX_FUNV(px_math_perm_obj, perm, 1, 2, math_perm);

/* comb(n, k) = n! / (k! (n-k)!), from the smaller of k and n-k. */
static px_val math_comb(px_val a, px_val b) {
    px_val n = int_arg(a), k = int_arg(b);
    check_nk(n, k);
    if (px_less(n, k)) {
        return px_small(0);
    }
    px_val rest = px_binary(PX_BINOP_SUB, n, k);
    if (px_less(rest, k)) {
        k = rest;
    }
    uint64_t kk;
    if (!to_u64(k, &kk) || kk > INT64_MAX) {
        px_raise_overflow("min(n - k, k) must not exceed 9223372036854775807");
    }
    if (kk == 0) {
        return px_small(1);
    }
    uint64_t nn;
    if (to_u64(n, &nn) && nn <= 62) {
        /* r = C(n-k+i, i) after each step; before the division it is
         * i * C(n-k+i, i), below 2**64 for n <= 62 */
        uint64_t r = 1;
        for (uint64_t i = 1; i <= kk; i++) {
            r = r * (nn - kk + i) / i;
        }
        return px_int_from_u64(r);
    }
    px_val first = px_binary(PX_BINOP_ADD, px_binary(PX_BINOP_SUB, n, k), px_small(1));
    return px_binary(PX_BINOP_FLOORDIV, run_product(first, kk), run_product(px_small(1), kk));
}
PX_FUN2(px_math_comb_obj, comb, math_comb);

/* ---- gcd and lcm */

static uint64_t gcd_u64(uint64_t a, uint64_t b) {
    while (b != 0) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static px_val int_abs(px_val v) {
    return sign_of(v) < 0 ? px_unary(PX_UNOP_NEG, v) : v;
}

/* gcd of two non-negative ints: Euclid's algorithm, in machine words once
 * both fit. */
static px_val gcd2(px_val a, px_val b) {
    for (;;) {
        uint64_t x, y;
        if (to_u64(a, &x) && to_u64(b, &y)) {
            return px_int_from_u64(gcd_u64(x, y));
        }
        if (sign_of(b) == 0) {
            return a;
        }
        px_val r = px_binary(PX_BINOP_MOD, a, b);
        a = b;
        b = r;
    }
}

static px_val math_gcd(size_t argc, const px_val *argv) {
    px_val g = px_small(0);
    for (size_t i = 0; i < argc; i++) {
        px_val v = int_abs(int_arg(argv[i]));
        if (!(g == px_small(1))) {
            g = gcd2(g, v);
        }
    }
    return g;
}
PX_FUNV(px_math_gcd_obj, gcd, 0, PX_ARGS_MAX, math_gcd);

static px_val math_lcm(size_t argc, const px_val *argv) {
    px_val l = px_small(1);
    for (size_t i = 0; i < argc; i++) {
        px_val v = int_abs(int_arg(argv[i]));
        if (sign_of(v) == 0 || sign_of(l) == 0) {
            l = px_small(0);
            continue;
        }
        l = mul(px_binary(PX_BINOP_FLOORDIV, l, gcd2(l, v)), v);
    }
    return l;
}
PX_FUNV(px_math_lcm_obj, lcm, 0, PX_ARGS_MAX, math_lcm);

/* ---- isqrt: the largest r with r*r <= n */

static px_val math_isqrt(px_val arg) {
    px_val n = int_arg(arg);
    int s = sign_of(n);
    if (s < 0) {
        px_raise_value_error("isqrt() argument must be nonnegative");
    }
    uint64_t u;
    if (to_u64(n, &u)) {
        /* the double estimate is within one of the answer; fix it up in integers */
        uint64_t r = (uint64_t)sqrt((double)u);
        if (r > UINT32_MAX) {
            r = UINT32_MAX;
        }
        while (r * r > u) {
            r--;
        }
        while (r < UINT32_MAX && (r + 1) * (r + 1) <= u) {
            r++;
        }
        return px_int_from_u64(r);
    }
    /* Newton's iteration from above: x = 2**ceil(bits/2) > sqrt(n), then
     * x = (x + n // x) // 2 decreases strictly until it reaches the answer. */
    px_digit buf[2];
    px_bn b;
    px_bn_get(n, &b, buf);
    size_t bits = px_nat_bitlen(b.d, b.n);
    px_val x = px_binary(PX_BINOP_LSHIFT, px_small(1), px_small((px_int)((bits + 1) / 2)));
    for (;;) {
        px_val y = px_binary(PX_BINOP_RSHIFT,
                             px_binary(PX_BINOP_ADD, x, px_binary(PX_BINOP_FLOORDIV, n, x)), px_small(1));
        if (!px_less(y, x)) {
            return x;
        }
        x = y;
    }
}
PX_FUN1(px_math_isqrt_obj, isqrt, math_isqrt);
