/* The complex type: a pair of doubles with CPython's arithmetic (Smith's
 * division, integer powers by repeated squaring), parsing and repr. */
#include <math.h>

#include "../runtime.h"
#include "bigint.h"

#if PX_HAS_COMPLEX

typedef struct {
    px_obj base;
    double re, im;
} px_complex_obj;

px_val px_complex(double re, double im) {
    px_complex_obj *c = px_gc_alloc(sizeof *c, PX_GC_LEAF);
    c->base.type = &px_type_complex;
    c->re = re;
    c->im = im;
    return px_from_ptr(c);
}

static px_complex_obj *complex_unwrap(px_val v) {
    if (px_is_type(v, &px_type_complex)) {
        return px_as_ptr(v);
    }
    if (px_is_obj(v)) {
        const px_type *t = px_type_of(v);
        if ((t->flags & PX_TF_HEAPTYPE) && ((const px_class *)t)->native_base == &px_type_complex) {
            px_val nat = ((px_instance *)px_as_ptr(v))->native;
            if (px_is_type(nat, &px_type_complex)) {
                return px_as_ptr(nat);
            }
        }
    }
    return NULL;
}

bool px_is_complex(px_val v) {
    return complex_unwrap(v) != NULL;
}

void px_complex_get(px_val v, double *re, double *im) {
    px_complex_obj *c = complex_unwrap(v);
    if (c) {
        *re = c->re;
        *im = c->im;
    } else {
        *re = px_float_of(v);
        *im = 0.0;
    }
}

/* int, float or complex operand as a pair; false for anything else. */
static bool as_pair(px_val v, double *re, double *im) {
    px_complex_obj *c = complex_unwrap(v);
    if (c) {
        *re = c->re;
        *im = c->im;
        return true;
    }
    *im = 0.0;
    if (px_is_float(v)) {
        *re = px_float_get(v);
        return true;
    }
    if (px_is_int(v)) {
        *re = px_int_to_double(v);
        return true;
    }
    if (px_is_obj(v)) {
        const px_type *t = px_type_of(v);
        if ((t->flags & PX_TF_HEAPTYPE) && ((const px_class *)t)->native_base == &px_type_float) {
            *re = px_float_of(v);
            return true;
        }
    }
    return false;
}

/* ---- arithmetic */

typedef struct {
    double re, im;
} cpx;

static cpx c_mul(cpx a, cpx b) {
    cpx r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

static cpx c_div(cpx a, cpx b) {
    cpx r;
    double abr = fabs(b.re), abi = fabs(b.im);
    if (abr >= abi) {
        if (abr == 0.0) {
            px_raise_zero_division("complex division by zero");
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        r.re = (a.re + a.im * ratio) / denom;
        r.im = (a.im - a.re * ratio) / denom;
    } else if (abi >= abr) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r.re = (a.re * ratio + a.im) / denom;
        r.im = (a.im * ratio - a.re) / denom;
    } else {
        r.re = r.im = NAN;
    }
    return r;
}

static cpx c_powu(cpx x, long n) {
    cpx r = {1.0, 0.0};
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask) {
            r = c_mul(r, x);
        }
        mask <<= 1;
        x = c_mul(x, x);
    }
    return r;
}

PX_NORETURN static void zero_to_negative(void) {
    px_raise_zero_division("0.0 to a negative or complex power");
}

/* CPython reports a domain error (ZeroDivisionError) where its C library
 * does: dividing by a zero power, or cos/sin of an infinite phase. */
