/* list: a growable array of values. Items live in a separate GC block so
 * the list object itself never moves. */
#include "contutil.h"

bool px_is_list(px_val v) { return px_is_type(v, &px_type_list); }

static void reserve(px_list *l, size_t n) {
    if (n <= l->alloc) {
        return;
    }
    size_t cap = l->alloc < 4 ? 4 : l->alloc + l->alloc / 2;
    if (cap < n) {
        cap = n;
    }
    if (cap > SIZE_MAX / sizeof(px_val)) {
        px_raise_memory_error();
    }
    l->items = px_gc_realloc(l->items, cap * sizeof(px_val), 0);
    l->alloc = cap;
}

px_val px_list_new(size_t n, const px_val *items) {
    px_list *l = px_gc_alloc(sizeof(px_list), 0);
    l->base.type = &px_type_list;
    if (n) {
        /* exactly n (reserve would grow from nothing by realloc) */
        if (n > SIZE_MAX / sizeof(px_val)) {
            px_raise_memory_error();
        }
        l->items = px_gc_alloc(n * sizeof(px_val), 0);
        l->alloc = n;
        if (items) {
            px_cont_move(l->items, items, n);
        }
        l->len = n;
    }
    return px_from_ptr(l);
}

void px_list_append(px_val list, px_val item) {
    px_list *l = px_list_ptr(list);
    if (l->len == l->alloc) {
        reserve(l, l->len + 1);
    }
    l->items[l->len++] = item;
}

void px_gather_flush(px_gather *g) {
    if (g->list == PX_NULL) {
        g->list = px_list_new(g->n, g->buf);
    } else if (g->n > 0) {
        px_list *l = px_list_ptr(g->list);
        reserve(l, l->len + g->n);
        px_cont_move(l->items + l->len, g->buf, g->n);
        l->len += g->n;
    }
    g->n = 0;
}

px_val px_gather_list(px_gather *g) {
    px_gather_flush(g);
    return g->list;
}

void px_list_extend(px_val list, px_val iterable) {
    size_t n;
    px_val *items = px_seq_items(iterable, &n);
    if (items) {
        px_list *l = px_list_ptr(list);
        reserve(l, l->len + n);
        items = px_seq_items(iterable, &n); /* self.extend(self): re-read */
        if (n > 0) { /* l->items may be NULL when both are empty */
            px_cont_move(l->items + l->len, items, n);
            l->len += n;
        }
        return;
    }
    px_val it = px_iter(iterable);
    px_val v;
    while ((v = px_next(it)) != PX_NULL) {
        px_list_append(list, v);
    }
}

px_val px_list_from_iter(px_val iterable) {
    px_val list = px_list_new(0, NULL);
    px_list_extend(list, iterable);
    return list;
}

/* ---- indexing */

static size_t item_index(px_val index, size_t len, const char *what) {
    if (px_is_small(index)) {
        px_int i = px_small_get(index);
        if (i < 0) {
            i += (px_int)len;
        }
        if (i < 0 || (size_t)i >= len) {
            px_raise_index_error("%s index out of range", what);
        }
        return (size_t)i;
    }
    return px_seq_index(index, len, what);
}

static void check_index_type(px_val index, const char *type) {
    if (px_is_small(index) || px_is_int(index)) {
        return;
    }
    if (px_type_lookup(px_type_of(index), PX_Q(__index__)) == PX_NULL) {
        px_raise_type_error("%s indices must be integers or slices, not %s", type,
                            px_type_name(index));
    }
}

static px_val slice_load(px_list *l, px_val slice) {
    px_int start, stop, step;
    size_t count;
    px_slice_indices(slice, l->len, &start, &stop, &step, &count);
    px_val res = px_list_new(count, NULL);
    px_val *dst = px_list_ptr(res)->items;
    for (size_t k = 0; k < count; k++) {
        dst[k] = l->items[start + (px_int)k * step];
    }
    return res;
}

static void slice_delete(px_list *l, px_val slice) {
    px_int start, stop, step;
    size_t count;
    px_slice_indices(slice, l->len, &start, &stop, &step, &count);
    if (count == 0) {
        return;
    }
    if (step < 0) {
        /* same items, walked forwards */
        start = start + (px_int)(count - 1) * step;
        step = -step;
    }
    if (step == 1) {
        px_cont_move(l->items + start, l->items + start + count, l->len - start - count);
    } else {
        size_t dst = (size_t)start, k = 1;
        for (size_t src = (size_t)start + 1; src < l->len; src++) {
            if (k < count && src == (size_t)start + k * (size_t)step) {
                k++;
                continue;
            }
            l->items[dst++] = l->items[src];
        }
    }
    l->len -= count;
    px_cont_zero(l->items + l->len, count);
}

