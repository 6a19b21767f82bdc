/* Operators: unary and binary dispatch through the type slots, with
 * CPython's protocol for user classes (reflected operands, subclass
 * priority, in-place fallbacks, rich comparison fallbacks), truth, hashing,
 * len, containment, subscripts and iteration. */
#include "rt_internal.h"

#define NUM_ARITH (PX_BINOP_XOR + 1)

static const px_qid op_names[NUM_ARITH] = {
    PX_Q(__add__), PX_Q(__sub__), PX_Q(__mul__), PX_Q(__matmul__), PX_Q(__truediv__),
    PX_Q(__floordiv__), PX_Q(__mod__), PX_Q(__pow__), PX_Q(__lshift__), PX_Q(__rshift__),
    PX_Q(__and__), PX_Q(__or__), PX_Q(__xor__),
};
static const px_qid rop_names[NUM_ARITH] = {
    PX_Q(__radd__), PX_Q(__rsub__), PX_Q(__rmul__), PX_Q(__rmatmul__), PX_Q(__rtruediv__),
    PX_Q(__rfloordiv__), PX_Q(__rmod__), PX_Q(__rpow__), PX_Q(__rlshift__), PX_Q(__rrshift__),
    PX_Q(__rand__), PX_Q(__ror__), PX_Q(__rxor__),
};
static const px_qid iop_names[NUM_ARITH] = {
    PX_Q(__iadd__), PX_Q(__isub__), PX_Q(__imul__), PX_Q(__imatmul__), PX_Q(__itruediv__),
    PX_Q(__ifloordiv__), PX_Q(__imod__), PX_Q(__ipow__), PX_Q(__ilshift__), PX_Q(__irshift__),
    PX_Q(__iand__), PX_Q(__ior__), PX_Q(__ixor__),
};
static const char *const op_symbols[NUM_ARITH] = {
    "+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^",
};
static const char *const iop_symbols[NUM_ARITH] = {
    "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=",
};
#define CMP_INDEX(op) ((op) - PX_BINOP_LT)
static const px_qid cmp_names[6] = {
    PX_Q(__lt__), PX_Q(__le__), PX_Q(__eq__), PX_Q(__ne__), PX_Q(__gt__), PX_Q(__ge__),
};
static const char *const cmp_symbols[6] = {"<", "<=", "==", "!=", ">", ">="};
static const px_binop cmp_reflect[6] = {PX_BINOP_GT, PX_BINOP_GE, PX_BINOP_EQ,
                                        PX_BINOP_NE, PX_BINOP_LT, PX_BINOP_LE};

const char *px_type_name(px_val v) { return px_qstr_str(px_type_of(v)->name); }

/* An operand a built-in slot understands: the native of a subclass instance. */
static px_val unwrap(px_val v) {
    if (px_rt_is_instance(v)) {
        px_val n = px_rt_inst(v)->native;
        return n == PX_NULL ? v : n;
    }
    return v;
}

/* The built-in type that handles a user object's native: for a class whose
 * metaclass derives from type, the native is the class itself. */
static const px_type *native_type(px_val self, px_val native) {
    if (native == self) {
        return ((const px_class *)px_type_of(self))->native_base;
    }
    return px_type_of(native);
}

/* ---- unary */
static px_val call_unop_slot(px_unop op, px_val v) {
    const px_type *t = px_type_of(v);
    return t->unop == NULL ? PX_NOTIMPL : t->unop(op, v);
}

bool px_truthy(px_val v) {
    switch (v) {
    case PX_TRUE:
        return true;
    case PX_FALSE:
    case PX_NONE:
        return false;
    default:
        break;
    }
    if (px_is_small(v)) {
        return px_small_get(v) != 0;
    }
    if (px_is_qstr(v)) {
        return px_qstr_len(px_qstr_get(v)) != 0;
    }
#if PX_HAS_FLOAT
    if (px_is_float_imm(v)) {
        return px_float_get(v) != 0.0;
    }
#endif
    px_val r = call_unop_slot(PX_UNOP_BOOL, v);
    if (r != PX_NOTIMPL) {
        return r == PX_TRUE;
    }
    r = call_unop_slot(PX_UNOP_LEN, v);
    if (r != PX_NOTIMPL) {
        return px_is_small(r) ? px_small_get(r) != 0 : px_truthy(r);
    }
    return true;
}

