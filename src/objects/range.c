/* range: an arithmetic progression with machine-int bounds, and its
 * iterator (whose layout is public so the VM can step it inline). */
#include "contutil.h"

px_val px_range_new(px_int start, px_int stop, px_int step) {
    px_range *r = px_gc_alloc(sizeof(px_range), PX_GC_LEAF);
    r->base.type = &px_type_range;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return px_from_ptr(r);
}

/* Number of items, computed without overflow. */
static uint64_t range_len(const px_range *r) {
    if (r->step > 0) {
        if (r->start >= r->stop) {
            return 0;
        }
        return ((uint64_t)r->stop - (uint64_t)r->start - 1) / (uint64_t)r->step + 1;
    }
    if (r->start <= r->stop) {
        return 0;
    }
    return ((uint64_t)r->start - (uint64_t)r->stop - 1) / (0 - (uint64_t)r->step) + 1;
}

static px_val int_val(px_int i) {
    return px_small_fits(i) ? px_small(i) : px_int_from_i64(i);
}

static px_int item(const px_range *r, uint64_t i) {
    return (px_int)((uint64_t)r->start + i * (uint64_t)r->step);
}

static px_int arg_int(px_val v) {
    if (px_is_small(v)) {
        return px_small_get(v);
    }
    if (px_is_int(v) && !px_is_bool(v)) {
        /* a big int: fine while it fits a machine int */
        int64_t i = px_int_to_i64(v);
        if (i < PX_INT_MIN || i > PX_INT_MAX) {
            px_raise_overflow("Python int too large to convert to C ssize_t");
        }
        return (px_int)i;
    }
    return px_index(v);
}

/* ---- slots */

static px_val range_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(range), argc, kwnames, 1, 3);
    px_int start = 0, stop, step = 1;
    if (argc == 1) {
        stop = arg_int(argv[0]);
    } else {
        start = arg_int(argv[0]);
        stop = arg_int(argv[1]);
        if (argc == 3) {
            step = arg_int(argv[2]);
            if (step == 0) {
                px_raise_value_error("range() arg 3 must not be zero");
            }
        }
    }
    return px_range_new(start, stop, step);
}

static void range_print(px_out *out, px_val self, px_print_kind kind) {
    px_range *r = px_as_ptr(self);
    if (r->step == 1) {
        px_printf(out, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    } else {
        px_printf(out, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                  (long long)r->step);
    }
}

static px_val range_unop(px_unop op, px_val self) {
    px_range *r = px_as_ptr(self);
    uint64_t n = range_len(r);
    switch (op) {
    case PX_UNOP_BOOL:
        return px_bool(n != 0);
    case PX_UNOP_LEN:
        if (n > (uint64_t)PX_SMALL_MAX) {
            px_raise_overflow("Python int too large to convert to C ssize_t");
        }
        return px_small((px_int)n);
    case PX_UNOP_HASH: {
        /* equal ranges (same items) must hash alike */
        uint64_t h = n * 1000003u;
        if (n > 0) {
            h ^= (uint64_t)r->start * 31u;
        }
        if (n > 1) {
            h ^= (uint64_t)r->step * 0x9E3779B1u;
        }
        return px_small((px_int)(h & (uint64_t)PX_SMALL_MAX));
    }
    default:
        return PX_NOTIMPL;
    }
}

/* Position of the int x in r, or -1. */
static int64_t find_int(const px_range *r, px_int x) {
    uint64_t n = range_len(r);
    if (n == 0) {
        return -1;
    }
    uint64_t off;
    if (r->step > 0) {
        if (x < r->start || x >= r->stop) {
            return -1;
        }
        off = (uint64_t)x - (uint64_t)r->start;
        if (off % (uint64_t)r->step) {
            return -1;
        }
        return (int64_t)(off / (uint64_t)r->step);
    }
    if (x > r->start || x <= r->stop) {
        return -1;
    }
    off = (uint64_t)r->start - (uint64_t)x;
    if (off % (0 - (uint64_t)r->step)) {
        return -1;
    }
    return (int64_t)(off / (0 - (uint64_t)r->step));
}

/* Position of x in r, or -1: O(1) for ints, a scan for other values
 * (1.0, objects with __eq__). */
static int64_t find_any(const px_range *r, px_val x) {
    if (px_is_small(x)) {
        return find_int(r, px_small_get(x));
    }
    if (px_is_bool(x)) {
        return find_int(r, x == PX_TRUE);
    }
    if (px_is_int(x)) {
        /* a big int: in range only if it fits a machine int */
        volatile int64_t pos = -1;
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            pos = find_int(r, (px_int)px_int_to_i64(x));
            px_try_pop(&j);
        } else if (!px_exc_matches(j.exc, px_from_ptr(&px_type_OverflowError))) {
            px_raise(j.exc);
        }
        return pos;
    }
    uint64_t n = range_len(r);
    for (uint64_t i = 0; i < n; i++) {
        if (px_equal(int_val(item(r, i)), x)) {
            return (int64_t)i;
        }
    }
    return -1;
}

