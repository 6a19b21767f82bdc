/* Numeric built-in functions: divmod, pow, round, bin, oct, hex. */
#include <math.h>

#include "../runtime.h"
#include "bigint.h"

px_val px_index_int(px_val v) {
    px_val u = px_int_unwrap(v);
    if (u != PX_NULL) {
        return u;
    }
    const px_type *t = px_type_of(v);
    px_val m = (t->flags & PX_TF_HEAPTYPE) ? px_type_lookup(t, PX_Q(__index__)) : PX_NULL;
    if (m != PX_NULL) {
        px_val r = px_call1(m, v);
        u = px_int_unwrap(r);
        if (u == PX_NULL) {
            px_raise_type_error("__index__ returned non-int (type %s)", px_type_name(r));
        }
        return u;
    }
    px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
}

static px_val builtin_bin(px_val x) {
    return px_int_format(px_index_int(x), 2, true);
}
PX_FUN1(px_builtin_bin, bin, builtin_bin);

static px_val builtin_oct(px_val x) {
    return px_int_format(px_index_int(x), 8, true);
}
PX_FUN1(px_builtin_oct, oct, builtin_oct);

static px_val builtin_hex(px_val x) {
    return px_int_format(px_index_int(x), 16, true);
}
PX_FUN1(px_builtin_hex, hex, builtin_hex);

#if PX_HAS_FLOAT
static bool is_real(px_val v) {
    return px_is_float(v) || px_is_int(v);
}

static bool is_floatish(px_val v) {
    if (px_is_float(v)) {
        return true;
    }
    if (px_is_obj(v)) {
        const px_type *t = px_type_of(v);
        return (t->flags & PX_TF_HEAPTYPE) && ((const px_class *)t)->native_base == &px_type_float;
    }
    return false;
}
#endif

static px_val builtin_divmod(px_val a, px_val b) {
    const px_type *ta = px_type_of(a), *tb = px_type_of(b);
    if (!(ta->flags & PX_TF_HEAPTYPE) && !(tb->flags & PX_TF_HEAPTYPE)) {
        if (px_is_int(a) && px_is_int(b)) {
            return px_int_divmod(px_int_unwrap(a), px_int_unwrap(b));
        }
#if PX_HAS_FLOAT
        if (is_real(a) && is_real(b)) {
            return px_float_divmod(px_float_of(a), px_float_of(b));
        }
#endif
    } else {
        px_val m = px_type_lookup(ta, PX_Q(__divmod__));
        if (m != PX_NULL) {
            px_val r = px_call2(m, a, b);
            if (r != PX_NOTIMPL) {
                return r;
            }
        }
        m = px_type_lookup(tb, PX_Q(__rdivmod__));
        if (m != PX_NULL) {
            px_val r = px_call2(m, b, a);
            if (r != PX_NOTIMPL) {
                return r;
            }
        }
        if (px_is_int(a) && px_is_int(b)) {
            return px_int_divmod(px_int_unwrap(a), px_int_unwrap(b));
        }
#if PX_HAS_FLOAT
        if ((is_floatish(a) || px_is_int(a)) && (is_floatish(b) || px_is_int(b))) {
            return px_float_divmod(px_float_of(a), px_float_of(b));
        }
#endif
    }
    px_raise_type_error("unsupported operand type(s) for divmod(): '%s' and '%s'", px_type_name(a),
                        px_type_name(b));
}
PX_FUN2(px_builtin_divmod, divmod, builtin_divmod);

static bool is_number(px_val v) {
    return px_is_int(v) || px_is_float(v) || px_is_complex(v);
}

static px_val builtin_pow(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(base), PX_ARG_REQUIRED, PX_UNSET},
        {PX_Q(exp), PX_ARG_REQUIRED, PX_UNSET},
        {PX_Q(mod), 0, PX_NONE},
    };
    px_val a[3];
    px_parse_args(PX_Q(pow), argc, argv, kwnames, 3, spec, a);
    if (a[2] == PX_NONE) {
        return px_binary(PX_BINOP_POW, a[0], a[1]);
    }
    px_val x = px_int_unwrap(a[0]), y = px_int_unwrap(a[1]), m = px_int_unwrap(a[2]);
    if (x == PX_NULL || y == PX_NULL || m == PX_NULL) {
        const px_type *t = px_type_of(a[0]);
        if (t->flags & PX_TF_HEAPTYPE) {
            px_val f = px_type_lookup(t, PX_Q(__pow__));
            if (f != PX_NULL) {
                px_val args[3] = {a[0], a[1], a[2]};
                return px_call(f, 3, args, PX_NULL);
            }
        }
        /* Each operand's type is asked in turn, as in CPython: int declines
         * mixed operands, float refuses any modulus, complex refuses one
         * once base and exponent are numbers; with none, nothing supports it. */
        bool numeric = is_number(a[0]) && is_number(a[1]);
        for (int i = 0; i < 3; i++) {
            if (px_is_complex(a[i]) && numeric) {
                px_raise_value_error("complex modulo");
            }
            if (px_is_float(a[i])) {
                px_raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
            }
        }
        px_raise_type_error("unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                            px_type_name(a[0]), px_type_name(a[1]), px_type_name(a[2]));
    }
    return px_int_pow(x, y, m);
}
/* min 0: the arguments may all come as keywords; px_parse_args checks. */
PX_FUNKW(px_builtin_pow, pow, 0, 3, builtin_pow);

