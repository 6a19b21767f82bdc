/* Interned strings: the generated const table (sorted, searched by
 * bisection) followed by names made at run time, kept on the GC heap in an
 * open-addressing hash table. */
#include "../runtime.h"


/* A name made at run time: one block with its hash and length, so the
 * table of names is a word a name (it was three, and the text a block of
 * its own: on a 64 KiB board a module of 400 names needed a 6 KiB run of
 * pages for the table alone). */
typedef struct {
    uint32_t hash;
    uint32_t len;
    char str[];
} dyn_name;

/* Run-time names: dyn[i] is qid PX_QID__STATIC_COUNT + i. */
static struct {
    dyn_name **names;
    uint32_t count, alloc;
    uint32_t *slots; /* 0 = empty, else index+1 into names */
    uint32_t nslots; /* power of two */
} dyn;

uint32_t px_hash_bytes(const void *data, size_t len) {
    const uint8_t *p = data;
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x01000193u;
    }
    return h ? h : 1;
}

void px_qstr_init(void) {
    px_gc_add_root(&dyn, sizeof dyn);
}

static const dyn_name *dyn_get(px_qid q) {
    uint32_t i = q - PX_QID__STATIC_COUNT;
    if (i >= dyn.count) {
        px_port_fatal("bad name number");
    }
    return dyn.names[i];
}

const char *px_qstr_str(px_qid q) {
    return q < PX_QID__STATIC_COUNT ? px_names_static_text + px_names_static_off[q] : dyn_get(q)->str;
}

size_t px_qstr_len(px_qid q) {
    return q < PX_QID__STATIC_COUNT ? px_qstr_static_len(q) : dyn_get(q)->len;
}

const char *px_qstr_dyn_data(px_qid q, size_t *len) {
    const dyn_name *n = dyn_get(q);
    *len = n->len;
    return n->str;
}

uint32_t px_qstr_dyn_hash(px_qid q) {
#if !PX_NAMES_STATIC_HASH
    if (q < PX_QID__STATIC_COUNT) {
        return px_hash_bytes(px_names_static_text + px_names_static_off[q], px_qstr_static_len(q));
    }
#endif
    return dyn_get(q)->hash;
}

static int cmp_bytes(const char *a, size_t alen, const char *b, size_t blen) {
    size_t n = alen < blen ? alen : blen;
    int c = memcmp(a, b, n);
    if (c != 0) {
        return c;
    }
    return alen < blen ? -1 : alen > blen;
}

