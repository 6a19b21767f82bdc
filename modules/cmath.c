/* The cmath module: functions of complex numbers.
 *
 * The values are the C library's complex functions (C99 Annex G, whose
 * special values for infinities and NaNs are the ones CPython tabulates);
 * the errors are CPython's: a NaN part from an argument without NaNs is
 * ValueError("math domain error"), an infinite part from a finite
 * argument is OverflowError("math range error"), except at the poles of
 * log and atanh, which are domain errors. CPython evaluates some of these
 * functions with formulas of its own, so results may differ from it in
 * the last bit or two; sqrt, exp, sin, cos, sinh and cosh agree bit for
 * bit on glibc. */
#include <complex.h>
#include <math.h>

#include "runtime.h"

#if !PX_HAS_COMPLEX
#error "cmath needs the complex type: a build with PX_HAS_COMPLEX=0 leaves it out (-Dexclude_modules=cmath)"
#endif

/* re + im*i with both parts exactly as given (re + im * I would turn an
 * infinite im into a NaN real part). C11's CMPLX does this but glibc
 * defines it only for gcc, so the parts are stored through the layout
 * C11 guarantees: a complex is an array of its two parts. */
static double complex make_complex(double re, double im) {
    union {
        double complex z;
        double parts[2];
    } u;
    u.parts[0] = re;
    u.parts[1] = im;
    return u.z;
}

/* A complex argument: a complex, an object with __complex__, or anything
 * float() of which works (TypeError "must be real number, not str"). */
static double complex arg_of(px_val v) {
    double re, im;
    if (px_is_complex(v)) {
        px_complex_get(v, &re, &im);
        return make_complex(re, im);
    }
    if (px_type_of(v)->flags & PX_TF_HEAPTYPE) {
        px_val m = px_special_method(v, PX_Q(__complex__));
        if (m != PX_NULL) {
            px_val r = px_call0(m);
            if (!px_is_complex(r)) {
                px_raise_type_error("__complex__ returned non-complex (type %s)", px_type_name(r));
            }
            px_complex_get(r, &re, &im);
            return make_complex(re, im);
        }
    }
    return make_complex(px_float_of(v), 0.0);
}

static px_val complex_of(double complex z) {
    return px_complex(creal(z), cimag(z));
}

static bool has_nan(double complex z) {
    return isnan(creal(z)) || isnan(cimag(z));
}
static bool has_inf(double complex z) {
    return isinf(creal(z)) || isinf(cimag(z));
}
static bool all_finite(double complex z) {
    return isfinite(creal(z)) && isfinite(cimag(z));
}

/* The errors described at the top; `pole` says whether an infinity from a
 * finite argument is a pole (domain error) rather than an overflow. */
static px_val checked(double complex z, double complex r, bool pole) {
    if (has_nan(r) && !has_nan(z)) {
        px_raise_value_error("math domain error");
    }
    if (has_inf(r) && all_finite(z)) {
        if (pole) {
            px_raise_value_error("math domain error");
        }
        px_raise_overflow("math range error");
    }
    return complex_of(r);
}

