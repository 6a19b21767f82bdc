/* dict: a px_map in an object, plus the mapping protocol and methods.
 * The views (keys/values/items) and the iterators are in dictview.c. */
#include <stddef.h>

#include "contutil.h"

bool px_is_dict(px_val v) { return px_is_type(v, &px_type_dict); }

px_val px_dict_new(size_t cap) {
    px_dict *d = px_gc_alloc(sizeof(px_dict), 0);
    d->base.type = &px_type_dict;
    px_map_init(&d->map, cap);
    return px_from_ptr(d);
}

px_val px_dict_of_map(px_map *m) {
    if ((m->flags & PX_MAP_CONST) == 0) {
        px_val d = px_from_ptr((char *)m - offsetof(px_dict, map));
        if (px_is_dict(d)) {
            return d;
        }
    }
    px_val d = px_dict_new(m->count);
    px_map_copy(px_dict_map(d), m);
    return d;
}

px_map *px_dict_map(px_val dict) {
    if (!px_is_dict(dict)) {
        dict = px_native(dict, &px_type_dict);
    }
    return &((px_dict *)px_as_ptr(dict))->map;
}

static px_map *map_of(px_val self) { return &((px_dict *)px_as_ptr(self))->map; }

px_val px_dict_get(px_val dict, px_val key) { return px_map_get(px_dict_map(dict), key); }

void px_dict_set(px_val dict, px_val key, px_val value) {
    px_map_set(px_dict_map(dict), key, value);
}

px_val px_dict_items_list(px_val dict) {
    px_map *m = px_dict_map(dict);
    px_val list = px_list_new(0, NULL);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(m, &pos)) != NULL) {
        px_val kv[2] = {e->key, e->value};
        px_list_append(list, px_tuple_new(2, kv));
    }
    return list;
}

/* ---- update from a mapping, an iterable of pairs, or for ** (merge) */

static void set_checked(px_map *m, px_val key, px_val value, bool merge) {
    if (merge) {
        if (!px_is_str(key)) {
            px_raise_type_error("keywords must be strings");
        }
        if (px_map_find(m, key)) {
            size_t len;
            const char *s = px_str_data(key, &len);
            px_raise_type_error("got multiple values for keyword argument '%.*s'", (int)len, s);
        }
    }
    px_map_set(m, key, value);
}

static void update_pairs(px_map *m, px_val iterable) {
    px_val it = px_iter(iterable);
    px_val item;
    size_t n = 0;
    while ((item = px_next(it)) != PX_NULL) {
        size_t len;
        px_val *kv = px_seq_items(item, &len);
        px_val pair[2];
        if (kv == NULL) {
            const px_type *t = px_type_of(item);
            if (t->iter == NULL && px_type_lookup(t, PX_Q(__iter__)) == PX_NULL &&
                px_type_lookup(t, PX_Q(__getitem__)) == PX_NULL) {
                px_raise_type_error("cannot convert dictionary update sequence element #%zu to a sequence", n);
            }
            px_val list = px_list_from_iter(item);
            kv = px_list_ptr(list)->items;
            len = px_list_ptr(list)->len;
        }
        if (len != 2) {
            px_raise_value_error("dictionary update sequence element #%zu has length %zu; 2 is required",
                                 n, len);
        }
        pair[0] = kv[0]; /* copied: hashing the key may run code that changes a list */
        pair[1] = kv[1];
        px_map_set(m, pair[0], pair[1]);
        n++;
    }
}

static bool has_keys(px_val v) {
    return px_getattr_opt(v, PX_Q(keys)) != PX_NULL;
}

