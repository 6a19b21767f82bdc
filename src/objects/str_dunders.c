/* Dunder methods of str, bytes and bytearray, for explicit calls such as
 * "abc".__len__() and super().__getitem__(i) in subclasses. Each forwards
 * to the type's slot, so the behaviour is the operator's. */
#include "str_impl.h"

/* px_type_of out of line: inlined, it made each dunder here about 290
 * bytes, for methods called by name and rarely. */
__attribute__((noinline)) static const px_type *type_of(px_val v) {
    return px_type_of(v);
}

px_val px_text_d_len(px_val self) {
    return type_of(self)->unop(PX_UNOP_LEN, self);
}

px_val px_text_d_hash(px_val self) {
    return type_of(self)->unop(PX_UNOP_HASH, self);
}

px_val px_text_d_iter(px_val self) {
    return type_of(self)->iter(self);
}

px_val px_text_d_getitem(px_val self, px_val index) {
    return type_of(self)->subscr(self, index, PX_NULL);
}

px_val px_text_d_setitem(px_val self, px_val index, px_val value) {
    return type_of(self)->subscr(self, index, value);
}

px_val px_text_d_delitem(px_val self, px_val index) {
    return type_of(self)->subscr(self, index, PX_DELETE);
}

px_val px_text_d_repr(px_val self) {
    return px_to_repr(self);
}

px_val px_text_d_str(px_val self) {
    px_strbuf b;
    px_strbuf_init(&b, 16);
    px_out out = px_strbuf_out(&b);
    type_of(self)->print(&out, self, PX_PRINT_STR);
    return px_strbuf_to_str(&b);
}

static px_val binop(px_binop op, px_val a, px_val b) {
    return type_of(a)->binop(op, a, b);
}

px_val px_text_d_add(px_val a, px_val b) {
    return binop(PX_BINOP_ADD, a, b);
}
px_val px_text_d_iadd(px_val a, px_val b) {
    return binop(PX_BINOP_IADD, a, b);
}
px_val px_text_d_mul(px_val a, px_val b) {
    return binop(PX_BINOP_MUL, a, b);
}
px_val px_text_d_rmul(px_val a, px_val b) {
    return type_of(a)->binop(PX_BINOP_MUL, b, a);
}
px_val px_text_d_mod(px_val a, px_val b) {
    return binop(PX_BINOP_MOD, a, b);
}
px_val px_text_d_eq(px_val a, px_val b) {
    return binop(PX_BINOP_EQ, a, b);
}
px_val px_text_d_ne(px_val a, px_val b) {
    return binop(PX_BINOP_NE, a, b);
}
px_val px_text_d_lt(px_val a, px_val b) {
    return binop(PX_BINOP_LT, a, b);
}
px_val px_text_d_le(px_val a, px_val b) {
    return binop(PX_BINOP_LE, a, b);
}
px_val px_text_d_gt(px_val a, px_val b) {
    return binop(PX_BINOP_GT, a, b);
}
px_val px_text_d_ge(px_val a, px_val b) {
    return binop(PX_BINOP_GE, a, b);
}
px_val px_text_d_contains(px_val a, px_val b) {
    return binop(PX_BINOP_CONTAINS, a, b);
}

px_int px_text_byte_int(px_val v) {
    if (px_is_small(v)) {
        px_int i = px_small_get(v);
        return i >= 0 && i <= 255 ? i : -1;
    }
    if (px_is_bool(v)) {
        return v == PX_TRUE;
    }
    if (type_of(v) == &px_type_int) {
        return -1; /* a big int: out of range whatever its value */
    }
    px_int i = px_index(v);
    return i >= 0 && i <= 255 ? i : -1;
}
