/* The float type: IEEE doubles with CPython's semantics for %, //, **,
 * exact comparisons with ints, and parsing. On the 32-bit encoding floats
 * are boxed here. A build without floats (PX_HAS_FLOAT=0) keeps only
 * px_float_of for ints and the error that names the missing type. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../runtime.h"
#include "bigint.h"

#if PX_HAS_FLOAT

#if PX_BOXED_FLOATS
typedef struct {
    px_obj base;
    double d;
} px_float_obj;

bool px_is_float(px_val v) {
    return px_is_type(v, &px_type_float);
}
double px_float_get(px_val v) {
    return ((px_float_obj *)px_as_ptr(v))->d;
}
px_val px_float(double d) {
    px_float_obj *f = px_gc_alloc(sizeof *f, PX_GC_LEAF);
    f->base.type = &px_type_float;
    f->d = d;
    return px_from_ptr(f);
}
#endif

/* The double inside a float or a float subclass instance; false if none. */
static bool float_unwrap(px_val v, double *out) {
    if (px_is_float(v)) {
        *out = px_float_get(v);
        return true;
    }
    if (px_is_obj(v)) {
        const px_type *t = px_type_of(v);
        if ((t->flags & PX_TF_HEAPTYPE) && ((const px_class *)t)->native_base == &px_type_float) {
            px_val nat = ((px_instance *)px_as_ptr(v))->native;
            if (nat != PX_NULL && px_is_float(nat)) {
                *out = px_float_get(nat);
                return true;
            }
        }
    }
    return false;
}

double px_float_of(px_val v) {
    double d;
    if (float_unwrap(v, &d)) {
        return d;
    }
    if (px_is_int(v)) {
        return px_int_to_double(v);
    }
    const px_type *t = px_type_of(v);
    if (t->flags & PX_TF_HEAPTYPE) {
        px_val m = px_type_lookup(t, PX_Q(__float__));
        if (m != PX_NULL) {
            px_val r = px_call1(m, v);
            if (!float_unwrap(r, &d)) {
                px_raise_type_error("%s.__float__ returned non-float (type %s)", px_type_name(v), px_type_name(r));
            }
            return d;
        }
        m = px_type_lookup(t, PX_Q(__index__));
        if (m != PX_NULL) {
            return px_int_to_double(px_call1(m, v));
        }
    }
    px_raise_type_error("must be real number, not %s", px_type_name(v));
}

/* ---- parsing */

static bool ieq(const char *s, size_t n, const char *word) {
    size_t wn = strlen(word);
    if (n != wn) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((s[i] | 0x20) != word[i]) {
            return false;
        }
    }
    return true;
}

/* A checked decimal ([-] digits [. digits] [e [sign] digits]) whose
 * digits, point removed, make an integer m below 2^53 and whose scale is
 * 10^e with |e| <= 22: both are exact doubles, so one multiplication or
 * division rounds the value correctly, as strtod does, without the C
 * library's multi-precision path. False for any other (the caller asks
 * strtod). Needs double arithmetic without excess precision. */
static bool exact_decimal(const char *s, double *out) {
#if FLT_EVAL_METHOD == 0
    static const double pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    bool neg = *s == '-';
    s += neg;
    uint64_t m = 0;
    int e = 0;
    bool frac = false;
    for (; *s && *s != 'e' && *s != 'E'; s++) {
        if (*s == '.') {
            frac = true;
            continue;
        }
        m = m * 10 + (uint64_t)(*s - '0');
        if (m >> 53) {
            return false;
        }
        e -= frac;
    }
    if (*s) {
        s++;
        bool eneg = *s == '-';
        s += *s == '-' || *s == '+';
        int x = 0;
        for (; *s; s++) {
            x = x * 10 + (*s - '0');
            if (x > 1000) {
                return false;
            }
        }
        e += eneg ? -x : x;
    }
    if (e < -22 || e > 22) {
        return false;
    }
    double d = (double)m;
    d = e < 0 ? d / pow10[-e] : d * pow10[e];
    *out = neg ? -d : d;
    return true;
#else
    (void)s;
    (void)out;
    return false;
#endif
}

