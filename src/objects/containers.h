/* tuple, list, dict (and the px_map behind it), set/frozenset, range,
 * slice, and the iterator types. Struct layouts are here so the VM can
 * take fast paths (indexing a list or tuple, iterating a range). */
#ifndef PX_CONTAINERS_H
#define PX_CONTAINERS_H

#include "../object.h"

typedef struct px_tuple {
    px_obj base;
    size_t len;
    px_val items[];
} px_tuple;

typedef struct px_list {
    px_obj base;
    size_t len;
    size_t alloc;
    px_val *items;
} px_list;

typedef struct px_dict {
    px_obj base;
    px_map map;
} px_dict;

/* ---- map (see object.h for the struct) */
void px_map_init(px_map *m, size_t cap);
/* An empty map for cap entries whose arrays are `storage`, of
 * px_map_storage_size(cap) bytes, px_val-aligned, inside a non-leaf block
 * the map's owner allocated (its arrays then cost no allocation of their
 * own; when the map grows, it moves to arrays of its own). */
size_t px_map_storage_size(size_t cap);
void px_map_init_in(px_map *m, size_t cap, void *storage);
px_val px_map_get(const px_map *m, px_val key);        /* PX_NULL if absent */
px_val px_map_get_q(const px_map *m, px_qid name);     /* fast path for names */
void px_map_set(px_map *m, px_val key, px_val value);  /* not for const maps */
void px_map_set_q(px_map *m, px_qid name, px_val value);
px_val px_map_pop(px_map *m, px_val key);              /* PX_NULL if absent */
/* Remove the oldest entry and return its key (the map is not empty).
 * *from is where the search starts: 0, or what the previous call left
 * there while m->entries is the same array, so that draining a map is
 * linear; a stale *from costs only the order, never correctness. */
px_val px_map_pop_first(px_map *m, uint32_t *from);
void px_map_clear(px_map *m);
void px_map_copy(px_map *dst, const px_map *src);
/* Entry for a key or NULL; the pointer is valid until the map changes size
 * (the VM caches entry indexes with this). */
px_map_entry *px_map_find(const px_map *m, px_val key);
/* Watch the map's key set for caches (see PX_MAP_WATCHED in object.h). */
void px_map_watch(px_map *m);
/* The entry for a name in a map whose keys are all qstrs (an instance's
 * dict: every store interns the name first), or NULL. Identity is
 * equality there, so a small map is scanned without hashing. */
static inline px_map_entry *px_map_find_name(const px_map *m, px_qid name) {
    if (m->used <= 8) {
        px_val k = px_qstr(name);
        for (uint32_t i = 0; i < m->used; i++) {
            if (m->entries[i].key == k) {
                return &m->entries[i];
            }
        }
        return NULL;
    }
    return px_map_find(m, px_qstr(name));
}
/* Add a name the (non-const) map is known to lack: px_map_set without the search. */
void px_map_add_name(px_map *m, px_qid name, px_val value);

/* ---- tuple */
px_val px_tuple_new(size_t n, const px_val *items); /* items may be NULL: zero-filled */
px_val px_tuple_from_iter(px_val iterable);
static inline px_tuple *px_tuple_ptr(px_val v) { return (px_tuple *)px_as_ptr(v); }
bool px_is_tuple(px_val v);
extern const px_tuple px_empty_tuple;

/* ---- list */
px_val px_list_new(size_t n, const px_val *items);
px_val px_list_from_iter(px_val iterable);
void px_list_append(px_val list, px_val item);
void px_list_extend(px_val list, px_val iterable);
static inline px_list *px_list_ptr(px_val v) { return (px_list *)px_as_ptr(v); }
/* A list built item by item when the count is not known in advance (the
 * pieces of a split): items wait on the C stack, which the collector
 * scans, and the list is made at the end with room for exactly them (a
 * list grown by appends from empty reallocates 2-3 times for 6 items).
 * Declare, px_gather_init, px_gather_add..., px_gather_list. */
enum { PX_GATHER_BUF = 16 };
typedef struct {
    px_val list; /* PX_NULL until the buffer first fills */
    size_t n;
    px_val buf[PX_GATHER_BUF];
} px_gather;
static inline void px_gather_init(px_gather *g) {
    g->list = PX_NULL;
    g->n = 0;
}
void px_gather_flush(px_gather *g);
static inline void px_gather_add(px_gather *g, px_val v) {
    if (g->n == PX_GATHER_BUF) {
        px_gather_flush(g);
    }
    g->buf[g->n++] = v;
}
px_val px_gather_list(px_gather *g);
bool px_is_list(px_val v);
void px_list_sort(px_val list, px_val key, bool reverse);

