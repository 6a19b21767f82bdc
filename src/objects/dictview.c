/* dict views (keys, values, items) and the iterators over a px_map shared
 * by dicts, views and sets. */
#include "contutil.h"

typedef struct {
    px_obj base;
    px_val dict;
} view;

static px_map *dict_map(px_val d) { return &((px_dict *)px_as_ptr(d))->map; }

static px_val view_new(const px_type *type, px_val dict) {
    view *v = px_gc_alloc(sizeof(view), 0);
    v->base.type = type;
    v->dict = dict;
    return px_from_ptr(v);
}

px_val px_dict_keys_view(px_val dict) { return view_new(&px_type_dict_keys, dict); }
px_val px_dict_values_view(px_val dict) { return view_new(&px_type_dict_values, dict); }
px_val px_dict_items_view(px_val dict) { return view_new(&px_type_dict_items, dict); }

/* ---- iterators */

typedef struct {
    px_obj base;
    px_val owner;    /* keeps the map alive */
    px_map *map;
    size_t pos;      /* next entry (forwards) or one past it (backwards) */
    uint32_t count;  /* live entries when the iterator was made */
    bool reverse;
} map_iter;

px_val px_map_iter_new(const px_type *type, px_val owner, px_map *m, bool reverse) {
    map_iter *it = px_gc_alloc(sizeof(map_iter), 0);
    it->base.type = type;
    it->owner = owner;
    it->map = m;
    it->count = m->count;
    it->reverse = reverse;
    it->pos = reverse ? m->used : 0;
    return px_from_ptr(it);
}

px_val px_dict_key_iter(px_val dict) {
    return px_map_iter_new(&px_type_dict_keyiter, dict, dict_map(dict), false);
}

static px_map_entry *iter_step(map_iter *it) {
    px_map *m = it->map;
    if (m == NULL) {
        return NULL;
    }
    if (m->count != it->count) {
        it->map = NULL;
        if (it->base.type == &px_type_set_iter) {
            px_raise_msg(&px_type_RuntimeError, "Set changed size during iteration");
        }
        px_raise_msg(&px_type_RuntimeError, "dictionary changed size during iteration");
    }
    if (it->reverse) {
        if (it->pos > m->used) {
            it->pos = m->used;
        }
        while (it->pos > 0) {
            px_map_entry *e = &m->entries[--it->pos];
            if (e->key != PX_NULL) {
                return e;
            }
        }
    } else {
        px_map_entry *e = px_map_next(m, &it->pos);
        if (e) {
            return e;
        }
    }
    it->map = NULL;
    return NULL;
}

static px_val key_next(px_val self) {
    px_map_entry *e = iter_step(px_as_ptr(self));
    return e ? e->key : PX_NULL;
}

static px_val value_next(px_val self) {
    px_map_entry *e = iter_step(px_as_ptr(self));
    return e ? e->value : PX_NULL;
}

static px_val item_next(px_val self) {
    px_map_entry *e = iter_step(px_as_ptr(self));
    if (e == NULL) {
        return PX_NULL;
    }
    px_val kv[2] = {e->key, e->value};
    return px_tuple_new(2, kv);
}

#define ITER_TYPE(cname, qname, nextfn)                                                         \
    const px_type cname = {                                                                     \
        .base = {&px_type_type},                                                                \
        .name = PX_Q(qname),                                                                    \
        .flags = PX_TF_ITERATOR,                                                                \
        .base_type = &px_type_object,                                                           \
        .iter = px_cont_iter_self,                                                              \
        .next = nextfn,                                                                         \
    }

ITER_TYPE(px_type_dict_keyiter, dict_keyiterator, key_next);
ITER_TYPE(px_type_dict_valueiter, dict_valueiterator, value_next);
ITER_TYPE(px_type_dict_itemiter, dict_itemiterator, item_next);
ITER_TYPE(px_type_set_iter, set_iterator, key_next);

/* ---- views */

static const px_type *iter_type_of(const px_type *view_type) {
    if (view_type == &px_type_dict_keys) {
        return &px_type_dict_keyiter;
    }
    return view_type == &px_type_dict_values ? &px_type_dict_valueiter : &px_type_dict_itemiter;
}

static px_val view_iter(px_val self) {
    view *v = px_as_ptr(self);
    return px_map_iter_new(iter_type_of(v->base.type), v->dict, dict_map(v->dict), false);
}

px_val px_dict_reversed(px_val v) {
    if (px_is_dict(v)) {
        return px_map_iter_new(&px_type_dict_keyiter, v, dict_map(v), true);
    }
    if (px_is_type(v, &px_type_dict_keys) || px_is_type(v, &px_type_dict_values) ||
        px_is_type(v, &px_type_dict_items)) {
        view *w = px_as_ptr(v);
        return px_map_iter_new(iter_type_of(w->base.type), w->dict, dict_map(w->dict), true);
    }
    return PX_NULL;
}

static void view_body(px_out *out, px_val self) {
    view *v = px_as_ptr(self);
    px_write_cstr(out, px_qstr_str(v->base.type->name));
    px_write(out, "([", 2);
    px_val it = view_iter(self);
    px_val x;
    bool first = true;
    while ((x = px_next(it)) != PX_NULL) {
        if (!first) {
            px_write(out, ", ", 2);
        }
        first = false;
        px_print(out, x, PX_PRINT_REPR);
    }
    px_write(out, "])", 2);
}

static void view_print(px_out *out, px_val self, px_print_kind kind) {
    px_cont_print_guarded(out, self, "...", view_body);
}

static px_val view_unop(px_unop op, px_val self) {
    view *v = px_as_ptr(self);
    switch (op) {
    case PX_UNOP_BOOL:
        return px_bool(dict_map(v->dict)->count != 0);
    case PX_UNOP_LEN:
        return px_small((px_int)dict_map(v->dict)->count);
    default:
        return PX_NOTIMPL;
    }
}

