/* px_map: the insertion-ordered hash table behind dict, set, module
 * globals and class/instance namespaces.
 *
 * Entries live in an array in insertion order; deleted ones keep their
 * place with key PX_NULL until the next resize compacts them. Beside the
 * entries sits one leaf block of uint32_t holding
 *     [0]                  shift for the slot position (32 - log2 nslots)
 *     [1 .. 1+alloc)       the hash of each entry
 *     [1+alloc .. +nslots) the slots: entry index + 1, 0 = empty
 * Small maps have nslots == 0 and are scanned linearly (hashes first).
 * The slots use linear probing with backward-shift deletion, so there are
 * no tombstones and trailing deleted entries can be given back (popitem).
 *
 * Const maps (built-in method tables) have qstr keys sorted by qid and are
 * searched by bisection.
 */
#include <stdio.h>

#include "../runtime.h"
#include "str_impl.h"

#define SMALL_MAP 8 /* up to this many entries: no slots, linear scan */

uint64_t px_cache_epoch = 1;

/* The key set of a watched map changes (see object.h). */
static inline void keys_changed(const px_map *m) {
    if (PX_UNLIKELY(m->flags & PX_MAP_WATCHED)) {
        px_cache_epoch++;
    }
}

void px_map_watch(px_map *m) {
    if (!(m->flags & (PX_MAP_WATCHED | PX_MAP_CONST))) {
        m->flags |= PX_MAP_WATCHED;
        px_cache_epoch++; /* entries filled while it was unwatched may name it */
    }
}

/* ---- hashing and key equality */

static uint32_t int_hash(px_int i) {
    /* CPython's hash of an int is the int itself (mod 2^61-1), -1 -> -2. */
    if (i == -1) {
        i = -2;
    }
    return (uint32_t)(uint64_t)i;
}

uint32_t px_map_key_hash(px_val key) {
    if (px_is_small(key)) {
        return int_hash(px_small_get(key));
    }
    /* str hashes are masked as the str type's hash slot masks them, so a
     * str subclass instance (hashed through px_hash) lands on the same key */
    if (px_is_qstr(key)) {
        return px_qstr_hash(px_qstr_get(key)) & (uint32_t)PX_SMALL_MAX;
    }
    if (px_is_obj(key) && ((const px_obj *)px_as_ptr(key))->type == &px_type_str) {
        px_strobj *s = px_as_ptr(key); /* a heap str keeps its hash */
        if (s->hash == 0) {
            s->hash = px_hash_bytes(s->data, s->len);
        }
        return s->hash & (uint32_t)PX_SMALL_MAX;
    }
    if (key == PX_TRUE || key == PX_FALSE) {
        return key == PX_TRUE;
    }
#if PX_HAS_FLOAT
    if (px_is_float(key)) {
        double d = px_float_get(key);
        /* range check first: converting NaN or a huge value is undefined */
        if (d >= (double)PX_SMALL_MIN && d <= (double)PX_SMALL_MAX && d == (double)(px_int)d) {
            return int_hash((px_int)d);
        }
        return (uint32_t)(uint64_t)px_hash(key);
    }
#endif
    return (uint32_t)(uint64_t)px_hash(key);
}

static bool is_plain_str(px_val v) {
    return px_is_qstr(v) || px_is_type(v, &px_type_str);
}

static bool is_plain_num(px_val v) {
    return px_is_small(v) || px_is_float(v) || v == PX_TRUE || v == PX_FALSE;
}

static double num_value(px_val v) {
    if (px_is_small(v)) {
        return (double)px_small_get(v);
    }
#if PX_HAS_FLOAT
    if (px_is_float(v)) {
        return px_float_get(v);
    }
#endif
    return v == PX_TRUE ? 1.0 : 0.0;
}

/* Keys with equal hashes: are they the same key? */
static bool key_equal(px_val a, px_val b) {
    if (a == b) {
        return true;
    }
    if (px_is_obj(a) && px_is_obj(b)) {
        const px_strobj *sa = px_as_ptr(a), *sb = px_as_ptr(b);
        if (sa->base.type == &px_type_str && sb->base.type == &px_type_str) { /* two heap str: their bytes */
            return sa->len == sb->len && memcmp(sa->data, sb->data, sa->len) == 0;
        }
    }
    if (px_is_qstr(a) && px_is_qstr(b)) {
        return false; /* interned: distinct numbers are distinct texts */
    }
    if (is_plain_str(a) || is_plain_str(b)) {
        if (is_plain_str(a) && is_plain_str(b)) {
            return px_str_equal(a, b);
        }
        px_val other = is_plain_str(a) ? b : a;
        if (!px_is_obj(other)) {
            return false; /* an int, float or constant never equals a str */
        }
        return px_equal(a, b); /* e.g. an instance of a str subclass */
    }
    if (is_plain_num(a) && is_plain_num(b)) {
        if (px_is_small(a) && px_is_small(b)) {
            return false;
        }
        return num_value(a) == num_value(b);
    }
    if (!px_is_obj(a) && !px_is_obj(b)) {
        /* two different immediates: equal only numerically (handled), so no */
        return false;
    }
    return px_equal(a, b);
}

