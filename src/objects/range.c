/* range: an arithmetic progression, and its iterator (whose layout is
 * public so the VM can step it inline). Bounds that fit a machine int take
 * the fast paths; others ("big" ranges, e.g. range(2**64)) keep their
 * bounds as Python ints and use generic int arithmetic (end of file). */
#include "contutil.h"

static px_val big_make(px_val start, px_val stop, px_val step);
static px_val big_len(const px_range *r);
static px_val big_unop(px_unop op, px_range *r);
static void big_print(px_out *out, px_range *r);
static px_val big_item(px_range *r, px_val index);
static px_val big_slice(px_range *r, px_val slice);
static px_val big_iter(px_range *r, bool reverse);
static px_val big_find(px_range *r, px_val x);
static px_val range_field(const px_range *r, int which);

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

/* An int argument (bool and __index__ accepted) as an int value. */
static px_val arg_val(px_val v) {
    if (px_is_small(v)) {
        return v;
    }
    if (px_is_bool(v)) {
        return px_small(v == PX_TRUE);
    }
    if (px_is_int(v)) {
        return px_native(v, &px_type_int);
    }
    if (px_type_lookup(px_type_of(v), PX_Q(__index__)) == PX_NULL) {
        px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
    }
    return arg_val(px_call_method(v, PX_Q(__index__), 0, NULL));
}

/* Does the int value fit px_int? Then *out is it. */
static bool fits(px_val v, px_int *out) {
    if (px_is_small(v)) {
        *out = px_small_get(v);
        return true;
    }
    volatile bool ok = false;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        int64_t i = px_int_to_i64(v);
        ok = i >= PX_INT_MIN && i <= PX_INT_MAX;
        *out = (px_int)i;
        px_try_pop(&j);
    } else if (!px_exc_matches(j.exc, px_from_ptr(&px_type_OverflowError))) {
        px_raise(j.exc);
    }
    return ok;
}

/* ---- slots */

static px_val range_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(range), argc, kwnames, 1, 3);
    px_val v[3] = {px_small(0), PX_NULL, px_small(1)};
    if (argc == 1) {
        v[1] = arg_val(argv[0]);
    } else {
        for (size_t i = 0; i < argc; i++) {
            v[i] = arg_val(argv[i]);
        }
    }
    if (px_equal(v[2], px_small(0))) {
        px_raise_value_error("range() arg 3 must not be zero");
    }
    return big_make(v[0], v[1], v[2]);
}

static void range_print(px_out *out, px_val self, px_print_kind kind) {
    px_range *r = px_as_ptr(self);
    if (r->big) {
        big_print(out, r);
        return;
    }
    if (r->step == 1) {
        px_printf(out, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    } else {
        px_printf(out, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                  (long long)r->step);
    }
}

static px_val range_unop(px_unop op, px_val self) {
    px_range *r = px_as_ptr(self);
    if (r->big) {
        return big_unop(op, r);
    }
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
    if (r->big) {
        px_int pos;
        px_val p = big_find((px_range *)r, x);
        return p == PX_NONE ? -1 : fits(p, &pos) ? pos : PX_INT_MAX;
    }
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
        bool eq;
        if (a->big || b->big) {
            px_val n = big_len(a);
            eq = px_equal(n, big_len(b)) &&
                 (px_equal(n, px_small(0)) ||
                  (px_equal(range_field(a, 0), range_field(b, 0)) &&
                   (px_equal(n, px_small(1)) || px_equal(range_field(a, 2), range_field(b, 2)))));
        } else {
            uint64_t n = range_len(a);
            eq = n == range_len(b) && (n == 0 || (a->start == b->start && (n == 1 || a->step == b->step)));
        }
        return px_bool(op == PX_BINOP_EQ ? eq : !eq);
    }
    return PX_NOTIMPL;
}

static px_val range_subscr(px_val self, px_val index, px_val value) {
    px_range *r = px_as_ptr(self);
    if (value != PX_NULL) {
        px_seq_refuse_store(index, value, "range");
    }
    if (!px_is_slice(index) && !px_is_int(index) && px_type_lookup(px_type_of(index), PX_Q(__index__)) == PX_NULL) {
        px_raise_type_error("range indices must be integers or slices, not %s", px_type_name(index));
    }
    if (r->big) {
        return px_is_slice(index) ? big_slice(r, index) : big_item(r, index);
    }
    uint64_t n = range_len(r);
    if (px_is_slice(index) && n > (uint64_t)PX_SMALL_MAX) {
        return big_slice(r, index);
    }
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
    px_int i;
    if (n > (uint64_t)PX_INT_MAX || !fits(arg_val(index), &i)) {
        return big_item(r, index);
    }
    if (i < 0) {
        i += (px_int)n;
    }
    if (i < 0 || (uint64_t)i >= n) {
        px_raise_index_error("range object index out of range");
    }
    return int_val(item(r, (uint64_t)i));
}

