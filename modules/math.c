/* The math module: functions of floats with CPython's results and errors,
 * and the module table (the integer functions are in math_int.c, sums
 * and norms in math_sum.c).
 *
 * Most functions are the C library's: CPython calls the same ones, so on
 * the same libm the results are the same bits. What CPython decides
 * itself is decided here the same way: a NaN from a non-NaN argument is
 * ValueError("math domain error"); an infinity from finite arguments is
 * OverflowError("math range error") for functions that can overflow, a
 * domain error for poles (log(0), atanh(1)). Ints too big for a double
 * are an OverflowError, except for the logarithms, which take any int. */
#include <float.h>
#include <math.h>

#include "mathmod.h"
#include "objects/bigint.h"

void px_math_domain_error(void) {
    px_raise_value_error("math domain error");
}

void px_math_range_error(void) {
    px_raise_overflow("math range error");
}

/* f(x) with the checks described at the top; can_overflow says whether an
 * infinite result from a finite x is an overflow or a pole. */
static px_val apply1(px_val arg, double (*f)(double), bool can_overflow) {
    double x = px_float_of(arg);
    double r = f(x);
    if (isnan(r) && !isnan(x)) {
        px_math_domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) {
            px_math_range_error();
        }
        px_math_domain_error();
    }
    return px_float(r);
}

#define MATH1(name, can_overflow)                          \
    static px_val math_##name(px_val x) {                  \
        return apply1(x, name, can_overflow);              \
    }                                                      \
    static PX_FUN1(math_##name##_obj, name, math_##name)

MATH1(acos, false);
MATH1(acosh, false);
MATH1(asin, false);
MATH1(asinh, false);
MATH1(atan, false);
MATH1(atanh, false);
MATH1(cbrt, false);
MATH1(cos, false);
MATH1(cosh, true);
MATH1(erf, false);
MATH1(erfc, false);
MATH1(exp, true);
MATH1(exp2, true);
MATH1(expm1, true);
MATH1(fabs, false);
MATH1(log1p, false);
MATH1(sin, false);
MATH1(sinh, true);
MATH1(sqrt, false);
MATH1(tan, false);
MATH1(tanh, false);

/* ---- gamma functions. CPython computes these itself (not correctly
 * rounded); the C library's agree with them to a few ulps, and the
 * errors are CPython's. */

static px_val math_gamma(px_val arg) {
    double x = px_float_of(arg);
    if (isnan(x) || x == INFINITY) {
        return px_float(x);
    }
    if (x == -INFINITY || (x <= 0 && x == floor(x))) {
        px_math_domain_error(); /* the poles 0, -1, -2, ... */
    }
    if (x == floor(x) && x <= 23) {
        double r = 1; /* (x-1)! exactly, rounded once at 23 */
        for (int i = 2; i < (int)x; i++) {
            r *= i;
        }
        return px_float(r);
    }
    double r = tgamma(x);
    if (isinf(r)) {
        px_math_range_error();
    }
    return px_float(r);
}
static PX_FUN1(math_gamma_obj, gamma, math_gamma);

static px_val math_lgamma(px_val arg) {
    double x = px_float_of(arg);
    if (isnan(x)) {
        return px_float(x);
    }
    if (isinf(x)) {
        return px_float(INFINITY);
    }
    if (x <= 0 && x == floor(x)) {
        px_math_domain_error();
    }
    if (x == 1 || x == 2) {
        return px_float(0.0);
    }
    double r = lgamma(x);
    if (isinf(r)) {
        px_math_range_error();
    }
    return px_float(r);
}
static PX_FUN1(math_lgamma_obj, lgamma, math_lgamma);

/* ---- logarithms: any positive int, however big */

/* A positive int v too big for a double: returns m in [0.5, 1) and sets
 * *e so that v = m * 2**e, m correctly rounded to 53 bits (ties to even). */
static double big_frexp(px_val v, int64_t *e) {
    px_digit buf[2];
    px_bn b;
    px_bn_get(v, &b, buf);
    size_t bits = px_nat_bitlen(b.d, b.n);
    size_t s = bits - 64; /* v has more than 1024 bits */
    px_bn top = px_bn_shr(&b, s);
    uint64_t t = (uint64_t)top.d[0] | ((uint64_t)(top.n > 1 ? top.d[1] : 0) << 32);
    /* the bits shifted out only matter as "some are set" (for ties) */
    bool sticky = false;
    for (size_t i = 0; i < s / PX_DIGIT_BITS && !sticky; i++) {
        sticky = b.d[i] != 0;
    }
    if (s % PX_DIGIT_BITS && (b.d[s / PX_DIGIT_BITS] & (((px_digit)1 << (s % PX_DIGIT_BITS)) - 1))) {
        sticky = true;
    }
    double m = ldexp((double)(t | sticky), -64); /* one rounding, to nearest even */
    *e = (int64_t)s + 64;
    if (m == 1.0) {
        m = 0.5;
        ++*e;
    }
    return m;
}

/* f(x) for a logarithm f: ints too big for a double as f(m) + f(2) * e. */
static double log_of(px_val v, double (*f)(double)) {
    if (px_is_int(v)) {
        px_digit buf[2];
        px_bn b;
        px_bn_get(v, &b, buf);
        if (b.neg || b.n == 0) {
            px_math_domain_error();
        }
        bool overflow;
        double d = px_bn_to_double(&b, &overflow);
        if (overflow) {
            int64_t e;
            double m = big_frexp(v, &e);
            return f(m) + f(2.0) * (double)e;
        }
        v = px_float(d);
    }
    double x = px_float_of(v);
    double r = f(x);
    if (isnan(r) && !isnan(x)) {
        px_math_domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        px_math_domain_error(); /* log(0) */
    }
    return r;
}

static px_val math_log(size_t argc, const px_val *argv) {
    double num = log_of(argv[0], log);
    if (argc == 1) {
        return px_float(num);
    }
    double den = log_of(argv[1], log);
    if (den == 0) {
        px_raise_zero_division("float division by zero");
    }
    return px_float(num / den);
}
static PX_FUNV(math_log_obj, log, 1, 2, math_log);

static px_val math_log2(px_val x) {
    return px_float(log_of(x, log2));
}
static PX_FUN1(math_log2_obj, log2, math_log2);

static px_val math_log10(px_val x) {
    return px_float(log_of(x, log10));
}
static PX_FUN1(math_log10_obj, log10, math_log10);

/* ---- two arguments */

static px_val math_pow(px_val a, px_val b) {
    double x = px_float_of(a), y = px_float_of(b);
    double r = pow(x, y); /* C99's special values are Python's */
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r)) {
            px_math_domain_error(); /* negative ** non-integer */
        }
        if (isinf(r)) {
            if (x == 0) {
                px_math_domain_error(); /* 0 ** negative */
            }
            px_math_range_error();
        }
    }
    return px_float(r);
}
static PX_FUN2(math_pow_obj, pow, math_pow);

