/* collections.deque: a double-ended queue in a ring buffer, O(1) at both
 * ends, optionally bounded (maxlen: adding to a full deque drops an item
 * from the other end). CPython's methods and operators; MicroPython's
 * third constructor argument, flags, where 1 makes adding to a full deque
 * an IndexError instead. Iterators check that the deque did not change. */
#include "collmod.h"

typedef struct {
    px_obj base;    /* &px_type_deque */
    px_val *items;  /* ring of cap slots; item i is items[(head + i) % cap] */
    size_t cap, head, len;
    px_int maxlen;  /* -1: unbounded */
    bool check_full;
    size_t state;   /* bumped by every change, for iterators */
} px_deque;

static px_deque *deque_of(px_val self) {
    return px_as_ptr(px_native(self, &px_type_deque));
}

/* The deque inside v (a deque or an instance of a subclass), or NULL. */
static px_deque *deque_of_opt(px_val v) {
    return px_isinstance(v, &px_type_deque) ? deque_of(v) : NULL;
}

static px_val *slot(px_deque *d, size_t i) {
    return &d->items[(d->head + i) % d->cap];
}

static px_deque *deque_new(px_int maxlen) {
    px_deque *d = px_gc_alloc(sizeof *d, 0);
    d->base.type = &px_type_deque;
    d->cap = 8;
    d->items = px_gc_alloc(d->cap * sizeof(px_val), 0);
    d->maxlen = maxlen;
    return d;
}

static void grow(px_deque *d) {
    if (d->len < d->cap) {
        return;
    }
    size_t cap = d->cap * 2;
    px_val *items = px_gc_alloc(cap * sizeof(px_val), 0);
    for (size_t i = 0; i < d->len; i++) {
        items[i] = *slot(d, i);
    }
    d->items = items;
    d->cap = cap;
    d->head = 0;
}

static px_val pop_right(px_deque *d) {
    px_val *s = slot(d, d->len - 1);
    px_val v = *s;
    *s = PX_NULL;
    d->len--;
    d->state++;
    return v;
}

static px_val pop_left(px_deque *d) {
    px_val v = d->items[d->head];
    d->items[d->head] = PX_NULL;
    d->head = (d->head + 1) % d->cap;
    d->len--;
    d->state++;
    return v;
}

/* Room for one more item at either end: a full bounded deque drops one
 * from the other end, or refuses (flags=1). False when maxlen is 0. */
static bool make_room(px_deque *d, bool at_right) {
    if (d->maxlen >= 0 && d->len >= (size_t)d->maxlen) {
        if (d->check_full) {
            px_raise_index_error("full");
        }
        if (d->maxlen == 0) {
            return false;
        }
        if (at_right) {
            pop_left(d);
        } else {
            pop_right(d);
        }
    }
    grow(d);
    return true;
}

static void push_right(px_deque *d, px_val v) {
    if (make_room(d, true)) {
        *slot(d, d->len++) = v;
        d->state++;
    }
}

static void push_left(px_deque *d, px_val v) {
    if (make_room(d, false)) {
        d->head = (d->head + d->cap - 1) % d->cap;
        d->items[d->head] = v;
        d->len++;
        d->state++;
    }
}

/* The items as a fresh list (for extending a deque by itself, +, ...). */
static px_val items_list(px_deque *d) {
    px_val l = px_list_new(d->len, NULL);
    for (size_t i = 0; i < d->len; i++) {
        px_list_ptr(l)->items[i] = *slot(d, i);
    }
    return l;
}

static void extend(px_deque *d, px_val iterable, bool left) {
    if (deque_of_opt(iterable) == d) {
        iterable = items_list(d);
    }
    px_val it = px_iter(iterable);
    for (px_val v; (v = px_next(it)) != PX_NULL;) {
        if (left) {
            push_left(d, v);
        } else {
            push_right(d, v);
        }
    }
}

/* ---- construction and repr */

static px_int maxlen_arg(px_val v) {
    if (v == PX_NONE) {
        return -1;
    }
    if (!px_is_int(v)) {
        px_raise_type_error("an integer is required");
    }
    px_int m = px_index(v);
    if (m < 0) {
        px_raise_value_error("maxlen must be non-negative");
    }
    return m;
}