size_t px_len(px_val v) {
    if (px_is_qstr(v)) {
        return px_str_charlen(v);
    }
    px_val r = call_unop_slot(PX_UNOP_LEN, v);
    if (r == PX_NOTIMPL) {
        px_raise_type_error("object of type '%s' has no len()", px_type_name(v));
    }
    if (!px_is_small(r)) {
        px_raise_overflow("cannot fit 'int' into an index-sized integer");
    }
    return (size_t)px_small_get(r);
}

px_int px_hash(px_val v) {
    if (px_is_small(v)) {
        px_int i = px_small_get(v);
        return i == -1 ? -2 : i;
    }
    if (px_is_qstr(v)) {
        /* the same value str's hash slot gives a heap str: it fits a small int */
        return (px_int)(px_qstr_hash(px_qstr_get(v)) & (uint32_t)PX_SMALL_MAX);
    }
    px_check_stack("");
    const px_type *t = px_type_of(v);
    if (t->flags & PX_TF_UNHASHABLE) {
        px_raise_type_error("unhashable type: '%s'", px_qstr_str(t->name));
    }
    px_val r = call_unop_slot(PX_UNOP_HASH, v);
    if (r == PX_NOTIMPL) {
        return px_rt_identity_hash(v);
    }
    if (px_is_small(r)) {
        return px_small_get(r);
    }
    /* numeric hashes beyond the small-int range, or a big int from __hash__ */
    return px_hash_from_int(r);
}

px_val px_unary(px_unop op, px_val v) {
    switch (op) {
    case PX_UNOP_NOT:
        return px_bool(!px_truthy(v));
    case PX_UNOP_BOOL:
        return px_bool(px_truthy(v));
    case PX_UNOP_LEN:
        return px_small((px_int)px_len(v));
    case PX_UNOP_HASH:
        return px_hash_to_int(px_hash(v));
    default:
        break;
    }
    px_val r = call_unop_slot(op, v);
    if (r != PX_NOTIMPL) {
        return r;
    }
    const char *tn = px_type_name(v);
    switch (op) {
    case PX_UNOP_NEG:
        px_raise_type_error("bad operand type for unary -: '%s'", tn);
    case PX_UNOP_POS:
        px_raise_type_error("bad operand type for unary +: '%s'", tn);
    case PX_UNOP_INVERT:
        px_raise_type_error("bad operand type for unary ~: '%s'", tn);
    case PX_UNOP_ABS:
        px_raise_type_error("bad operand type for abs(): '%s'", tn);
    case PX_UNOP_INT:
        px_raise_type_error("int() argument must be a string, a bytes-like object or a real number, not '%s'", tn);
    case PX_UNOP_FLOAT:
        px_raise_type_error("float() argument must be a string or a real number, not '%s'", tn);
    default:
        px_raise_type_error("'%s' object cannot be interpreted as an integer", tn);
    }
}

/* ---- binary */
static bool is_user_obj(px_val v) {
    return px_is_obj(v) && px_rt_is_heap_type(px_type_of(v));
}

/* One side of an arithmetic operator: self is lhs (left) or rhs (right). */
static px_val arith_side(px_binop op, bool left, px_val lhs, px_val rhs) {
    px_val self = left ? lhs : rhs;
    const px_type *t = px_type_of(self);
    if (is_user_obj(self)) {
        px_val f = px_rt_user_lookup(t, left ? op_names[op] : rop_names[op]);
        if (f != PX_NULL) {
            if (f == PX_NONE) {
                return PX_NOTIMPL;
            }
            return px_rt_call_dunder1(f, self, left ? rhs : lhs);
        }
        px_val native = px_rt_native_of(self);
        if (native == PX_NULL) {
            return PX_NOTIMPL;
        }
        const px_type *nt = native_type(self, native);
        if (nt->binop == NULL) {
            return PX_NOTIMPL;
        }
        return nt->binop(op, unwrap(lhs), unwrap(rhs));
    }
    return t->binop == NULL ? PX_NOTIMPL : t->binop(op, lhs, rhs);
}