/* start (0), stop (1) or step (2) as an int value. */
static px_val range_field(const px_range *r, int which) {
    if (r->big) {
        return px_tuple_ptr(r->big)->items[which];
    }
    return int_val(which == 0 ? r->start : which == 1 ? r->stop : r->step);
}

static px_val range_getattr(px_val self, px_qid name) {
    px_range *r = px_as_ptr(self);
    switch (name) {
    case PX_Q(start):
        return range_field(r, 0);
    case PX_Q(stop):
        return range_field(r, 1);
    case PX_Q(step):
        return range_field(r, 2);
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
    if (r->big || range_len(r) > SIZE_MAX) {
        return big_iter(r, false);
    }
    return range_iter_from(r->start, r->step, range_len(r));
}

px_val px_range_reversed(px_val self) {
    px_range *r = px_as_ptr(self);
    if (r->big || range_len(r) > SIZE_MAX) {
        return big_iter(r, true);
    }
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
    if (r->big) {
        px_val it = big_iter(r, false), v;
        px_int c = 0;
        while ((v = px_next(it)) != PX_NULL) {
            c += px_equal(v, x);
        }
        return px_small(c);
    }
    uint64_t n = range_len(r);
    px_int c = 0;
    for (uint64_t i = 0; i < n; i++) {
        c += px_equal(int_val(item(r, i)), x);
    }
    return px_small(c);
}

static px_val range_index(px_val self, px_val x) {
    px_range *r = px_as_ptr(self);
    if (r->big) {
        px_val pos = big_find(r, x);
        if (pos != PX_NONE) {
            return pos;
        }
    }
    int64_t i = r->big ? -1 : find_any(r, x);
    if (i < 0) {
        if (!px_is_int(x)) {
            px_raise_value_error("sequence.index(x): x not in sequence");
        }
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

/* ---- big ranges: bounds kept as Python ints */

static px_val op(px_binop o, px_val a, px_val b) {
    return px_binary(o, a, b);
}

static bool is_neg(px_val v) {
    return px_less(v, px_small(0));
}

/* A range from int values: the fast form when all three fit. */
static px_val big_make(px_val start, px_val stop, px_val step) {
    px_int a, b, c;
    if (fits(start, &a) && fits(stop, &b) && fits(step, &c)) {
        return px_range_new(a, b, c);
    }
    px_range *r = px_gc_alloc(sizeof(px_range), 0);
    r->base.type = &px_type_range;
    px_val items[3] = {start, stop, step};
    r->big = px_tuple_new(3, items);
    return px_from_ptr(r);
}

/* Number of items as an int value (any range). */
static px_val big_len(const px_range *r) {
    if (!r->big) {
        return px_int_from_u64(range_len(r));
    }
    px_val start = range_field(r, 0), stop = range_field(r, 1), step = range_field(r, 2);
    px_val lo = start, hi = stop;
    if (is_neg(step)) {
        lo = stop;
        hi = start;
        step = op(PX_BINOP_SUB, px_small(0), step);
    }
    if (!px_less(lo, hi)) {
        return px_small(0);
    }
    px_val span = op(PX_BINOP_SUB, op(PX_BINOP_SUB, hi, lo), px_small(1));
    return op(PX_BINOP_ADD, op(PX_BINOP_FLOORDIV, span, step), px_small(1));
}

static px_val big_at(const px_range *r, px_val i) {
    return op(PX_BINOP_ADD, range_field(r, 0), op(PX_BINOP_MUL, i, range_field(r, 2)));
}

static px_val big_unop(px_unop o, px_range *r) {
    px_val n = big_len(r);
    px_int k;
    switch (o) {
    case PX_UNOP_BOOL:
        return px_bool(!px_equal(n, px_small(0)));
    case PX_UNOP_LEN:
        if (!fits(n, &k) || k > PX_SMALL_MAX) {
            px_raise_overflow("Python int too large to convert to C ssize_t");
        }
        return px_small(k);
    case PX_UNOP_HASH: {
        /* As the fast form when an equal fast range could exist. */
        px_int start, step = 0;
        bool small = fits(n, &k) && fits(range_field(r, 0), &start) && (k < 2 || fits(range_field(r, 2), &step));
        if (small) {
            px_range tmp = {{&px_type_range}, start, 0, step ? step : 1, PX_NULL};
            tmp.stop = (px_int)((uint64_t)start + (uint64_t)k * (uint64_t)tmp.step);
            return range_unop(PX_UNOP_HASH, px_from_ptr(&tmp));
        }
        px_val key[3] = {n, range_field(r, 0), range_field(r, 2)};
        return px_small(px_hash(px_tuple_new(3, key)));
    }
    default:
        return PX_NOTIMPL;
    }
}

static void big_print(px_out *out, px_range *r) {
    px_write_cstr(out, "range(");
    px_print(out, range_field(r, 0), PX_PRINT_REPR);
    px_write_cstr(out, ", ");
    px_print(out, range_field(r, 1), PX_PRINT_REPR);
    if (!px_equal(range_field(r, 2), px_small(1))) {
        px_write_cstr(out, ", ");
        px_print(out, range_field(r, 2), PX_PRINT_REPR);
    }
    px_write_cstr(out, ")");
}

static px_val big_item(px_range *r, px_val index) {
    px_val n = big_len(r), i = arg_val(index);
    if (is_neg(i)) {
        i = op(PX_BINOP_ADD, i, n);
    }
    if (is_neg(i) || !px_less(i, n)) {
        px_raise_index_error("range object index out of range");
    }
    return big_at(r, i);
}

/* One slice bound clamped to [lower, upper] after adding n to negatives. */
static px_val clamp(px_val v, px_val n, px_val lower, px_val upper) {
    v = arg_val(v);
    if (is_neg(v)) {
        v = op(PX_BINOP_ADD, v, n);
        return px_less(v, lower) ? lower : v;
    }
    return px_less(upper, v) ? upper : v;
}

static px_val big_slice(px_range *r, px_val slice) {
    px_slice *sl = px_as_ptr(slice);
    px_val n = big_len(r);
    px_val step = sl->step == PX_NONE ? px_small(1) : arg_val(sl->step);
    if (px_equal(step, px_small(0))) {
        px_raise_value_error("slice step cannot be zero");
    }
    bool back = is_neg(step);
    px_val lower = back ? px_small(-1) : px_small(0);
    px_val upper = back ? op(PX_BINOP_SUB, n, px_small(1)) : n;
    px_val start = sl->start == PX_NONE ? (back ? upper : lower) : clamp(sl->start, n, lower, upper);
    px_val stop = sl->stop == PX_NONE ? (back ? lower : upper) : clamp(sl->stop, n, lower, upper);
    return big_make(big_at(r, start), big_at(r, stop), op(PX_BINOP_MUL, range_field(r, 2), step));
}

/* Index of x in r as an int value, or PX_NONE. */
static px_val big_find(px_range *r, px_val x) {
    if (!px_is_int(x)) {
        px_val it = big_iter(r, false), v;
        px_int i = 0;
        while ((v = px_next(it)) != PX_NULL) {
            if (px_equal(v, x)) {
                return px_int_from_i64(i);
            }
            i++;
        }
        return PX_NONE;
    }
    x = arg_val(x);
    px_val off = op(PX_BINOP_SUB, x, range_field(r, 0));
    px_val step = range_field(r, 2);
    if (!px_equal(op(PX_BINOP_MOD, off, step), px_small(0))) {
        return PX_NONE;
    }
    px_val i = op(PX_BINOP_FLOORDIV, off, step);
    return !is_neg(i) && px_less(i, big_len(r)) ? i : PX_NONE;
}

typedef struct {
    px_obj base;
    px_val cur, step, remaining;
} big_iter_obj;

static px_val big_iter_next(px_val self) {
    big_iter_obj *it = px_as_ptr(self);
    if (px_equal(it->remaining, px_small(0))) {
        return PX_NULL;
    }
    px_val v = it->cur;
    it->cur = op(PX_BINOP_ADD, v, it->step);
    it->remaining = op(PX_BINOP_SUB, it->remaining, px_small(1));
    return v;
}

static const px_type big_iter_type = {
    .base = {&px_type_type},
    .name = PX_Q(longrange_iterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = px_cont_iter_self,
    .next = big_iter_next,
};

static px_val big_iter(px_range *r, bool reverse) {
    big_iter_obj *it = px_gc_alloc(sizeof *it, 0);
    it->base.type = &big_iter_type;
    it->remaining = big_len(r);
    it->step = range_field(r, 2);
    it->cur = range_field(r, 0);
    if (reverse) {
        if (!px_equal(it->remaining, px_small(0))) {
            it->cur = big_at(r, op(PX_BINOP_SUB, it->remaining, px_small(1)));
        }
        it->step = op(PX_BINOP_SUB, px_small(0), it->step);
    }
    return px_from_ptr(it);
}
