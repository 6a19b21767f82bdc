/* Inline caches: filling them (the slow paths of LOAD_GLOBAL, LOAD_ATTR,
 * STORE_ATTR and LOAD_METHOD). The hit tests are in vm_cache.h, the kinds
 * of entry in frame.h. */
#include <stdio.h>

#include "frame.h"
#include "vm_cache.h"

px_map *px_vm_builtins_map(void) {
    if (px_st.builtins != PX_NULL && px_is_type(px_st.builtins, &px_type_module)) {
        return ((px_module *)px_as_ptr(px_st.builtins))->globals;
    }
    return (px_map *)&px_builtins_globals;
}

px_val px_vm_load_builtin(px_qid q) {
    px_val v = px_map_get_q(px_vm_builtins_map(), q);
    if (v == PX_NULL) {
        if (q == PX_Q(_) && px_st.repl_last != PX_NULL) {
            return px_st.repl_last; /* the REPL's last result when builtins is read-only */
        }
        px_raise_name_error(q);
    }
    return v;
}

px_val px_vm_load_global_slow(px_map *g, px_qid q, px_vm_cache *c) {
    px_map_entry *e = px_map_find(g, px_qstr(q));
    if (e != NULL) {
        if (c != NULL && !(g->flags & PX_MAP_CONST)) {
            c->kind = PX_VC_GLOBAL;
            c->index = (uint32_t)(e - g->entries);
        }
        return e->value;
    }
    px_map *bm = px_vm_builtins_map();
    e = px_map_find(bm, px_qstr(q));
    if (e == NULL || c == NULL || (g->flags & PX_MAP_CONST)) {
        return e != NULL ? e->value : px_vm_load_builtin(q);
    }
    /* from now on adding or removing a name in either map bumps the epoch;
     * a const builtins table never changes (and replacing it bumps too) */
    px_map_watch(g);
    px_map_watch(bm);
    c->kind = PX_VC_BUILTIN;
    c->key = g;
    c->entry = e;
    c->epoch = px_cache_epoch;
    return e->value;
}

/* The way of a slot to fill for `key`: the one already for that key,
 * else the first, after the others move down one (dropping the last,
 * the least recently filled). */
static px_vm_cache *way_for(px_vm_cache *c, const void *key) {
    for (unsigned w = 0; w < PX_VM_CACHE_WAYS; w++) {
        if (c[w].key == key) {
            return &c[w];
        }
    }
    memmove(&c[1], &c[0], (PX_VM_CACHE_WAYS - 1) * sizeof *c);
    return &c[0];
}

/* A method found by LOAD_METHOD on a built-in type: cache it when the
 * type's dict is const (it can never change) and nothing per-instance
 * can shadow it. A getattr slot does not matter: the attribute lookup asks
 * it only for names the type's dicts lack (attr.c), except super's. */
static bool cacheable_builtin_type(const px_type *t) {
    return !(t->flags & (PX_TF_HEAPTYPE | PX_TF_EXCEPTION)) && t != &px_type_module && t != &px_type_type &&
           t != &px_type_function && t != &px_type_bound_method && t != &px_type_super;
}

/* LOAD_ATTR / LOAD_METHOD found module `obj`'s global: remember where.
 * A const table (a built-in module) never changes; a heap module's
 * globals are checked at the index at every use (vm_cache.h). */
static void fill_module(px_val obj, px_qid q, px_val v, px_vm_cache *c) {
    px_map *g = ((px_module *)px_as_ptr(obj))->globals;
    px_map_entry *e = px_map_find(g, px_qstr(q));
    if (e != NULL && e->value == v) {
        c = way_for(c, px_as_ptr(obj));
        c->kind = PX_VC_MODULE;
        c->key = px_as_ptr(obj); /* the module itself */
        c->index = (uint32_t)(e - g->entries);
    }
}

static const px_map_entry *builtin_method_entry(const px_type *t, px_qid q) {
    for (; t != NULL; t = t->base_type) {
        if (t->dict != NULL && (t->dict->flags & PX_MAP_CONST)) {
            const px_map_entry *e = px_map_find(t->dict, px_qstr(q));
            if (e != NULL) {
                return e;
            }
        } else if (t->dict != NULL) {
            return NULL;
        }
    }
    return NULL;
}

