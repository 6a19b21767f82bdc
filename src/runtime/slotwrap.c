/* Slot wrappers: built-in types implement their protocol in C slots, not
 * in their method tables, so `super().__repr__()` in a list subclass or
 * `str.__hash__` need a method made on demand. Only dunders every type
 * with that slot really supports are synthesised (so hasattr() stays
 * truthful); areas put the others in their method tables. */
#include "rt_internal.h"

static px_val w_repr(px_val self) { return px_to_repr(self); }
static px_val w_str(px_val self) { return px_to_str(self); }
static px_val w_hash(px_val self) { return px_hash_to_int(px_hash(self)); }

static px_val w_compare(px_binop op, px_val self, px_val other) {
    const px_type *t = px_type_of(self);
    if (t->binop == NULL) {
        return PX_NOTIMPL;
    }
    px_val n = px_rt_native_of(other);
    return t->binop(op, self, n != PX_NULL && n != other ? n : other);
}
static px_val w_eq(px_val a, px_val b) { return w_compare(PX_BINOP_EQ, a, b); }
static px_val w_ne(px_val a, px_val b) { return w_compare(PX_BINOP_NE, a, b); }
static px_val w_lt(px_val a, px_val b) { return w_compare(PX_BINOP_LT, a, b); }
static px_val w_le(px_val a, px_val b) { return w_compare(PX_BINOP_LE, a, b); }
static px_val w_gt(px_val a, px_val b) { return w_compare(PX_BINOP_GT, a, b); }
static px_val w_ge(px_val a, px_val b) { return w_compare(PX_BINOP_GE, a, b); }

static px_val w_iter(px_val self) { return px_iter(self); }
static px_val w_next(px_val self) {
    px_val v = px_next(self);
    if (v == PX_NULL) {
        px_raise_stop_iteration(PX_NULL);
    }
    return v;
}
static px_val w_getitem(px_val self, px_val index) { return px_subscr_load(self, index); }
static px_val w_len(px_val self) { return px_int_from_u64(px_len(self)); }
static px_val w_contains(px_val self, px_val item) { return px_bool(px_contains(self, item)); }
static px_val w_arith(px_binop op, px_val lhs, px_val rhs) {
    const px_type *t = px_type_of(lhs);
    px_val r = t->binop == NULL ? PX_NOTIMPL : t->binop(op, lhs, rhs);
    if (r == PX_NOTIMPL && px_type_of(rhs) != t && px_type_of(rhs)->binop != NULL) {
        r = px_type_of(rhs)->binop(op, lhs, rhs);
    }
    return r;
}
static px_val w_add(px_val a, px_val b) { return w_arith(PX_BINOP_ADD, a, b); }
static px_val w_mul(px_val a, px_val b) { return w_arith(PX_BINOP_MUL, a, b); }
static px_val w_rmul(px_val a, px_val b) { return w_arith(PX_BINOP_MUL, b, a); }
static px_val w_iadd(px_val a, px_val b) { return w_arith(PX_BINOP_IADD, a, b); }
static px_val w_imul(px_val a, px_val b) { return w_arith(PX_BINOP_IMUL, a, b); }
static px_val w_format(px_val self, px_val spec) { return px_format(self, spec); }
static px_val w_call(size_t argc, const px_val *argv, px_val kwnames) {
    return px_call(argv[0], argc - 1, argv + 1, kwnames);
}

