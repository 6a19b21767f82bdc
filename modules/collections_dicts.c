/* collections.OrderedDict and collections.defaultdict.
 *
 * Both are thin subclasses of dict, and the runtime already gives a class
 * deriving from dict everything dict has (its native dict, __missing__,
 * views, operators). So they are made as such classes at the module's
 * first import, with const built-in methods, rather than as second
 * implementations of dict's slots; the two classes cost a few hundred
 * bytes of heap in programs that import collections. Their methods get
 * the instance itself (owner object), reaching the dict through
 * px_dict_map. */
#include "collmod.h"

static px_val native_dict(px_val self) {
    return px_native(self, &px_type_dict);
}

/* dict.update(target, *args, **kw), args and keyword values from argv. */
static void update_from(px_val target, size_t argc, const px_val *argv, px_val kwnames) {
    px_val upd = px_getattr(target, PX_Q(update));
    px_call(upd, argc, argv, kwnames);
}

/* type(self)(*args) */
static px_val same_type(px_val self, size_t argc, const px_val *argv) {
    return px_call(px_from_ptr(px_type_of(self)), argc, argv, PX_NULL);
}

static px_val add_method(px_val ns, px_qid name, const void *obj) {
    px_dict_set(ns, px_qstr(name), px_from_ptr(obj));
    return ns;
}

/* ---- defaultdict */

static px_val dd_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_val self = argv[0];
    px_val factory = argc > 1 ? argv[1] : PX_NONE;
    if (factory != PX_NONE && !px_callable(factory)) {
        px_raise_type_error("first argument must be callable or None");
    }
    px_setattr(self, PX_Q(default_factory), factory);
    if (argc > 2 || kwnames != PX_NULL) {
        update_from(native_dict(self), argc > 2 ? argc - 2 : 0, argv + (argc > 2 ? 2 : argc), kwnames);
    }
    return PX_NONE;
}
static PX_METHKW(dd_init_obj, &px_type_object, __init__, 1, PX_ARGS_MAX, dd_init);

static px_val dd_missing(px_val self, px_val key) {
    px_val factory = px_getattr(self, PX_Q(default_factory));
    if (factory == PX_NONE) {
        px_raise_key_error(key);
    }
    px_val v = px_call0(factory);
    px_subscr_store(self, key, v);
    return v;
}
static PX_METH2(dd_missing_obj, &px_type_object, __missing__, dd_missing);

static px_val dd_repr(px_val self) {
    px_strbuf b;
    px_strbuf_init(&b, 32);
    px_out out = px_strbuf_out(&b);
    px_write_cstr(&out, px_qstr_str(px_type_of(self)->name));
    px_write_cstr(&out, "(");
    if (!px_print_enter(self)) {
        px_write_cstr(&out, "...)");
        return px_strbuf_to_str(&b);
    }
    px_print(&out, px_getattr(self, PX_Q(default_factory)), PX_PRINT_REPR);
    px_write_cstr(&out, ", ");
    px_print(&out, native_dict(self), PX_PRINT_REPR);
    px_print_leave(self);
    px_write_cstr(&out, ")");
    return px_strbuf_to_str(&b);
}
static PX_METH1(dd_repr_obj, &px_type_object, __repr__, dd_repr);

static px_val dd_copy(px_val self) {
    px_val args[2] = {px_getattr(self, PX_Q(default_factory)), native_dict(self)};
    return same_type(self, 2, args);
}
static PX_METH1(dd_copy_obj, &px_type_object, copy, dd_copy);
static PX_METH1(dd_dunder_copy_obj, &px_type_object, __copy__, dd_copy);

static px_val dd_or(px_val self, px_val other) {
    if (!px_isinstance(other, &px_type_dict)) {
        return PX_NOTIMPL;
    }
    px_val r = dd_copy(self);
    update_from(native_dict(r), 1, &other, PX_NULL);
    return r;
}
static PX_METH2(dd_or_obj, &px_type_object, __or__, dd_or);

static px_val dd_ror(px_val self, px_val other) {
    if (!px_isinstance(other, &px_type_dict)) {
        return PX_NOTIMPL;
    }
    px_val args[2] = {px_getattr(self, PX_Q(default_factory)), other};
    px_val r = same_type(self, 2, args);
    px_val mine = native_dict(self);
    update_from(native_dict(r), 1, &mine, PX_NULL);
    return r;
}
static PX_METH2(dd_ror_obj, &px_type_object, __ror__, dd_ror);