/* Parse [sign] number without surrounding space; false if malformed. */
bool px_float_parse_text(const char *s, size_t n, double *out) {
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    const char *p = s + i;
    size_t m = n - i;
    if (ieq(p, m, "inf") || ieq(p, m, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (ieq(p, m, "nan")) {
        *out = neg ? -NAN : NAN;
        return true;
    }
    /* digits [. digits] [e [sign] digits], underscores only between digits */
    char small[80];
    char *buf = n < sizeof small ? small : px_gc_alloc(n + 1, PX_GC_LEAF);
    size_t k = 0;
    if (neg) {
        buf[k++] = '-';
    }
    size_t ndig = 0;
    bool in_exp = false, seen_dot = false, exp_digits = false;
    char prev = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (in_exp) {
                exp_digits = true;
            } else {
                ndig++;
            }
        } else if (c == '_') {
            if (!(prev >= '0' && prev <= '9') || i + 1 >= n || !(s[i + 1] >= '0' && s[i + 1] <= '9')) {
                return false;
            }
            prev = c;
            continue;
        } else if (c == '.') {
            if (seen_dot || in_exp) {
                return false;
            }
            seen_dot = true;
        } else if ((c == 'e' || c == 'E') && !in_exp) {
            if (ndig == 0) {
                return false;
            }
            in_exp = true;
            if (i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-')) {
                buf[k++] = c;
                c = s[++i];
            }
        } else {
            return false;
        }
        buf[k++] = c;
        prev = c;
    }
    if (ndig == 0 || (in_exp && !exp_digits)) {
        return false;
    }
    buf[k] = 0;
    if (!exact_decimal(buf, out)) {
        *out = strtod(buf, NULL);
    }
    return true;
}

double px_float_parse(const char *s, size_t len) {
    const char *orig = s;
    size_t olen = len;
    s = px_num_to_ascii(s, &len);
    size_t i = 0, end = len;
    px_num_strip(s, &i, &end);
    double d;
    if (i == end || !px_float_parse_text(s + i, end - i, &d)) {
        px_val r = px_to_repr(px_str(orig, olen));
        size_t n;
        const char *rs = px_str_data(r, &n);
        px_raise_value_error("could not convert string to float: %.*s", (int)n, rs);
    }
    return d;
}

/* ---- arithmetic */

static double float_mod(double a, double b) {
    double mod = fmod(a, b);
    if (mod) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
        }
    } else {
        mod = copysign(0.0, b);
    }
    return mod;
}

/* Round to a double now: x87 (gcc -m32) keeps wider intermediates, which
 * would round twice in the floor division below. */
static double to_double(double x) {
    volatile double v = x;
    return v;
}

static double float_floordiv(double a, double b) {
    double mod = fmod(a, b);
    double div = to_double(to_double(a - mod) / b);
    if (mod && ((b < 0) != (mod < 0))) {
        div -= 1.0;
    }
    double fl;
    if (div) {
        fl = floor(div);
        if (to_double(div - fl) > 0.5) {
            fl += 1.0;
        }
    } else {
        fl = copysign(0.0, a / b);
    }
    return fl;
}

px_val px_float_divmod(double a, double b) {
    if (b == 0.0) {
        px_raise_zero_division("float divmod()");
    }
    px_val items[2] = {px_float(float_floordiv(a, b)), px_float(float_mod(a, b))};
    return px_tuple_new(2, items);
}