static const px_builtin w_repr_t = {{&px_type_builtin}, PX_Q(__repr__), PX_BK_1, 1, 1, NULL, {.f1 = w_repr}};
static const px_builtin w_str_t = {{&px_type_builtin}, PX_Q(__str__), PX_BK_1, 1, 1, NULL, {.f1 = w_str}};
static const px_builtin w_hash_t = {{&px_type_builtin}, PX_Q(__hash__), PX_BK_1, 1, 1, NULL, {.f1 = w_hash}};
static const px_builtin w_eq_t = {{&px_type_builtin}, PX_Q(__eq__), PX_BK_2, 2, 2, NULL, {.f2 = w_eq}};
static const px_builtin w_ne_t = {{&px_type_builtin}, PX_Q(__ne__), PX_BK_2, 2, 2, NULL, {.f2 = w_ne}};
static const px_builtin w_lt_t = {{&px_type_builtin}, PX_Q(__lt__), PX_BK_2, 2, 2, NULL, {.f2 = w_lt}};
static const px_builtin w_le_t = {{&px_type_builtin}, PX_Q(__le__), PX_BK_2, 2, 2, NULL, {.f2 = w_le}};
static const px_builtin w_gt_t = {{&px_type_builtin}, PX_Q(__gt__), PX_BK_2, 2, 2, NULL, {.f2 = w_gt}};
static const px_builtin w_ge_t = {{&px_type_builtin}, PX_Q(__ge__), PX_BK_2, 2, 2, NULL, {.f2 = w_ge}};
static const px_builtin w_iter_t = {{&px_type_builtin}, PX_Q(__iter__), PX_BK_1, 1, 1, NULL, {.f1 = w_iter}};
static const px_builtin w_next_t = {{&px_type_builtin}, PX_Q(__next__), PX_BK_1, 1, 1, NULL, {.f1 = w_next}};
static const px_builtin w_getitem_t = {{&px_type_builtin}, PX_Q(__getitem__), PX_BK_2, 2, 2, NULL, {.f2 = w_getitem}};
static const px_builtin w_len_t = {{&px_type_builtin}, PX_Q(__len__), PX_BK_1, 1, 1, NULL, {.f1 = w_len}};
static const px_builtin w_contains_t = {{&px_type_builtin}, PX_Q(__contains__), PX_BK_2, 2, 2, NULL, {.f2 = w_contains}};
static const px_builtin w_add_t = {{&px_type_builtin}, PX_Q(__add__), PX_BK_2, 2, 2, NULL, {.f2 = w_add}};
static const px_builtin w_mul_t = {{&px_type_builtin}, PX_Q(__mul__), PX_BK_2, 2, 2, NULL, {.f2 = w_mul}};
static const px_builtin w_rmul_t = {{&px_type_builtin}, PX_Q(__rmul__), PX_BK_2, 2, 2, NULL, {.f2 = w_rmul}};
static const px_builtin w_iadd_t = {{&px_type_builtin}, PX_Q(__iadd__), PX_BK_2, 2, 2, NULL, {.f2 = w_iadd}};
static const px_builtin w_imul_t = {{&px_type_builtin}, PX_Q(__imul__), PX_BK_2, 2, 2, NULL, {.f2 = w_imul}};
static const px_builtin w_format_t = {{&px_type_builtin}, PX_Q(__format__), PX_BK_2, 2, 2, NULL, {.f2 = w_format}};
static const px_builtin w_call_t = {{&px_type_builtin}, PX_Q(__call__), PX_BK_KW, 1, PX_ARGS_MAX, NULL, {.fkw = w_call}};

/* Types known to have a length and `in` (their slots may serve other
 * operators too, so presence of a slot alone proves nothing). */
static bool is_collection(const px_type *t) {
    return t == &px_type_str || t == &px_type_bytes || t == &px_type_bytearray || t == &px_type_tuple ||
           t == &px_type_list || t == &px_type_dict || t == &px_type_set || t == &px_type_frozenset ||
           t == &px_type_range || t == &px_type_memoryview || t == &px_type_dict_keys ||
           t == &px_type_dict_values || t == &px_type_dict_items;
}
static bool is_sequence(const px_type *t) {
    return t == &px_type_str || t == &px_type_bytes || t == &px_type_bytearray || t == &px_type_tuple ||
           t == &px_type_list;
}
static bool is_mutable_sequence(const px_type *t) { return t == &px_type_list || t == &px_type_bytearray; }