void px_dict_update(px_val dict, px_val other, bool merge) {
    px_map *m = px_dict_map(dict);
    if (px_is_dict(other)) {
        px_map *src = map_of(other);
        if (m == src) {
            if (merge && src->count) {
                size_t pos = 0;
                set_checked(m, px_map_next(src, &pos)->key, PX_NONE, true);
            }
            return;
        }
        size_t pos = 0;
        px_map_entry *e;
        while ((e = px_map_next(src, &pos)) != NULL) {
            set_checked(m, e->key, e->value, merge);
        }
        return;
    }
    if (has_keys(other)) {
        px_val it = px_iter(px_call_method(other, PX_Q(keys), 0, NULL));
        px_val k;
        while ((k = px_next(it)) != PX_NULL) {
            set_checked(m, k, px_subscr_load(other, k), merge);
        }
        return;
    }
    if (merge) {
        px_raise_type_error("argument after ** must be a mapping, not %s", px_type_name(other));
    }
    update_pairs(m, other);
}

/* positional argument (optional) then keyword arguments */
static void update_args(px_val self, size_t argc, const px_val *argv, px_val kwnames,
                        const char *name) {
    if (argc > 1) {
        px_raise_type_error("%s expected at most 1 argument, got %zu", name, argc);
    }
    if (argc == 1) {
        px_dict_update(self, argv[0], false);
    }
    size_t nkw = px_cont_kw_count(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        px_map_set(map_of(self), px_tuple_ptr(kwnames)->items[k], argv[argc + k]);
    }
}

/* ---- slots */

static px_val dict_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_val d = px_dict_new(0);
    update_args(d, argc, argv, kwnames, "dict");
    return d;
}

static void dict_body(px_out *out, px_val self) {
    px_map *m = map_of(self);
    px_write(out, "{", 1);
    size_t pos = 0;
    bool first = true;
    px_map_entry *e;
    while ((e = px_map_next(m, &pos)) != NULL) {
        if (!first) {
            px_write(out, ", ", 2);
        }
        first = false;
        px_val k = e->key, v = e->value; /* the entry may move while printing */
        px_print(out, k, PX_PRINT_REPR);
        px_write(out, ": ", 2);
        px_print(out, v, PX_PRINT_REPR);
    }
    px_write(out, "}", 1);
}

static void dict_print(px_out *out, px_val self, px_print_kind kind) {
    px_cont_print_guarded(out, self, "{...}", dict_body);
}

static px_val dict_unop(px_unop op, px_val self) {
    switch (op) {
    case PX_UNOP_BOOL:
        return px_bool(map_of(self)->count != 0);
    case PX_UNOP_LEN:
        return px_small((px_int)map_of(self)->count);
    default:
        return PX_NOTIMPL;
    }
}

static px_val dict_copy(px_val self);

static bool dict_equal(px_val a, px_val b) {
    px_map *ma = map_of(a), *mb = map_of(b);
    px_cont_check_stack(" in comparison");
    if (ma->count != mb->count) {
        return false;
    }
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(ma, &pos)) != NULL) {
        px_val k = e->key, v = e->value;
        px_map_entry *o = px_map_find(mb, k);
        if (o == NULL) {
            return false;
        }
        px_val w = o->value;
        if (v != w && !px_equal(v, w)) {
            return false;
        }
    }
    return true;
}

static px_val dict_binop(px_binop op, px_val lhs, px_val rhs) {
    switch (op) {
    case PX_BINOP_OR:
        if (px_is_dict(lhs) && px_is_dict(rhs)) {
            px_val d = dict_copy(lhs);
            px_dict_update(d, rhs, false);
            return d;
        }
        return PX_NOTIMPL;
    case PX_BINOP_IOR:
        if (!px_is_dict(lhs)) {
            return PX_NOTIMPL;
        }
        px_dict_update(lhs, rhs, false);
        return lhs;
    case PX_BINOP_EQ:
    case PX_BINOP_NE:
        if (px_is_dict(lhs) && px_is_dict(rhs)) {
            bool eq = dict_equal(lhs, rhs);
            return px_bool(op == PX_BINOP_EQ ? eq : !eq);
        }
        return PX_NOTIMPL;
    case PX_BINOP_CONTAINS:
        return px_bool(px_map_find(map_of(lhs), rhs) != NULL);
    default:
        return PX_NOTIMPL;
    }
}