px_val px_coll_make_defaultdict(void) {
    px_val ns = px_dict_new(8);
    add_method(ns, PX_Q(__init__), &dd_init_obj);
    add_method(ns, PX_Q(__missing__), &dd_missing_obj);
    add_method(ns, PX_Q(__repr__), &dd_repr_obj);
    add_method(ns, PX_Q(copy), &dd_copy_obj);
    add_method(ns, PX_Q(__copy__), &dd_dunder_copy_obj);
    add_method(ns, PX_Q(__or__), &dd_or_obj);
    add_method(ns, PX_Q(__ror__), &dd_ror_obj);
    px_val bases = px_tuple_new(1, (px_val[]){px_from_ptr(&px_type_dict)});
    return px_coll_new_class("defaultdict", bases, ns, px_qstr(PX_Q(collections)));
}

/* ---- OrderedDict: a dict (whose order is insertion order already) with
 * move_to_end, popitem(last=), order-sensitive equality between
 * OrderedDicts, and its own repr. */

static px_map *map_of(px_val self) {
    return px_dict_map(native_dict(self));
}

static const px_argspec last_spec[] = {{PX_Q(last), 0, PX_TRUE}};

/* The map's first live entry is at index `first`. Pops from the front
 * leave deleted entries before it, which every later pop steps over; the
 * map is copied compactly once there are more than about the square root
 * of its size, which keeps a pop at O(sqrt(n)) steps without a linked list
 * beside the dict. */
static void compact_front(px_map *m, size_t first) {
    if (first > 16 && first * first > m->count) {
        px_map fresh;
        px_map_copy(&fresh, m);
        *m = fresh;
    }
}

static px_val od_move_to_end(size_t argc, const px_val *argv, px_val kwnames) {
    if (argc < 2) {
        px_raise_type_error("move_to_end() missing required argument 'key' (pos 1)");
    }
    px_val last;
    px_parse_args(PX_Q(move_to_end), argc - 2, argv + 2, kwnames, 1, last_spec, &last);
    px_map *m = map_of(argv[0]);
    px_val key = argv[1];
    px_val v = px_map_pop(m, key);
    if (v == PX_NULL) {
        px_raise_key_error(key);
    }
    if (px_truthy(last)) {
        px_map_set(m, key, v);
        return PX_NONE;
    }
    /* to the front: a new map with the key first, then the others in
     * order (O(n); the old entries stay reachable through `old` on the
     * C stack while they are copied) */
    px_map old = *m;
    px_map_init(m, old.count + 1);
    px_map_set(m, key, v);
    size_t pos = 0;
    for (px_map_entry *e; (e = px_map_next(&old, &pos)) != NULL;) {
        px_map_set(m, e->key, e->value);
    }
    return PX_NONE;
}
static PX_METHKW(od_move_to_end_obj, &px_type_object, move_to_end, 2, 3, od_move_to_end);

static px_val od_popitem(size_t argc, const px_val *argv, px_val kwnames) {
    px_val last;
    px_parse_args(PX_Q(popitem), argc - 1, argv + 1, kwnames, 1, last_spec, &last);
    px_map *m = map_of(argv[0]);
    if (m->count == 0) {
        px_raise_msg(&px_type_KeyError, "dictionary is empty");
    }
    size_t i;
    if (px_truthy(last)) {
        /* deletion trims trailing deleted entries: the last one is live */
        i = m->used;
        while (m->entries[i - 1].key == PX_NULL) {
            i--;
        }
        i--;
    } else {
        i = 0;
        while (m->entries[i].key == PX_NULL) {
            i++;
        }
    }
    px_val kv[2] = {m->entries[i].key, m->entries[i].value};
    px_map_pop(m, kv[0]);
    if (!px_truthy(last)) {
        compact_front(m, i + 1);
    }
    return px_tuple_new(2, kv);
}
static PX_METHKW(od_popitem_obj, &px_type_object, popitem, 1, 2, od_popitem);