static bool view_contains(view *v, px_val x) {
    px_map *m = dict_map(v->dict);
    if (v->base.type == &px_type_dict_keys) {
        return px_map_find(m, x) != NULL;
    }
    if (v->base.type == &px_type_dict_items) {
        size_t n;
        px_val *kv = px_seq_items(x, &n);
        if (kv == NULL || !px_is_tuple(x) || n != 2) {
            return false;
        }
        px_map_entry *e = px_map_find(m, kv[0]);
        return e && (e->value == kv[1] || px_equal(e->value, kv[1]));
    }
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(m, &pos)) != NULL) {
        if (e->value == x || px_equal(e->value, x)) {
            return true;
        }
    }
    return false;
}

static bool is_setlike_view(px_val v) {
    return px_is_type(v, &px_type_dict_keys) || px_is_type(v, &px_type_dict_items);
}

static px_val as_set(px_val v) {
    px_val s = px_set_new(0, NULL);
    px_set_update(s, v);
    return s;
}

static px_val view_binop(px_binop op, px_val lhs, px_val rhs) {
    switch (op) {
    case PX_BINOP_CONTAINS:
        return px_bool(view_contains(px_as_ptr(lhs), rhs));
    case PX_BINOP_AND:
    case PX_BINOP_OR:
    case PX_BINOP_SUB:
    case PX_BINOP_XOR: {
        /* A keys or items view may be either operand; the other is any
         * iterable (TypeError otherwise, as CPython). */
        if (!is_setlike_view(lhs) && !is_setlike_view(rhs)) {
            return PX_NOTIMPL;
        }
        return px_binary(op, as_set(lhs), as_set(rhs));
    }
    case PX_BINOP_EQ:
    case PX_BINOP_NE:
    case PX_BINOP_LT:
    case PX_BINOP_LE:
    case PX_BINOP_GT:
    case PX_BINOP_GE: {
        if (!is_setlike_view(lhs) && !px_is_set(lhs)) {
            return PX_NOTIMPL;
        }
        if (!is_setlike_view(rhs) && !px_is_set(rhs)) {
            return PX_NOTIMPL;
        }
        return px_binary(op, as_set(lhs), as_set(rhs));
    }
    default:
        return PX_NOTIMPL;
    }
}

static px_val view_isdisjoint(px_val self, px_val other) {
    px_val it = px_iter(other);
    px_val x;
    while ((x = px_next(it)) != PX_NULL) {
        if (view_contains(px_as_ptr(self), x)) {
            return PX_FALSE;
        }
    }
    return PX_TRUE;
}

static px_val view_reversed(px_val self) { return px_dict_reversed(self); }

static PX_METH2(m_keys_contains, &px_type_dict_keys, __contains__, px_cont_contains_fn);
static PX_METH1(m_keys_len, &px_type_dict_keys, __len__, px_cont_len_fn);
static PX_METH1(m_keys_rev, &px_type_dict_keys, __reversed__, view_reversed);
static PX_METH2(m_keys_disj, &px_type_dict_keys, isdisjoint, view_isdisjoint);
static const px_map_entry keys_methods[] = {
    PX_ENTRY_OBJ(__contains__, &m_keys_contains),
    PX_ENTRY_OBJ(__len__, &m_keys_len),
    PX_ENTRY_OBJ(__reversed__, &m_keys_rev),
    PX_ENTRY_OBJ(isdisjoint, &m_keys_disj),
};
static PX_CONST_MAP(keys_dict, keys_methods);

static PX_METH1(m_values_len, &px_type_dict_values, __len__, px_cont_len_fn);
static PX_METH1(m_values_rev, &px_type_dict_values, __reversed__, view_reversed);
static const px_map_entry values_methods[] = {
    PX_ENTRY_OBJ(__len__, &m_values_len),
    PX_ENTRY_OBJ(__reversed__, &m_values_rev),
};
static PX_CONST_MAP(values_dict, values_methods);

static PX_METH2(m_items_contains, &px_type_dict_items, __contains__, px_cont_contains_fn);
static PX_METH1(m_items_len, &px_type_dict_items, __len__, px_cont_len_fn);
static PX_METH1(m_items_rev, &px_type_dict_items, __reversed__, view_reversed);
static PX_METH2(m_items_disj, &px_type_dict_items, isdisjoint, view_isdisjoint);
static const px_map_entry items_methods[] = {
    PX_ENTRY_OBJ(__contains__, &m_items_contains),
    PX_ENTRY_OBJ(__len__, &m_items_len),
    PX_ENTRY_OBJ(__reversed__, &m_items_rev),
    PX_ENTRY_OBJ(isdisjoint, &m_items_disj),
};
static PX_CONST_MAP(items_dict, items_methods);

#define VIEW_TYPE(cname, qname, methods, flags_)                                                \
    const px_type cname = {                                                                     \
        .base = {&px_type_type},                                                                \
        .name = PX_Q(qname),                                                                    \
        .flags = flags_,                                                                        \
        .base_type = &px_type_object,                                                           \
        .dict = &methods,                                                                       \
        .print = view_print,                                                                    \
        .unop = view_unop,                                                                      \
        .binop = view_binop,                                                                    \
        .iter = view_iter,                                                                      \
    }

VIEW_TYPE(px_type_dict_keys, dict_keys, keys_dict, PX_TF_UNHASHABLE);
VIEW_TYPE(px_type_dict_values, dict_values, values_dict, 0);
VIEW_TYPE(px_type_dict_items, dict_items, items_dict, PX_TF_UNHASHABLE);