static px_val float_pow(double a, double b) {
    if (b == 0.0) {
        return px_float(1.0);
    }
    if (isnan(a)) {
        return px_float(a);
    }
    if (isnan(b)) {
        return px_float(a == 1.0 ? 1.0 : b);
    }
    if (a == 0.0 && b < 0.0 && !isinf(b)) {
        px_raise_zero_division("0.0 cannot be raised to a negative power");
    }
    if (a < 0.0 && isfinite(a) && isfinite(b) && floor(b) != b) {
        /* negative base, fractional exponent: complex result as CPython */
#if PX_HAS_COMPLEX
        return px_complex_binop(PX_BINOP_POW, a, 0.0, b, 0.0);
#else
        px_raise_value_error("math domain error");
#endif
    }
    double r = pow(a, b);
    if (isinf(r) && isfinite(a) && isfinite(b)) {
        px_raise_overflow("(34, 'Numerical result out of range')");
    }
    return px_float(r);
}

px_val px_float_binop(px_binop op, double a, double b) {
    if (op >= PX_BINOP_IADD && op <= PX_BINOP_IXOR) {
        op -= PX_BINOP_INPLACE_DELTA;
    }
    switch (op) {
    case PX_BINOP_ADD:
        return px_float(a + b);
    case PX_BINOP_SUB:
        return px_float(a - b);
    case PX_BINOP_MUL:
        return px_float(a * b);
    case PX_BINOP_TRUEDIV:
        if (b == 0.0) {
            px_raise_zero_division("float division by zero");
        }
        return px_float(a / b);
    case PX_BINOP_FLOORDIV:
        if (b == 0.0) {
            px_raise_zero_division("float floor division by zero");
        }
        return px_float(float_floordiv(a, b));
    case PX_BINOP_MOD:
        if (b == 0.0) {
            px_raise_zero_division("float modulo");
        }
        return px_float(float_mod(a, b));
    case PX_BINOP_POW:
        return float_pow(a, b);
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
        return PX_NOTIMPL;
    }
}

/* Comparison of a float with an int, exactly. */
static px_val compare_mixed(px_binop op, int c) {
    if (c == 2) {
        return px_bool(op == PX_BINOP_NE);
    }
    switch (op) {
    case PX_BINOP_LT:
        return px_bool(c < 0);
    case PX_BINOP_LE:
        return px_bool(c <= 0);
    case PX_BINOP_EQ:
        return px_bool(c == 0);
    case PX_BINOP_NE:
        return px_bool(c != 0);
    case PX_BINOP_GT:
        return px_bool(c > 0);
    default:
        return px_bool(c >= 0);
    }
}

/* The type's binop slot. Not inlined into the dunder methods below
 * (float.__add__ and the rest, called by name and rarely): at -O3 each
 * got its own copy, 26 of them, 14 KB. */
__attribute__((noinline)) static px_val float_binop(px_binop op, px_val lhs, px_val rhs) {
    double a, b;
    bool af = float_unwrap(lhs, &a), bf = float_unwrap(rhs, &b);
    if (!af && !bf) {
        return PX_NOTIMPL;
    }
    if (op >= PX_BINOP_LT && op <= PX_BINOP_GE && (!af || !bf)) {
        /* int on one side: compare exactly */
        if (!af) {
            if (!px_is_int(lhs)) {
                return PX_NOTIMPL;
            }
            return compare_mixed(op, px_int_cmp_double(lhs, b));
        }
        if (!px_is_int(rhs)) {
            return PX_NOTIMPL;
        }
        int c = px_int_cmp_double(rhs, a);
        return compare_mixed(op, c == 2 ? 2 : -c);
    }
    if (!af) {
        if (!px_is_int(lhs)) {
            return PX_NOTIMPL;
        }
        a = px_int_to_double(lhs);
    }
    if (!bf) {
        if (!px_is_int(rhs)) {
            return PX_NOTIMPL;
        }
        b = px_int_to_double(rhs);
    }
    return px_float_binop(op, a, b);
}