static cpx c_pow(cpx a, cpx b) {
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) {
        long n = (long)b.re;
        if (n >= 0) {
            return c_powu(a, n);
        }
        cpx d = c_powu(a, -n);
        if (d.re == 0.0 && d.im == 0.0) {
            zero_to_negative();
        }
        cpx one = {1.0, 0.0};
        return c_div(one, d);
    }
    cpx r;
    if (b.re == 0.0 && b.im == 0.0) {
        r.re = 1.0;
        r.im = 0.0;
    } else if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) {
            zero_to_negative();
        }
        r.re = r.im = 0.0;
    } else {
        double vabs = hypot(a.re, a.im);
        double len = pow(vabs, b.re);
        double at = atan2(a.im, a.re);
        double phase = at * b.re;
        if (b.im != 0.0) {
            len /= exp(at * b.im);
            phase += b.im * log(vabs);
        }
        if (isinf(phase)) {
            zero_to_negative();
        }
        r.re = len * cos(phase);
        r.im = len * sin(phase);
    }
    return r;
}

px_val px_complex_binop(px_binop op, double ar, double ai, double br, double bi) {
    if (op >= PX_BINOP_IADD && op <= PX_BINOP_IXOR) {
        op -= PX_BINOP_INPLACE_DELTA;
    }
    cpx a = {ar, ai}, b = {br, bi}, r;
    switch (op) {
    case PX_BINOP_ADD:
        return px_complex(ar + br, ai + bi);
    case PX_BINOP_SUB:
        return px_complex(ar - br, ai - bi);
    case PX_BINOP_MUL:
        r = c_mul(a, b);
        break;
    case PX_BINOP_TRUEDIV:
        r = c_div(a, b);
        break;
    case PX_BINOP_POW:
        r = c_pow(a, b);
        if (isinf(r.re) || isinf(r.im)) { /* even from infinite operands, as CPython */
            px_raise_overflow("complex exponentiation");
        }
        break;
    case PX_BINOP_EQ:
        return px_bool(ar == br && ai == bi);
    case PX_BINOP_NE:
        return px_bool(ar != br || ai != bi);
    default:
        return PX_NOTIMPL;
    }
    return px_complex(r.re, r.im);
}

static px_val complex_binop(px_binop op, px_val lhs, px_val rhs) {
    double ar, ai, br, bi;
    if (!as_pair(lhs, &ar, &ai) || !as_pair(rhs, &br, &bi)) {
        return PX_NOTIMPL;
    }
    /* Equality with an int must be exact, like float == int. */
    if ((op == PX_BINOP_EQ || op == PX_BINOP_NE) && (px_is_int(lhs) || px_is_int(rhs))) {
        px_val iv = px_is_int(lhs) ? lhs : rhs;
        double re = px_is_int(lhs) ? br : ar, im = px_is_int(lhs) ? bi : ai;
        bool eq = im == 0.0 && px_int_cmp_double(iv, re) == 0;
        return px_bool(op == PX_BINOP_EQ ? eq : !eq);
    }
    return px_complex_binop(op, ar, ai, br, bi);
}

static px_val complex_unop(px_unop op, px_val self) {
    px_complex_obj *c = complex_unwrap(self);
    if (!c) {
        return PX_NOTIMPL;
    }
    switch (op) {
    case PX_UNOP_NEG:
        return px_complex(-c->re, -c->im);
    case PX_UNOP_POS:
        return px_complex(c->re, c->im);
    case PX_UNOP_ABS: {
        double r = hypot(c->re, c->im);
        if (isinf(r) && isfinite(c->re) && isfinite(c->im)) {
            px_raise_overflow("absolute value too large");
        }
        return px_float(r);
    }
    case PX_UNOP_BOOL:
        return px_bool(c->re != 0.0 || c->im != 0.0);
    case PX_UNOP_HASH: {
        /* CPython: hash(re) + 1000003 * hash(im) in unsigned hash-width arithmetic */
        uint64_t h = (uint64_t)(int64_t)px_num_hash_double(c->re) +
                     1000003u * (uint64_t)(int64_t)px_num_hash_double(c->im);
        return px_hash_to_int(px_num_hash_fold((int64_t)h));
    }
    default:
        return PX_NOTIMPL;
    }
}

