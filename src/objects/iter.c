/* The iterator types behind enumerate, zip, map, filter, reversed and
 * iter(callable, sentinel), and unpacking. */
#include "contutil.h"

static bool iterable_type(const px_type *t) {
    return t->iter != NULL || px_type_lookup(t, PX_Q(__iter__)) != PX_NULL ||
           px_type_lookup(t, PX_Q(__getitem__)) != PX_NULL;
}

void px_unpack_sequence(px_val seq, size_t n, px_val *out) {
    size_t len;
    px_val *items = px_seq_items(seq, &len);
    if (items) {
        if (len < n) {
            px_raise_value_error("not enough values to unpack (expected %zu, got %zu)", n, len);
        }
        if (len > n) {
            px_raise_value_error("too many values to unpack (expected %zu)", n);
        }
        px_cont_move(out, items, n);
        return;
    }
    if (!iterable_type(px_type_of(seq))) {
        px_raise_type_error("cannot unpack non-iterable %s object", px_type_name(seq));
    }
    px_val it = px_iter(seq);
    for (size_t i = 0; i < n; i++) {
        px_val v = px_next(it);
        if (v == PX_NULL) {
            px_raise_value_error("not enough values to unpack (expected %zu, got %zu)", n, i);
        }
        out[i] = v;
    }
    if (px_next(it) != PX_NULL) {
        px_raise_value_error("too many values to unpack (expected %zu)", n);
    }
}

/* extra: PX_TF_BASETYPE for the ones Python code may subclass */
#define ITER_TYPE(cname, qname, makefn, nextfn, extra)                                          \
    const px_type cname = {                                                                     \
        .base = {&px_type_type},                                                                \
        .name = PX_Q(qname),                                                                    \
        .flags = PX_TF_ITERATOR | (extra),                                                      \
        .base_type = &px_type_object,                                                           \
        .make = makefn,                                                                         \
        .iter = px_cont_iter_self,                                                              \
        .next = nextfn,                                                                         \
    }

/* ---- enumerate(iterable, start=0) */

typedef struct {
    px_obj base;
    px_val it;
    px_val count;
} enumerate_obj;

static px_val enumerate_make(const px_type *type, size_t argc, const px_val *argv,
                             px_val kwnames) {
    static const px_qid names[] = {PX_Q(iterable), PX_Q(start)};
    px_val a[2] = {PX_NULL, px_small(0)};
    if (argc > 2) {
        px_raise_type_error("enumerate() takes at most 2 arguments (%zu given)", argc);
    }
    for (size_t i = 0; i < argc; i++) {
        a[i] = argv[i];
    }
    px_cont_parse_kw("enumerate", argc, argv, kwnames, 2, names, a);
    if (a[0] == PX_NULL) {
        px_raise_type_error("enumerate() missing required argument 'iterable' (pos 1)");
    }
    if (!px_is_int(a[1])) {
        px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(a[1]));
    }
    enumerate_obj *e = px_gc_alloc(sizeof(enumerate_obj), 0);
    e->base.type = &px_type_enumerate;
    e->it = px_iter(a[0]);
    e->count = a[1];
    return px_from_ptr(e);
}

bool px_enumerate_step(px_val self, px_val pair[2]) {
    enumerate_obj *e = px_as_ptr(self);
    px_val v = px_next(e->it);
    if (v == PX_NULL) {
        return false;
    }
    pair[0] = e->count;
    pair[1] = v;
    px_int c = px_is_small(e->count) ? px_small_get(e->count) : 0;
    if (px_is_small(e->count) && c < PX_SMALL_MAX) {
        e->count = px_small(c + 1);
    } else {
        e->count = px_binary(PX_BINOP_ADD, e->count, px_small(1));
    }
    return true;
}

static px_val enumerate_next(px_val self) {
    px_val pair[2];
    return px_enumerate_step(self, pair) ? px_tuple_new(2, pair) : PX_NULL;
}

ITER_TYPE(px_type_enumerate, enumerate, enumerate_make, enumerate_next, PX_TF_BASETYPE);