static px_val arith(px_binop op, px_val lhs, px_val rhs) {
    const px_type *lt = px_type_of(lhs), *rt = px_type_of(rhs);
    if (!is_user_obj(lhs) && !is_user_obj(rhs)) {
        px_val r = lt->binop == NULL ? PX_NOTIMPL : lt->binop(op, lhs, rhs);
        if (r == PX_NOTIMPL && rt != lt && rt->binop != NULL) {
            r = rt->binop(op, lhs, rhs);
        }
        return r;
    }
    if (lt != rt && is_user_obj(rhs) && px_issubclass(rt, lt)) {
        px_val rf = px_rt_user_lookup(rt, rop_names[op]);
        if (rf != PX_NULL && (!is_user_obj(lhs) || rf != px_rt_user_lookup(lt, rop_names[op]))) {
            px_val r = arith_side(op, false, lhs, rhs);
            if (r != PX_NOTIMPL) {
                return r;
            }
            return arith_side(op, true, lhs, rhs);
        }
    }
    px_val r = arith_side(op, true, lhs, rhs);
    if (r == PX_NOTIMPL && lt != rt) {
        r = arith_side(op, false, lhs, rhs);
    }
    return r;
}

/* Rich comparison without the final fallbacks; PX_NOTIMPL if nobody answers. */
static px_val cmp_side(px_binop op, px_val self, px_val other, px_val lhs, px_val rhs) {
    const px_type *t = px_type_of(self);
    if (is_user_obj(self)) {
        px_val f = px_rt_user_lookup(t, cmp_names[CMP_INDEX(op)]);
        if (f != PX_NULL && f != PX_NONE) {
            return px_rt_call_dunder1(f, self, other);
        }
        if (op == PX_BINOP_NE) {
            px_val eq = px_rt_user_lookup(t, PX_Q(__eq__));
            if (eq != PX_NULL && eq != PX_NONE) {
                px_val r = px_rt_call_dunder1(eq, self, other);
                return r == PX_NOTIMPL ? r : px_bool(!px_truthy(r));
            }
        }
        px_val native = px_rt_native_of(self);
        if (native == PX_NULL) {
            return PX_NOTIMPL;
        }
        const px_type *nt = native_type(self, native);
        return nt->binop == NULL ? PX_NOTIMPL : nt->binop(op, native, unwrap(other));
    }
    /* built-in slots take the operands in the original order */
    return t->binop == NULL ? PX_NOTIMPL : t->binop(op, unwrap(lhs), unwrap(rhs));
}

static px_val compare_raw(px_binop op, px_val lhs, px_val rhs) {
    const px_type *lt = px_type_of(lhs), *rt = px_type_of(rhs);
    px_binop rop = cmp_reflect[CMP_INDEX(op)];
    if (!is_user_obj(lhs) && !is_user_obj(rhs)) {
        px_val r = lt->binop == NULL ? PX_NOTIMPL : lt->binop(op, lhs, rhs);
        if (r == PX_NOTIMPL && rt != lt && rt->binop != NULL) {
            r = rt->binop(op, lhs, rhs);
        }
        return r;
    }
    bool right_first = lt != rt && is_user_obj(rhs) && px_issubclass(rt, lt);
    px_val r;
    if (right_first) {
        r = cmp_side(rop, rhs, lhs, lhs, rhs);
        if (r != PX_NOTIMPL) {
            return r;
        }
    }
    r = cmp_side(op, lhs, rhs, lhs, rhs);
    if (r == PX_NOTIMPL && !right_first) {
        r = cmp_side(rop, rhs, lhs, lhs, rhs);
    }
    return r;
}

static bool has_user_eq(px_val v) {
    if (!is_user_obj(v)) {
        return false;
    }
    px_val f = px_rt_user_lookup(px_type_of(v), PX_Q(__eq__));
    return f != PX_NULL && f != PX_NONE;
}

px_val px_rt_compare(px_binop op, px_val lhs, px_val rhs) {
    px_check_stack(" in comparison");
    px_val r = compare_raw(op, lhs, rhs);
    if (r != PX_NOTIMPL) {
        return r;
    }
    if (op == PX_BINOP_EQ) {
        return px_bool(lhs == rhs);
    }
    if (op == PX_BINOP_NE) {
        /* a user __eq__ was already asked (and inverted) by cmp_side */
        r = has_user_eq(lhs) || has_user_eq(rhs) ? PX_NOTIMPL : compare_raw(PX_BINOP_EQ, lhs, rhs);
        if (r == PX_NOTIMPL) {
            return px_bool(lhs != rhs);
        }
        return px_bool(!px_truthy(r));
    }
    px_raise_type_error("'%s' not supported between instances of '%s' and '%s'", cmp_symbols[CMP_INDEX(op)],
                        px_type_name(lhs), px_type_name(rhs));
}