static px_val dict_subscr(px_val self, px_val key, px_val value) {
    px_map *m = map_of(self);
    if (value == PX_NULL) {
        px_map_entry *e = px_map_find(m, key);
        if (e == NULL) {
            px_raise_key_error(key);
        }
        return e->value;
    }
    if (value == PX_DELETE) {
        if (px_map_pop(m, key) == PX_NULL) {
            px_raise_key_error(key);
        }
        return PX_NONE;
    }
    px_map_set(m, key, value);
    return PX_NONE;
}

/* ---- methods */

static px_val dict_clear(px_val self) {
    px_map_clear(map_of(self));
    return PX_NONE;
}

static px_val dict_copy(px_val self) {
    px_val d = px_dict_new(0);
    px_map_copy(map_of(d), map_of(self));
    return d;
}

static px_val dict_fromkeys(size_t argc, const px_val *argv) {
    px_val cls = argv[0];
    px_val value = argc > 2 ? argv[2] : PX_NONE;
    px_val d = cls == px_from_ptr(&px_type_dict) ? px_dict_new(0) : px_call0(cls);
    px_val it = px_iter(argv[1]);
    px_val k;
    while ((k = px_next(it)) != PX_NULL) {
        if (px_is_dict(d)) {
            px_map_set(map_of(d), k, value);
        } else {
            px_subscr_store(d, k, value);
        }
    }
    return d;
}

static px_val dict_get(size_t argc, const px_val *argv) {
    px_map_entry *e = px_map_find(map_of(argv[0]), argv[1]);
    if (e) {
        return e->value;
    }
    return argc > 2 ? argv[2] : PX_NONE;
}

static px_val dict_pop(size_t argc, const px_val *argv) {
    px_val v = px_map_pop(map_of(argv[0]), argv[1]);
    if (v != PX_NULL) {
        return v;
    }
    if (argc > 2) {
        return argv[2];
    }
    px_raise_key_error(argv[1]);
}

static px_val dict_popitem(px_val self) {
    px_map *m = map_of(self);
    if (m->count == 0) {
        px_raise_msg(&px_type_KeyError, "popitem(): dictionary is empty");
    }
    /* the last entry is live: deletion trims trailing deleted entries */
    size_t i = m->used;
    while (i > 0 && m->entries[i - 1].key == PX_NULL) {
        i--;
    }
    px_val kv[2] = {m->entries[i - 1].key, m->entries[i - 1].value};
    px_map_pop(m, kv[0]);
    return px_tuple_new(2, kv);
}

static px_val dict_setdefault(size_t argc, const px_val *argv) {
    px_map *m = map_of(argv[0]);
    px_map_entry *e = px_map_find(m, argv[1]);
    if (e) {
        return e->value;
    }
    px_val v = argc > 2 ? argv[2] : PX_NONE;
    px_map_set(m, argv[1], v);
    return v;
}

static px_val dict_update_m(size_t argc, const px_val *argv, px_val kwnames) {
    update_args(argv[0], argc - 1, argv + 1, kwnames, "update");
    return PX_NONE;
}

/* dunders, for subclasses calling super().__getitem__(k) and friends */
static px_val dict_getitem(px_val self, px_val k) { return dict_subscr(self, k, PX_NULL); }
static px_val dict_setitem(px_val self, px_val k, px_val v) { return dict_subscr(self, k, v); }
static px_val dict_delitem(px_val self, px_val k) { return dict_subscr(self, k, PX_DELETE); }
static px_val dict_contains(px_val self, px_val k) { return dict_binop(PX_BINOP_CONTAINS, self, k); }
static px_val dict_len(px_val self) { return dict_unop(PX_UNOP_LEN, self); }