static void complex_print(px_out *out, px_val self, px_print_kind kind) {
    px_complex_obj *c = complex_unwrap(self);
    char re[40], im[40];
    size_t ni = px_float_repr_nodot(im, sizeof im, c->im);
    if (c->re == 0.0 && !signbit(c->re)) {
        px_write(out, im, ni);
        px_write(out, "j", 1);
        return;
    }
    size_t nr = px_float_repr_nodot(re, sizeof re, c->re);
    px_write(out, "(", 1);
    px_write(out, re, nr);
    if (im[0] != '-') {
        px_write(out, "+", 1);
    }
    px_write(out, im, ni);
    px_write(out, "j)", 2);
}

static px_val complex_getattr(px_val self, px_qid name) {
    px_complex_obj *c = complex_unwrap(self);
    if (!c) {
        return PX_NULL;
    }
    if (name == PX_Q(real)) {
        return px_float(c->re);
    }
    if (name == PX_Q(imag)) {
        return px_float(c->im);
    }
    return PX_NULL;
}

/* ---- construction */

static bool parse_complex(const char *s, size_t n, double *re, double *im) {
    size_t i = 0, end = n;
    px_num_strip(s, &i, &end);
    if (end - i >= 2 && s[i] == '(' && s[end - 1] == ')') {
        i++;
        end--;
        px_num_strip(s, &i, &end);
    }
    if (i == end) {
        return false;
    }
    s += i;
    n = end - i;
    size_t split = 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] == '+' || s[k] == '-') && s[k - 1] != 'e' && s[k - 1] != 'E') {
            split = k;
        }
    }
    *re = *im = 0.0;
    if (s[n - 1] == 'j' || s[n - 1] == 'J') {
        const char *ip = s + split;
        size_t il = n - 1 - split;
        if (split && !px_float_parse_text(s, split, re)) {
            return false;
        }
        if (il == 0 || (il == 1 && (ip[0] == '+' || ip[0] == '-'))) {
            *im = il == 1 && ip[0] == '-' ? -1.0 : 1.0;
            return true;
        }
        return px_float_parse_text(ip, il, im);
    }
    return split == 0 && px_float_parse_text(s, n, re);
}

/* A complex argument: numbers, or objects with __complex__/__float__/__index__. */
static bool arg_pair(px_val v, double *re, double *im, bool *cx) {
    *cx = px_is_complex(v);
    if (as_pair(v, re, im)) {
        return true;
    }
    const px_type *t = px_type_of(v);
    if (t->flags & PX_TF_HEAPTYPE) {
        px_val m = px_type_lookup(t, PX_Q(__complex__));
        if (m != PX_NULL) {
            px_val r = px_call1(m, v);
            px_complex_obj *c = complex_unwrap(r);
            if (!c) {
                px_raise_type_error("__complex__ returned non-complex (type %s)", px_type_name(r));
            }
            *re = c->re;
            *im = c->im;
            *cx = true;
            return true;
        }
        if (px_type_lookup(t, PX_Q(__float__)) != PX_NULL || px_type_lookup(t, PX_Q(__index__)) != PX_NULL) {
            *re = px_float_of(v);
            *im = 0.0;
            return true;
        }
    }
    return false;
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

static px_val complex_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(real), 0, PX_UNSET},
        {PX_Q(imag), 0, PX_UNSET},
    };
    px_val a[2];
    px_parse_args(PX_Q(complex), argc, argv, kwnames, 2, spec, a);
    if (a[0] == PX_UNSET) {
        a[0] = px_small(0);
    }
    if (px_is_str(a[0])) {
        if (a[1] != PX_UNSET) {
            px_raise_type_error("complex() can't take second arg if first is a string");
        }
        size_t n;
        const char *s = px_str_data(a[0], &n);
        s = px_num_to_ascii(s, &n);
        /* CPython rejects an underscore not between two digits up front */
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '_' && !(i > 0 && i + 1 < n && is_digit(s[i - 1]) && is_digit(s[i + 1]))) {
                size_t rn;
                const char *r = px_str_data(px_to_repr(a[0]), &rn);
                px_raise_value_error("could not convert string to complex: %.*s", (int)rn, r);
            }
        }
        double re, im;
        if (!parse_complex(s, n, &re, &im)) {
            px_raise_value_error("complex() arg is a malformed string");
        }
        return px_complex(re, im);
    }
    if (a[1] != PX_UNSET && px_is_str(a[1])) {
        px_raise_type_error("complex() second arg can't be a string");
    }
    double rr, ri, ir = 0.0, ii = 0.0;
    bool cx0, cx1 = false;
    if (!arg_pair(a[0], &rr, &ri, &cx0)) {
        px_raise_type_error("complex() first argument must be a string or a number, not '%s'", px_type_name(a[0]));
    }
    if (a[1] != PX_UNSET && !arg_pair(a[1], &ir, &ii, &cx1)) {
        px_raise_type_error("complex() second argument must be a number, not '%s'", px_type_name(a[1]));
    }
    /* Only complex components mix in, so complex(0.0, -0.0) keeps its -0.0. */
    double re = rr, im = ir;
    if (cx1) {
        re -= ii;
    }
    if (cx0) {
        im = a[1] != PX_UNSET ? im + ri : ri;
    }
    return px_complex(re, im);
}