static void slice_store(px_val self, px_val slice, px_val value) {
    px_list *l = px_list_ptr(self);
    size_t m;
    const px_type *vt = px_type_of(value);
    if (vt->iter == NULL && !(vt->flags & PX_TF_HEAPTYPE)) {
        px_slice *sl = px_as_ptr(slice);
        bool extended = sl->step != PX_NONE && !(px_is_small(sl->step) && px_small_get(sl->step) == 1);
        px_raise_type_error(extended ? "must assign iterable to extended slice" : "can only assign an iterable");
    }
    px_val *src = px_cont_items(value, &m);
    if (value == self) {
        px_val copy = px_list_new(m, src);
        src = px_list_ptr(copy)->items;
    }
    px_int start, stop, step;
    size_t count;
    px_slice_indices(slice, l->len, &start, &stop, &step, &count);
    if (step != 1) {
        if (m != count) {
            px_raise_value_error("attempt to assign sequence of size %zu to extended slice of size %zu",
                                 m, count);
        }
        for (size_t k = 0; k < count; k++) {
            l->items[start + (px_int)k * step] = src[k];
        }
        return;
    }
    /* replace [start, start+count) by m items */
    size_t s = (size_t)start;
    if (m > count) {
        reserve(l, l->len + (m - count));
    }
    px_cont_move(l->items + s + m, l->items + s + count, l->len - s - count);
    px_cont_move(l->items + s, src, m);
    if (m < count) {
        px_cont_zero(l->items + l->len - (count - m), count - m);
    }
    l->len = l->len + m - count;
}

static px_val list_subscr(px_val self, px_val index, px_val value) {
    px_list *l = px_list_ptr(self);
    if (px_is_slice(index)) {
        if (value == PX_NULL) {
            return slice_load(l, index);
        }
        if (value == PX_DELETE) {
            slice_delete(l, index);
        } else {
            slice_store(self, index, value);
        }
        return PX_NONE;
    }
    check_index_type(index, "list");
    if (value == PX_NULL) {
        return l->items[item_index(index, l->len, "list")];
    }
    size_t i = item_index(index, l->len, "list assignment");
    if (value == PX_DELETE) {
        px_cont_move(l->items + i, l->items + i + 1, l->len - i - 1);
        l->items[--l->len] = PX_NULL;
    } else {
        l->items[i] = value;
    }
    return PX_NONE;
}

/* ---- slots */

static px_val list_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(list), argc, kwnames, 0, 1);
    return argc ? px_list_from_iter(argv[0]) : px_list_new(0, NULL);
}

static void list_body(px_out *out, px_val self) {
    px_list *l = px_list_ptr(self);
    px_write(out, "[", 1);
    for (size_t i = 0; i < l->len; i++) {
        if (i) {
            px_write(out, ", ", 2);
        }
        px_print(out, l->items[i], PX_PRINT_REPR);
    }
    px_write(out, "]", 1);
}

static void list_print(px_out *out, px_val self, px_print_kind kind) {
    px_cont_print_guarded(out, self, "[...]", list_body);
}

static px_val list_unop(px_unop op, px_val self) {
    px_list *l = px_list_ptr(self);
    switch (op) {
    case PX_UNOP_BOOL:
        return px_bool(l->len != 0);
    case PX_UNOP_LEN:
        return px_small((px_int)l->len);
    default:
        return PX_NOTIMPL;
    }
}

static px_val repeat(px_val seq, px_val n) {
    px_list *l = px_list_ptr(seq);
    int64_t k = px_cont_repeat_count(n, l->len);
    if (k < 0) {
        return PX_NOTIMPL;
    }
    if ((uint64_t)k * l->len > SIZE_MAX / sizeof(px_val)) {
        px_raise_memory_error();
    }
    size_t len = l->len;
    px_val res = px_list_new((size_t)k * len, NULL);
    px_val *dst = px_list_ptr(res)->items;
    for (int64_t i = 0; i < k; i++) {
        px_cont_move(dst + i * len, l->items, len);
    }
    return res;
}