/* round(int, n) for n < 0: half to even at 10^-n. */
static px_val round_int(px_val x, px_int n) {
    if (n >= 0) {
        return x;
    }
    px_digit buf[2];
    px_bn b;
    px_bn_get(x, &b, buf);
    /* 10^-n > 2|x| rounds to zero: skip computing a huge power */
    if ((double)-n > (double)px_nat_bitlen(b.d, b.n) * 0.30103 + 1) {
        return px_small(0);
    }
    px_val p = px_int_pow(px_small(10), px_int_from_i64(-(int64_t)n), PX_NULL);
    px_val qr = px_int_divmod(x, p);
    px_val q = px_tuple_ptr(qr)->items[0], r = px_tuple_ptr(qr)->items[1];
    px_val twice = px_int_binop(PX_BINOP_ADD, r, r);
    px_val c = px_int_binop(PX_BINOP_GT, twice, p);
    bool up = c == PX_TRUE;
    if (!up && px_int_binop(PX_BINOP_EQ, twice, p) == PX_TRUE) {
        up = px_int_binop(PX_BINOP_AND, q, px_small(1)) != px_small(0);
    }
    if (up) {
        q = px_int_binop(PX_BINOP_ADD, q, px_small(1));
    }
    return px_int_binop(PX_BINOP_MUL, q, p);
}

#if PX_HAS_FLOAT
static double round_half_even(double x) {
    double fl = floor(x), diff = x - fl;
    if (diff > 0.5 || (diff == 0.5 && fmod(fl, 2.0) != 0.0)) {
        fl += 1.0;
    }
    return fl;
}
#endif

static px_val builtin_round(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(number), PX_ARG_REQUIRED, PX_UNSET},
        {PX_Q(ndigits), 0, PX_NONE},
    };
    px_val a[2];
    px_parse_args(PX_Q(round), argc, argv, kwnames, 2, spec, a);
    px_val x = a[0], nd = a[1];
    const px_type *t = px_type_of(x);
    if (t->flags & PX_TF_HEAPTYPE) {
        px_val m = px_type_lookup(t, PX_Q(__round__));
        if (m == PX_NULL) {
            px_raise_type_error("type %s doesn't define __round__ method", px_type_name(x));
        }
        px_val args[2] = {x, nd};
        return px_call(m, nd == PX_NONE ? 1 : 2, args, PX_NULL);
    }
    if (px_is_int(x)) {
        px_val u = px_int_unwrap(x);
        if (nd == PX_NONE) {
            return u;
        }
        px_val nv = px_int_unwrap(nd);
        if (nv != PX_NULL && !px_is_small(nv)) { /* far beyond any digit of x */
            return px_int_binop(PX_BINOP_LT, nv, px_small(0)) == PX_TRUE ? px_small(0) : u;
        }
        return round_int(u, px_index(nd));
    }
#if PX_HAS_FLOAT
    if (px_is_float(x)) {
        double d = px_float_get(x);
        if (nd == PX_NONE) {
            if (isnan(d)) {
                px_raise_value_error("cannot convert float NaN to integer");
            }
            if (isinf(d)) {
                px_raise_overflow("cannot convert float infinity to integer");
            }
            return px_int_from_double(round_half_even(d));
        }
        px_val nv = px_int_unwrap(nd);
        if (nv == PX_NULL) {
            px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(nd));
        }
        px_int n;
        if (px_is_small(nv)) {
            n = px_small_get(nv);
        } else {
            n = px_int_binop(PX_BINOP_LT, nv, px_small(0)) == PX_TRUE ? -100000 : 100000;
        }
        return px_float(px_float_round(d, n));
    }
#endif
    px_raise_type_error("type %s doesn't define __round__ method", px_type_name(x));
}
PX_FUNKW(px_builtin_round, round, 0, 2, builtin_round);