static px_val math_fmod(px_val a, px_val b) {
    double x = px_float_of(a), y = px_float_of(b);
    if (isinf(y) && isfinite(x)) {
        return px_float(x);
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        px_math_domain_error();
    }
    return px_float(r);
}
static PX_FUN2(math_fmod_obj, fmod, math_fmod);

static px_val math_remainder(px_val a, px_val b) {
    double x = px_float_of(a), y = px_float_of(b);
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        px_math_domain_error();
    }
    return px_float(r);
}
static PX_FUN2(math_remainder_obj, remainder, math_remainder);

static px_val math_atan2(px_val y, px_val x) {
    return px_float(atan2(px_float_of(y), px_float_of(x)));
}
static PX_FUN2(math_atan2_obj, atan2, math_atan2);

static px_val math_copysign(px_val x, px_val y) {
    return px_float(copysign(px_float_of(x), px_float_of(y)));
}
static PX_FUN2(math_copysign_obj, copysign, math_copysign);

static px_val math_nextafter(px_val x, px_val y) {
    return px_float(nextafter(px_float_of(x), px_float_of(y)));
}
static PX_FUN2(math_nextafter_obj, nextafter, math_nextafter);

/* The value of the least significant bit of x. */
static px_val math_ulp(px_val arg) {
    double x = fabs(px_float_of(arg));
    if (!isfinite(x)) {
        return px_float(x);
    }
    double up = nextafter(x, INFINITY);
    if (isinf(up)) {
        return px_float(x - nextafter(x, -INFINITY));
    }
    return px_float(up - x);
}
static PX_FUN1(math_ulp_obj, ulp, math_ulp);

#define PI 3.141592653589793238462643383279502884
static const double rad_per_deg = PI / 180.0, deg_per_rad = 180.0 / PI;

static px_val math_degrees(px_val x) {
    return px_float(px_float_of(x) * deg_per_rad);
}
static PX_FUN1(math_degrees_obj, degrees, math_degrees);

static px_val math_radians(px_val x) {
    return px_float(px_float_of(x) * rad_per_deg);
}
static PX_FUN1(math_radians_obj, radians, math_radians);

/* ---- classification */

static px_val math_isfinite(px_val x) {
    return px_bool(isfinite(px_float_of(x)));
}
static PX_FUN1(math_isfinite_obj, isfinite, math_isfinite);

static px_val math_isinf(px_val x) {
    return px_bool(isinf(px_float_of(x)));
}
static PX_FUN1(math_isinf_obj, isinf, math_isinf);

