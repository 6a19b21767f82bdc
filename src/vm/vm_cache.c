/* Inline caches: filling them (the slow paths of LOAD_GLOBAL, LOAD_ATTR,
 * STORE_ATTR and LOAD_METHOD). The hit tests are in vm_cache.h. */
#include <stdio.h>

#include "frame.h"
#include "vm_cache.h"

/* Bumped whenever the VM stores or deletes an attribute of a class, so
 * caches that rely on "the class has no such attribute" are dropped. */
uint32_t px_vm_class_epoch = 1;


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
            c->index = (uint32_t)(e - g->entries);
        }
        return e->value;
    }
    return px_vm_load_builtin(q);
}
/* A method found by LOAD_METHOD on a built-in type: cache it when the
 * type's dict is const (it can never change) and nothing per-instance
 * can shadow it. */
static bool cacheable_builtin_type(const px_type *t) {
    return !(t->flags & (PX_TF_HEAPTYPE | PX_TF_EXCEPTION)) && t != &px_type_module && t != &px_type_type &&
           t != &px_type_function && t != &px_type_bound_method && t->getattr == NULL;
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

static bool is_plain_instance_type(const px_type *t) {
    if (!(t->flags & PX_TF_HEAPTYPE) || (t->flags & PX_TF_EXCEPTION)) {
        return false;
    }
    const px_class *c = (const px_class *)t;
    if (c->native_base == &px_type_type) {
        return false;
    }
    /* no custom attribute protocol */
    px_val ga = px_type_lookup(t, PX_Q(__getattribute__));
    if (ga != PX_NULL && ga != px_type_lookup(&px_type_object, PX_Q(__getattribute__))) {
        return false;
    }
    return true;
}

void px_vm_load_method_slow(px_val obj, px_qid q, px_val *dest, px_vm_cache *c) {
    px_load_method(obj, q, dest);
    if (c == NULL || dest[1] != obj) {
        return;
    }
    const px_type *t = px_type_of(obj);
    if (cacheable_builtin_type(t)) {
        const px_map_entry *e = builtin_method_entry(t, q);
        if (e != NULL && e->value == dest[0]) {
            c->type = t;
            c->entry = e;
            c->entries = NULL;
        }
        return;
    }
    if (px_is_func(dest[0]) && is_plain_instance_type(t)) {
        /* found in the class's own dict? (inherited methods are not cached) */
        const px_class *cls = (const px_class *)t;
        px_map_entry *e = px_map_find(&cls->attrs, px_qstr(q));
        if (e != NULL && e->value == dest[0]) {
            c->type = t;
            c->entry = NULL;
            c->entries = cls->attrs.entries;
            c->index = (uint32_t)(e - cls->attrs.entries);
        }
    }
}

/* LOAD_ATTR / STORE_ATTR on an attribute held in an instance's own dict,
 * when the class chain has nothing of that name (so no descriptor can take
 * precedence) and no custom attribute hooks. */
static bool instance_attr_cacheable(px_val obj, px_qid q, bool store) {
    const px_type *t = px_type_of(obj);
    if (!is_plain_instance_type(t) || px_type_lookup(t, q) != PX_NULL) {
        return false;
    }
    if (store) {
        px_val sa = px_type_lookup(t, PX_Q(__setattr__));
        if (sa != PX_NULL && sa != px_type_lookup(&px_type_object, PX_Q(__setattr__))) {
            return false;
        }
    }
    return true;
}

px_val px_vm_load_attr_slow(px_val obj, px_qid q, px_vm_cache *c) {
    px_val v = px_getattr(obj, q);
    if (c == NULL || !px_is_obj(obj)) {
        return v;
    }
    const px_type *t = px_type_of(obj);
    if (t->flags & PX_TF_HEAPTYPE) {
        px_instance *inst = px_as_ptr(obj);
        if (c->type != t || !px_vm_class_same(t, c)) {
            if (!instance_attr_cacheable(obj, q, false)) {
                return v;
            }
            px_vm_class_snapshot(t, c);
        }
        px_map_entry *e = px_map_find(&inst->dict, px_qstr(q));
        if (e != NULL) {
            c->index = (uint32_t)(e - inst->dict.entries);
        }
    } else if (t == &px_type_module) {
        px_map *g = ((px_module *)px_as_ptr(obj))->globals;
        if (!(g->flags & PX_MAP_CONST)) {
            px_map_entry *e = px_map_find(g, px_qstr(q));
            if (e != NULL && e->value == v) {
                c->type = px_as_ptr(obj); /* the module itself */
                c->entry = NULL;
                c->entries = NULL;
                c->index = (uint32_t)(e - g->entries);
            }
        }
    }
    return v;
}

void px_vm_store_attr_slow(px_val obj, px_qid q, px_val v, px_vm_cache *c) {
    if (px_is_type_obj(obj)) {
        px_vm_class_epoch++;
    }
    px_setattr(obj, q, v);
    if (c == NULL || !px_is_obj(obj)) {
        return;
    }
    const px_type *t = px_type_of(obj);
    if ((t->flags & PX_TF_HEAPTYPE) && instance_attr_cacheable(obj, q, true)) {
        px_instance *inst = px_as_ptr(obj);
        px_map_entry *e = px_map_find(&inst->dict, px_qstr(q));
        px_vm_class_snapshot(t, c);
        c->index = e != NULL ? (uint32_t)(e - inst->dict.entries) : UINT32_MAX;
    }
}