/* slice objects and resolving a slice against a sequence length. */
#include "contutil.h"

bool px_is_slice(px_val v) { return px_is_type(v, &px_type_slice); }

px_val px_slice_new(px_val start, px_val stop, px_val step) {
    px_slice *s = px_gc_alloc(sizeof(px_slice), 0);
    s->base.type = &px_type_slice;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return px_from_ptr(s);
}

/* A slice bound as a machine int; huge ints are clamped (they only ever
 * mean "past the end"). Returns false for None. */
static bool bound_other(px_val v, px_int *out);

static inline bool bound(px_val v, px_int *out) {
    if (v == PX_NONE) {
        return false;
    }
    if (px_is_small(v)) {
        *out = px_small_get(v);
        return true;
    }
    return bound_other(v, out);
}

static bool bound_other(px_val v, px_int *out) {
    if (px_is_int(v) && !px_is_bool(v)) {
        bool neg = px_truthy(px_binary(PX_BINOP_LT, v, px_small(0)));
        *out = neg ? PX_SMALL_MIN : PX_SMALL_MAX;
        return true;
    }
    if (!px_is_int(v) && px_type_lookup(px_type_of(v), PX_Q(__index__)) == PX_NULL) {
        px_raise_type_error("slice indices must be integers or None or have an __index__ method");
    }
    *out = px_index(v);
    return true;
}

static void adjust(px_int *i, px_int len, px_int step) {
    if (*i < 0) {
        *i += len;
        if (*i < 0) {
            *i = step < 0 ? -1 : 0;
        }
    } else if (*i >= len) {
        *i = step < 0 ? len - 1 : len;
    }
}

void px_slice_indices(px_val slice, size_t len, px_int *start, px_int *stop, px_int *step,
                      size_t *count) {
    px_slice *s = px_as_ptr(slice);
    px_int st = 1, a, b;
    if (bound(s->step, &st) && st == 0) {
        px_raise_value_error("slice step cannot be zero");
    }
    if (st < -PX_SMALL_MAX) {
        st = -PX_SMALL_MAX; /* so that -step cannot overflow */
    }
    px_int n = (px_int)len;
    if (bound(s->start, &a)) {
        adjust(&a, n, st);
    } else {
        a = st < 0 ? n - 1 : 0;
    }
    if (bound(s->stop, &b)) {
        adjust(&b, n, st);
    } else {
        b = st < 0 ? -1 : n;
    }
    size_t c = 0;
    if (st < 0) {
        if (b < a) {
            c = (size_t)((a - b - 1) / -st) + 1;
        }
    } else if (a < b) {
        c = (size_t)((b - a - 1) / st) + 1;
    }
    *start = a;
    *stop = b;
    *step = st;
    *count = c;
}

/* ---- slots */

static px_val slice_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(slice), argc, kwnames, 1, 3);
    if (argc == 1) {
        return px_slice_new(PX_NONE, argv[0], PX_NONE);
    }
    return px_slice_new(argv[0], argv[1], argc == 3 ? argv[2] : PX_NONE);
}

static void slice_print(px_out *out, px_val self, px_print_kind kind) {
    px_slice *s = px_as_ptr(self);
    px_write_cstr(out, "slice(");
    px_print(out, s->start, PX_PRINT_REPR);
    px_write(out, ", ", 2);
    px_print(out, s->stop, PX_PRINT_REPR);
    px_write(out, ", ", 2);
    px_print(out, s->step, PX_PRINT_REPR);
    px_write(out, ")", 1);
}

static px_val slice_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op < PX_BINOP_LT || op > PX_BINOP_GE || !px_is_slice(lhs) || !px_is_slice(rhs)) {
        return PX_NOTIMPL;
    }
    px_slice *a = px_as_ptr(lhs), *b = px_as_ptr(rhs);
    px_val ta = px_tuple_new(3, &a->start), tb = px_tuple_new(3, &b->start);
    return px_binary(op, ta, tb);
}

static px_val slice_getattr(px_val self, px_qid name) {
    px_slice *s = px_as_ptr(self);
    switch (name) {
    case PX_Q(start):
        return s->start;
    case PX_Q(stop):
        return s->stop;
    case PX_Q(step):
        return s->step;
    default:
        return PX_NULL;
    }
}

static px_val slice_indices_m(px_val self, px_val length) {
    px_int len = px_index(length);
    if (len < 0) {
        px_raise_value_error("length should not be negative");
    }
    px_int start, stop, step;
    size_t count;
    px_slice_indices(self, (size_t)len, &start, &stop, &step, &count);
    px_val items[3] = {px_int_from_i64(start), px_int_from_i64(stop), px_int_from_i64(step)};
    return px_tuple_new(3, items);
}

static PX_METH2(m_indices, &px_type_slice, indices, slice_indices_m);

static const px_map_entry slice_methods[] = {
    PX_ENTRY_OBJ(indices, &m_indices),
};
static PX_CONST_MAP(slice_dict, slice_methods);

const px_type px_type_slice = {
    .base = {&px_type_type},
    .name = PX_Q(slice),
    .flags = PX_TF_UNHASHABLE,
    .base_type = &px_type_object,
    .dict = &slice_dict,
    .make = slice_make,
    .print = slice_print,
    .binop = slice_binop,
    .getattr = slice_getattr,
};