/* ---- zip(*iterables, strict=False) */

typedef struct {
    px_obj base;
    bool strict;
    bool done;
    size_t n;
    px_val its[];
} zip_obj;

static px_val zip_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_qid names[] = {PX_Q(strict)};
    px_val strict = PX_FALSE;
    px_cont_parse_kw("zip", argc, argv, kwnames, 1, names, &strict);
    zip_obj *z = px_gc_alloc(sizeof(zip_obj) + argc * sizeof(px_val), 0);
    z->base.type = &px_type_zip;
    z->strict = px_truthy(strict);
    z->n = argc;
    for (size_t i = 0; i < argc; i++) {
        z->its[i] = px_iter(argv[i]);
    }
    return px_from_ptr(z);
}

static PX_NORETURN void zip_mismatch(size_t i, const char *what) {
    if (i == 1) {
        px_raise_value_error("zip() argument 2 is %s than argument 1", what);
    }
    px_raise_value_error("zip() argument %zu is %s than arguments 1-%zu", i + 1, what, i);
}

static px_val zip_next(px_val self) {
    zip_obj *z = px_as_ptr(self);
    if (z->done || z->n == 0) {
        return PX_NULL;
    }
    px_val res = px_tuple_new(z->n, NULL);
    for (size_t i = 0; i < z->n; i++) {
        px_val v = px_next(z->its[i]);
        if (v == PX_NULL) {
            z->done = true;
            if (z->strict) {
                if (i > 0) {
                    zip_mismatch(i, "shorter");
                }
                for (size_t k = 1; k < z->n; k++) {
                    if (px_next(z->its[k]) != PX_NULL) {
                        zip_mismatch(k, "longer");
                    }
                }
            }
            return PX_NULL;
        }
        px_tuple_ptr(res)->items[i] = v;
    }
    return res;
}

ITER_TYPE(px_type_zip, zip, zip_make, zip_next, PX_TF_BASETYPE);

/* ---- map(func, *iterables) */

typedef struct {
    px_obj base;
    px_val func;
    size_t n;
    px_val its[];
} map_obj;

static px_val map_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (px_cont_kw_count(kwnames)) {
        px_raise_type_error("map() takes no keyword arguments");
    }
    if (argc < 2) {
        px_raise_type_error("map() must have at least two arguments.");
    }
    map_obj *m = px_gc_alloc(sizeof(map_obj) + (argc - 1) * sizeof(px_val), 0);
    m->base.type = &px_type_map;
    m->func = argv[0];
    m->n = argc - 1;
    for (size_t i = 1; i < argc; i++) {
        m->its[i - 1] = px_iter(argv[i]);
    }
    return px_from_ptr(m);
}

static px_val map_next(px_val self) {
    map_obj *m = px_as_ptr(self);
    if (m->n == 1) {
        px_val v = px_next(m->its[0]);
        return v == PX_NULL ? PX_NULL : px_call1(m->func, v);
    }
    px_val args[8];
    px_val *a = m->n <= 8 ? args : px_gc_alloc(m->n * sizeof(px_val), 0);
    for (size_t i = 0; i < m->n; i++) {
        a[i] = px_next(m->its[i]);
        if (a[i] == PX_NULL) {
            return PX_NULL;
        }
    }
    return px_call(m->func, m->n, a, PX_NULL);
}

ITER_TYPE(px_type_map, map, map_make, map_next, PX_TF_BASETYPE);

/* ---- filter(func or None, iterable) */

typedef struct {
    px_obj base;
    px_val func;
    px_val it;
} filter_obj;

static px_val filter_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(filter), argc, kwnames, 2, 2);
    filter_obj *f = px_gc_alloc(sizeof(filter_obj), 0);
    f->base.type = &px_type_filter;
    f->func = argv[0];
    f->it = px_iter(argv[1]);
    return px_from_ptr(f);
}

static px_val filter_next(px_val self) {
    filter_obj *f = px_as_ptr(self);
    px_val v;
    while ((v = px_next(f->it)) != PX_NULL) {
        if (px_truthy(f->func == PX_NONE ? v : px_call1(f->func, v))) {
            return v;
        }
    }
    return PX_NULL;
}

