/* The type attribute cache: (type, name) -> where the name was found in
 * the type's MRO, for px_type_lookup (every class of the MRO) and
 * px_rt_user_lookup (user classes only). Attribute access on instances
 * asks the type first, so without this every access of an instance
 * attribute searched each class namespace of the MRO.
 *
 * Invariants. Only heap types (user classes) are cached; built-in types
 * have short chains of const maps. An entry is used only while
 * px_cache_epoch equals the epoch it was filled at. Class namespaces are
 * watched maps (class.c), so creating a class, or adding or removing a
 * name in any class namespace, bumps the epoch (object.h). Overwriting the
 * value of a name does not: an entry points at the map entry and reads the
 * value at every use. A value found in no map (a built-in type's slot
 * wrapper) is kept in the entry itself; the table is a GC root so that
 * value stays alive while cached.
 */
#include "rt_internal.h"

#ifndef PX_TYPE_CACHE_SIZE
#define PX_TYPE_CACHE_SIZE 256 /* entries, a power of two */
#endif

enum { KIND_ALL = 0, KIND_USER = 1 };

typedef struct {
    const px_type *type;         /* NULL: empty */
    const px_map_entry *entry;   /* where the value lives, or NULL */
    px_val value;                /* the value when entry is NULL (PX_NULL: absent) */
    uint64_t epoch;
    px_qid name;
    uint32_t kind;
} tc_entry;

static tc_entry table[PX_TYPE_CACHE_SIZE];
static bool rooted;

/* One class namespace of the MRO; heap classes report the map entry. */
static px_val own_lookup(const px_type *t, px_qid name, const px_map_entry **where) {
    if (px_rt_is_heap_type(t)) {
        px_map_entry *e = px_map_find(&((const px_class *)t)->attrs, px_qstr(name));
        *where = e;
        return e != NULL ? e->value : PX_NULL;
    }
    *where = NULL;
    return px_rt_own_lookup(t, name);
}

static px_val walk(const px_type *t, px_qid name, unsigned kind, const px_map_entry **where) {
    px_tuple *mro = px_tuple_ptr(t->mro);
    for (size_t i = 0; i < mro->len; i++) {
        const px_type *m = px_as_ptr(mro->items[i]);
        if (kind == KIND_USER && !px_rt_is_heap_type(m)) {
            continue;
        }
        px_val v = own_lookup(m, name, where);
        if (v != PX_NULL) {
            return v;
        }
    }
    *where = NULL;
    return PX_NULL;
}

/* The walk and the refill, kept out of line so that a hit (the common
 * case) costs the hash and four compares, without register saves. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static px_val cache_miss(tc_entry *e, const px_type *t, px_qid name, unsigned kind, const px_map_entry **where) {
    px_val v = walk(t, name, kind, where);
    if (!rooted) {
        px_gc_add_root(table, sizeof table);
        rooted = true;
    }
    /* the walk may have run code (hashing) that changed classes: fill with
     * the epoch as it is now, which the result reflects */
    e->type = t;
    e->name = name;
    e->kind = kind;
    e->epoch = px_cache_epoch;
    e->entry = *where;
    e->value = *where != NULL ? PX_NULL : v;
    return v;
}

static inline px_val cached_lookup(const px_type *t, px_qid name, unsigned kind, const px_map_entry **where) {
    uintptr_t h = ((uintptr_t)t >> 4) ^ ((uintptr_t)name * 0x9E3779B1u) ^ kind;
    tc_entry *e = &table[(h ^ (h >> 11)) & (PX_TYPE_CACHE_SIZE - 1)];
    if (PX_LIKELY(e->type == t && e->name == name && e->kind == kind && e->epoch == px_cache_epoch)) {
        *where = e->entry;
        return e->entry != NULL ? e->entry->value : e->value;
    }
    return cache_miss(e, t, name, kind, where);
}

px_val px_type_lookup(const px_type *t, px_qid name) {
    if (px_rt_is_heap_type(t)) {
        const px_map_entry *where;
        return cached_lookup(t, name, KIND_ALL, &where);
    }
    for (; t != NULL; t = t->base_type) {
        px_val v = px_rt_own_lookup(t, name);
        if (v != PX_NULL) {
            return v;
        }
    }
    return PX_NULL;
}

px_val px_rt_user_lookup(const px_type *t, px_qid name) {
    if (!px_rt_is_heap_type(t)) {
        return PX_NULL;
    }
    const px_map_entry *where;
    return cached_lookup(t, name, KIND_USER, &where);
}

/* px_type_lookup, also giving the map entry the value is in when that entry
 * stays put until px_cache_epoch moves (a class namespace, or a built-in
 * type's const dict); NULL when the value is in no such entry or absent. */
const px_map_entry *px_type_lookup_entry(const px_type *t, px_qid name, px_val *value) {
    if (!px_rt_is_heap_type(t)) {
        for (; t != NULL; t = t->base_type) {
            if (t->dict != NULL) {
                px_map_entry *e = px_map_find(t->dict, px_qstr(name));
                if (e != NULL) {
                    *value = e->value;
                    return (t->dict->flags & PX_MAP_CONST) ? e : NULL;
                }
            }
            px_val v = px_rt_own_lookup(t, name);
            if (v != PX_NULL) {
                *value = v;
                return NULL;
            }
        }
        *value = PX_NULL;
        return NULL;
    }
    const px_map_entry *where;
    *value = cached_lookup(t, name, KIND_ALL, &where);
    return where;
}