px_val px_binary(px_binop op, px_val lhs, px_val rhs) {
    if (op >= PX_BINOP_LT) {
        if (op == PX_BINOP_CONTAINS) {
            return px_bool(px_contains(lhs, rhs));
        }
        return px_rt_compare(op, lhs, rhs);
    }
    px_check_stack("");
    const char *sym;
    if (op >= PX_BINOP_IADD) {
        px_binop plain = (px_binop)(op - PX_BINOP_INPLACE_DELTA);
        px_val r = PX_NOTIMPL;
        if (is_user_obj(lhs)) {
            px_val f = px_rt_user_lookup(px_type_of(lhs), iop_names[plain]);
            if (f != PX_NULL && f != PX_NONE) {
                r = px_rt_call_dunder1(f, lhs, rhs);
            } else {
                px_val native = px_rt_native_of(lhs);
                if (native != PX_NULL && native != lhs && px_type_of(native)->binop != NULL) {
                    /* e.g. a list subclass: extend the native list in place */
                    r = px_type_of(native)->binop(op, native, unwrap(rhs));
                    if (r == native) {
                        r = lhs;
                    }
                }
            }
        } else {
            const px_type *lt = px_type_of(lhs);
            if (lt->binop != NULL) {
                r = lt->binop(op, lhs, rhs);
            }
        }
        if (r != PX_NOTIMPL) {
            return r;
        }
        r = arith(plain, lhs, rhs);
        if (r != PX_NOTIMPL) {
            return r;
        }
        sym = iop_symbols[plain];
    } else {
        px_val r = arith(op, lhs, rhs);
        if (r != PX_NOTIMPL) {
            return r;
        }
        sym = op_symbols[op];
    }
#if !PX_HAS_FLOAT
    /* int / int would be a float: say so, and what to use instead */
    if ((op == PX_BINOP_TRUEDIV || op == PX_BINOP_ITRUEDIV) && px_is_int(lhs) && px_is_int(rhs)) {
        px_raise_type_error("unsupported operand type(s) for %s: '%s' and '%s' (no floats in this build: use //)", sym,
                            px_type_name(lhs), px_type_name(rhs));
    }
#endif
    px_raise_type_error("unsupported operand type(s) for %s: '%s' and '%s'", sym, px_type_name(lhs),
                        px_type_name(rhs));
}

bool px_equal(px_val a, px_val b) {
    if (a == b && !px_is_float(a)) {
        return true;
    }
    if ((px_is_small(a) && px_is_small(b)) || (px_is_qstr(a) && px_is_qstr(b))) {
        return false;
    }
    px_val r = px_rt_compare(PX_BINOP_EQ, a, b);
    return r == PX_TRUE || (r != PX_FALSE && px_truthy(r));
}

bool px_less(px_val a, px_val b) {
    if (px_is_small(a) && px_is_small(b)) {
        return px_small_get(a) < px_small_get(b);
    }
    px_val r = px_rt_compare(PX_BINOP_LT, a, b);
    return r == PX_TRUE || (r != PX_FALSE && px_truthy(r));
}

/* ---- containment, subscripts, iteration */
bool px_contains(px_val container, px_val item) {
    px_check_stack(" in comparison");
    const px_type *t = px_type_of(container);
    if (is_user_obj(container)) {
        px_val f = px_rt_user_lookup(t, PX_Q(__contains__));
        if (f != PX_NULL) {
            return px_truthy(px_rt_call_dunder1(f, container, item));
        }
        bool user_iter = px_rt_user_lookup(t, PX_Q(__iter__)) != PX_NULL;
        px_val native = px_rt_native_of(container);
        if (!user_iter && native != PX_NULL && native != container) {
            return px_contains(native, item);
        }
        if (!user_iter && px_rt_user_lookup(t, PX_Q(__getitem__)) == PX_NULL) {
            px_raise_type_error("argument of type '%s' is not iterable", px_qstr_str(t->name));
        }
    } else if (t->binop != NULL) {
        px_val r = t->binop(PX_BINOP_CONTAINS, container, item);
        if (r != PX_NOTIMPL) {
            return px_truthy(r);
        }
    }
    if (!is_user_obj(container) && t->iter == NULL && t->subscr == NULL) {
        px_raise_type_error("argument of type '%s' is not iterable", px_qstr_str(t->name));
    }
    px_val it = px_iter(container);
    for (px_val v; (v = px_next(it)) != PX_NULL;) {
        if (v == item || px_equal(v, item)) {
            return true;
        }
    }
    return false;
}

