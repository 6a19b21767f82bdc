/* Inline-cache hit tests used by the loop (vm.c); filling is in
 * vm_cache.c. A test either produces exactly what the slow path would, or
 * declines (returns false) and the slow path runs and refills. */
#ifndef PX_VM_CACHE_H
#define PX_VM_CACHE_H

#include "frame.h"

/* A class attribute that instances see as it is and that does not stop an
 * instance attribute of the same name: no descriptor can be among these. */
static inline bool px_vm_plain_value(px_val v) {
    if (!px_is_obj(v)) {
        return true;
    }
    const px_type *t = ((const px_obj *)px_as_ptr(v))->type;
#if PX_HAS_FLOAT
    if (t == &px_type_float) {
        return true;
    }
#endif
    return t == &px_type_str || t == &px_type_int || t == &px_type_tuple || t == &px_type_bytes ||
           t == &px_type_frozenset;
}

static inline bool px_vm_load_global_cached(const px_map *g, px_qid q, px_val *out, const px_vm_cache *c) {
    if (c->kind == PX_VC_GLOBAL) {
        if (c->index < g->used && g->entries[c->index].key == px_qstr(q)) {
            *out = g->entries[c->index].value;
            return true;
        }
        return false;
    }
    /* the globals must still lack the name: a watched map (insertions bump
     * the epoch), and the very map the entry was filled for */
    if (c->kind == PX_VC_BUILTIN && c->key == g && c->epoch == px_cache_epoch && (g->flags & PX_MAP_WATCHED)) {
        *out = c->entry->value;
        return true;
    }
    return false;
}

/* Module `obj`'s global q at the entry's index, or PX_NULL. */
static inline px_val px_vm_module_cached(px_val obj, px_qid q, const px_vm_cache *c) {
    if (c->kind == PX_VC_MODULE && px_is_obj(obj) && c->key == px_as_ptr(obj)) {
        const px_map *m = ((const px_module *)px_as_ptr(obj))->globals;
        if (c->index < m->used && m->entries[c->index].key == px_qstr(q)) {
            return m->entries[c->index].value;
        }
    }
    return PX_NULL;
}

/* LOAD_METHOD; fills dest on success. */
static inline bool px_vm_load_method_cached(px_val obj, px_qid q, px_val *dest, const px_vm_cache *c) {
    const px_type *t = px_type_of(obj);
    if (c->key != t) {
        px_val v = px_vm_module_cached(obj, q, c);
        if (v != PX_NULL) {
            dest[0] = v;
            dest[1] = PX_NULL;
            return true;
        }
        return false;
    }
    if (c->kind == PX_VC_BUILTIN_METHOD) {
        dest[0] = c->entry->value;
        dest[1] = obj;
        return true;
    }
    if (c->kind != PX_VC_METHOD || c->epoch != px_cache_epoch) {
        return false;
    }
    px_val m = c->entry->value;
    if (!px_is_func(m)) {
        return false;
    }
    px_instance *inst = px_as_ptr(obj);
    if (inst->dict.count > 0 && px_map_find_name(&inst->dict, q) != NULL) {
        return false; /* shadowed by an instance attribute */
    }
    dest[0] = m;
    dest[1] = obj;
    return true;
}

/* The instance-dict entry for q (index hint first), or NULL. */
static inline px_map_entry *px_vm_inst_find(px_map *m, px_qid q, px_vm_cache *c) {
    if (c->index < m->used && m->entries[c->index].key == px_qstr(q)) {
        return &m->entries[c->index];
    }
    if (m->count == 0) {
        return NULL;
    }
    px_map_entry *e = px_map_find_name(m, q);
    if (e != NULL) {
        c->index = (uint32_t)(e - m->entries);
    }
    return e;
}

static inline bool px_vm_load_attr_cached(px_val obj, px_qid q, px_val *out, px_vm_cache *c) {
    if (!px_is_obj(obj)) {
        return false;
    }
    const void *t = ((const px_obj *)px_as_ptr(obj))->type;
    if (c->key == t && c->kind == PX_VC_INST) {
        if (c->epoch != px_cache_epoch || (c->entry != NULL && !px_vm_plain_value(c->entry->value))) {
            return false;
        }
        px_map_entry *e = px_vm_inst_find(&((px_instance *)px_as_ptr(obj))->dict, q, c);
        if (e != NULL) {
            *out = e->value;
            return true;
        }
        if (c->entry != NULL) {
            *out = c->entry->value;
            return true;
        }
        return false;
    }
    px_val v = px_vm_module_cached(obj, q, c);
    if (v != PX_NULL) {
        *out = v;
        return true;
    }
    return false;
}

/* The cached type has no data descriptor and no __setattr__ for the name,
 * so the store goes straight into the instance dict. */
static inline bool px_vm_store_attr_cached(px_val obj, px_qid q, px_val v, px_vm_cache *c) {
    if (!px_is_obj(obj) || c->key != ((const px_obj *)px_as_ptr(obj))->type || c->kind != PX_VC_INST ||
        c->epoch != px_cache_epoch || (c->entry != NULL && !px_vm_plain_value(c->entry->value))) {
        return false;
    }
    px_map *m = &((px_instance *)px_as_ptr(obj))->dict;
    px_map_entry *e = px_vm_inst_find(m, q, c);
    if (e != NULL) {
        e->value = v;
    } else {
        px_inst_add_attr(px_as_ptr(obj), q, v); /* px_vm_inst_find searched it all */
    }
    return true;
}

/* The same tests over every way of a slot. */
PX_VM_INLINE bool px_vm_load_method_ways(px_val obj, px_qid q, px_val *dest, const px_vm_cache *c) {
    for (unsigned w = 0; w < PX_VM_CACHE_WAYS; w++) {
        if (px_vm_load_method_cached(obj, q, dest, c + w)) {
            return true;
        }
    }
    return false;
}

PX_VM_INLINE bool px_vm_load_attr_ways(px_val obj, px_qid q, px_val *out, px_vm_cache *c) {
    for (unsigned w = 0; w < PX_VM_CACHE_WAYS; w++) {
        if (px_vm_load_attr_cached(obj, q, out, c + w)) {
            return true;
        }
    }
    return false;
}

PX_VM_INLINE bool px_vm_store_attr_ways(px_val obj, px_qid q, px_val v, px_vm_cache *c) {
    for (unsigned w = 0; w < PX_VM_CACHE_WAYS; w++) {
        if (px_vm_store_attr_cached(obj, q, v, c + w)) {
            return true;
        }
    }
    return false;
}

#endif