static px_val complex_conjugate(px_val self) {
    px_complex_obj *c = complex_unwrap(self);
    if (!c) {
        px_raise_type_error("descriptor 'conjugate' requires a 'complex' object");
    }
    return px_complex(c->re, -c->im);
}
static PX_METH1(complex_conjugate_obj, &px_type_complex, conjugate, complex_conjugate);

static PX_METH2(complex_format_obj, &px_type_complex, __format__, px_num_format_meth);

/* Operator dunders, for super().__add__(x) and friends. */
static px_val complex_d_add(px_val a, px_val b) { return complex_binop(PX_BINOP_ADD, a, b); }
static PX_METH2(complex_d_add_obj, &px_type_complex, __add__, complex_d_add);
static px_val complex_d_radd(px_val a, px_val b) { return complex_binop(PX_BINOP_ADD, b, a); }
static PX_METH2(complex_d_radd_obj, &px_type_complex, __radd__, complex_d_radd);
static px_val complex_d_sub(px_val a, px_val b) { return complex_binop(PX_BINOP_SUB, a, b); }
static PX_METH2(complex_d_sub_obj, &px_type_complex, __sub__, complex_d_sub);
static px_val complex_d_rsub(px_val a, px_val b) { return complex_binop(PX_BINOP_SUB, b, a); }
static PX_METH2(complex_d_rsub_obj, &px_type_complex, __rsub__, complex_d_rsub);
static px_val complex_d_mul(px_val a, px_val b) { return complex_binop(PX_BINOP_MUL, a, b); }
static PX_METH2(complex_d_mul_obj, &px_type_complex, __mul__, complex_d_mul);
static px_val complex_d_rmul(px_val a, px_val b) { return complex_binop(PX_BINOP_MUL, b, a); }
static PX_METH2(complex_d_rmul_obj, &px_type_complex, __rmul__, complex_d_rmul);
static px_val complex_d_truediv(px_val a, px_val b) { return complex_binop(PX_BINOP_TRUEDIV, a, b); }
static PX_METH2(complex_d_truediv_obj, &px_type_complex, __truediv__, complex_d_truediv);
static px_val complex_d_rtruediv(px_val a, px_val b) { return complex_binop(PX_BINOP_TRUEDIV, b, a); }
static PX_METH2(complex_d_rtruediv_obj, &px_type_complex, __rtruediv__, complex_d_rtruediv);
/* __pow__/__rpow__ take pow()'s optional modulus, which complex refuses. */
static void complex_no_mod(size_t argc, const px_val *argv) {
    if (argc > 2 && argv[2] != PX_NONE) {
        px_raise_value_error("complex modulo");
    }
}
static px_val complex_d_pow(size_t argc, const px_val *argv) {
    complex_no_mod(argc, argv);
    return complex_binop(PX_BINOP_POW, argv[0], argv[1]);
}
static PX_METHV(complex_d_pow_obj, &px_type_complex, __pow__, 2, 3, complex_d_pow);
static px_val complex_d_rpow(size_t argc, const px_val *argv) {
    complex_no_mod(argc, argv);
    return complex_binop(PX_BINOP_POW, argv[1], argv[0]);
}
static PX_METHV(complex_d_rpow_obj, &px_type_complex, __rpow__, 2, 3, complex_d_rpow);
static px_val complex_d_eq(px_val a, px_val b) { return complex_binop(PX_BINOP_EQ, a, b); }
static PX_METH2(complex_d_eq_obj, &px_type_complex, __eq__, complex_d_eq);
static px_val complex_d_ne(px_val a, px_val b) { return complex_binop(PX_BINOP_NE, a, b); }
static PX_METH2(complex_d_ne_obj, &px_type_complex, __ne__, complex_d_ne);
static px_val complex_d_neg(px_val a) { return complex_unop(PX_UNOP_NEG, a); }
static PX_METH1(complex_d_neg_obj, &px_type_complex, __neg__, complex_d_neg);
static px_val complex_d_pos(px_val a) { return complex_unop(PX_UNOP_POS, a); }
static PX_METH1(complex_d_pos_obj, &px_type_complex, __pos__, complex_d_pos);
static px_val complex_d_abs(px_val a) { return complex_unop(PX_UNOP_ABS, a); }
static PX_METH1(complex_d_abs_obj, &px_type_complex, __abs__, complex_d_abs);
static px_val complex_d_bool(px_val a) { return complex_unop(PX_UNOP_BOOL, a); }
static PX_METH1(complex_d_bool_obj, &px_type_complex, __bool__, complex_d_bool);