static px_val list_binop(px_binop op, px_val lhs, px_val rhs) {
    bool lself = px_is_list(lhs);
    switch (op) {
    case PX_BINOP_ADD:
        if (lself && px_is_list(rhs)) {
            px_list *a = px_list_ptr(lhs), *b = px_list_ptr(rhs);
            px_val res = px_list_new(a->len + b->len, NULL);
            if (a->len + b->len > 0) { /* an empty list may have no items array */
                px_cont_move(px_list_ptr(res)->items, a->items, a->len);
                px_cont_move(px_list_ptr(res)->items + a->len, b->items, b->len);
            }
            return res;
        }
        // Built-in right operands cannot handle list + x, so name the real
        // mistake; user classes may still define __radd__.
        if (lself && !(px_type_of(rhs)->flags & PX_TF_HEAPTYPE)) {
            px_raise_type_error("can only concatenate list (not \"%s\") to list", px_type_name(rhs));
        }
        return PX_NOTIMPL;
    case PX_BINOP_IADD:
        if (!lself) {
            return PX_NOTIMPL;
        }
        px_list_extend(lhs, rhs);
        return lhs;
    case PX_BINOP_MUL:
        return lself ? repeat(lhs, rhs) : repeat(rhs, lhs);
    case PX_BINOP_IMUL: {
        if (!lself) {
            return PX_NOTIMPL;
        }
        px_val r = repeat(lhs, rhs);
        if (r == PX_NOTIMPL) {
            return r;
        }
        px_list *l = px_list_ptr(lhs), *n = px_list_ptr(r);
        l->items = n->items;
        l->len = n->len;
        l->alloc = n->alloc;
        return lhs;
    }
    case PX_BINOP_LT:
    case PX_BINOP_LE:
    case PX_BINOP_EQ:
    case PX_BINOP_NE:
    case PX_BINOP_GT:
    case PX_BINOP_GE:
        if (lself && px_is_list(rhs)) {
            return px_cont_seq_compare(op, lhs, rhs);
        }
        return PX_NOTIMPL;
    case PX_BINOP_CONTAINS: {
        px_list *l = px_list_ptr(lhs);
        return px_bool(px_cont_find(&l->items, &l->len, rhs, 0, SIZE_MAX) >= 0);
    }
    default:
        return PX_NOTIMPL;
    }
}

static px_val list_iter(px_val self);

/* ---- methods */

static px_val list_append(px_val self, px_val x) {
    px_list_append(self, x);
    return PX_NONE;
}

static px_val list_clear(px_val self) {
    px_list *l = px_list_ptr(self);
    l->len = 0;
    l->alloc = 0;
    l->items = NULL;
    return PX_NONE;
}

static px_val list_copy(px_val self) {
    px_list *l = px_list_ptr(self);
    return px_list_new(l->len, l->items);
}

static px_val list_count(px_val self, px_val x) {
    px_list *l = px_list_ptr(self);
    return px_small(px_cont_count(&l->items, &l->len, x));
}

static px_val list_extend(px_val self, px_val it) {
    px_list_extend(self, it);
    return PX_NONE;
}

static PX_NORETURN void not_in_list(px_val x) {
    size_t len;
    const char *s = px_str_data(px_to_repr(x), &len);
    px_raise_value_error("%.*s is not in list", (int)len, s);
}

static px_val list_index(size_t argc, const px_val *argv) {
    px_list *l = px_list_ptr(argv[0]);
    size_t start, stop;
    px_cont_index_bounds(argc, argv, 2, l->len, &start, &stop);
    ptrdiff_t i = px_cont_find(&l->items, &l->len, argv[1], start, stop);
    if (i < 0) {
        not_in_list(argv[1]);
    }
    return px_small((px_int)i);
}

static px_val list_insert(px_val self, px_val index, px_val x) {
    px_list *l = px_list_ptr(self);
    px_int i = px_index(index);
    if (i < 0) {
        i += (px_int)l->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > l->len) {
        i = (px_int)l->len;
    }
    reserve(l, l->len + 1);
    px_cont_move(l->items + i + 1, l->items + i, l->len - (size_t)i);
    l->items[i] = x;
    l->len++;
    return PX_NONE;
}