static px_val deque_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    (void)type;
    static const px_argspec spec[] = {
        {PX_Q(iterable), 0, PX_UNSET},
        {PX_Q(maxlen), 0, PX_NONE},
        {PX_Q(flags), 0, PX_SMALL_CONST(0)},
    };
    px_val a[3];
    px_parse_args(PX_Q(deque), argc, argv, kwnames, 3, spec, a);
    px_deque *d = deque_new(maxlen_arg(a[1]));
    d->check_full = (px_index(a[2]) & 1) != 0;
    if (a[0] != PX_UNSET) {
        extend(d, a[0], false);
    }
    return px_from_ptr(d);
}

static void deque_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    px_deque *d = px_as_ptr(self);
    if (!px_print_enter(self)) {
        px_write_cstr(out, "[...]");
        return;
    }
    px_write_cstr(out, "deque([");
    for (size_t i = 0; i < d->len; i++) {
        if (i) {
            px_write_cstr(out, ", ");
        }
        px_print(out, *slot(d, i), PX_PRINT_REPR);
    }
    px_write_cstr(out, "]");
    if (d->maxlen >= 0) {
        px_printf(out, ", maxlen=%lld", (long long)d->maxlen);
    }
    px_write_cstr(out, ")");
    px_print_leave(self);
}

static px_deque *copy_of(px_deque *d) {
    px_deque *c = deque_new(d->maxlen);
    c->check_full = d->check_full;
    for (size_t i = 0; i < d->len; i++) {
        push_right(c, *slot(d, i));
    }
    return c;
}

/* ---- methods */

static px_val m_append(px_val self, px_val v) {
    push_right(deque_of(self), v);
    return PX_NONE;
}
static PX_METH2(m_append_obj, &px_type_deque, append, m_append);

static px_val m_appendleft(px_val self, px_val v) {
    push_left(deque_of(self), v);
    return PX_NONE;
}
static PX_METH2(m_appendleft_obj, &px_type_deque, appendleft, m_appendleft);

static px_val m_extend(px_val self, px_val it) {
    extend(deque_of(self), it, false);
    return PX_NONE;
}
static PX_METH2(m_extend_obj, &px_type_deque, extend, m_extend);

static px_val m_extendleft(px_val self, px_val it) {
    extend(deque_of(self), it, true);
    return PX_NONE;
}
static PX_METH2(m_extendleft_obj, &px_type_deque, extendleft, m_extendleft);

static px_val m_pop(px_val self) {
    px_deque *d = deque_of(self);
    if (d->len == 0) {
        px_raise_index_error("pop from an empty deque");
    }
    return pop_right(d);
}
static PX_METH1(m_pop_obj, &px_type_deque, pop, m_pop);

static px_val m_popleft(px_val self) {
    px_deque *d = deque_of(self);
    if (d->len == 0) {
        px_raise_index_error("pop from an empty deque");
    }
    return pop_left(d);
}
static PX_METH1(m_popleft_obj, &px_type_deque, popleft, m_popleft);

static px_val m_clear(px_val self) {
    px_deque *d = deque_of(self);
    while (d->len) {
        pop_right(d);
    }
    d->head = 0;
    return PX_NONE;
}
static PX_METH1(m_clear_obj, &px_type_deque, clear, m_clear);

static px_val m_copy(px_val self) {
    return px_from_ptr(copy_of(deque_of(self)));
}
static PX_METH1(m_copy_obj, &px_type_deque, copy, m_copy);
static PX_METH1(m_dunder_copy_obj, &px_type_deque, __copy__, m_copy);

/* Compare the items with v from the left; a comparison that changes the
 * deque is an error, as iteration would be. */
static bool item_equals(px_deque *d, size_t i, px_val v) {
    size_t state = d->state;
    bool eq = px_equal(*slot(d, i), v);
    if (d->state != state) {
        px_raise_msg(&px_type_RuntimeError, "deque mutated during iteration");
    }
    return eq;
}

