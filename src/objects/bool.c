/* bool: the int subclass with exactly two values, PX_TRUE and PX_FALSE
 * (immediates). &, | and ^ of two bools stay bool; everything else is int
 * arithmetic on 0 and 1. */
#include "../runtime.h"

static void bool_print(px_out *out, px_val self, px_print_kind kind) {
    if (self == PX_TRUE) {
        px_write(out, "True", 4);
    } else {
        px_write(out, "False", 5);
    }
}

static px_val bool_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(bool), argc, kwnames, 0, 1);
    return argc == 0 ? PX_FALSE : px_bool(px_truthy(argv[0]));
}

static px_val bool_unop(px_unop op, px_val self) {
    if (!px_is_bool(self)) {
        return PX_NOTIMPL;
    }
    if (op == PX_UNOP_BOOL) {
        return self;
    }
    return px_type_int.unop(op, px_small(self == PX_TRUE));
}

static px_val bool_binop(px_binop op, px_val lhs, px_val rhs) {
    if (px_is_bool(lhs) && px_is_bool(rhs)) {
        bool a = lhs == PX_TRUE, b = rhs == PX_TRUE;
        switch (op) {
        case PX_BINOP_AND:
        case PX_BINOP_IAND:
            return px_bool(a && b);
        case PX_BINOP_OR:
        case PX_BINOP_IOR:
            return px_bool(a || b);
        case PX_BINOP_XOR:
        case PX_BINOP_IXOR:
            return px_bool(a != b);
        default:
            break;
        }
    }
    return px_int_binop(op, lhs, rhs);
}

/* real, imag, numerator, denominator as for int */
static px_val bool_getattr(px_val self, px_qid name) {
    return px_type_int.getattr(self, name);
}

const px_type px_type_bool = {
    .base = {&px_type_type},
    .name = PX_Q(bool),
    .flags = 0,
    .base_type = &px_type_int,
    .make = bool_make,
    .print = bool_print,
    .unop = bool_unop,
    .binop = bool_binop,
    .getattr = bool_getattr,
};