static px_val float_unop(px_unop op, px_val self) {
    double d;
    if (!float_unwrap(self, &d)) {
        return PX_NOTIMPL;
    }
    switch (op) {
    case PX_UNOP_NEG:
        return px_float(-d);
    case PX_UNOP_POS:
    case PX_UNOP_FLOAT:
        return px_float(d);
    case PX_UNOP_ABS:
        return px_float(fabs(d));
    case PX_UNOP_BOOL:
        return px_bool(d != 0.0);
    case PX_UNOP_HASH:
        return px_hash_to_int(px_num_hash_double(d));
    case PX_UNOP_INT:
        return px_int_from_double(d);
    default:
        return PX_NOTIMPL;
    }
}

static void float_print(px_out *out, px_val self, px_print_kind kind) {
    double d = 0;
    float_unwrap(self, &d);
    char buf[40];
    size_t n = px_float_repr(buf, sizeof buf, d);
    px_write(out, buf, n);
}

static px_val float_getattr(px_val self, px_qid name) {
    double d;
    if (!float_unwrap(self, &d)) {
        return PX_NULL;
    }
    if (name == PX_Q(real)) {
        return px_float(d);
    }
    if (name == PX_Q(imag)) {
        return px_float(0.0);
    }
    return PX_NULL;
}

static px_val float_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(float), argc, kwnames, 0, 1);
    if (argc == 0) {
        return px_float(0.0);
    }
    px_val x = argv[0];
    double d;
    if (float_unwrap(x, &d)) {
        return px_float(d);
    }
    if (px_is_str(x)) {
        size_t n;
        const char *s = px_str_data(x, &n);
        return px_float(px_float_parse(s, n));
    }
    if (px_is_bytes(x) || px_is_type(x, &px_type_bytearray)) {
        px_buffer buf;
        px_get_buffer(x, &buf, PX_BUF_READ);
        size_t i = 0, end = buf.len;
        const char *s = buf.data;
        px_num_strip(s, &i, &end);
        if (i == end || !px_float_parse_text(s + i, end - i, &d)) {
            px_val r = px_to_repr(x);
            size_t n;
            const char *rs = px_str_data(r, &n);
            px_raise_value_error("could not convert string to float: %.*s", (int)n, rs);
        }
        return px_float(d);
    }
    if (px_is_int(x)) {
        return px_float(px_int_to_double(x));
    }
    const px_type *t = px_type_of(x);
    if ((t->flags & PX_TF_HEAPTYPE) &&
        (px_type_lookup(t, PX_Q(__float__)) != PX_NULL || px_type_lookup(t, PX_Q(__index__)) != PX_NULL)) {
        return px_float(px_float_of(x));
    }
    px_raise_type_error("float() argument must be a string or a real number, not '%s'", px_type_name(x));
}

/* ---- methods */

static double self_double(px_val self) {
    double d;
    if (!float_unwrap(self, &d)) {
        px_raise_type_error("descriptor requires a 'float' object but received a '%s'", px_type_name(self));
    }
    return d;
}

static px_val float_is_integer(px_val self) {
    double d = self_double(self);
    return px_bool(isfinite(d) && floor(d) == d);
}
static PX_METH1(float_is_integer_obj, &px_type_float, is_integer, float_is_integer);

static px_val float_as_integer_ratio(px_val self) {
    double d = self_double(self);
    if (isinf(d)) {
        px_raise_overflow("cannot convert Infinity to integer ratio");
    }
    if (isnan(d)) {
        px_raise_value_error("cannot convert NaN to integer ratio");
    }
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    px_val num = px_int_from_double(m);
    px_val den = px_small(1);
    if (e > 0) {
        num = px_int_binop(PX_BINOP_LSHIFT, num, px_small(e));
    } else if (e < 0) {
        den = px_int_binop(PX_BINOP_LSHIFT, den, px_small(-e));
    }
    px_val items[2] = {num, den};
    return px_tuple_new(2, items);
}
static PX_METH1(float_as_integer_ratio_obj, &px_type_float, as_integer_ratio, float_as_integer_ratio);