/* Does t define the slot itself (rather than inherit it)? */
#define INTRODUCES(t, slot) ((t)->slot != NULL && ((t)->base_type == NULL || (t)->base_type->slot != (t)->slot))

px_val px_rt_slot_wrapper(const px_type *t, px_qid name) {
    if (t == &px_type_object || px_rt_is_heap_type(t)) {
        return PX_NULL;
    }
    const px_builtin *tmpl = NULL;
    switch (name) {
    case PX_Q(__repr__):
        tmpl = INTRODUCES(t, print) ? &w_repr_t : NULL;
        break;
    case PX_Q(__str__):
        tmpl = INTRODUCES(t, print) ? &w_str_t : NULL;
        break;
    case PX_Q(__hash__):
        if (t->flags & PX_TF_UNHASHABLE) {
            return PX_NONE;
        }
        tmpl = INTRODUCES(t, unop) ? &w_hash_t : NULL;
        break;
    case PX_Q(__eq__):
        tmpl = INTRODUCES(t, binop) ? &w_eq_t : NULL;
        break;
    case PX_Q(__ne__):
        tmpl = INTRODUCES(t, binop) ? &w_ne_t : NULL;
        break;
    case PX_Q(__lt__):
        tmpl = INTRODUCES(t, binop) ? &w_lt_t : NULL;
        break;
    case PX_Q(__le__):
        tmpl = INTRODUCES(t, binop) ? &w_le_t : NULL;
        break;
    case PX_Q(__gt__):
        tmpl = INTRODUCES(t, binop) ? &w_gt_t : NULL;
        break;
    case PX_Q(__ge__):
        tmpl = INTRODUCES(t, binop) ? &w_ge_t : NULL;
        break;
    case PX_Q(__iter__):
        tmpl = INTRODUCES(t, iter) ? &w_iter_t : NULL;
        break;
    case PX_Q(__next__):
        tmpl = INTRODUCES(t, next) ? &w_next_t : NULL;
        break;
    case PX_Q(__getitem__):
        tmpl = INTRODUCES(t, subscr) ? &w_getitem_t : NULL;
        break;
    case PX_Q(__len__):
        tmpl = is_collection(t) ? &w_len_t : NULL;
        break;
    case PX_Q(__contains__):
        tmpl = is_collection(t) && t != &px_type_dict_values ? &w_contains_t : NULL;
        break;
    case PX_Q(__add__):
        tmpl = is_sequence(t) ? &w_add_t : NULL;
        break;
    case PX_Q(__mul__):
        tmpl = is_sequence(t) ? &w_mul_t : NULL;
        break;
    case PX_Q(__rmul__):
        tmpl = is_sequence(t) ? &w_rmul_t : NULL;
        break;
    case PX_Q(__iadd__):
        tmpl = is_mutable_sequence(t) ? &w_iadd_t : NULL;
        break;
    case PX_Q(__imul__):
        tmpl = is_mutable_sequence(t) ? &w_imul_t : NULL;
        break;
    case PX_Q(__format__):
        /* the types px_format formats natively (others use object.__format__) */
        tmpl = t == &px_type_int || t == &px_type_str || t == &px_type_bool ? &w_format_t : NULL;
#if PX_HAS_FLOAT
        tmpl = t == &px_type_float ? &w_format_t : tmpl;
#endif
#if PX_HAS_COMPLEX
        tmpl = t == &px_type_complex ? &w_format_t : tmpl;
#endif
        break;
    case PX_Q(__call__):
        tmpl = INTRODUCES(t, call) && t != &px_type_type ? &w_call_t : NULL;
        break;
    default:
        return PX_NULL;
    }
    if (tmpl == NULL) {
        return PX_NULL;
    }
    px_builtin *b = px_gc_alloc(sizeof(px_builtin), 0);
    *b = *tmpl;
    b->owner = t;
    return px_from_ptr(b);
}