/* object's own __getattribute__ / __setattr__: object's dict is const, so
 * the value is looked up once (it is a static built-in, nothing to root). */
static px_val object_slot(px_qid q) {
    static px_val getattribute = PX_NULL, setattr = PX_NULL;
    px_val *v = q == PX_Q(__getattribute__) ? &getattribute : &setattr;
    if (*v == PX_NULL) {
        *v = px_type_lookup(&px_type_object, q);
    }
    return *v;
}

/* A user class whose instances are px_instance with the default attribute
 * protocol (no __getattribute__ of its own). Adding one later changes a
 * class namespace, which drops the entries filled under this test. */
static bool is_plain_instance_type(const px_type *t) {
    if (!(t->flags & PX_TF_HEAPTYPE) || (t->flags & PX_TF_EXCEPTION)) {
        return false;
    }
    const px_class *c = (const px_class *)t;
    if (c->native_base == &px_type_type) {
        return false;
    }
    px_val ga = px_type_lookup(t, PX_Q(__getattribute__));
    return ga == PX_NULL || ga == object_slot(PX_Q(__getattribute__));
}

void px_vm_load_method_slow(px_val obj, px_qid q, px_val *dest, px_vm_cache *c) {
    px_load_method(obj, q, dest);
    if (c == NULL) {
        return;
    }
    const px_type *t = px_type_of(obj);
    if (t == &px_type_module && dest[1] == PX_NULL) {
        fill_module(obj, q, dest[0], c);
        return;
    }
    if (dest[1] != obj) {
        return;
    }
    if (cacheable_builtin_type(t)) {
        const px_map_entry *e = builtin_method_entry(t, q);
        if (e != NULL && e->value == dest[0]) {
            c = way_for(c, t);
            c->kind = PX_VC_BUILTIN_METHOD;
            c->key = t;
            c->entry = e;
        }
        return;
    }
    if (px_is_func(dest[0]) && is_plain_instance_type(t)) {
        px_val v;
        const px_map_entry *e = px_type_lookup_entry(t, q, &v);
        if (e != NULL && v == dest[0]) {
            c = way_for(c, t);
            c->kind = PX_VC_METHOD;
            c->key = t;
            c->entry = e;
            c->epoch = px_cache_epoch;
        }
    }
}

/* Fill an instance-attribute entry when the class chain has nothing of
 * that name but a plain value (so no descriptor decides) and, for stores,
 * no __setattr__ of its own. */
static void fill_instance(px_val obj, px_qid q, px_vm_cache *c, bool store) {
    const px_type *t = px_type_of(obj);
    if (!is_plain_instance_type(t)) {
        return;
    }
    if (store) {
        px_val sa = px_type_lookup(t, PX_Q(__setattr__));
        if (sa != PX_NULL && sa != object_slot(PX_Q(__setattr__))) {
            return;
        }
    }
    px_val v;
    const px_map_entry *e = px_type_lookup_entry(t, q, &v);
    if (v != PX_NULL && (e == NULL || !px_vm_plain_value(v))) {
        return;
    }
    px_instance *inst = px_as_ptr(obj);
    px_map_entry *ie = px_map_find_name(&inst->dict, q);
    c = way_for(c, t);
    c->kind = PX_VC_INST;
    c->key = t;
    c->entry = e;
    c->index = ie != NULL ? (uint32_t)(ie - inst->dict.entries) : UINT32_MAX;
    c->epoch = px_cache_epoch;
}

px_val px_vm_load_attr_slow(px_val obj, px_qid q, px_vm_cache *c) {
    px_val v = px_getattr(obj, q);
    if (c == NULL || !px_is_obj(obj)) {
        return v;
    }
    const px_type *t = px_type_of(obj);
    if (t->flags & PX_TF_HEAPTYPE) {
        fill_instance(obj, q, c, false);
    } else if (t == &px_type_module) {
        fill_module(obj, q, v, c);
    }
    return v;
}

void px_vm_store_attr_slow(px_val obj, px_qid q, px_val v, px_vm_cache *c) {
    px_setattr(obj, q, v);
    if (c != NULL && px_is_obj(obj) && (px_type_of(obj)->flags & PX_TF_HEAPTYPE)) {
        fill_instance(obj, q, c, true);
    }
}