static px_val float_conjugate(px_val self) {
    return px_float(self_double(self));
}
static PX_METH1(float_conjugate_obj, &px_type_float, conjugate, float_conjugate);

static px_val float_trunc(px_val self) {
    return px_int_from_double(self_double(self));
}
static PX_METH1(float_trunc_obj, &px_type_float, __trunc__, float_trunc);
static PX_METH1(float_int_obj, &px_type_float, __int__, float_trunc);

static px_val float_floor(px_val self) {
    return px_int_from_double(floor(self_double(self)));
}
static PX_METH1(float_floor_obj, &px_type_float, __floor__, float_floor);

static px_val float_ceil(px_val self) {
    return px_int_from_double(ceil(self_double(self)));
}
static PX_METH1(float_ceil_obj, &px_type_float, __ceil__, float_ceil);

static PX_METH1(float_float_obj, &px_type_float, __float__, float_conjugate);

static px_val float_round_meth(size_t argc, const px_val *argv) {
    return px_call(px_from_ptr(&px_builtin_round), argc, argv, PX_NULL);
}
static PX_METHV(float_round_obj, &px_type_float, __round__, 1, 2, float_round_meth);

static px_val float_hex(px_val self) {
    double d = self_double(self);
    char buf[40];
    if (isnan(d)) {
        return px_str_cstr("nan");
    }
    if (isinf(d)) {
        return px_str_cstr(d < 0 ? "-inf" : "inf");
    }
    const char *sign = signbit(d) ? "-" : "";
    d = fabs(d);
    if (d == 0.0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", sign);
        return px_str_cstr(buf);
    }
    int e;
    uint64_t mant;
    int lead;
    if (d < 2.2250738585072014e-308) { /* subnormal */
        lead = 0;
        e = -1022;
        mant = (uint64_t)ldexp(d, 1074);
    } else {
        double m = frexp(d, &e); /* [0.5, 1) */
        e -= 1;
        lead = 1;
        mant = (uint64_t)ldexp(m * 2.0 - 1.0, 52);
    }
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", sign, lead, (unsigned long long)mant, e);
    return px_str_cstr(buf);
}
static PX_METH1(float_hex_obj, &px_type_float, hex, float_hex);