/* ---- the index block */

static size_t slot_count(uint32_t alloc) {
    if (alloc <= SMALL_MAP) {
        return 0;
    }
    size_t n = 16;
    while (n < (size_t)alloc * 2) {
        n *= 2;
    }
    return n;
}

static uint32_t *hashes_of(const px_map *m) { return m->index + 1; }
static uint32_t *slots_of(const px_map *m) { return m->index + 1 + m->alloc; }

static size_t slot_home(const px_map *m, uint32_t h) {
    return (uint32_t)(h * 0x9E3779B1u) >> m->index[0];
}

static void slot_insert(px_map *m, uint32_t h, uint32_t entry) {
    size_t n = slot_count(m->alloc);
    uint32_t *slots = slots_of(m);
    size_t i = slot_home(m, h);
    while (slots[i] != 0) {
        i = (i + 1) & (n - 1);
    }
    slots[i] = entry + 1;
}

/* Re-insert the live entries of the old arrays, in order (this compacts
 * deleted ones), into new arrays for `alloc` entries: `into` holds them
 * (px_map_storage_size(alloc) bytes), or NULL to allocate them. The old
 * arrays are left to the collector: they may be part of another block. */
static void rebuild_into(px_map *m, uint32_t alloc, void *into) {
    keys_changed(m); /* entries move: cached entry pointers must go */
    px_map_entry *old = m->entries;
    uint32_t *old_index = m->index;
    uint32_t old_used = m->used;
    bool had_hashes = old_index != NULL && !(m->flags & PX_MAP_CONST);
    if (alloc < old_used) {
        alloc = old_used; /* a map filled by hand may claim too little */
    }

    size_t n = slot_count(alloc);
    px_map_entry *entries;
    uint32_t *index;
    if (into != NULL) {
        entries = into;
        index = (uint32_t *)(entries + alloc);
    } else {
        entries = px_gc_alloc(sizeof(px_map_entry) * alloc, 0);
        index = px_gc_alloc(sizeof(uint32_t) * (1 + alloc + n), PX_GC_LEAF);
    }
    uint32_t shift = 32;
    for (size_t k = n; k > 1; k >>= 1) {
        shift--;
    }
    index[0] = shift;
    /* Hashing may call Python code for keys without a stored hash; do it
     * before installing the new arrays so a failure leaves m unchanged. */
    uint32_t *h = index + 1;
    uint32_t j = 0;
    for (uint32_t i = 0; i < old_used; i++) {
        if (old[i].key != PX_NULL) {
            h[j] = had_hashes ? old_index[1 + i] : px_map_key_hash(old[i].key);
            entries[j++] = old[i];
        }
    }
    m->entries = entries;
    m->index = index;
    m->alloc = alloc;
    m->used = j;
    m->count = j;
    m->flags &= ~(uint32_t)(PX_MAP_CONST | PX_MAP_SORTED);
    if (n) {
        for (uint32_t i = 0; i < j; i++) {
            slot_insert(m, h[i], i);
        }
    }
}

static void rebuild(px_map *m, uint32_t alloc) {
    rebuild_into(m, alloc, NULL);
}

void px_map_init(px_map *m, size_t cap) {
    m->count = m->used = m->alloc = 0;
    m->flags = 0;
    m->entries = NULL;
    m->index = NULL;
    if (cap) {
        rebuild(m, (uint32_t)cap);
    }
}

size_t px_map_storage_size(size_t cap) {
    return sizeof(px_map_entry) * cap + sizeof(uint32_t) * (1 + cap + slot_count((uint32_t)cap));
}

void px_map_init_in(px_map *m, size_t cap, void *storage) {
    m->count = m->used = m->alloc = 0;
    m->flags = 0;
    m->entries = NULL;
    m->index = NULL;
    rebuild_into(m, (uint32_t)cap, storage);
}

/* ---- const maps */