static px_val m_count(px_val self, px_val v) {
    px_deque *d = deque_of(self);
    px_int n = 0;
    for (size_t i = 0; i < d->len; i++) {
        n += item_equals(d, i, v);
    }
    return px_small(n);
}
static PX_METH2(m_count_obj, &px_type_deque, count, m_count);

/* A start/stop argument of index(), clamped like a slice bound. */
static size_t bound_arg(px_val v, size_t len) {
    px_int i = px_index(v);
    if (i < 0) {
        i += (px_int)len;
        if (i < 0) {
            i = 0;
        }
    }
    return (size_t)i > len ? len : (size_t)i;
}

static px_val m_index(size_t argc, const px_val *argv) {
    px_deque *d = deque_of(argv[0]);
    size_t start = argc > 2 ? bound_arg(argv[2], d->len) : 0;
    size_t stop = argc > 3 ? bound_arg(argv[3], d->len) : d->len;
    for (size_t i = start; i < stop && i < d->len; i++) {
        if (item_equals(d, i, argv[1])) {
            return px_small((px_int)i);
        }
    }
    px_val r = px_to_repr(argv[1]);
    size_t n;
    const char *s = px_str_data(r, &n);
    px_raise_value_error("%.*s is not in deque", (int)n, s);
}
static PX_METHV(m_index_obj, &px_type_deque, index, 2, 4, m_index);

/* Remove the item at i, closing the gap from the nearer end. */
static void delete_at(px_deque *d, size_t i) {
    if (i < d->len / 2) {
        for (size_t k = i; k > 0; k--) {
            *slot(d, k) = *slot(d, k - 1);
        }
        pop_left(d);
    } else {
        for (size_t k = i; k + 1 < d->len; k++) {
            *slot(d, k) = *slot(d, k + 1);
        }
        pop_right(d);
    }
}

static px_val m_remove(px_val self, px_val v) {
    px_deque *d = deque_of(self);
    for (size_t i = 0; i < d->len; i++) {
        if (item_equals(d, i, v)) {
            delete_at(d, i);
            return PX_NONE;
        }
    }
    px_val r = px_to_repr(v);
    size_t n;
    const char *s = px_str_data(r, &n);
    px_raise_value_error("%.*s is not in deque", (int)n, s);
}
static PX_METH2(m_remove_obj, &px_type_deque, remove, m_remove);

static px_val m_insert(px_val self, px_val index, px_val v) {
    px_deque *d = deque_of(self);
    if (d->maxlen >= 0 && d->len >= (size_t)d->maxlen) {
        px_raise_index_error("deque already at its maximum size");
    }
    px_int i = px_index(index);
    if (i < 0) {
        i += (px_int)d->len;
        if (i < 0) {
            i = 0;
        }
    }
    size_t at = (size_t)i > d->len ? d->len : (size_t)i;
    push_right(d, PX_NONE);
    for (size_t k = d->len - 1; k > at; k--) {
        *slot(d, k) = *slot(d, k - 1);
    }
    *slot(d, at) = v;
    return PX_NONE;
}
static PX_METH3(m_insert_obj, &px_type_deque, insert, m_insert);

static px_val m_reverse(px_val self) {
    px_deque *d = deque_of(self);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        px_val t = *slot(d, i);
        *slot(d, i) = *slot(d, j - 1);
        *slot(d, j - 1) = t;
    }
    d->state++;
    return PX_NONE;
}
static PX_METH1(m_reverse_obj, &px_type_deque, reverse, m_reverse);

/* rotate(n): n steps to the right (negative: to the left). */
static px_val m_rotate(size_t argc, const px_val *argv) {
    px_deque *d = deque_of(argv[0]);
    px_int n = argc > 1 ? px_index(argv[1]) : 1;
    if (d->len <= 1) {
        return PX_NONE;
    }
    px_int len = (px_int)d->len;
    n %= len;
    if (n < 0) {
        n += len;
    }
    /* moving the head back by n turns the last n items into the first */
    px_val *tmp = px_gc_alloc(d->len * sizeof(px_val), 0);
    for (size_t i = 0; i < d->len; i++) {
        tmp[(i + (size_t)n) % d->len] = *slot(d, i);
    }
    for (size_t i = 0; i < d->len; i++) {
        *slot(d, i) = tmp[i];
    }
    d->state++;
    return PX_NONE;
}
static PX_METHV(m_rotate_obj, &px_type_deque, rotate, 1, 2, m_rotate);