static px_val list_pop(size_t argc, const px_val *argv) {
    px_list *l = px_list_ptr(argv[0]);
    if (l->len == 0) {
        px_raise_index_error("pop from empty list");
    }
    size_t i = l->len - 1;
    if (argc > 1) {
        px_int k = px_index(argv[1]);
        if (k < 0) {
            k += (px_int)l->len;
        }
        if (k < 0 || (size_t)k >= l->len) {
            px_raise_index_error("pop index out of range");
        }
        i = (size_t)k;
    }
    px_val v = l->items[i];
    px_cont_move(l->items + i, l->items + i + 1, l->len - i - 1);
    l->items[--l->len] = PX_NULL;
    return v;
}

static px_val list_remove(px_val self, px_val x) {
    px_list *l = px_list_ptr(self);
    ptrdiff_t f = px_cont_find(&l->items, &l->len, x, 0, SIZE_MAX);
    if (f < 0) {
        px_raise_value_error("list.remove(x): x not in list");
    }
    size_t i = (size_t)f;
    if (i < l->len) { /* __eq__ may have shrunk the list */
        px_cont_move(l->items + i, l->items + i + 1, l->len - i - 1);
        l->items[--l->len] = PX_NULL;
    }
    return PX_NONE;
}

void px_list_reverse(px_val list) {
    px_list *l = px_list_ptr(list);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        px_val t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

static px_val list_reverse(px_val self) {
    px_list_reverse(self);
    return PX_NONE;
}

static px_val list_sort(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_qid names[] = {PX_Q(key), PX_Q(reverse)};
    px_val kw[2] = {PX_NONE, PX_FALSE};
    if (argc > 1) {
        px_raise_type_error("sort() takes no positional arguments");
    }
    px_cont_parse_kw("sort", argc, argv, kwnames, 2, names, kw);
    px_list_sort(argv[0], kw[0], px_truthy(kw[1]));
    return PX_NONE;
}

/* dunders, for subclasses calling super().__getitem__(i) and friends */
static px_val list_getitem(px_val self, px_val i) { return list_subscr(self, i, PX_NULL); }
static px_val list_setitem(px_val self, px_val i, px_val v) { return list_subscr(self, i, v); }
static px_val list_delitem(px_val self, px_val i) { return list_subscr(self, i, PX_DELETE); }
static px_val list_contains(px_val self, px_val x) { return list_binop(PX_BINOP_CONTAINS, self, x); }
static px_val list_len(px_val self) { return list_unop(PX_UNOP_LEN, self); }

static PX_METH2(m_add, &px_type_list, __add__, px_cont_add_fn);
static PX_METH2(m_contains, &px_type_list, __contains__, list_contains);
static PX_METH2(m_delitem, &px_type_list, __delitem__, list_delitem);
static PX_METH2(m_getitem, &px_type_list, __getitem__, list_getitem);
static PX_METH1(m_iter, &px_type_list, __iter__, list_iter);
static PX_METH1(m_len, &px_type_list, __len__, list_len);
static PX_METH2(m_mul, &px_type_list, __mul__, px_cont_mul_fn);
static PX_METH3(m_setitem, &px_type_list, __setitem__, list_setitem);
static PX_METH2(m_append, &px_type_list, append, list_append);
static PX_METH1(m_clear, &px_type_list, clear, list_clear);
static PX_METH1(m_copy, &px_type_list, copy, list_copy);
static PX_METH2(m_count, &px_type_list, count, list_count);
static PX_METH2(m_extend, &px_type_list, extend, list_extend);
static PX_METHV(m_index, &px_type_list, index, 2, 4, list_index);
static PX_METH3(m_insert, &px_type_list, insert, list_insert);
static PX_METHV(m_pop, &px_type_list, pop, 1, 2, list_pop);
static PX_METH2(m_remove, &px_type_list, remove, list_remove);
static PX_METH1(m_reverse, &px_type_list, reverse, list_reverse);
static PX_METHKW(m_sort, &px_type_list, sort, 1, PX_ARGS_MAX, list_sort);

static PX_METH2(m_iadd, &px_type_list, __iadd__, px_cont_iadd_op);
static PX_METH2(m_imul, &px_type_list, __imul__, px_cont_imul_op);
static PX_METH1(m_reversed, &px_type_list, __reversed__, px_cont_reversed_fn);
static PX_METH2(m_rmul, &px_type_list, __rmul__, px_cont_rmul_op);

static const px_map_entry list_methods[] = {
    PX_ENTRY_OBJ(__add__, &m_add),
    PX_ENTRY_OBJ(__contains__, &m_contains),
    PX_ENTRY_OBJ(__delitem__, &m_delitem),
    PX_ENTRY_OBJ(__getitem__, &m_getitem),
    PX_ENTRY_OBJ(__iadd__, &m_iadd),
    PX_ENTRY_OBJ(__imul__, &m_imul),
    PX_ENTRY_OBJ(__iter__, &m_iter),
    PX_ENTRY_OBJ(__len__, &m_len),
    PX_ENTRY_OBJ(__mul__, &m_mul),
    PX_ENTRY_OBJ(__reversed__, &m_reversed),
    PX_ENTRY_OBJ(__rmul__, &m_rmul),
    PX_ENTRY_OBJ(__setitem__, &m_setitem),
    PX_ENTRY_OBJ(append, &m_append),
    PX_ENTRY_OBJ(clear, &m_clear),
    PX_ENTRY_OBJ(copy, &m_copy),
    PX_ENTRY_OBJ(count, &m_count),
    PX_ENTRY_OBJ(extend, &m_extend),
    PX_ENTRY_OBJ(index, &m_index),
    PX_ENTRY_OBJ(insert, &m_insert),
    PX_ENTRY_OBJ(pop, &m_pop),
    PX_ENTRY_OBJ(remove, &m_remove),
    PX_ENTRY_OBJ(reverse, &m_reverse),
    PX_ENTRY_OBJ(sort, &m_sort),
};
static PX_CONST_MAP(list_dict, list_methods);

const px_type px_type_list = {
    .base = {&px_type_type},
    .name = PX_Q(list),
    .flags = PX_TF_BASETYPE | PX_TF_UNHASHABLE,
    .base_type = &px_type_object,
    .bases = PX_NULL,
    .mro = PX_NULL,
    .dict = &list_dict,
    .make = list_make,
    .print = list_print,
    .unop = list_unop,
    .binop = list_binop,
    .subscr = list_subscr,
    .iter = list_iter,
};

/* ---- the sequence iterator (lists, tuples, and anything indexable) */

typedef struct {
    px_obj base;
    px_val seq;
    size_t i;
} seq_iter;

static const px_type list_iter_type, tuple_iter_type;

px_val px_seq_iter_new(px_val seq) {
    seq_iter *it = px_gc_alloc(sizeof(seq_iter), 0);
    it->base.type = px_is_type(seq, &px_type_list)    ? &list_iter_type
                    : px_is_type(seq, &px_type_tuple) ? &tuple_iter_type
                                                      : &px_type_seq_iter;
    it->seq = seq;
    return px_from_ptr(it);
}

static px_val list_iter(px_val self) { return px_seq_iter_new(self); }

static px_val seq_iter_next(px_val self) {
    seq_iter *it = px_as_ptr(self);
    if (it->seq == PX_NULL) {
        return PX_NULL;
    }
    size_t len;
    px_val *items = px_seq_items(it->seq, &len);
    if (items) {
        if (it->i < len) {
            return items[it->i++];
        }
        it->seq = PX_NULL;
        return PX_NULL;
    }
    /* the old protocol: __getitem__ with 0, 1, ... until IndexError */
    px_val v = PX_NULL;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        v = px_subscr_load(it->seq, px_small((px_int)it->i));
        px_try_pop(&j);
    } else {
        if (px_exc_matches(j.exc, px_from_ptr(&px_type_IndexError)) ||
            px_exc_matches(j.exc, px_from_ptr(&px_type_StopIteration))) {
            it->seq = PX_NULL;
            return PX_NULL;
        }
        px_raise(j.exc);
    }
    it->i++;
    return v;
}

#define SEQ_ITER_TYPE(cname, qname)                                                             \
    const px_type cname = {                                                                     \
        .base = {&px_type_type},                                                                \
        .name = PX_Q(qname),                                                                    \
        .flags = PX_TF_ITERATOR,                                                                \
        .base_type = &px_type_object,                                                           \
        .iter = px_cont_iter_self,                                                              \
        .next = seq_iter_next,                                                                  \
    }

SEQ_ITER_TYPE(px_type_seq_iter, iterator);
/* The same iterator under the names CPython shows for lists and tuples. */
static SEQ_ITER_TYPE(list_iter_type, list_iterator);
static SEQ_ITER_TYPE(tuple_iter_type, tuple_iterator);