static px_map_entry *const_find(const px_map *m, px_val key) {
    px_qid q;
    if (px_is_qstr(key)) {
        q = px_qstr_get(key);
    } else if (px_is_type(key, &px_type_str)) {
        size_t len;
        const char *s = px_str_data(key, &len);
        q = px_qstr_find(s, len);
        if (q == PX_QID_NONE) {
            return NULL;
        }
    } else {
        return NULL;
    }
    px_val k = px_qstr(q);
    if (m->flags & PX_MAP_SORTED) {
        size_t lo = 0, hi = m->used;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            px_qid mq = px_qstr_get(m->entries[mid].key);
            if (mq == q) {
                return &m->entries[mid];
            }
            if (mq < q) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
#ifndef NDEBUG
        for (size_t i = 0; i < m->used; i++) {
            if (m->entries[i].key == k) {
                char msg[160];
                snprintf(msg, sizeof msg, "const map not sorted: %s", px_qstr_str(q));
                px_port_fatal(msg);
            }
        }
#endif
        return NULL;
    }
    for (size_t i = 0; i < m->used; i++) {
        if (m->entries[i].key == k) {
            return &m->entries[i];
        }
    }
    return NULL;
}

/* ---- lookup */

/* Index of the slot holding the key's entry, for deletion; or the entry. */
/* Equal bytes; the hashes already agree, so equality is the likely
 * answer: short keys (words, pairs of letters) compared in line, which
 * also spares find_hashed the registers a call saves. */