static px_val range_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op == PX_BINOP_CONTAINS) {
        return px_bool(find_any(px_as_ptr(lhs), rhs) >= 0);
    }
    if ((op == PX_BINOP_EQ || op == PX_BINOP_NE) && px_is_type(lhs, &px_type_range) &&
        px_is_type(rhs, &px_type_range)) {
        px_range *a = px_as_ptr(lhs), *b = px_as_ptr(rhs);
        uint64_t n = range_len(a);
        bool eq = n == range_len(b) && (n == 0 || (a->start == b->start && (n == 1 || a->step == b->step)));
        return px_bool(op == PX_BINOP_EQ ? eq : !eq);
    }
    return PX_NOTIMPL;
}

static px_val range_subscr(px_val self, px_val index, px_val value) {
    px_range *r = px_as_ptr(self);
    if (value != PX_NULL) {
        px_raise_type_error("'range' object does not support item assignment");
    }
    uint64_t n = range_len(r);
    if (px_is_slice(index)) {
        px_int start, stop, step;
        size_t count;
        px_slice_indices(index, (size_t)n, &start, &stop, &step, &count);
        (void)count;
        px_int nstart = item(r, (uint64_t)start);
        px_int nstop = item(r, (uint64_t)stop);
        px_int nstep = (px_int)((uint64_t)r->step * (uint64_t)step);
        return px_range_new(nstart, nstop, nstep);
    }
    if (!px_is_int(index) && px_type_lookup(px_type_of(index), PX_Q(__index__)) == PX_NULL) {
        px_raise_type_error("range indices must be integers or slices, not %s", px_type_name(index));
    }
    px_int i = arg_int(index);
    if (i < 0) {
        i += (px_int)n;
    }
    if (i < 0 || (uint64_t)i >= n) {
        px_raise_index_error("range object index out of range");
    }
    return int_val(item(r, (uint64_t)i));
}

static px_val range_getattr(px_val self, px_qid name) {
    px_range *r = px_as_ptr(self);
    switch (name) {
    case PX_Q(start):
        return int_val(r->start);
    case PX_Q(stop):
        return int_val(r->stop);
    case PX_Q(step):
        return int_val(r->step);
    default:
        return PX_NULL;
    }
}

/* ---- the iterator */

static px_val range_iter_from(px_int cur, px_int step, uint64_t n) {
    px_range_iter *it = px_gc_alloc(sizeof(px_range_iter), PX_GC_LEAF);
    it->base.type = &px_type_range_iter;
    it->cur = cur;
    it->step = step;
    it->remaining = (size_t)n;
    return px_from_ptr(it);
}

static px_val range_iter(px_val self) {
    px_range *r = px_as_ptr(self);
    return range_iter_from(r->start, r->step, range_len(r));
}

px_val px_range_reversed(px_val self) {
    px_range *r = px_as_ptr(self);
    uint64_t n = range_len(r);
    px_int last = n ? item(r, n - 1) : r->start;
    return range_iter_from(last, (px_int)(0 - (uint64_t)r->step), n);
}

static px_val range_iter_next(px_val self) {
    px_range_iter *it = px_as_ptr(self);
    if (it->remaining == 0) {
        return PX_NULL;
    }
    px_int v = it->cur;
    it->cur = (px_int)((uint64_t)v + (uint64_t)it->step);
    it->remaining--;
    return int_val(v);
}

/* ---- methods */

static px_val range_count(px_val self, px_val x) {
    px_range *r = px_as_ptr(self);
    if (px_is_int(x)) {
        return px_small(find_any(r, x) >= 0);
    }
    uint64_t n = range_len(r);
    px_int c = 0;
    for (uint64_t i = 0; i < n; i++) {
        c += px_equal(int_val(item(r, i)), x);
    }
    return px_small(c);
}

static px_val range_index(px_val self, px_val x) {
    int64_t i = find_any(px_as_ptr(self), x);
    if (i < 0) {
        size_t len;
        const char *s = px_str_data(px_to_repr(x), &len);
        px_raise_value_error("%.*s is not in range", (int)len, s);
    }
    return int_val((px_int)i);
}

static PX_METH2(m_contains, &px_type_range, __contains__, px_cont_contains_fn);
static PX_METH1(m_len, &px_type_range, __len__, px_cont_len_fn);
static PX_METH2(m_count, &px_type_range, count, range_count);
static PX_METH2(m_index, &px_type_range, index, range_index);

static const px_map_entry range_methods[] = {
    PX_ENTRY_OBJ(__contains__, &m_contains),
    PX_ENTRY_OBJ(__len__, &m_len),
    PX_ENTRY_OBJ(count, &m_count),
    PX_ENTRY_OBJ(index, &m_index),
};
static PX_CONST_MAP(range_dict, range_methods);

const px_type px_type_range = {
    .base = {&px_type_type},
    .name = PX_Q(range),
    .base_type = &px_type_object,
    .dict = &range_dict,
    .make = range_make,
    .print = range_print,
    .unop = range_unop,
    .binop = range_binop,
    .subscr = range_subscr,
    .getattr = range_getattr,
    .iter = range_iter,
};

const px_type px_type_range_iter = {
    .base = {&px_type_type},
    .name = PX_Q(range_iterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = px_cont_iter_self,
    .next = range_iter_next,
};