#define CMATH1(name, cfn, pole)                             \
    static px_val cmath_##name(px_val arg) {                \
        double complex z = arg_of(arg);                     \
        return checked(z, cfn(z), pole);                    \
    }                                                       \
    static PX_FUN1(cmath_##name##_obj, name, cmath_##name)

CMATH1(acos, cacos, false);
CMATH1(acosh, cacosh, false);
CMATH1(asin, casin, false);
CMATH1(asinh, casinh, false);
CMATH1(atan, catan, true); /* poles at +-1j */
CMATH1(atanh, catanh, true);
CMATH1(cos, ccos, false);
CMATH1(cosh, ccosh, false);
CMATH1(exp, cexp, false);
CMATH1(sin, csin, false);
CMATH1(sinh, csinh, false);
CMATH1(sqrt, csqrt, false);

/* tanh(x + iy) = (tanh x (1 + tan^2 y) + i tan y sech^2 x) / (1 + tanh^2 x tan^2 y)
 * for finite arguments, which on the real axis is exactly tanh(x) (the C
 * library's ctanh is not); C99's special values otherwise. tan y is
 * never big enough for its square to overflow. */
static double complex tanh_of(double complex z) {
    if (!all_finite(z)) {
        return ctanh(z);
    }
    double tx = tanh(creal(z)), ty = tan(cimag(z));
    double sech = 1.0 / cosh(creal(z));
    double den = 1.0 + tx * tx * ty * ty;
    return make_complex(tx * (1.0 + ty * ty) / den, ty * sech * sech / den);
}

/* tan(z) = -i tanh(iz) */
static double complex tan_of(double complex z) {
    double complex t = tanh_of(make_complex(-cimag(z), creal(z)));
    return make_complex(cimag(t), -creal(t));
}

CMATH1(tan, tan_of, false);
CMATH1(tanh, tanh_of, false);

/* log(z) with the checks; log(0) is a domain error. */
static double complex log_checked(px_val arg) {
    double complex z = arg_of(arg);
    double complex r = clog(z);
    checked(z, r, true);
    return r;
}

/* log(z[, base]): the quotient as the complex type divides. */
static px_val cmath_log(size_t argc, const px_val *argv) {
    double complex r = log_checked(argv[0]);
    if (argc == 1) {
        return complex_of(r);
    }
    double complex b = log_checked(argv[1]);
    if (creal(b) == 0 && cimag(b) == 0) {
        px_raise_value_error("math domain error");
    }
    return px_binary(PX_BINOP_TRUEDIV, complex_of(r), complex_of(b));
}
static PX_FUNV(cmath_log_obj, log, 1, 2, cmath_log);

static px_val cmath_log10(px_val arg) {
    double complex r = log_checked(arg);
    double ln10 = 2.302585092994045684017991454684364208;
    return px_complex(creal(r) / ln10, cimag(r) / ln10);
}
static PX_FUN1(cmath_log10_obj, log10, cmath_log10);

/* |z|, OverflowError when it does not fit a double. */
static double modulus(double complex z) {
    double r = hypot(creal(z), cimag(z));
    if (isinf(r) && all_finite(z)) {
        px_raise_overflow("math range error");
    }
    return r;
}

static px_val cmath_phase(px_val arg) {
    double complex z = arg_of(arg);
    return px_float(atan2(cimag(z), creal(z)));
}
static PX_FUN1(cmath_phase_obj, phase, cmath_phase);

static px_val cmath_polar(px_val arg) {
    double complex z = arg_of(arg);
    px_val items[2] = {px_float(modulus(z)), px_float(atan2(cimag(z), creal(z)))};
    return px_tuple_new(2, items);
}
static PX_FUN1(cmath_polar_obj, polar, cmath_polar);

/* r * (cos(phi) + i sin(phi)); infinite or NaN arguments as in C99's
 * treatment of r * cexp(i phi). */
static px_val cmath_rect(px_val rarg, px_val phiarg) {
    double r = px_float_of(rarg), phi = px_float_of(phiarg);
    if (isfinite(r) && isfinite(phi)) {
        if (phi == 0.0) {
            return px_complex(r, r * phi); /* keeps the sign of zero */
        }
        return px_complex(r * cos(phi), r * sin(phi));
    }
    if (isnan(r)) {
        if (phi == 0.0) {
            return px_complex(r, phi); /* nan + 0j, signs kept */
        }
        return px_complex(r, r);
    }
    if (isinf(r)) {
        if (isfinite(phi) && phi != 0.0) {
            double c = cos(phi), s = sin(phi);
            return px_complex(c == 0 ? 0.0 * r : r * c, s == 0 ? 0.0 * r : r * s);
        }
        if (isfinite(phi)) {
            return px_complex(r, r > 0 ? phi : -phi);
        }
        if (r > 0) {
            if (isinf(phi)) {
                px_raise_value_error("math domain error");
            }
            return px_complex(r, phi); /* inf, nan */
        }
        if (isinf(phi)) {
            px_raise_value_error("math domain error");
        }
        return px_complex(INFINITY, phi);
    }
    /* r finite, phi infinite or NaN */
    if (r == 0.0) {
        return px_complex(0.0, 0.0);
    }
    if (isinf(phi)) {
        px_raise_value_error("math domain error");
    }
    return px_complex(phi, phi);
}
static PX_FUN2(cmath_rect_obj, rect, cmath_rect);

static px_val cmath_isfinite(px_val arg) {
    return px_bool(all_finite(arg_of(arg)));
}
static PX_FUN1(cmath_isfinite_obj, isfinite, cmath_isfinite);

static px_val cmath_isinf(px_val arg) {
    return px_bool(has_inf(arg_of(arg)));
}
static PX_FUN1(cmath_isinf_obj, isinf, cmath_isinf);

static px_val cmath_isnan(px_val arg) {
    return px_bool(has_nan(arg_of(arg)));
}
static PX_FUN1(cmath_isnan_obj, isnan, cmath_isnan);

static const px_argspec isclose_spec[] = {
    {PX_Q(a), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(b), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(rel_tol), PX_ARG_KWONLY, PX_NULL},
    {PX_Q(abs_tol), PX_ARG_KWONLY, PX_NULL},
};

/* PEP 485 with the modulus of the difference. */
static px_val cmath_isclose(size_t argc, const px_val *argv, px_val kwnames) {
    px_val v[4];
    px_parse_args(PX_Q(isclose), argc, argv, kwnames, 4, isclose_spec, v);
    double complex a = arg_of(v[0]), b = arg_of(v[1]);
    double rel = v[2] == PX_NULL ? 1e-9 : px_float_of(v[2]);
    double abs_tol = v[3] == PX_NULL ? 0.0 : px_float_of(v[3]);
    if (rel < 0 || abs_tol < 0) {
        px_raise_value_error("tolerances must be non-negative");
    }
    if (creal(a) == creal(b) && cimag(a) == cimag(b)) {
        return PX_TRUE;
    }
    if (has_inf(a) || has_inf(b)) {
        return PX_FALSE;
    }
    double diff = hypot(creal(a) - creal(b), cimag(a) - cimag(b));
    return px_bool(diff <= rel * hypot(creal(b), cimag(b)) || diff <= rel * hypot(creal(a), cimag(a)) ||
                   diff <= abs_tol);
}
static PX_FUNKW(cmath_isclose_obj, isclose, 0, 2, cmath_isclose);

/* ---- the module: made at first import, like math, for its float and
 * complex constants. */

static const px_map_entry cmath_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(cmath))),
    PX_ENTRY_OBJ(acos, &cmath_acos_obj),
    PX_ENTRY_OBJ(acosh, &cmath_acosh_obj),
    PX_ENTRY_OBJ(asin, &cmath_asin_obj),
    PX_ENTRY_OBJ(asinh, &cmath_asinh_obj),
    PX_ENTRY_OBJ(atan, &cmath_atan_obj),
    PX_ENTRY_OBJ(atanh, &cmath_atanh_obj),
    PX_ENTRY_OBJ(cos, &cmath_cos_obj),
    PX_ENTRY_OBJ(cosh, &cmath_cosh_obj),
    PX_ENTRY_OBJ(exp, &cmath_exp_obj),
    PX_ENTRY_OBJ(isclose, &cmath_isclose_obj),
    PX_ENTRY_OBJ(isfinite, &cmath_isfinite_obj),
    PX_ENTRY_OBJ(isinf, &cmath_isinf_obj),
    PX_ENTRY_OBJ(isnan, &cmath_isnan_obj),
    PX_ENTRY_OBJ(log, &cmath_log_obj),
    PX_ENTRY_OBJ(log10, &cmath_log10_obj),
    PX_ENTRY_OBJ(phase, &cmath_phase_obj),
    PX_ENTRY_OBJ(polar, &cmath_polar_obj),
    PX_ENTRY_OBJ(rect, &cmath_rect_obj),
    PX_ENTRY_OBJ(sin, &cmath_sin_obj),
    PX_ENTRY_OBJ(sinh, &cmath_sinh_obj),
    PX_ENTRY_OBJ(sqrt, &cmath_sqrt_obj),
    PX_ENTRY_OBJ(tan, &cmath_tan_obj),
    PX_ENTRY_OBJ(tanh, &cmath_tanh_obj),
};
static PX_CONST_MAP(cmath_globals, cmath_table);

static px_val cmath_module;

static px_val cmath_make(const px_module *module) {
    if (cmath_module != PX_NULL) {
        return cmath_module;
    }
    const double pi = 3.141592653589793238462643383279502884;
    px_val m = px_module_new(PX_Q(cmath));
    px_map *g = px_module_globals(m);
    px_map_copy(g, module->globals);
    px_map_set_q(g, PX_Q(e), px_float(2.718281828459045235360287471352662498));
    px_map_set_q(g, PX_Q(inf), px_float(INFINITY));
    px_map_set_q(g, PX_Q(infj), px_complex(0.0, INFINITY));
    px_map_set_q(g, PX_Q(nan), px_float(NAN));
    px_map_set_q(g, PX_Q(nanj), px_complex(0.0, NAN));
    px_map_set_q(g, PX_Q(pi), px_float(pi));
    px_map_set_q(g, PX_Q(tau), px_float(2 * pi));
    px_gc_add_root(&cmath_module, sizeof cmath_module);
    cmath_module = m;
    return m;
}

PX_MODULE_DEF(cmath, cmath_globals, 0, cmath_make);