static PX_METH2(m_contains, &px_type_dict, __contains__, dict_contains);
static PX_METH2(m_delitem, &px_type_dict, __delitem__, dict_delitem);
static PX_METH2(m_getitem, &px_type_dict, __getitem__, dict_getitem);
static PX_METH1(m_iter, &px_type_dict, __iter__, px_dict_key_iter);
static PX_METH1(m_len, &px_type_dict, __len__, dict_len);
static PX_METH3(m_setitem, &px_type_dict, __setitem__, dict_setitem);
static PX_METH1(m_clear, &px_type_dict, clear, dict_clear);
static PX_METH1(m_copy, &px_type_dict, copy, dict_copy);
static PX_FUNV(f_fromkeys, fromkeys, 2, 3, dict_fromkeys);
static PX_CLASSMETHOD(m_fromkeys, &f_fromkeys);
static PX_METHV(m_get, &px_type_dict, get, 2, 3, dict_get);
static PX_METH1(m_items, &px_type_dict, items, px_dict_items_view);
static PX_METH1(m_keys, &px_type_dict, keys, px_dict_keys_view);
static PX_METHV(m_pop, &px_type_dict, pop, 2, 3, dict_pop);
static PX_METH1(m_popitem, &px_type_dict, popitem, dict_popitem);
static PX_METHV(m_setdefault, &px_type_dict, setdefault, 2, 3, dict_setdefault);
static PX_METHKW(m_update, &px_type_dict, update, 1, 2, dict_update_m);
static PX_METH1(m_values, &px_type_dict, values, px_dict_values_view);

static PX_METH2(m_ior, &px_type_dict, __ior__, px_cont_ior_op);
static PX_METH2(m_or, &px_type_dict, __or__, px_cont_or_op);
static PX_METH1(m_reversed, &px_type_dict, __reversed__, px_cont_reversed_fn);
static PX_METH2(m_ror, &px_type_dict, __ror__, px_cont_ror_op);

static const px_map_entry dict_methods[] = {
    PX_ENTRY_OBJ(__contains__, &m_contains),
    PX_ENTRY_OBJ(__delitem__, &m_delitem),
    PX_ENTRY_OBJ(__getitem__, &m_getitem),
    PX_ENTRY_OBJ(__ior__, &m_ior),
    PX_ENTRY_OBJ(__iter__, &m_iter),
    PX_ENTRY_OBJ(__len__, &m_len),
    PX_ENTRY_OBJ(__or__, &m_or),
    PX_ENTRY_OBJ(__reversed__, &m_reversed),
    PX_ENTRY_OBJ(__ror__, &m_ror),
    PX_ENTRY_OBJ(__setitem__, &m_setitem),
    PX_ENTRY_OBJ(clear, &m_clear),
    PX_ENTRY_OBJ(copy, &m_copy),
    PX_ENTRY_OBJ(fromkeys, &m_fromkeys),
    PX_ENTRY_OBJ(get, &m_get),
    PX_ENTRY_OBJ(items, &m_items),
    PX_ENTRY_OBJ(keys, &m_keys),
    PX_ENTRY_OBJ(pop, &m_pop),
    PX_ENTRY_OBJ(popitem, &m_popitem),
    PX_ENTRY_OBJ(setdefault, &m_setdefault),
    PX_ENTRY_OBJ(update, &m_update),
    PX_ENTRY_OBJ(values, &m_values),
};
static PX_CONST_MAP(dict_dict, dict_methods);

const px_type px_type_dict = {
    .base = {&px_type_type},
    .name = PX_Q(dict),
    .flags = PX_TF_BASETYPE | PX_TF_UNHASHABLE,
    .base_type = &px_type_object,
    .bases = PX_NULL,
    .mro = PX_NULL,
    .dict = &dict_dict,
    .make = dict_make,
    .print = dict_print,
    .unop = dict_unop,
    .binop = dict_binop,
    .subscr = dict_subscr,
    .iter = px_dict_key_iter,
};