static px_val math_isnan(px_val x) {
    return px_bool(isnan(px_float_of(x)));
}
static PX_FUN1(math_isnan_obj, isnan, math_isnan);

static const px_argspec isclose_spec[] = {
    {PX_Q(a), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(b), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(rel_tol), PX_ARG_KWONLY, PX_NULL},
    {PX_Q(abs_tol), PX_ARG_KWONLY, PX_NULL},
};

/* PEP 485: close relative to either value, or within abs_tol. */
static px_val math_isclose(size_t argc, const px_val *argv, px_val kwnames) {
    px_val v[4];
    px_parse_args(PX_Q(isclose), argc, argv, kwnames, 4, isclose_spec, v);
    double a = px_float_of(v[0]), b = px_float_of(v[1]);
    double rel = v[2] == PX_NULL ? 1e-9 : px_float_of(v[2]);
    double abs_tol = v[3] == PX_NULL ? 0.0 : px_float_of(v[3]);
    if (rel < 0 || abs_tol < 0) {
        px_raise_value_error("tolerances must be non-negative");
    }
    if (a == b) {
        return PX_TRUE; /* equal infinities too */
    }
    if (isinf(a) || isinf(b)) {
        return PX_FALSE;
    }
    double diff = fabs(b - a);
    return px_bool(diff <= fabs(rel * b) || diff <= fabs(rel * a) || diff <= abs_tol);
}
static PX_FUNKW(math_isclose_obj, isclose, 0, 2, math_isclose);

/* ---- rounding to ints: a type's own __floor__/__ceil__/__trunc__ first */

static px_val to_int(px_val v, double (*f)(double), px_qid method) {
    if (px_is_float(v)) {
        return px_int_from_double(f(px_float_get(v)));
    }
    if (px_is_small(v)) {
        return v;
    }
    px_val m = px_special_method(v, method);
    if (m != PX_NULL) {
        return px_call0(m);
    }
    if (method == PX_Q(__trunc__)) {
        px_raise_type_error("type %s doesn't define __trunc__ method", px_type_name(v));
    }
    return px_int_from_double(f(px_float_of(v)));
}

static px_val math_floor(px_val x) {
    return to_int(x, floor, PX_Q(__floor__));
}
static PX_FUN1(math_floor_obj, floor, math_floor);

static px_val math_ceil(px_val x) {
    return to_int(x, ceil, PX_Q(__ceil__));
}
static PX_FUN1(math_ceil_obj, ceil, math_ceil);

static px_val math_trunc(px_val x) {
    return to_int(x, trunc, PX_Q(__trunc__));
}
static PX_FUN1(math_trunc_obj, trunc, math_trunc);

/* ---- the parts of a float */

static px_val math_frexp(px_val arg) {
    double x = px_float_of(arg);
    int e = 0;
    if (isfinite(x) && x != 0) {
        x = frexp(x, &e);
    }
    px_val items[2] = {px_float(x), px_small(e)};
    return px_tuple_new(2, items);
}
static PX_FUN1(math_frexp_obj, frexp, math_frexp);

static px_val math_ldexp(px_val arg, px_val exp) {
    double x = px_float_of(arg);
    if (!px_is_int(exp)) {
        px_raise_type_error("Expected an int as second argument to ldexp.");
    }
    if (x == 0 || !isfinite(x)) {
        return px_float(x);
    }
    px_digit buf[2];
    px_bn b;
    px_bn_get(exp, &b, buf);
    /* beyond +-100000 the result is 0 or out of range whatever x is */
    long e = b.n > 1 || b.d[0] > 100000 ? (b.neg ? -100000 : 100000) : (long)b.d[0] * (b.neg ? -1 : 1);
    double r = ldexp(x, (int)e);
    if (isinf(r)) {
        px_math_range_error();
    }
    return px_float(r);
}
static PX_FUN2(math_ldexp_obj, ldexp, math_ldexp);

static px_val math_modf(px_val arg) {
    double x = px_float_of(arg), ip;
    double frac = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) {
        ip = x;
    }
    px_val items[2] = {px_float(frac), px_float(ip)};
    return px_tuple_new(2, items);
}
static PX_FUN1(math_modf_obj, modf, math_modf);

/* ---- the module. The constants are floats, which the core has no static
 * form of on every target, so the module object is made at first import:
 * a heap copy of the table below plus e, inf, nan, pi and tau. */