static inline bool same_text(const char *a, const char *b, size_t n) {
    if (n <= 8) {
        for (size_t i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
    return memcmp(a, b, n) == 0;
}

static px_map_entry *find_hashed(const px_map *m, px_val key, uint32_t h, size_t *slot_out) {
    if (m->index == NULL) {
        /* no index (a map someone filled by hand): hash every entry */
        for (size_t i = 0; i < m->used; i++) {
            px_val k = m->entries[i].key;
            if (k != PX_NULL && (k == key || (px_map_key_hash(k) == h && key_equal(k, key)))) {
                return &m->entries[i];
            }
        }
        return NULL;
    }
    const uint32_t *hashes = hashes_of(m);
    /* slot_count(m->alloc), read from the shift rebuild_into stored */
    size_t n = m->alloc <= SMALL_MAP ? 0 : (size_t)1 << (32 - m->index[0]);
    if (n == 0) {
        for (size_t i = 0; i < m->used; i++) {
            px_val k = m->entries[i].key;
            if (k != PX_NULL && (k == key || (hashes[i] == h && key_equal(k, key)))) {
                return &m->entries[i];
            }
        }
        return NULL;
    }
    const uint32_t *slots = slots_of(m);
    size_t i = slot_home(m, h), mask = n - 1;
    /* a heap str looked up (a word, a slice: equal to a key, rarely the
     * same object) is compared with heap-str keys here, without a call */
    const px_strobj *ks = px_is_obj(key) && ((const px_obj *)px_as_ptr(key))->type == &px_type_str
                              ? px_as_ptr(key)
                              : NULL;
    for (;;) {
        uint32_t s = slots[i];
        if (s == 0) {
            return NULL;
        }
        px_map_entry *e = &m->entries[s - 1];
        px_val k = e->key;
        if (k == key) {
            if (slot_out) {
                *slot_out = i;
            }
            return e;
        }
        if (hashes[s - 1] == h && k != PX_NULL) {
            if (ks != NULL && px_is_obj(k) && ((const px_obj *)px_as_ptr(k))->type == &px_type_str) {
                const px_strobj *es = px_as_ptr(k);
                if (es->len != ks->len || !same_text(es->data, ks->data, ks->len)) {
                    i = (i + 1) & mask;
                    continue;
                }
            } else if (!key_equal(k, key)) {
                i = (i + 1) & mask;
                continue;
            }
            if (slot_out) {
                *slot_out = i;
            }
            return e;
        }
        i = (i + 1) & mask;
    }
}

px_map_entry *px_map_find(const px_map *m, px_val key) {
    if (m->flags & PX_MAP_CONST) {
        return const_find(m, key);
    }
    if (m->used == 0) {
        (void)px_map_key_hash(key); /* unhashable keys raise even on empty maps */
        return NULL;
    }
    return find_hashed(m, key, px_map_key_hash(key), NULL);
}

px_val px_map_get(const px_map *m, px_val key) {
    px_map_entry *e = px_map_find(m, key);
    return e ? e->value : PX_NULL;
}

px_val px_map_get_q(const px_map *m, px_qid name) {
    return px_map_get(m, px_qstr(name));
}

/* ---- insertion and deletion */

static void grow(px_map *m) {
    uint32_t alloc = m->alloc;
    if (m->index == NULL && m->used < alloc) {
        rebuild(m, alloc); /* filled by hand: just add the index */
        return;
    }
    if (alloc >= 4 && m->count + 1 <= alloc - alloc / 4) {
        rebuild(m, alloc); /* mostly deleted entries: compact in place */
        return;
    }
    rebuild(m, alloc < 4 ? 4 : alloc * 2);
}

static void add_new(px_map *m, px_val key, uint32_t h, px_val value);

void px_map_set(px_map *m, px_val key, px_val value) {
    if (m->flags & PX_MAP_CONST) {
        px_raise_type_error("'dict' object does not support item assignment");
    }
    uint32_t h = px_map_key_hash(key);
    if (m->used) {
        px_map_entry *e = find_hashed(m, key, h, NULL);
        if (e) {
            e->value = value;
            return;
        }
    }
    add_new(m, key, h, value);
}

void px_map_add_name(px_map *m, px_qid name, px_val value) {
    add_new(m, px_qstr(name), px_qstr_hash(name) & (uint32_t)PX_SMALL_MAX, value);
}

/* Append an entry for a key the map lacks. */
static void add_new(px_map *m, px_val key, uint32_t h, px_val value) {
    if (m->index == NULL || m->used >= m->alloc) {
        grow(m);
    }
    keys_changed(m);
    uint32_t i = m->used++;
    m->entries[i].key = key;
    m->entries[i].value = value;
    m->count++;
    hashes_of(m)[i] = h;
    if (slot_count(m->alloc)) {
        slot_insert(m, h, i);
    }
}

void px_map_set_q(px_map *m, px_qid name, px_val value) {
    px_map_set(m, px_qstr(name), value);
}

/* Remove slot i, shifting later members of its probe run back. */
static void slot_remove(px_map *m, size_t i) {
    size_t n = slot_count(m->alloc);
    uint32_t *slots = slots_of(m);
    const uint32_t *hashes = hashes_of(m);
    size_t j = i;
    for (;;) {
        slots[i] = 0;
        for (;;) {
            j = (j + 1) & (n - 1);
            if (slots[j] == 0) {
                return;
            }
            size_t home = slot_home(m, hashes[slots[j] - 1]);
            /* can the member at j move to i? only if home is not in (i, j] */
            bool stays = (i <= j) ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                break;
            }
        }
        slots[i] = slots[j];
        i = j;
    }
}

/* Delete a found entry (slot given when the map has slots). */
static void delete_entry(px_map *m, px_map_entry *e, size_t slot) {
    if (slot_count(m->alloc)) {
        slot_remove(m, slot);
    }
    keys_changed(m);
    e->key = PX_NULL;
    e->value = PX_NULL;
    m->count--;
    /* Give back trailing deleted entries: none of them is in a slot. */
    while (m->used > 0 && m->entries[m->used - 1].key == PX_NULL) {
        m->used--;
    }
}

px_val px_map_pop(px_map *m, px_val key) {
    if (m->flags & PX_MAP_CONST) {
        px_raise_type_error("'dict' object does not support item deletion");
    }
    if (m->used == 0) {
        (void)px_map_key_hash(key);
        return PX_NULL;
    }
    if (m->index == NULL) {
        rebuild(m, m->used < 4 ? 4 : m->used); /* deletion needs the index */
    }
    size_t slot = 0;
    px_map_entry *e = find_hashed(m, key, px_map_key_hash(key), &slot);
    if (e == NULL) {
        return PX_NULL;
    }
    px_val v = e->value;
    delete_entry(m, e, slot);
    return v;
}

px_val px_map_pop_first(px_map *m, uint32_t *from) {
    uint32_t i = *from < m->used ? *from : 0;
    while (i < m->used && m->entries[i].key == PX_NULL) {
        i++;
    }
    if (i == m->used) {
        for (i = 0; m->entries[i].key == PX_NULL; i++) {
        }
    }
    px_val k = m->entries[i].key;
    *from = i + 1;
    px_map_pop(m, k);
    return k;
}

void px_map_clear(px_map *m) {
    if (m->flags & PX_MAP_CONST) {
        px_raise_type_error("'dict' object does not support item deletion");
    }
    keys_changed(m);
    m->count = m->used = m->alloc = 0;
    m->entries = NULL;
    m->index = NULL;
}

void px_map_copy(px_map *dst, const px_map *src) {
    px_map_init(dst, 0);
    if (src->count == 0) {
        return;
    }
    uint32_t n = src->count < 4 ? 4 : src->count;
    dst->alloc = 0;
    /* rebuild() reads entries/index from dst: point them at src first */
    dst->entries = src->entries;
    dst->index = (src->flags & PX_MAP_CONST) ? NULL : src->index;
    dst->used = src->used;
    dst->count = src->count;
    rebuild(dst, n);
}

px_map_entry *px_map_next(const px_map *m, size_t *pos) {
    while (*pos < m->used) {
        px_map_entry *e = &m->entries[(*pos)++];
        if (e->key != PX_NULL) {
            return e;
        }
    }
    return NULL;
}