/* Sorted by name bytes (uppercase < '_' < lowercase). */
static const px_map_entry complex_dict_table[] = {
    PX_ENTRY_OBJ(__abs__, &complex_d_abs_obj),
    PX_ENTRY_OBJ(__add__, &complex_d_add_obj),
    PX_ENTRY_OBJ(__bool__, &complex_d_bool_obj),
    PX_ENTRY_OBJ(__eq__, &complex_d_eq_obj),
    PX_ENTRY_OBJ(__format__, &complex_format_obj),
    PX_ENTRY_OBJ(__mul__, &complex_d_mul_obj),
    PX_ENTRY_OBJ(__ne__, &complex_d_ne_obj),
    PX_ENTRY_OBJ(__neg__, &complex_d_neg_obj),
    PX_ENTRY_OBJ(__pos__, &complex_d_pos_obj),
    PX_ENTRY_OBJ(__pow__, &complex_d_pow_obj),
    PX_ENTRY_OBJ(__radd__, &complex_d_radd_obj),
    PX_ENTRY_OBJ(__rmul__, &complex_d_rmul_obj),
    PX_ENTRY_OBJ(__rpow__, &complex_d_rpow_obj),
    PX_ENTRY_OBJ(__rsub__, &complex_d_rsub_obj),
    PX_ENTRY_OBJ(__rtruediv__, &complex_d_rtruediv_obj),
    PX_ENTRY_OBJ(__sub__, &complex_d_sub_obj),
    PX_ENTRY_OBJ(__truediv__, &complex_d_truediv_obj),
    PX_ENTRY_OBJ(conjugate, &complex_conjugate_obj),
};


static PX_CONST_MAP(complex_dict, complex_dict_table);

const px_type px_type_complex = {
    .base = {&px_type_type},
    .name = PX_Q(complex),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &complex_dict,
    .make = complex_make,
    .print = complex_print,
    .unop = complex_unop,
    .binop = complex_binop,
    .getattr = complex_getattr,
};

#endif /* PX_HAS_COMPLEX */