static px_qid find_static(const char *s, size_t len) {
    size_t lo = 1, hi = PX_QID__STATIC_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_bytes(s, len, px_names_static_text + px_names_static_off[mid], px_qstr_static_len((px_qid)mid));
        if (c == 0) {
            return (px_qid)mid;
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return PX_QID_NONE;
}

/* Slot holding s, or the empty slot where it would go. */
static uint32_t *dyn_slot(const char *s, size_t len, uint32_t hash) {
    uint32_t mask = dyn.nslots - 1;
    for (uint32_t i = hash & mask;; i = (i + 1) & mask) {
        uint32_t *slot = &dyn.slots[i];
        if (*slot == 0) {
            return slot;
        }
        const dyn_name *n = dyn.names[*slot - 1];
        if (n->hash == hash && n->len == len && memcmp(n->str, s, len) == 0) {
            return slot;
        }
    }
}

/* The name last interned or found at each of PX_QSTR_MEMO positions (by
 * hash). Texts interned at run time repeat (getattr(o, "on_" + op), keys
 * turned into attributes), and a hit costs a hash and one comparison
 * instead of bisecting the static table. An entry is only a guess: it is
 * compared with the text (and checked against the table's size, which a
 * soft reset shrinks) before it is believed. */
#ifndef PX_QSTR_MEMO
#define PX_QSTR_MEMO 64 /* a power of two */
#endif
static px_qid memo[PX_QSTR_MEMO];

static px_qid memo_get(const char *s, size_t len, uint32_t hash) {
    px_qid q = memo[hash & (PX_QSTR_MEMO - 1)];
    if (q == PX_QID_NONE || (q >= PX_QID__STATIC_COUNT && q - PX_QID__STATIC_COUNT >= dyn.count)) {
        return PX_QID_NONE;
    }
    return px_qstr_len(q) == len && memcmp(px_qstr_str(q), s, len) == 0 ? q : PX_QID_NONE;
}

static px_qid memo_put(px_qid q, uint32_t hash) {
    memo[hash & (PX_QSTR_MEMO - 1)] = q;
    return q;
}

px_qid px_qstr_find(const char *s, size_t len) {
    uint32_t hash = px_hash_bytes(s, len);
    px_qid q = memo_get(s, len, hash);
    if (q != PX_QID_NONE) {
        return q;
    }
    q = find_static(s, len);
    if (q != PX_QID_NONE) {
        return memo_put(q, hash);
    }
    if (dyn.nslots == 0) {
        return PX_QID_NONE;
    }
    uint32_t *slot = dyn_slot(s, len, hash);
    return *slot ? memo_put(PX_QID__STATIC_COUNT + *slot - 1, hash) : PX_QID_NONE;
}

static void dyn_grow_slots(void) {
    uint32_t n = dyn.nslots ? dyn.nslots * 2 : 64;
    uint32_t *old = dyn.slots;
    uint32_t oldn = dyn.nslots;
    dyn.slots = px_gc_alloc(n * sizeof(uint32_t), PX_GC_LEAF);
    dyn.nslots = n;
    for (uint32_t i = 0; i < oldn; i++) {
        if (old[i]) {
            const dyn_name *nm = dyn.names[old[i] - 1];
            *dyn_slot(nm->str, nm->len, nm->hash) = old[i];
        }
    }
    if (old) {
        px_gc_free(old);
    }
}

px_qid px_qstr_intern(const char *s, size_t len) {
    uint32_t hash = px_hash_bytes(s, len);
    px_qid q = memo_get(s, len, hash);
    if (q != PX_QID_NONE) {
        return q;
    }
    q = find_static(s, len);
    if (q != PX_QID_NONE) {
        return memo_put(q, hash);
    }
    if ((dyn.count + 1) * 4 > dyn.nslots * PX_INDEX_FILL_QUARTERS) {
        dyn_grow_slots();
    }
    uint32_t *slot = dyn_slot(s, len, hash);
    if (*slot) {
        return memo_put(PX_QID__STATIC_COUNT + *slot - 1, hash);
    }
    if (dyn.count == dyn.alloc) {
        uint32_t n = dyn.alloc ? dyn.alloc * 2 : 32;
        dyn.names = px_gc_realloc(dyn.names, n * sizeof(dyn_name *), 0);
        dyn.alloc = n;
    }
    dyn_name *nm = px_gc_alloc(sizeof(dyn_name) + len + 1, PX_GC_LEAF);
    nm->hash = hash;
    nm->len = (uint32_t)len;
    memcpy(nm->str, s, len);
    nm->str[len] = '\0';
    /* dyn_slot may have been computed before a realloc of names: recompute. */
    slot = dyn_slot(s, len, hash);
    dyn.names[dyn.count] = nm;
    dyn.count++;
    *slot = dyn.count;
    return memo_put(PX_QID__STATIC_COUNT + dyn.count - 1, hash);
}

px_qid px_qstr_intern_cstr(const char *s) {
    return px_qstr_intern(s, strlen(s));
}

size_t px_qstr_dynamic(size_t *bytes) {
    if (bytes != NULL) {
        size_t n = dyn.alloc * sizeof(dyn_name *) + dyn.nslots * sizeof(uint32_t);
        for (uint32_t i = 0; i < dyn.count; i++) {
            n += px_gc_size(dyn.names[i]);
        }
        *bytes = n;
    }
    return dyn.count;
}