static px_val od_repr(px_val self) {
    px_strbuf b;
    px_strbuf_init(&b, 32);
    px_out out = px_strbuf_out(&b);
    px_write_cstr(&out, px_qstr_str(px_type_of(self)->name));
    px_write_cstr(&out, "(");
    if (map_of(self)->count > 0) {
        if (!px_print_enter(self)) {
            px_write_cstr(&out, "...)");
            return px_strbuf_to_str(&b);
        }
        px_print(&out, px_dict_items_list(native_dict(self)), PX_PRINT_REPR);
        px_print_leave(self);
    }
    px_write_cstr(&out, ")");
    return px_strbuf_to_str(&b);
}
static PX_METH1(od_repr_obj, &px_type_object, __repr__, od_repr);

/* The OrderedDict class, made once with the module (rooted). */
static px_val od_class;

/* Equal as dicts, and between two OrderedDicts also in the same order. */
static bool od_equal(px_val self, px_val other) {
    px_val mine = native_dict(self);
    px_val theirs = px_isinstance(other, &px_type_dict) ? native_dict(other) : other;
    if (!px_equal(mine, theirs)) {
        return false;
    }
    if (!px_isinstance(other, px_as_ptr(od_class))) {
        return true;
    }
    px_map *a = px_dict_map(mine), *b = px_dict_map(theirs);
    size_t pa = 0, pb = 0;
    for (px_map_entry *x, *y; (x = px_map_next(a, &pa)) != NULL && (y = px_map_next(b, &pb)) != NULL;) {
        if (!px_equal(x->key, y->key)) {
            return false;
        }
    }
    return true;
}

static px_val od_eq(px_val self, px_val other) {
    if (!px_isinstance(other, &px_type_dict)) {
        return PX_NOTIMPL;
    }
    return px_bool(od_equal(self, other));
}
static PX_METH2(od_eq_obj, &px_type_object, __eq__, od_eq);

static px_val od_ne(px_val self, px_val other) {
    if (!px_isinstance(other, &px_type_dict)) {
        return PX_NOTIMPL;
    }
    return px_bool(!od_equal(self, other));
}
static PX_METH2(od_ne_obj, &px_type_object, __ne__, od_ne);

static px_val od_copy(px_val self) {
    px_val d = native_dict(self);
    return same_type(self, 1, &d);
}
static PX_METH1(od_copy_obj, &px_type_object, copy, od_copy);
static PX_METH1(od_dunder_copy_obj, &px_type_object, __copy__, od_copy);

static px_val od_or(px_val self, px_val other) {
    if (!px_isinstance(other, &px_type_dict)) {
        return PX_NOTIMPL;
    }
    px_val r = od_copy(self);
    update_from(native_dict(r), 1, &other, PX_NULL);
    return r;
}
static PX_METH2(od_or_obj, &px_type_object, __or__, od_or);

static px_val od_ror(px_val self, px_val other) {
    if (!px_isinstance(other, &px_type_dict)) {
        return PX_NOTIMPL;
    }
    px_val r = same_type(self, 1, &other);
    px_val mine = native_dict(self);
    update_from(native_dict(r), 1, &mine, PX_NULL);
    return r;
}
static PX_METH2(od_ror_obj, &px_type_object, __ror__, od_ror);

px_val px_coll_make_ordereddict(void) {
    px_val ns = px_dict_new(12);
    add_method(ns, PX_Q(move_to_end), &od_move_to_end_obj);
    add_method(ns, PX_Q(popitem), &od_popitem_obj);
    add_method(ns, PX_Q(__repr__), &od_repr_obj);
    add_method(ns, PX_Q(__eq__), &od_eq_obj);
    add_method(ns, PX_Q(__ne__), &od_ne_obj);
    add_method(ns, PX_Q(copy), &od_copy_obj);
    add_method(ns, PX_Q(__copy__), &od_dunder_copy_obj);
    add_method(ns, PX_Q(__or__), &od_or_obj);
    add_method(ns, PX_Q(__ror__), &od_ror_obj);
    px_val bases = px_tuple_new(1, (px_val[]){px_from_ptr(&px_type_dict)});
    od_class = px_coll_new_class("OrderedDict", bases, ns, px_qstr(PX_Q(collections)));
    px_gc_add_root(&od_class, sizeof od_class);
    return od_class;
}
