/* tuple: an immutable array, items stored inline after the header. */
#include "contutil.h"

const px_tuple px_empty_tuple = {{&px_type_tuple}, 0};

bool px_is_tuple(px_val v) { return px_is_type(v, &px_type_tuple); }

px_val px_tuple_new(size_t n, const px_val *items) {
    if (n == 0) {
        return px_from_ptr(&px_empty_tuple);
    }
    if (n > (SIZE_MAX - sizeof(px_tuple)) / sizeof(px_val)) {
        px_raise_memory_error();
    }
    px_tuple *t = px_gc_alloc(sizeof(px_tuple) + n * sizeof(px_val), 0);
    t->base.type = &px_type_tuple;
    t->len = n;
    if (items) {
        px_cont_move(t->items, items, n);
    }
    return px_from_ptr(t);
}

px_val px_tuple_from_iter(px_val iterable) {
    if (px_is_tuple(iterable)) {
        return iterable;
    }
    size_t n;
    px_val *items = px_cont_items(iterable, &n);
    return px_tuple_new(n, items);
}

px_val *px_seq_items(px_val v, size_t *len) {
    if (px_is_obj(v)) {
        const px_type *t = ((px_obj *)px_as_ptr(v))->type;
        if (t == &px_type_list) {
            *len = px_list_ptr(v)->len;
            return px_list_ptr(v)->items;
        }
        if (t == &px_type_tuple) {
            *len = px_tuple_ptr(v)->len;
            return px_tuple_ptr(v)->items;
        }
    }
    *len = 0;
    return NULL;
}

px_int px_seq_index_arg(px_val index) {
    if (px_is_small(index)) {
        return px_small_get(index);
    }
    volatile px_int i = 0;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        i = px_index(index);
        px_try_pop(&j);
    } else {
        if (px_exc_matches(j.exc, px_from_ptr(&px_type_OverflowError))) {
            px_raise_index_error("cannot fit '%s' into an index-sized integer", px_type_name(index));
        }
        px_raise(j.exc);
    }
    return i;
}

void px_seq_refuse_store(px_val index, px_val value, const char *what) {
    /* CPython converts an index key first, so a key too big for an index
     * is an IndexError even here (and __index__ is called); its wording
     * for deletion then differs from the one for other keys. */
    bool is_index = px_is_int(index) || (px_is_obj(index) && px_type_lookup(px_type_of(index), PX_Q(__index__)) != PX_NULL);
    if (is_index) {
        px_seq_index_arg(index);
    }
    if (value == PX_DELETE) {
        px_raise_type_error(is_index ? "'%s' object doesn't support item deletion"
                                     : "'%s' object does not support item deletion", what);
    }
    px_raise_type_error("'%s' object does not support item assignment", what);
}

size_t px_seq_index(px_val index, size_t len, const char *what) {
    px_int i = px_seq_index_arg(index);
    if (i < 0) {
        i += (px_int)len;
    }
    if (i < 0 || (size_t)i >= len) {
        px_raise_index_error("%s index out of range", what);
    }
    return (size_t)i;
}

/* ---- slots */

static px_val tuple_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(tuple), argc, kwnames, 0, 1);
    return argc ? px_tuple_from_iter(argv[0]) : px_from_ptr(&px_empty_tuple);
}

static void tuple_body(px_out *out, px_val self) {
    px_tuple *t = px_tuple_ptr(self);
    px_write(out, "(", 1);
    px_cont_print_items(out, t->items, t->len);
    px_write(out, t->len == 1 ? ",)" : ")", t->len == 1 ? 2 : 1);
}

static void tuple_print(px_out *out, px_val self, px_print_kind kind) {
    px_cont_print_guarded(out, self, "(...)", tuple_body);
}

