/* Inline-cache hit tests used by the loop (vm.c). */
#ifndef PX_VM_CACHE_H
#define PX_VM_CACHE_H

#include "frame.h"


/* LOAD_METHOD cache hit test; fills dest on success. */
static inline bool px_vm_load_method_cached(px_val obj, px_qid q, px_val *dest, const px_vm_cache *c) {
    const px_type *t = px_type_of(obj);
    if (c->type != t) {
        return false;
    }
    if (c->entry != NULL) {
        dest[0] = c->entry->value;
        dest[1] = obj;
        return true;
    }
    const px_class *cls = (const px_class *)t;
    if (cls->attrs.entries != c->entries || c->index >= cls->attrs.used ||
        cls->attrs.entries[c->index].key != px_qstr(q)) {
        return false;
    }
    px_val m = cls->attrs.entries[c->index].value;
    if (!px_is_func(m)) {
        return false;
    }
    px_instance *inst = px_as_ptr(obj);
    if (inst->dict.count > 0 && px_map_get_q(&inst->dict, q) != PX_NULL) {
        return false;
    }
    dest[0] = m;
    dest[1] = obj;
    return true;
}

/* A hit needs the cached type (its class chain known to lack the name,
 * checked by the epoch) and the name in the instance dict: at the cached
 * index, or found by one lookup. */
static inline bool px_vm_load_attr_cached(px_val obj, px_qid q, px_val *out, px_vm_cache *c) {
    if (!px_is_obj(obj)) {
        return false;
    }
    const px_type *t = px_type_of(obj);
    px_map *m;
    if (c->type == t) {
        if (!px_vm_class_same(t, c)) {
            return false;
        }
        m = &((px_instance *)px_as_ptr(obj))->dict;
        if (c->index < m->used && m->entries[c->index].key == px_qstr(q)) {
            *out = m->entries[c->index].value;
            return true;
        }
        px_map_entry *e = px_map_find(m, px_qstr(q));
        if (e == NULL) {
            return false;
        }
        c->index = (uint32_t)(e - m->entries);
        *out = e->value;
        return true;
    }
    if (c->type == px_as_ptr(obj) && t == &px_type_module) {
        m = ((px_module *)px_as_ptr(obj))->globals;
        if (c->index < m->used && m->entries[c->index].key == px_qstr(q)) {
            *out = m->entries[c->index].value;
            return true;
        }
    }
    return false;
}

/* The cached type has no descriptor or __setattr__ for the name (epoch
 * checked), so the store goes straight into the instance dict. */
static inline bool px_vm_store_attr_cached(px_val obj, px_qid q, px_val v, px_vm_cache *c) {
    if (!px_is_obj(obj) || c->type != px_type_of(obj) || !px_vm_class_same(c->type, c)) {
        return false;
    }
    px_map *m = &((px_instance *)px_as_ptr(obj))->dict;
    if (c->index < m->used && m->entries[c->index].key == px_qstr(q)) {
        m->entries[c->index].value = v;
        return true;
    }
    px_map_set_q(m, q, v);
    return true;
}

#endif