/* ---- iteration (forwards and reversed) */

typedef struct {
    px_obj base;
    px_deque *deque;
    size_t next;  /* items produced so far */
    size_t state; /* the deque's state when the iterator was made */
    bool reverse;
} deque_iter;

static px_val iter_next(px_val self) {
    deque_iter *it = px_as_ptr(self);
    px_deque *d = it->deque;
    if (d->state != it->state) {
        px_raise_msg(&px_type_RuntimeError, "deque mutated during iteration");
    }
    if (it->next >= d->len) {
        return PX_NULL;
    }
    size_t i = it->next++;
    return *slot(d, it->reverse ? d->len - 1 - i : i);
}

static px_val iter_self(px_val self) {
    return self;
}

static const px_type deque_iter_type = {
    .base = {&px_type_type},
    .name = PX_Q(_deque_iterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = iter_self,
    .next = iter_next,
};

static px_val make_iter(px_deque *d, bool reverse) {
    deque_iter *it = px_gc_alloc(sizeof *it, 0);
    it->base.type = &deque_iter_type;
    it->deque = d;
    it->state = d->state;
    it->reverse = reverse;
    return px_from_ptr(it);
}

static px_val deque_iter_slot(px_val self) {
    return make_iter(px_as_ptr(self), false);
}

static px_val m_reversed(px_val self) {
    return make_iter(deque_of(self), true);
}
static PX_METH1(m_reversed_obj, &px_type_deque, __reversed__, m_reversed);

/* ---- slots */

static px_val deque_unop(px_unop op, px_val self) {
    px_deque *d = px_as_ptr(self);
    switch (op) {
    case PX_UNOP_BOOL:
        return px_bool(d->len != 0);
    case PX_UNOP_LEN:
        return px_small((px_int)d->len);
    default:
        return PX_NOTIMPL;
    }
}

static size_t index_of(px_deque *d, px_val index) {
    if (!px_is_int(index) && !(px_type_of(index)->flags & PX_TF_HEAPTYPE)) {
        px_raise_type_error("sequence index must be integer, not '%s'", px_type_name(index));
    }
    px_int i = px_index(index);
    if (i < 0) {
        i += (px_int)d->len;
    }
    if (i < 0 || (size_t)i >= d->len) {
        px_raise_index_error("deque index out of range");
    }
    return (size_t)i;
}

static px_val deque_subscr(px_val self, px_val index, px_val value) {
    px_deque *d = px_as_ptr(self);
    size_t i = index_of(d, index);
    if (value == PX_NULL) {
        return *slot(d, i);
    }
    if (value == PX_DELETE) {
        delete_at(d, i);
    } else {
        *slot(d, i) = value;
    }
    return PX_NONE;
}

/* d * n into a new deque, or into the deque `into` (*=). A bounded
 * result keeps the last maxlen items of the repetition, computed directly. */
static px_val repeat(px_val into, px_deque *d, px_int n) {
    px_val items = items_list(d);
    size_t len = d->len;
    px_deque *r = into != PX_NULL ? deque_of(into) : deque_new(d->maxlen);
    if (into == PX_NULL) {
        r->check_full = d->check_full;
    }
    while (r->len) {
        pop_right(r);
    }
    if (n <= 0 || len == 0) {
        return into != PX_NULL ? into : px_from_ptr(r);
    }
    if ((size_t)n > SIZE_MAX / 2 / len) {
        px_raise_memory_error();
    }
    size_t total = len * (size_t)n;
    size_t first = 0;
    if (r->maxlen >= 0 && total > (size_t)r->maxlen && !r->check_full) {
        first = total - (size_t)r->maxlen;
    }
    const px_val *src = px_list_ptr(items)->items;
    for (size_t k = first; k < total; k++) {
        push_right(r, src[k % len]);
    }
    return into != PX_NULL ? into : px_from_ptr(r);
}

/* Lexicographic comparison of two deques, as for lists. */
static px_val compare(px_binop op, px_deque *a, px_deque *b) {
    px_val la = items_list(a), lb = items_list(b);
    return px_binary(op, la, lb);
}

static px_val deque_binop(px_binop op, px_val lhs, px_val rhs) {
    px_deque *a = deque_of_opt(lhs), *b = deque_of_opt(rhs);
    switch (op) {
    case PX_BINOP_ADD:
        if (a == NULL) {
            return PX_NOTIMPL;
        }
        if (b == NULL) {
            px_raise_type_error("can only concatenate deque (not \"%s\") to deque", px_type_name(rhs));
        } else {
            px_deque *r = copy_of(a);
            extend(r, items_list(b), false);
            return px_from_ptr(r);
        }
    case PX_BINOP_IADD:
        if (a == NULL) {
            return PX_NOTIMPL;
        }
        extend(a, rhs, false);
        return lhs;
    case PX_BINOP_MUL:
    case PX_BINOP_IMUL: {
        px_deque *d = a != NULL ? a : b;
        px_val times = a != NULL ? rhs : lhs;
        if (d == NULL || !px_cont_is_index(times)) {
            return PX_NOTIMPL;
        }
        return repeat(op == PX_BINOP_IMUL && a != NULL ? lhs : PX_NULL, d, px_cont_index(times));
    }
    case PX_BINOP_EQ:
    case PX_BINOP_NE:
    case PX_BINOP_LT:
    case PX_BINOP_LE:
    case PX_BINOP_GT:
    case PX_BINOP_GE:
        if (a == NULL || b == NULL) {
            return PX_NOTIMPL;
        }
        return compare(op, a, b);
    case PX_BINOP_CONTAINS: {
        for (size_t i = 0; a != NULL && i < a->len; i++) {
            if (item_equals(a, i, rhs)) {
                return PX_TRUE;
            }
        }
        return PX_FALSE;
    }
    default:
        return PX_NOTIMPL;
    }
}

static px_val deque_getattr(px_val self, px_qid name) {
    if (name == PX_Q(maxlen)) {
        px_deque *d = px_as_ptr(self);
        return d->maxlen < 0 ? PX_NONE : px_int_from_i64(d->maxlen);
    }
    return PX_NULL;
}

static const px_map_entry deque_methods[] = {
    PX_ENTRY_OBJ(__copy__, &m_dunder_copy_obj),
    PX_ENTRY_OBJ(__reversed__, &m_reversed_obj),
    PX_ENTRY_OBJ(append, &m_append_obj),
    PX_ENTRY_OBJ(appendleft, &m_appendleft_obj),
    PX_ENTRY_OBJ(clear, &m_clear_obj),
    PX_ENTRY_OBJ(copy, &m_copy_obj),
    PX_ENTRY_OBJ(count, &m_count_obj),
    PX_ENTRY_OBJ(extend, &m_extend_obj),
    PX_ENTRY_OBJ(extendleft, &m_extendleft_obj),
    PX_ENTRY_OBJ(index, &m_index_obj),
    PX_ENTRY_OBJ(insert, &m_insert_obj),
    PX_ENTRY_OBJ(pop, &m_pop_obj),
    PX_ENTRY_OBJ(popleft, &m_popleft_obj),
    PX_ENTRY_OBJ(remove, &m_remove_obj),
    PX_ENTRY_OBJ(reverse, &m_reverse_obj),
    PX_ENTRY_OBJ(rotate, &m_rotate_obj),
};
static PX_CONST_MAP(deque_dict, deque_methods);

const px_type px_type_deque = {
    .base = {&px_type_type},
    .name = PX_Q(deque),
    .flags = PX_TF_BASETYPE | PX_TF_UNHASHABLE,
    .base_type = &px_type_object,
    .dict = &deque_dict,
    .make = deque_make,
    .print = deque_print,
    .unop = deque_unop,
    .binop = deque_binop,
    .getattr = deque_getattr,
    .subscr = deque_subscr,
    .iter = deque_iter_slot,
};