static px_val subscr(px_val obj, px_val index, px_val value) {
    const px_type *t = px_type_of(obj);
    if (t->subscr == NULL) {
        if (px_is_type_obj(obj) && value == PX_NULL) {
            /* Class[...]: __class_getitem__, or a generic alias stand-in */
            px_val f = px_type_lookup((const px_type *)px_as_ptr(obj), PX_Q(__class_getitem__));
            if (f != PX_NULL) {
                return px_call1(px_rt_descr_get(f, PX_NULL, px_as_ptr(obj)), index);
            }
            const px_type *ct = px_as_ptr(obj);
            if (ct == &px_type_list || ct == &px_type_dict || ct == &px_type_tuple || ct == &px_type_set ||
                ct == &px_type_frozenset || ct == &px_type_type) {
                return px_rt_generic_alias(obj, index);
            }
            px_raise_type_error("type '%s' is not subscriptable", px_qstr_str(ct->name));
        }
        if (value == PX_NULL) {
            px_raise_type_error("'%s' object is not subscriptable", px_type_name(obj));
        }
        if (value == PX_DELETE) {
            px_raise_type_error("'%s' object doesn't support item deletion", px_type_name(obj));
        }
        px_raise_type_error("'%s' object does not support item assignment", px_type_name(obj));
    }
    return t->subscr(obj, index, value);
}

px_val px_subscr_load(px_val obj, px_val index) { return subscr(obj, index, PX_NULL); }
void px_subscr_store(px_val obj, px_val index, px_val value) { subscr(obj, index, value); }
void px_subscr_delete(px_val obj, px_val index) { subscr(obj, index, PX_DELETE); }

/* The old sequence protocol: obj[0], obj[1], ... until IndexError. */
typedef struct {
    px_obj base;
    px_val seq;
    px_int index;
} seq_iter;

static px_val seq_iter_next(px_val self) {
    seq_iter *it = px_as_ptr(self);
    if (it->seq == PX_NULL) {
        return PX_NULL;
    }
    px_val volatile v = PX_NULL;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        v = px_subscr_load(it->seq, px_small(it->index));
        px_try_pop(&j);
    } else {
        if (!px_isinstance(j.exc, &px_type_IndexError) && !px_isinstance(j.exc, &px_type_StopIteration)) {
            px_raise(j.exc);
        }
        it->seq = PX_NULL;
        return PX_NULL;
    }
    it->index++;
    return v;
}

static px_val seq_iter_iter(px_val self) { return self; }

static const px_type seq_iter_type = {
    .base = {&px_type_type},
    .name = PX_Q(iterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = seq_iter_iter,
    .next = seq_iter_next,
};

static px_val seq_iter_new(px_val seq) {
    seq_iter *it = px_gc_alloc(sizeof(seq_iter), 0);
    it->base.type = &seq_iter_type;
    it->seq = seq;
    return px_from_ptr(it);
}

px_val px_iter(px_val v) {
    px_check_stack("");
    const px_type *t = px_type_of(v);
    if (t->iter != NULL) {
        return t->iter(v);
    }
    if (t->flags & PX_TF_ITERATOR) {
        return v;
    }
    if (t->subscr != NULL && !px_is_dict(v)) {
        return seq_iter_new(v);
    }
    px_raise_type_error("'%s' object is not iterable", px_qstr_str(t->name));
}

px_val px_next(px_val it) {
    px_check_stack("");
    const px_type *t = px_type_of(it);
    if (t->next == NULL) {
        px_raise_type_error("'%s' object is not an iterator", px_qstr_str(t->name));
    }
    return t->next(it);
}

px_val px_rt_seq_iter_new(px_val seq) { return seq_iter_new(seq); }