ITER_TYPE(px_type_filter, filter, filter_make, filter_next, PX_TF_BASETYPE);

/* ---- reversed(seq) */

typedef struct {
    px_obj base;
    px_val seq;
    size_t i; /* items left: the next one is seq[i-1] */
} reversed_obj;

static const px_type list_reviter_type;

static px_val reversed_make(const px_type *type, size_t argc, const px_val *argv,
                            px_val kwnames) {
    px_check_args(PX_Q(reversed), argc, kwnames, 1, 1);
    px_val seq = argv[0];
    if (px_is_type(seq, &px_type_range)) {
        return px_range_reversed(seq);
    }
    px_val r = px_dict_reversed(seq);
    if (r != PX_NULL) {
        return r;
    }
    size_t len;
    if (px_is_list(seq) || px_is_tuple(seq)) {
        px_seq_items(seq, &len);
    } else {
        const px_type *t = px_type_of(seq);
        px_val meth = px_type_lookup(t, PX_Q(__reversed__));
        if (meth != PX_NULL && meth != PX_NONE) {
            return px_call_method(seq, PX_Q(__reversed__), 0, NULL);
        }
        if (px_type_lookup(t, PX_Q(__getitem__)) == PX_NULL && t->subscr == NULL) {
            px_raise_type_error("'%s' object is not reversible", px_type_name(seq));
        }
        if (px_is_dict(seq) || px_is_set(seq)) {
            px_raise_type_error("'%s' object is not reversible", px_type_name(seq));
        }
        len = px_len(seq);
    }
    return px_seq_reversed(seq, len);
}

px_val px_seq_reversed(px_val seq, size_t len) {
    reversed_obj *o = px_gc_alloc(sizeof(reversed_obj), 0);
    o->base.type = px_is_type(seq, &px_type_list) ? &list_reviter_type : &px_type_reversed;
    o->seq = seq;
    o->i = len;
    return px_from_ptr(o);
}

static px_val reversed_next(px_val self) {
    reversed_obj *o = px_as_ptr(self);
    if (o->i == 0) {
        return PX_NULL;
    }
    size_t len;
    px_val *items = px_seq_items(o->seq, &len);
    if (items) {
        if (o->i > len) { /* the list shrank */
            o->i = 0;
            return PX_NULL;
        }
        return items[--o->i];
    }
    o->i--;
    return px_subscr_load(o->seq, px_small((px_int)o->i));
}

ITER_TYPE(px_type_reversed, reversed, reversed_make, reversed_next, PX_TF_BASETYPE);
/* reversed(list), under CPython's name for it (not callable as a type) */
static ITER_TYPE(list_reviter_type, list_reverseiterator, NULL, reversed_next, 0);

/* ---- iter(callable, sentinel) */

typedef struct {
    px_obj base;
    px_val func; /* PX_NULL once exhausted */
    px_val sentinel;
} callable_iter;

px_val px_callable_iter_new(px_val func, px_val sentinel) {
    callable_iter *c = px_gc_alloc(sizeof(callable_iter), 0);
    c->base.type = &px_type_callable_iter;
    c->func = func;
    c->sentinel = sentinel;
    return px_from_ptr(c);
}

static px_val callable_iter_next(px_val self) {
    callable_iter *c = px_as_ptr(self);
    if (c->func == PX_NULL) {
        return PX_NULL;
    }
    /* a StopIteration from the callable also ends the iteration */
    px_val volatile v = PX_NULL;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        v = px_call0(c->func);
        px_try_pop(&j);
    } else {
        if (!px_exc_matches(j.exc, px_from_ptr(&px_type_StopIteration))) {
            px_raise(j.exc);
        }
        c->func = PX_NULL;
        return PX_NULL;
    }
    if (v == c->sentinel || px_equal(v, c->sentinel)) {
        c->func = PX_NULL;
        return PX_NULL;
    }
    return v;
}

ITER_TYPE(px_type_callable_iter, callable_iterator, NULL, callable_iter_next, 0);