static int hex_val(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static px_val float_fromhex(px_val cls, px_val arg) {
    size_t n;
    const char *s = px_str_data(arg, &n);
    size_t i = 0, end = n;
    px_num_strip(s, &i, &end);
    double d;
    bool neg = false;
    size_t j = i;
    if (j < end && (s[j] == '+' || s[j] == '-')) {
        neg = s[j] == '-';
        j++;
    }
    if (px_float_parse_text(s + i, end - i, &d) && (isinf(d) || isnan(d))) {
        return px_float(d);
    }
    if (end - j >= 2 && s[j] == '0' && (s[j + 1] | 0x20) == 'x') {
        j += 2;
    }
    /* mantissa hex digits with an optional point, then p[sign]digits */
    double m = 0;
    long exp = 0;
    int ndig = 0;
    bool dot = false;
    for (; j < end && (hex_val(s[j]) >= 0 || (s[j] == '.' && !dot)); j++) {
        if (s[j] == '.') {
            dot = true;
            continue;
        }
        ndig++;
        if (m < 9007199254740992.0 * 16) {
            m = m * 16 + hex_val(s[j]);
            if (dot) {
                exp -= 4;
            }
        } else if (!dot) {
            exp += 4; /* precision beyond what a double keeps (sticky ignored) */
        }
    }
    if (ndig == 0) {
        goto bad;
    }
    if (j < end && (s[j] | 0x20) == 'p') {
        j++;
        bool eneg = false;
        if (j < end && (s[j] == '+' || s[j] == '-')) {
            eneg = s[j] == '-';
            j++;
        }
        long e = 0;
        size_t start = j;
        for (; j < end && s[j] >= '0' && s[j] <= '9'; j++) {
            if (e < 100000) {
                e = e * 10 + (s[j] - '0');
            }
        }
        if (j == start) {
            goto bad;
        }
        exp += eneg ? -e : e;
    }
    if (j != end) {
        goto bad;
    }
    d = ldexp(m, (int)(exp > 100000 ? 100000 : exp < -100000 ? -100000 : exp));
    if (isinf(d)) {
        px_raise_overflow("hexadecimal value too large to represent as a float");
    }
    d = neg ? -d : d;
    if (cls != px_from_ptr(&px_type_float) && px_is_type_obj(cls)) {
        return px_call1(cls, px_float(d));
    }
    return px_float(d);
bad:
    px_raise_value_error("invalid hexadecimal floating-point string");
}
static PX_FUN2(float_fromhex_fun, fromhex, float_fromhex);
static PX_CLASSMETHOD(float_fromhex_obj, &float_fromhex_fun);

static px_val float_divmod_meth(px_val a, px_val b) {
    double x, y;
    if (!(float_unwrap(a, &x) || px_is_int(a)) || !(float_unwrap(b, &y) || px_is_int(b))) {
        return PX_NOTIMPL;
    }
    return px_float_divmod(px_float_of(a), px_float_of(b));
}
static PX_METH2(float_divmod_obj, &px_type_float, __divmod__, float_divmod_meth);

static px_val float_rdivmod_meth(px_val a, px_val b) {
    return float_divmod_meth(b, a);
}
static PX_METH2(float_rdivmod_obj, &px_type_float, __rdivmod__, float_rdivmod_meth);

static PX_METH2(float_format_obj, &px_type_float, __format__, px_num_format_meth);

/* Operator dunders, for super().__add__(x), float.__mul__(a, b) and friends. */
static px_val float_d_add(px_val a, px_val b) { return float_binop(PX_BINOP_ADD, a, b); }
static PX_METH2(float_d_add_obj, &px_type_float, __add__, float_d_add);
static px_val float_d_radd(px_val a, px_val b) { return float_binop(PX_BINOP_ADD, b, a); }
static PX_METH2(float_d_radd_obj, &px_type_float, __radd__, float_d_radd);
static px_val float_d_sub(px_val a, px_val b) { return float_binop(PX_BINOP_SUB, a, b); }
static PX_METH2(float_d_sub_obj, &px_type_float, __sub__, float_d_sub);
static px_val float_d_rsub(px_val a, px_val b) { return float_binop(PX_BINOP_SUB, b, a); }
static PX_METH2(float_d_rsub_obj, &px_type_float, __rsub__, float_d_rsub);
static px_val float_d_mul(px_val a, px_val b) { return float_binop(PX_BINOP_MUL, a, b); }
static PX_METH2(float_d_mul_obj, &px_type_float, __mul__, float_d_mul);
static px_val float_d_rmul(px_val a, px_val b) { return float_binop(PX_BINOP_MUL, b, a); }
static PX_METH2(float_d_rmul_obj, &px_type_float, __rmul__, float_d_rmul);
static px_val float_d_truediv(px_val a, px_val b) { return float_binop(PX_BINOP_TRUEDIV, a, b); }
static PX_METH2(float_d_truediv_obj, &px_type_float, __truediv__, float_d_truediv);
static px_val float_d_rtruediv(px_val a, px_val b) { return float_binop(PX_BINOP_TRUEDIV, b, a); }
static PX_METH2(float_d_rtruediv_obj, &px_type_float, __rtruediv__, float_d_rtruediv);
static px_val float_d_floordiv(px_val a, px_val b) { return float_binop(PX_BINOP_FLOORDIV, a, b); }
static PX_METH2(float_d_floordiv_obj, &px_type_float, __floordiv__, float_d_floordiv);
static px_val float_d_rfloordiv(px_val a, px_val b) { return float_binop(PX_BINOP_FLOORDIV, b, a); }
static PX_METH2(float_d_rfloordiv_obj, &px_type_float, __rfloordiv__, float_d_rfloordiv);
static px_val float_d_mod(px_val a, px_val b) { return float_binop(PX_BINOP_MOD, a, b); }
static PX_METH2(float_d_mod_obj, &px_type_float, __mod__, float_d_mod);
static px_val float_d_rmod(px_val a, px_val b) { return float_binop(PX_BINOP_MOD, b, a); }
static PX_METH2(float_d_rmod_obj, &px_type_float, __rmod__, float_d_rmod);
/* __pow__/__rpow__ take pow()'s optional modulus, which floats refuse. */
static void float_no_mod(size_t argc, const px_val *argv) {
    if (argc > 2 && argv[2] != PX_NONE) {
        px_raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    }
}
static px_val float_d_pow(size_t argc, const px_val *argv) {
    float_no_mod(argc, argv);
    return float_binop(PX_BINOP_POW, argv[0], argv[1]);
}
static PX_METHV(float_d_pow_obj, &px_type_float, __pow__, 2, 3, float_d_pow);
static px_val float_d_rpow(size_t argc, const px_val *argv) {
    float_no_mod(argc, argv);
    return float_binop(PX_BINOP_POW, argv[1], argv[0]);
}
static PX_METHV(float_d_rpow_obj, &px_type_float, __rpow__, 2, 3, float_d_rpow);
static px_val float_d_lt(px_val a, px_val b) { return float_binop(PX_BINOP_LT, a, b); }
static PX_METH2(float_d_lt_obj, &px_type_float, __lt__, float_d_lt);
static px_val float_d_le(px_val a, px_val b) { return float_binop(PX_BINOP_LE, a, b); }
static PX_METH2(float_d_le_obj, &px_type_float, __le__, float_d_le);
static px_val float_d_eq(px_val a, px_val b) { return float_binop(PX_BINOP_EQ, a, b); }
static PX_METH2(float_d_eq_obj, &px_type_float, __eq__, float_d_eq);
static px_val float_d_ne(px_val a, px_val b) { return float_binop(PX_BINOP_NE, a, b); }
static PX_METH2(float_d_ne_obj, &px_type_float, __ne__, float_d_ne);
static px_val float_d_gt(px_val a, px_val b) { return float_binop(PX_BINOP_GT, a, b); }
static PX_METH2(float_d_gt_obj, &px_type_float, __gt__, float_d_gt);
static px_val float_d_ge(px_val a, px_val b) { return float_binop(PX_BINOP_GE, a, b); }
static PX_METH2(float_d_ge_obj, &px_type_float, __ge__, float_d_ge);
static px_val float_d_neg(px_val a) { return float_unop(PX_UNOP_NEG, a); }
static PX_METH1(float_d_neg_obj, &px_type_float, __neg__, float_d_neg);
static px_val float_d_pos(px_val a) { return float_unop(PX_UNOP_POS, a); }
static PX_METH1(float_d_pos_obj, &px_type_float, __pos__, float_d_pos);
static px_val float_d_abs(px_val a) { return float_unop(PX_UNOP_ABS, a); }
static PX_METH1(float_d_abs_obj, &px_type_float, __abs__, float_d_abs);
static px_val float_d_bool(px_val a) { return float_unop(PX_UNOP_BOOL, a); }
static PX_METH1(float_d_bool_obj, &px_type_float, __bool__, float_d_bool);

/* Sorted by name bytes (uppercase < '_' < lowercase). */
static const px_map_entry float_dict_table[] = {
    PX_ENTRY_OBJ(__abs__, &float_d_abs_obj),
    PX_ENTRY_OBJ(__add__, &float_d_add_obj),
    PX_ENTRY_OBJ(__bool__, &float_d_bool_obj),
    PX_ENTRY_OBJ(__ceil__, &float_ceil_obj),
    PX_ENTRY_OBJ(__divmod__, &float_divmod_obj),
    PX_ENTRY_OBJ(__eq__, &float_d_eq_obj),
    PX_ENTRY_OBJ(__float__, &float_float_obj),
    PX_ENTRY_OBJ(__floor__, &float_floor_obj),
    PX_ENTRY_OBJ(__floordiv__, &float_d_floordiv_obj),
    PX_ENTRY_OBJ(__format__, &float_format_obj),
    PX_ENTRY_OBJ(__ge__, &float_d_ge_obj),
    PX_ENTRY_OBJ(__gt__, &float_d_gt_obj),
    PX_ENTRY_OBJ(__int__, &float_int_obj),
    PX_ENTRY_OBJ(__le__, &float_d_le_obj),
    PX_ENTRY_OBJ(__lt__, &float_d_lt_obj),
    PX_ENTRY_OBJ(__mod__, &float_d_mod_obj),
    PX_ENTRY_OBJ(__mul__, &float_d_mul_obj),
    PX_ENTRY_OBJ(__ne__, &float_d_ne_obj),
    PX_ENTRY_OBJ(__neg__, &float_d_neg_obj),
    PX_ENTRY_OBJ(__pos__, &float_d_pos_obj),
    PX_ENTRY_OBJ(__pow__, &float_d_pow_obj),
    PX_ENTRY_OBJ(__radd__, &float_d_radd_obj),
    PX_ENTRY_OBJ(__rdivmod__, &float_rdivmod_obj),
    PX_ENTRY_OBJ(__rfloordiv__, &float_d_rfloordiv_obj),
    PX_ENTRY_OBJ(__rmod__, &float_d_rmod_obj),
    PX_ENTRY_OBJ(__rmul__, &float_d_rmul_obj),
    PX_ENTRY_OBJ(__round__, &float_round_obj),
    PX_ENTRY_OBJ(__rpow__, &float_d_rpow_obj),
    PX_ENTRY_OBJ(__rsub__, &float_d_rsub_obj),
    PX_ENTRY_OBJ(__rtruediv__, &float_d_rtruediv_obj),
    PX_ENTRY_OBJ(__sub__, &float_d_sub_obj),
    PX_ENTRY_OBJ(__truediv__, &float_d_truediv_obj),
    PX_ENTRY_OBJ(__trunc__, &float_trunc_obj),
    PX_ENTRY_OBJ(as_integer_ratio, &float_as_integer_ratio_obj),
    PX_ENTRY_OBJ(conjugate, &float_conjugate_obj),
    PX_ENTRY_OBJ(fromhex, &float_fromhex_obj),
    PX_ENTRY_OBJ(hex, &float_hex_obj),
    PX_ENTRY_OBJ(is_integer, &float_is_integer_obj),
};


static PX_CONST_MAP(float_dict, float_dict_table);

const px_type px_type_float = {
    .base = {&px_type_type},
    .name = PX_Q(float),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &float_dict,
    .make = float_make,
    .print = float_print,
    .unop = float_unop,
    .binop = float_binop,
    .getattr = float_getattr,
};

#else /* !PX_HAS_FLOAT: no float type; a real-number argument is an int */

double px_float_of(px_val v) {
    if (px_is_int(v)) {
        return px_int_to_double(v);
    }
    const px_type *t = px_type_of(v);
    if (t->flags & PX_TF_HEAPTYPE) {
        px_val m = px_type_lookup(t, PX_Q(__index__));
        if (m != PX_NULL) {
            return px_int_to_double(px_call1(m, v));
        }
    }
    px_raise_type_error("must be real number, not %s", px_type_name(v));
}

#endif /* PX_HAS_FLOAT */