/* ---- dict */
px_val px_dict_new(size_t cap);
px_val px_dict_get(px_val dict, px_val key);           /* PX_NULL if absent */
void px_dict_set(px_val dict, px_val key, px_val value);
void px_dict_update(px_val dict, px_val other, bool fail_on_duplicate); /* DICT_UPDATE / DICT_MERGE */
px_map *px_dict_map(px_val dict);
/* The dict object a map lives in (module globals are a dict's map); a map
 * that is not inside a dict (a const one) is copied into a new dict. */
px_val px_dict_of_map(px_map *m);
bool px_is_dict(px_val v);

/* ---- set */
px_val px_set_new(size_t n, const px_val *items);
void px_set_add(px_val set, px_val item);
void px_set_update(px_val set, px_val iterable);
bool px_is_set(px_val v); /* set or frozenset */

/* ---- slice / range */
px_val px_slice_new(px_val start, px_val stop, px_val step);
bool px_is_slice(px_val v);
/* Resolve a slice against a length (CPython's PySlice_GetIndicesEx semantics). */
void px_slice_indices(px_val slice, size_t len, px_int *start, px_int *stop, px_int *step, size_t *count);
/* An index argument's value (__index__ honoured); IndexError "cannot fit
 * 'int' into an index-sized integer" when too big, as CPython. */
px_int px_seq_index_arg(px_val index);
/* obj[index] = value or del obj[index] on an immutable sequence `what`
 * ("tuple"): TypeError, after IndexError for an index too big, as CPython. */
PX_NORETURN void px_seq_refuse_store(px_val index, px_val value, const char *what);
/* Normalise a (possibly negative) index; IndexError naming `what` ("list") if out of range. */
size_t px_seq_index(px_val index, size_t len, const char *what);

/* ---- iteration helpers */
/* Unpack exactly n items from any iterable into out (ValueError on mismatch). */
void px_unpack_sequence(px_val seq, size_t n, px_val *out);
/* Items of a list or tuple without copying (NULL otherwise). */
px_val *px_seq_items(px_val v, size_t *len);

/* ---- additions by the containers area (all additive) */

/* The hash a map uses for a key: numeric values that compare equal hash
 * equal (1, 1.0, True), str by bytes; other objects through px_hash. */
uint32_t px_map_key_hash(px_val key);
/* Next live entry at or after *pos (then *pos moves past it), or NULL. */
px_map_entry *px_map_next(const px_map *m, size_t *pos);

typedef struct px_set {
    px_obj base; /* &px_type_set or &px_type_frozenset */
    px_map map;  /* keys only; values are PX_NONE */
    /* set.pop: entries before pop_from are dead while map.entries is the
     * array whose address is ~pop_base (inverted: not a pointer the
     * conservative GC would keep an old array alive for) */
    uint32_t pop_from;
    uintptr_t pop_base;
} px_set;

typedef struct px_range {
    px_obj base;
    px_int start, stop, step;
    px_val big; /* (start, stop, step) as a tuple when one does not fit px_int, else PX_NULL */
} px_range;

/* The range iterator, exposed so the VM's FOR_ITER can step it inline:
 * while remaining > 0 the next value is cur, then cur += step. Values may
 * be outside the small-int range on 64-bit hosts (use px_int_from_i64). */
typedef struct px_range_iter {
    px_obj base; /* &px_type_range_iter */
    px_int cur;
    px_int step;
    size_t remaining;
} px_range_iter;

typedef struct px_slice {
    px_obj base;
    px_val start, stop, step; /* any values; None when omitted */
} px_slice;

px_val px_range_new(px_int start, px_int stop, px_int step);
px_val px_frozenset_new(size_t n, const px_val *items);
bool px_set_contains(px_val set, px_val item);
px_val px_list_sorted(px_val iterable, px_val key, bool reverse);
/* Items of a dict in insertion order as a new list of (key, value) tuples. */
px_val px_dict_items_list(px_val dict);

extern const px_type px_type_range_iter, px_type_seq_iter, px_type_dict_keys,
    px_type_dict_values, px_type_dict_items, px_type_dict_keyiter, px_type_dict_valueiter,
    px_type_dict_itemiter, px_type_set_iter, px_type_enumerate, px_type_zip, px_type_map,
    px_type_filter, px_type_reversed, px_type_callable_iter;

/* The next (index, item) of an enumerate object without the tuple
 * (`for i, x in enumerate(...)` unpacks it at once); false at the end. */
bool px_enumerate_step(px_val self, px_val pair[2]);

/* Built-in functions of this area (the builtins module lists them). */
extern const px_builtin px_builtin_sorted, px_builtin_min, px_builtin_max, px_builtin_sum,
    px_builtin_any, px_builtin_all, px_builtin_iter, px_builtin_next;

/* Sequence repeat counts and indexes (contutil.c), for any sequence type. */
/* True if n is an int or has __index__ (it can repeat a sequence). */
bool px_cont_is_index(px_val n);
/* operator.index(n) as a size or index: OverflowError "cannot fit 'int'
 * into an index-sized integer" (CPython's wording) when it does not fit. */
px_int px_cont_index(px_val n);

#endif