/* CPython's tuple hash (xxHash-style lanes over the item hashes). */
static px_val tuple_hash(px_tuple *t) {
    px_check_stack("");
#if PX_INT_BITS == 64
    const uint64_t p1 = 11400714785074694791ull, p2 = 14029467366897019727ull,
                   p5 = 2870177450012600261ull;
    uint64_t acc = p5;
    for (size_t i = 0; i < t->len; i++) {
        uint64_t lane = px_map_key_hash(t->items[i]);
        acc += lane * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    acc += t->len ^ (p5 ^ 3527539ull);
#else
    const uint32_t p1 = 2654435761u, p2 = 2246822519u, p5 = 374761393u;
    uint32_t acc = p5;
    for (size_t i = 0; i < t->len; i++) {
        uint32_t lane = px_map_key_hash(t->items[i]);
        acc += lane * p2;
        acc = (acc << 13) | (acc >> 19);
        acc *= p1;
    }
    acc += (uint32_t)t->len ^ (p5 ^ 3527539u);
#endif
    return px_small((px_int)(acc & (uint64_t)PX_SMALL_MAX));
}

static px_val tuple_unop(px_unop op, px_val self) {
    px_tuple *t = px_tuple_ptr(self);
    switch (op) {
    case PX_UNOP_BOOL:
        return px_bool(t->len != 0);
    case PX_UNOP_LEN:
        return px_small((px_int)t->len);
    case PX_UNOP_HASH:
        return tuple_hash(t);
    default:
        return PX_NOTIMPL;
    }
}

static px_val repeat(px_val seq, px_val n) {
    px_tuple *t = px_tuple_ptr(seq);
    int64_t k = px_cont_repeat_count(n, t->len);
    if (k < 0) {
        return PX_NOTIMPL;
    }
    if (k == 1) {
        return seq;
    }
    if ((uint64_t)k * t->len > SIZE_MAX / sizeof(px_val)) {
        px_raise_memory_error();
    }
    size_t len = t->len;
    px_val res = px_tuple_new((size_t)k * len, NULL);
    for (int64_t i = 0; i < k; i++) {
        px_cont_move(px_tuple_ptr(res)->items + i * len, t->items, len);
    }
    return res;
}

static px_val tuple_binop(px_binop op, px_val lhs, px_val rhs) {
    bool lself = px_is_tuple(lhs);
    switch (op) {
    case PX_BINOP_ADD:
    case PX_BINOP_IADD:
        if (lself && px_is_tuple(rhs)) {
            px_tuple *a = px_tuple_ptr(lhs), *b = px_tuple_ptr(rhs);
            if (b->len == 0) {
                return lhs;
            }
            if (a->len == 0) {
                return rhs;
            }
            px_val res = px_tuple_new(a->len + b->len, NULL);
            px_cont_move(px_tuple_ptr(res)->items, a->items, a->len);
            px_cont_move(px_tuple_ptr(res)->items + a->len, b->items, b->len);
            return res;
        }
        // As for list: only a user class could still handle tuple + x.
        if (lself && !(px_type_of(rhs)->flags & PX_TF_HEAPTYPE)) {
            px_raise_type_error("can only concatenate tuple (not \"%s\") to tuple", px_type_name(rhs));
        }
        return PX_NOTIMPL;
    case PX_BINOP_MUL:
    case PX_BINOP_IMUL:
        return lself ? repeat(lhs, rhs) : repeat(rhs, lhs);
    case PX_BINOP_LT:
    case PX_BINOP_LE:
    case PX_BINOP_EQ:
    case PX_BINOP_NE:
    case PX_BINOP_GT:
    case PX_BINOP_GE:
        if (lself && px_is_tuple(rhs)) {
            return px_cont_seq_compare(op, lhs, rhs);
        }
        return PX_NOTIMPL;
    case PX_BINOP_CONTAINS: {
        px_tuple *t = px_tuple_ptr(lhs);
        px_val *items = t->items;
        return px_bool(px_cont_find(&items, &t->len, rhs, 0, SIZE_MAX) >= 0);
    }
    default:
        return PX_NOTIMPL;
    }
}

static px_val tuple_subscr(px_val self, px_val index, px_val value) {
    px_tuple *t = px_tuple_ptr(self);
    if (value != PX_NULL) {
        px_seq_refuse_store(index, value, "tuple");
    }
    if (px_is_slice(index)) {
        px_int start, stop, step;
        size_t count;
        px_slice_indices(index, t->len, &start, &stop, &step, &count);
        if (step == 1 && count == t->len) {
            return self;
        }
        px_val res = px_tuple_new(count, NULL);
        for (size_t k = 0; k < count; k++) {
            px_tuple_ptr(res)->items[k] = t->items[start + (px_int)k * step];
        }
        return res;
    }
    if (px_is_small(index)) {
        px_int i = px_small_get(index);
        if (i < 0) {
            i += (px_int)t->len;
        }
        if (i >= 0 && (size_t)i < t->len) {
            return t->items[i];
        }
        px_raise_index_error("tuple index out of range");
    }
    if (!px_is_int(index) && px_type_lookup(px_type_of(index), PX_Q(__index__)) == PX_NULL) {
        px_raise_type_error("tuple indices must be integers or slices, not %s", px_type_name(index));
    }
    return t->items[px_seq_index(index, t->len, "tuple")];
}

static px_val tuple_iter(px_val self) { return px_seq_iter_new(self); }

/* ---- methods */

static px_val tuple_count(px_val self, px_val x) {
    px_tuple *t = px_tuple_ptr(self);
    px_val *items = t->items;
    return px_small(px_cont_count(&items, &t->len, x));
}

static px_val tuple_index(size_t argc, const px_val *argv) {
    px_tuple *t = px_tuple_ptr(argv[0]);
    size_t start, stop;
    px_cont_index_bounds(argc, argv, 2, t->len, &start, &stop);
    px_val *items = t->items;
    ptrdiff_t i = px_cont_find(&items, &t->len, argv[1], start, stop);
    if (i < 0) {
        px_raise_value_error("tuple.index(x): x not in tuple");
    }
    return px_small((px_int)i);
}

static PX_METH2(m_add, &px_type_tuple, __add__, px_cont_add_fn);
static PX_METH2(m_contains, &px_type_tuple, __contains__, px_cont_contains_fn);
static PX_METH1(m_len, &px_type_tuple, __len__, px_cont_len_fn);
static PX_METH2(m_mul, &px_type_tuple, __mul__, px_cont_mul_fn);
static PX_METH2(m_count, &px_type_tuple, count, tuple_count);
static PX_METHV(m_index, &px_type_tuple, index, 2, 4, tuple_index);

static const px_map_entry tuple_methods[] = {
    PX_ENTRY_OBJ(__add__, &m_add),
    PX_ENTRY_OBJ(__contains__, &m_contains),
    PX_ENTRY_OBJ(__len__, &m_len),
    PX_ENTRY_OBJ(__mul__, &m_mul),
    PX_ENTRY_OBJ(count, &m_count),
    PX_ENTRY_OBJ(index, &m_index),
};
static PX_CONST_MAP(tuple_dict, tuple_methods);

const px_type px_type_tuple = {
    .base = {&px_type_type},
    .name = PX_Q(tuple),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .bases = PX_NULL,
    .mro = PX_NULL,
    .dict = &tuple_dict,
    .make = tuple_make,
    .print = tuple_print,
    .unop = tuple_unop,
    .binop = tuple_binop,
    .subscr = tuple_subscr,
    .iter = tuple_iter,
};