static const px_map_entry math_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(math))),
    PX_ENTRY_OBJ(acos, &math_acos_obj),
    PX_ENTRY_OBJ(acosh, &math_acosh_obj),
    PX_ENTRY_OBJ(asin, &math_asin_obj),
    PX_ENTRY_OBJ(asinh, &math_asinh_obj),
    PX_ENTRY_OBJ(atan, &math_atan_obj),
    PX_ENTRY_OBJ(atan2, &math_atan2_obj),
    PX_ENTRY_OBJ(atanh, &math_atanh_obj),
    PX_ENTRY_OBJ(cbrt, &math_cbrt_obj),
    PX_ENTRY_OBJ(ceil, &math_ceil_obj),
    PX_ENTRY_OBJ(comb, &px_math_comb_obj),
    PX_ENTRY_OBJ(copysign, &math_copysign_obj),
    PX_ENTRY_OBJ(cos, &math_cos_obj),
    PX_ENTRY_OBJ(cosh, &math_cosh_obj),
    PX_ENTRY_OBJ(degrees, &math_degrees_obj),
    PX_ENTRY_OBJ(dist, &px_math_dist_obj),
    PX_ENTRY_OBJ(erf, &math_erf_obj),
    PX_ENTRY_OBJ(erfc, &math_erfc_obj),
    PX_ENTRY_OBJ(exp, &math_exp_obj),
    PX_ENTRY_OBJ(exp2, &math_exp2_obj),
    PX_ENTRY_OBJ(expm1, &math_expm1_obj),
    PX_ENTRY_OBJ(fabs, &math_fabs_obj),
    PX_ENTRY_OBJ(factorial, &px_math_factorial_obj),
    PX_ENTRY_OBJ(floor, &math_floor_obj),
    PX_ENTRY_OBJ(fmod, &math_fmod_obj),
    PX_ENTRY_OBJ(frexp, &math_frexp_obj),
    PX_ENTRY_OBJ(fsum, &px_math_fsum_obj),
    PX_ENTRY_OBJ(gamma, &math_gamma_obj),
    PX_ENTRY_OBJ(gcd, &px_math_gcd_obj),
    PX_ENTRY_OBJ(hypot, &px_math_hypot_obj),
    PX_ENTRY_OBJ(isclose, &math_isclose_obj),
    PX_ENTRY_OBJ(isfinite, &math_isfinite_obj),
    PX_ENTRY_OBJ(isinf, &math_isinf_obj),
    PX_ENTRY_OBJ(isnan, &math_isnan_obj),
    PX_ENTRY_OBJ(isqrt, &px_math_isqrt_obj),
    PX_ENTRY_OBJ(lcm, &px_math_lcm_obj),
    PX_ENTRY_OBJ(ldexp, &math_ldexp_obj),
    PX_ENTRY_OBJ(lgamma, &math_lgamma_obj),
    PX_ENTRY_OBJ(log, &math_log_obj),
    PX_ENTRY_OBJ(log10, &math_log10_obj),
    PX_ENTRY_OBJ(log1p, &math_log1p_obj),
    PX_ENTRY_OBJ(log2, &math_log2_obj),
    PX_ENTRY_OBJ(modf, &math_modf_obj),
    PX_ENTRY_OBJ(nextafter, &math_nextafter_obj),
    PX_ENTRY_OBJ(perm, &px_math_perm_obj),
    PX_ENTRY_OBJ(pow, &math_pow_obj),
    PX_ENTRY_OBJ(prod, &px_math_prod_obj),
    PX_ENTRY_OBJ(radians, &math_radians_obj),
    PX_ENTRY_OBJ(remainder, &math_remainder_obj),
    PX_ENTRY_OBJ(sin, &math_sin_obj),
    PX_ENTRY_OBJ(sinh, &math_sinh_obj),
    PX_ENTRY_OBJ(sqrt, &math_sqrt_obj),
    PX_ENTRY_OBJ(tan, &math_tan_obj),
    PX_ENTRY_OBJ(tanh, &math_tanh_obj),
    PX_ENTRY_OBJ(trunc, &math_trunc_obj),
    PX_ENTRY_OBJ(ulp, &math_ulp_obj),
};
static PX_CONST_MAP(math_globals, math_table);

static px_val math_module;

static px_val math_make(const px_module *module) {
    if (math_module != PX_NULL) {
        return math_module;
    }
    px_val m = px_module_new(PX_Q(math));
    px_map *g = px_module_globals(m);
    px_map_copy(g, module->globals);
    px_map_set_q(g, PX_Q(e), px_float(2.718281828459045235360287471352662498));
    px_map_set_q(g, PX_Q(inf), px_float(INFINITY));
    px_map_set_q(g, PX_Q(nan), px_float(NAN));
    px_map_set_q(g, PX_Q(pi), px_float(PI));
    px_map_set_q(g, PX_Q(tau), px_float(2 * PI));
    px_gc_add_root(&math_module, sizeof math_module);
    math_module = m;
    return m;
}

PX_MODULE_DEF(math, math_globals, 0, math_make);
