/* The garbage collector: non-moving, conservative mark-sweep.
 *
 * Heap = chunks from the port (px_port_heap_region). Each chunk starts with
 * its header and one page_meta per 4 KiB page, followed by the pages. A page
 * is free, holds blocks of one small size class (16..2048 bytes), or is part
 * of a run of pages holding one large block. Per-block bits (allocated,
 * marked, leaf, finalize, finalizer pending) live in bitmaps in the page's meta, so a pointer
 * anywhere inside a block finds the block: chunk by bisection, page by
 * offset, block by division. See docs/memory.md for the reasons.
 */
#include "../runtime.h"

#define PAGE_SHIFT PX_GC_PAGE_SHIFT /* config.h: 4 KiB pages, 1 KiB on a board */
#define PAGE (1u << PAGE_SHIFT)
#define GRANULE 16u
#define MAX_PER_PAGE (PAGE / GRANULE) /* 256 blocks of 16 bytes in 4 KiB */
#define BM_WORDS (MAX_PER_PAGE / 64)
#define MAX_CHUNKS 512
#define FIRST_CHUNK (1u << 20)
#define MAX_CHUNK_STEP (16u << 20)
#define MIN_COLLECT_BYTES (256u << 10)
#define MARK_STACK_SIZE PX_GC_MARK_STACK
#define OOM_GRACE (64u << 10) /* over the cap, only while raising MemoryError */
/* Debug builds fill freed memory with this, so a pointer the collector
 * could not see (and freed under) shows up at once. */
#define POISON 0xDB

#if defined(__GNUC__) || defined(__clang__)
#define NO_ASAN __attribute__((no_sanitize_address, noinline))
#else
#define NO_ASAN
#endif

enum { PG_FREE, PG_SMALL, PG_LARGE_HEAD, PG_LARGE_TAIL };
enum { B_ALLOC, B_MARK, B_LEAF, B_FIN, B_PEND, B__COUNT };

struct chunk;

typedef uint64_t bm_row[B__COUNT];

typedef struct page_meta {
    struct chunk *chunk;
    struct page_meta *next; /* list of small pages of one class with free blocks */
    uint32_t run;           /* LARGE_HEAD: pages in the run; LARGE_TAIL: distance to head */
    uint16_t nfree;         /* SMALL: free blocks (not counting those in its class's cache) */
    uint8_t kind;
    uint8_t cls;
    uint8_t listed;
    uint8_t hint;  /* SMALL: no free block (but its class cache's) in bitmap words below this */
    uint8_t overflowed; /* SMALL or LARGE_HEAD: on the overflow list */
    struct page_meta *overflow_next; /* the overflow list (during marking) */
    uint8_t *addr; /* the page itself */
    bm_row bm[BM_WORDS]; /* per 64 blocks, a word of each kind of bit together */
} page_meta;

typedef struct chunk {
    uint8_t *base; /* region start (this header) */
    size_t size;   /* region size */
    uint8_t *data; /* first page */
    uint8_t *end;  /* past the last page */
    size_t npages;
    size_t free_pages;
    size_t first_free; /* no free page below this index */
    size_t top_free;   /* no free page at or above this index */
    page_meta *pages;
} chunk;

/* Size classes: block sizes in bytes; blocks per page = PAGE / size. */
static const uint16_t class_size[] = {16,  32,  48,  64,  80,  96,  112, 128, 160,  192, 224,
                                      256, 320, 384, 448, 512, 640, 768, 1024, 1360, 2048};
#define NCLASSES (sizeof class_size / sizeof class_size[0])
/* Larger blocks take pages of their own; the classes above this are not
 * used with smaller pages. */
#define SMALL_MAX (PAGE / 2)
_Static_assert(PAGE >= 1024 && PAGE <= 4096, "a page's bitmaps are whole 64-bit words; classes go up to 2048");

typedef struct {
    uint8_t *p;
    size_t n;
} mark_item;

/* A size class's blocks ready to hand out (see "allocation" below). */
typedef struct {
    uint64_t free;   /* bit i: the block at base + i * size, free and zeroed */
    uint8_t *base;   /* the first block of the word */
    bm_row *row;     /* the word's bits in its page's meta */
    page_meta *m;    /* that page */
    uint32_t size;   /* the class's block size */
} alloc_cache;

/* A registered weak word (see px_gc_weak_register). */
typedef struct weak_entry {
    uintptr_t *word;
    void (*cleared)(uintptr_t *word);
} weak_entry;

static struct {
    alloc_cache cache[NCLASSES];
    size_t cap;
    size_t heap_bytes;    /* sum of chunk sizes */
    size_t live_bytes;    /* bytes in allocated blocks */
    size_t since_collect; /* bytes allocated since the last collection */
    size_t threshold;     /* gc.threshold(); 0 = none */
    size_t next_chunk;
    size_t grace;         /* extra bytes allowed over the cap right now */
    uintptr_t lo, hi;     /* bounds of all chunk data */
    int lock;
    bool enabled;
    bool collecting;
    bool in_oom;
    /* pages holding a block marked while the mark stack was full: its
     * children are still to be found by scanning the page again */
    page_meta *overflow;
#ifdef PX_GC_DEBUG
    size_t fail_every, fail_limit, fail_count, allocs;
#endif
    size_t nchunks;
    chunk *chunks[MAX_CHUNKS]; /* sorted by address */
    chunk *last_chunk;         /* find_chunk's last answer, or NULL */
    page_meta *partial[NCLASSES];
    uint8_t size_to_class[SMALL_MAX / GRANULE + 1];
    uint16_t class_blocks[NCLASSES]; /* PAGE / class_size: the allocation path avoids dividing */
    struct {
        void *p;
        size_t n;
    } roots[256];
    size_t nroots;
    unsigned heap_lock; /* micropython.heap_lock() depth: no allocation while > 0 */
    struct weak_entry *weak; /* registered weak words: a leaf block of weak_cap entries */
    size_t nweak, weak_cap;
    void *stack_top;
    void (*extra_roots)(px_gc_scan_fn scan);
    size_t msp;
    mark_item mstack[MARK_STACK_SIZE];
} gc;

/* ---- bit helpers */

static inline bool bit_get(const page_meta *m, int which, size_t i) {
    return (m->bm[i >> 6][which] >> (i & 63)) & 1;
}
static inline void bit_set(page_meta *m, int which, size_t i) {
    m->bm[i >> 6][which] |= (uint64_t)1 << (i & 63);
}
static inline void bit_clear(page_meta *m, int which, size_t i) {
    m->bm[i >> 6][which] &= ~((uint64_t)1 << (i & 63));
}

static inline size_t blocks_per_page(unsigned cls) {
    return gc.class_blocks[cls];
}

/* ---- set-up */

void px_gc_init(size_t cap) {
    /* all but the mark stack, which needs no zeroing (msp is its depth):
     * 32 KiB of pages a short run never touches otherwise */
    memset(&gc, 0, (size_t)((char *)gc.mstack - (char *)&gc));
    gc.cap = cap ? cap : px_port_heap_default_cap();
    gc.enabled = true;
    gc.next_chunk = FIRST_CHUNK;
    gc.lo = UINTPTR_MAX;
    unsigned cls = 0;
    for (size_t g = 0; g <= SMALL_MAX / GRANULE; g++) {
        while (class_size[cls] < g * GRANULE) {
            cls++;
        }
        gc.size_to_class[g] = (uint8_t)cls;
    }
    for (cls = 0; cls < NCLASSES; cls++) {
        gc.class_blocks[cls] = (uint16_t)(PAGE / class_size[cls]);
    }
}

void px_gc_add_root(void *p, size_t n) {
    if (gc.nroots == sizeof gc.roots / sizeof gc.roots[0]) {
        px_port_fatal("too many GC roots");
    }
    gc.roots[gc.nroots].p = p;
    gc.roots[gc.nroots].n = n;
    gc.nroots++;
}

void px_gc_set_stack_top(void *top) {
    gc.stack_top = top;
}

void *px_gc_stack_top(void) {
    return gc.stack_top;
}

void px_gc_set_extra_roots(void (*fn)(px_gc_scan_fn scan)) {
    gc.extra_roots = fn;
}

void px_gc_lock(void) {
    gc.lock++;
}
void px_gc_unlock(void) {
    if (gc.lock > 0) {
        gc.lock--;
    }
}

/* ---- chunks */

static bool add_chunk(size_t min) {
    size_t hdr = (sizeof(chunk) + 15) & ~(size_t)15;
    if (gc.nchunks == MAX_CHUNKS) {
        return false;
    }
    size_t limit = gc.cap + gc.grace;
    if (gc.heap_bytes >= limit || limit - gc.heap_bytes < min) {
        return false;
    }
    size_t want = gc.next_chunk > min ? gc.next_chunk : min;
    if (want > limit - gc.heap_bytes) {
        want = limit - gc.heap_bytes;
    }
    size_t got = 0;
    uint8_t *base = px_port_heap_region(want, &got);
    if (base == NULL || got < hdr + sizeof(page_meta) + PAGE + GRANULE) {
        return false;
    }
    chunk *c = (chunk *)base;
    c->base = base;
    c->size = got;
    c->npages = (got - hdr - GRANULE) / (PAGE + sizeof(page_meta));
    c->pages = (page_meta *)(base + hdr);
    c->data = (uint8_t *)(((uintptr_t)(c->pages + c->npages) + GRANULE - 1) & ~(uintptr_t)(GRANULE - 1));
    c->end = c->data + c->npages * PAGE;
    c->free_pages = c->npages;
    c->first_free = 0;
    c->top_free = c->npages;
    /* The page table is zero as the port hands the region over (port.h),
     * and zero is a free page: a page's chunk and address are written when
     * it is first taken (take_pages), so that a page of the table is only
     * touched once the heap reaches the pages it describes (the first
     * chunk's table is 52 KiB, of which a short run uses a few). */
    /* insert sorted by address */
    size_t i = gc.nchunks;
    while (i > 0 && gc.chunks[i - 1]->base > base) {
        gc.chunks[i] = gc.chunks[i - 1];
        i--;
    }
    gc.chunks[i] = c;
    gc.nchunks++;
    gc.heap_bytes += got;
    if ((uintptr_t)c->data < gc.lo) {
        gc.lo = (uintptr_t)c->data;
    }
    if ((uintptr_t)c->end > gc.hi) {
        gc.hi = (uintptr_t)c->end;
    }
    if (gc.next_chunk < MAX_CHUNK_STEP) {
        gc.next_chunk *= 2;
    }
    return true;
}

/* Bytes a chunk needs to hold a run of `pages` pages. */
static size_t chunk_bytes_for(size_t pages) {
    return sizeof(chunk) + 16 + GRANULE + pages * (PAGE + sizeof(page_meta));
}

/* First run of n free pages in c, or SIZE_MAX. */
static size_t find_free_run(chunk *c, size_t n) {
    if (c->free_pages < n) {
        return SIZE_MAX;
    }
    while (c->first_free < c->npages && c->pages[c->first_free].kind != PG_FREE) {
        c->first_free++; /* everything below stays in use */
    }
    size_t run = 0;
    for (size_t i = c->first_free; i < c->npages; i++) {
        if (c->pages[i].kind == PG_FREE) {
            if (++run == n) {
                return i + 1 - n;
            }
        } else {
            run = 0;
        }
    }
    return SIZE_MAX;
}

/* Last (highest) run of n free pages in c, or SIZE_MAX: large blocks are
 * placed from the top of a chunk and small pages from the bottom, so that
 * small blocks scattered by a program do not cut up the runs that large
 * ones (a growing code buffer, a list) need. */
static size_t find_free_run_top(chunk *c, size_t n) {
    if (c->free_pages < n) {
        return SIZE_MAX;
    }
    size_t run = 0;
    for (size_t i = c->top_free; i > c->first_free; i--) {
        if (c->pages[i - 1].kind == PG_FREE) {
            if (++run == n) {
                return i - 1;
            }
        } else {
            run = 0;
        }
    }
    return SIZE_MAX;
}

/* Pages first..first+n-1 (still marked free) are being taken. */
static void take_pages(chunk *c, size_t first, size_t n) {
    for (size_t i = first; i < first + n; i++) {
        c->pages[i].chunk = c;
        c->pages[i].addr = c->data + i * PAGE;
    }
    c->free_pages -= n;
    if (first == c->first_free) {
        size_t i = first + n;
        while (i < c->npages && c->pages[i].kind != PG_FREE) {
            i++;
        }
        c->first_free = i;
    }
    if (first + n == c->top_free) {
        size_t i = first;
        while (i > 0 && c->pages[i - 1].kind != PG_FREE) {
            i--;
        }
        c->top_free = i;
    }
}

static void release_pages(chunk *c, size_t first, size_t n) {
    for (size_t i = first; i < first + n; i++) {
        page_meta *m = &c->pages[i];
        uint8_t *addr = m->addr;
        memset(&m->next, 0, sizeof(page_meta) - offsetof(page_meta, next));
        m->addr = addr;
        m->kind = PG_FREE;
    }
    c->free_pages += n;
    if (first < c->first_free) {
        c->first_free = first;
    }
    if (first + n > c->top_free) {
        c->top_free = first + n;
    }
}

/* ---- allocation without collecting or growing
 *
 * Small blocks are handed out from a per-class cache: the free blocks of
 * one bitmap word of one page (up to 64), zeroed together when the cache
 * is filled. The fast path (TAKE_CACHED in px_gc_alloc, take_block) takes
 * the lowest of them and sets its bits; it has no search, no zeroing and
 * no accounting. Invariants:
 * - a cached block's allocated bit is clear, so a conservative pointer to
 *   it finds no block and it is never marked or scanned; it is handed out
 *   only by its class's cache, which is filled only when empty, from a
 *   page that no other class uses, so no block is handed out twice;
 * - a page's nfree and the heap's live_bytes/since_collect count the
 *   cached blocks as allocated (the whole word is counted when the cache
 *   is filled); returning the cache (cache_return) gives them back;
 * - every cache is returned before a collection marks (the sweep may give
 *   its page away), when the heap is locked, when a threshold is set and
 *   before the counts are read (gc.mem_alloc, mem_info, verify_heap);
 *   while collecting or with a threshold, a block is taken and the rest
 *   returned at once (exact accounting, blocks born marked). */

/* A free page made the partial page of class cls, or NULL. Out of line:
 * the refill's common path then needs no register saves. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static page_meta *new_small_page(unsigned cls) {
    for (size_t k = 0; k < gc.nchunks; k++) {
        chunk *c = gc.chunks[k];
        size_t i = find_free_run(c, 1);
        if (i != SIZE_MAX) {
            take_pages(c, i, 1);
            page_meta *m = &c->pages[i];
            m->kind = PG_SMALL;
            m->cls = (uint8_t)cls;
            m->nfree = (uint16_t)blocks_per_page(cls);
            m->next = gc.partial[cls];
            m->listed = 1;
            m->hint = 0;
            gc.partial[cls] = m;
            return m;
        }
    }
    return NULL;
}

/* Class cls's cache (empty) filled from the first page of its list, or
 * from a fresh page: the free blocks of the page's first word that has
 * any, zeroed run by run. False when there is no page to take. */
static bool cache_fill(unsigned cls) {
    page_meta *m = gc.partial[cls];
    if (PX_UNLIKELY(m == NULL) && (m = new_small_page(cls)) == NULL) {
        return false;
    }
    size_t n = blocks_per_page(cls), sz = class_size[cls], w = m->hint;
    uint64_t take = 0;
    for (; w < BM_WORDS && w * 64 < n; w++) {
        take = ~m->bm[w][B_ALLOC];
        if (n - w * 64 < 64) {
            take &= ((uint64_t)1 << (n - w * 64)) - 1; /* no blocks past the page's last */
        }
        if (take != 0) {
            break;
        }
    }
    size_t count = (size_t)__builtin_popcountll(take);
    if (count == 0 || count > m->nfree) {
        px_port_fatal("GC: page list corrupt");
    }
    m->hint = (uint8_t)(w + 1); /* word w has nothing left to take */
    m->nfree = (uint16_t)(m->nfree - count);
    if (m->nfree == 0) {
        gc.partial[cls] = m->next;
        m->next = NULL;
        m->listed = 0;
    }
    uint8_t *base = m->addr + w * 64 * sz;
    for (uint64_t t = take; t != 0;) {
        /* the lowest run of set bits: adding its lowest bit carries past it */
        unsigned i = (unsigned)__builtin_ctzll(t);
        uint64_t past = t + (t & (0 - t));
        unsigned end = past != 0 ? (unsigned)__builtin_ctzll(past) : 64;
        /* in pieces of at most 1 KiB, whole blocks: glibc's memset clears
         * 2 KiB and more with `rep stosb`, which valgrind counts byte by
         * byte, and the instruction counts we decide by would then
         * charge a fresh page 4096 (it costs about the same time either
         * way) */
        for (uint8_t *p = base + i * sz, *stop = base + end * sz; p < stop;) {
            size_t piece = (size_t)(stop - p) <= 1024 ? (size_t)(stop - p) : (1024 / sz > 0 ? 1024 / sz * sz : sz);
            memset(p, 0, piece);
            p += piece;
        }
        t &= past;
    }
    alloc_cache *a = &gc.cache[cls];
    a->free = take;
    a->base = base;
    a->row = &m->bm[w];
    a->m = m;
    a->size = (uint32_t)sz;
    gc.live_bytes += count * sz;
    gc.since_collect += count * sz;
    return true;
}

/* The blocks class cls's cache still holds given back to their page. */
static void cache_return(unsigned cls) {
    alloc_cache *a = &gc.cache[cls];
    if (a->free == 0) {
        return;
    }
    page_meta *m = a->m;
    size_t count = (size_t)__builtin_popcountll(a->free), w = (size_t)(a->row - m->bm);
    a->free = 0;
    m->nfree = (uint16_t)(m->nfree + count);
    if (w < m->hint) {
        m->hint = (uint8_t)w;
    }
    if (!m->listed) {
        m->listed = 1;
        m->next = gc.partial[cls];
        gc.partial[cls] = m;
    }
    gc.live_bytes -= count * class_size[cls];
    gc.since_collect -= count * class_size[cls];
}

static void cache_return_all(void) {
    for (unsigned cls = 0; cls < NCLASSES; cls++) {
        cache_return(cls);
    }
}

/* The fast path: the lowest block of f (a's free set, not empty) handed
 * out, zeroed. */
static inline void *take_block(alloc_cache *a, uint64_t f, unsigned flags) {
    uint8_t *p = a->base + (unsigned)__builtin_ctzll(f) * a->size;
    bm_row *row = a->row;
    uint64_t bit = f & (0 - f);
    a->free = f ^ bit;
    (*row)[B_ALLOC] |= bit;
    if (flags & PX_GC_LEAF) {
        (*row)[B_LEAF] |= bit;
    }
    if (flags & PX_GC_FINALIZE) {
        (*row)[B_FIN] |= bit;
    }
    return p;
}

static void *alloc_small(size_t n, unsigned flags) {
    unsigned cls = gc.size_to_class[(n + GRANULE - 1) / GRANULE];
    if (gc.cache[cls].free == 0 && !cache_fill(cls)) {
        return NULL;
    }
    uint8_t *p = take_block(&gc.cache[cls], gc.cache[cls].free, flags);
    if (gc.collecting || gc.threshold != 0) {
        cache_return(cls);
        if (gc.collecting) { /* allocated by a finalizer: survives this sweep */
            page_meta *m = gc.cache[cls].m;
            bit_set(m, B_MARK, (size_t)(p - m->addr) / class_size[cls]);
        }
    }
    return p;
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline)) /* keeps alloc_here's small path free of register saves */
#endif
static void *alloc_large(size_t n, unsigned flags) {
    size_t pages = (n + PAGE - 1) / PAGE;
    for (size_t k = 0; k < gc.nchunks; k++) {
        chunk *c = gc.chunks[k];
        size_t i = find_free_run_top(c, pages);
        if (i == SIZE_MAX) {
            continue;
        }
        take_pages(c, i, pages);
        page_meta *h = &c->pages[i];
        h->kind = PG_LARGE_HEAD;
        h->run = (uint32_t)pages;
        for (size_t j = 1; j < pages; j++) {
            c->pages[i + j].kind = PG_LARGE_TAIL;
            c->pages[i + j].run = (uint32_t)j;
        }
        bit_set(h, B_ALLOC, 0);
        if (flags & PX_GC_LEAF) {
            bit_set(h, B_LEAF, 0);
        }
        if (flags & PX_GC_FINALIZE) {
            bit_set(h, B_FIN, 0);
        }
        if (gc.collecting) {
            bit_set(h, B_MARK, 0);
        }
        uint8_t *p = c->data + i * PAGE;
        if ((flags & (PX_GC_LEAF | PX_GC_UNINIT)) != (PX_GC_LEAF | PX_GC_UNINIT)) {
            memset(p, 0, pages * PAGE);
        }
        gc.live_bytes += pages * PAGE;
        gc.since_collect += pages * PAGE;
        return p;
    }
    return NULL;
}

static void *alloc_here(size_t n, unsigned flags) {
    if (n <= SMALL_MAX) {
        return alloc_small(n, flags);
    }
    return alloc_large(n, flags);
}

/* ---- finding blocks */

typedef struct {
    page_meta *m;
    size_t idx;
    uint8_t *start;
    size_t size;
} blockref;

static chunk *find_chunk(uintptr_t a) {
    /* the chunk of the last block found first: neighbouring objects
     * (scanned one after another while marking) share chunks */
    chunk *last = gc.last_chunk;
    if (last != NULL && a >= (uintptr_t)last->data && a < (uintptr_t)last->end) {
        return last;
    }
    size_t lo = 0, hi = gc.nchunks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        chunk *c = gc.chunks[mid];
        if (a < (uintptr_t)c->base) {
            hi = mid;
        } else if (a >= (uintptr_t)c->end) {
            lo = mid + 1;
        } else {
            if (a < (uintptr_t)c->data) {
                return NULL;
            }
            gc.last_chunk = c; /* chunks are never released */
            return c;
        }
    }
    return NULL;
}

/* The allocated block containing address a (within gc.lo..gc.hi), if any. */
static inline bool find_block_in_heap(uintptr_t a, blockref *b) {
    chunk *c = find_chunk(a);
    if (c == NULL) {
        return false;
    }
    size_t pi = (a - (uintptr_t)c->data) >> PAGE_SHIFT;
    page_meta *m = &c->pages[pi];
    switch (m->kind) {
    case PG_SMALL: {
        size_t sz = class_size[m->cls];
        size_t off = (a - (uintptr_t)c->data) & (PAGE - 1);
        size_t idx = off / sz;
        if (idx >= blocks_per_page(m->cls) || !bit_get(m, B_ALLOC, idx)) {
            return false;
        }
        b->m = m;
        b->idx = idx;
        b->start = c->data + pi * PAGE + idx * sz;
        b->size = sz;
        return true;
    }
    case PG_LARGE_TAIL:
        pi -= m->run;
        m = &c->pages[pi];
        /* fall through */
    case PG_LARGE_HEAD:
        if (m->kind != PG_LARGE_HEAD || !bit_get(m, B_ALLOC, 0)) {
            return false;
        }
        b->m = m;
        b->idx = 0;
        b->start = c->data + pi * PAGE;
        b->size = (size_t)m->run * PAGE;
        return true;
    default:
        return false;
    }
}

/* The allocated block containing address a, if any. */
static bool find_block(uintptr_t a, blockref *b) {
    return a >= gc.lo && a < gc.hi && find_block_in_heap(a, b);
}

/* ---- marking */

/* a: an address within gc.lo..gc.hi (scan_words tests each word). */
static void mark_candidate(uintptr_t a) {
    blockref b;
    if (!find_block_in_heap(a, &b) || bit_get(b.m, B_MARK, b.idx)) {
        return;
    }
    bit_set(b.m, B_MARK, b.idx);
    if (bit_get(b.m, B_LEAF, b.idx)) {
        return;
    }
    if (gc.msp == MARK_STACK_SIZE) {
        if (!b.m->overflowed) { /* (b.m: a large block's head page) */
            b.m->overflowed = 1;
            b.m->overflow_next = gc.overflow;
            gc.overflow = b.m;
        }
        return;
    }
    gc.mstack[gc.msp].p = b.start;
    gc.mstack[gc.msp].n = b.size;
    gc.msp++;
}

/* Every aligned word in [lo, hi) that points into the heap marks its
 * block. Reads the real C stack, hence no ASan here. */
NO_ASAN static void scan_words(const void *lo, const void *hi) {
    uintptr_t p = ((uintptr_t)lo + sizeof(uintptr_t) - 1) & ~(uintptr_t)(sizeof(uintptr_t) - 1);
    for (; p + sizeof(uintptr_t) <= (uintptr_t)hi; p += sizeof(uintptr_t)) {
        uintptr_t w = *(const uintptr_t *)p;
        if (w >= gc.lo && w < gc.hi) {
            mark_candidate(w);
        }
    }
}

static void drain(void) {
    while (gc.msp > 0) {
        gc.msp--;
        mark_item it = gc.mstack[gc.msp];
        scan_words(it.p, it.p + it.n);
    }
}

/* After a mark-stack overflow: scan again the marked non-leaf blocks of
 * each page on the overflow list, until the list is empty. Only pages
 * where a block overflowed are visited, and a page goes on the list again
 * only when one of its blocks overflows after the visit (once per block at
 * most: it is marked then), so the work stays linear in the heap however
 * deep the object graph (a whole-heap rescan per overflow was quadratic in
 * the depth of a chain). */
static void rescan_overflow(void) {
    while (gc.overflow != NULL) {
        page_meta *m = gc.overflow;
        gc.overflow = m->overflow_next;
        m->overflowed = 0;
        if (m->kind == PG_SMALL) {
            size_t n = blocks_per_page(m->cls), sz = class_size[m->cls];
            for (size_t j = 0; j < n; j++) {
                if (bit_get(m, B_MARK, j) && !bit_get(m, B_LEAF, j)) {
                    uint8_t *p = m->addr + j * sz;
                    scan_words(p, p + sz);
                    drain();
                }
            }
        } else if (m->kind == PG_LARGE_HEAD && bit_get(m, B_MARK, 0) && !bit_get(m, B_LEAF, 0)) {
            scan_words(m->addr, m->addr + (size_t)m->run * PAGE);
            drain();
        }
    }
}

static void mark_all(void) {
    drain();
    rescan_overflow();
}

/* Spill callee-saved registers into this frame, then scan from below it
 * up to the recorded stack top. */
NO_ASAN static void scan_stack_from(void *regs_frame) {
    volatile uintptr_t here = 0;
    void *lo = (void *)&here;
    void *hi = gc.stack_top;
    if (hi == NULL) {
        return;
    }
    if ((uintptr_t)lo > (uintptr_t)hi) { /* a stack that grows up */
        void *t = lo;
        lo = hi;
        hi = t;
    }
    scan_words(lo, hi);
    (void)regs_frame;
}

static void scan_region(const void *lo, const void *hi) {
    scan_words(lo, hi);
    drain();
}

static void mark_roots(void) {
    jmp_buf regs;
#if defined(__GNUC__) || defined(__clang__)
    __builtin_unwind_init(); /* setjmp mangles some registers (glibc): spill them all */
#endif
    setjmp(regs);
    scan_words(&regs, (uint8_t *)&regs + sizeof regs);
    scan_stack_from(&regs);
    drain();
    for (size_t i = 0; i < gc.nroots; i++) {
        scan_words(gc.roots[i].p, (uint8_t *)gc.roots[i].p + gc.roots[i].n);
        drain();
    }
    px_vm_gc_roots(scan_region);
    if (gc.extra_roots != NULL) {
        gc.extra_roots(scan_region);
    }
    mark_all();
}

/* Unreachable finalizable blocks become "pending": their finalize bit
 * moves to the pending bit, and they and everything they reach are marked,
 * so they survive this cycle. Finalizers therefore never see freed memory
 * (not even in cycles of finalizable objects, or when a finalizer stores
 * its object somewhere); the blocks are freed by the next collection that
 * finds them unreachable. */
static void mark_pending(void) {
    bool any = false;
    for (size_t k = 0; k < gc.nchunks; k++) {
        chunk *c = gc.chunks[k];
        for (size_t i = 0; i < c->npages; i++) {
            page_meta *m = &c->pages[i];
            if (m->kind != PG_SMALL && m->kind != PG_LARGE_HEAD) {
                continue;
            }
            for (size_t w = 0; w < BM_WORDS; w++) {
                uint64_t f = m->bm[w][B_FIN] & ~m->bm[w][B_MARK];
                m->bm[w][B_PEND] = f;
                m->bm[w][B_FIN] &= ~f;
                any |= f != 0;
            }
        }
    }
    if (!any) {
        return;
    }
    for (size_t k = 0; k < gc.nchunks; k++) {
        chunk *c = gc.chunks[k];
        for (size_t i = 0; i < c->npages; i++) {
            page_meta *m = &c->pages[i];
            if (m->kind == PG_SMALL) {
                size_t sz = class_size[m->cls];
                for (size_t w = 0; w < BM_WORDS; w++) {
                    uint64_t f = m->bm[w][B_PEND];
                    while (f) {
                        size_t j = w * 64 + (size_t)__builtin_ctzll(f);
                        f &= f - 1;
                        mark_candidate((uintptr_t)(c->data + i * PAGE + j * sz));
                        mark_all();
                    }
                }
            } else if (m->kind == PG_LARGE_HEAD && bit_get(m, B_PEND, 0)) {
                mark_candidate((uintptr_t)(c->data + i * PAGE));
                mark_all();
            }
        }
    }
}

/* ---- finalizers and sweeping */

static void run_finalizer(uint8_t *p) {
    px_obj *o = (px_obj *)p;
    if (o->type == NULL || o->type->finalize == NULL) {
        return;
    }
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        o->type->finalize(o);
        px_try_pop(&j);
    }
    /* an exception from a finalizer is dropped, as MicroPython does */
}

/* Call the finalizer of every pending block (the heap is whole: finalizers
 * may allocate; such blocks are born marked). */
static void run_finalizers(void) {
    for (size_t k = 0; k < gc.nchunks; k++) {
        chunk *c = gc.chunks[k];
        for (size_t i = 0; i < c->npages; i++) {
            page_meta *m = &c->pages[i];
            if (m->kind == PG_SMALL) {
                size_t sz = class_size[m->cls];
                for (size_t w = 0; w < BM_WORDS; w++) {
                    while (m->bm[w][B_PEND]) {
                        size_t j = w * 64 + (size_t)__builtin_ctzll(m->bm[w][B_PEND]);
                        bit_clear(m, B_PEND, j);
                        run_finalizer(c->data + i * PAGE + j * sz);
                    }
                }
            } else if (m->kind == PG_LARGE_HEAD && bit_get(m, B_PEND, 0)) {
                bit_clear(m, B_PEND, 0);
                run_finalizer(c->data + i * PAGE);
            }
        }
    }
}

static void sweep(void) {
    /* each class's list of pages with free blocks is rebuilt in address
     * order: small blocks then fill the lowest pages first (see
     * find_free_run_top) */
    page_meta **tail[NCLASSES];
    for (size_t c_ = 0; c_ < NCLASSES; c_++) {
        gc.partial[c_] = NULL;
        tail[c_] = &gc.partial[c_];
    }
    size_t live = 0;
    for (size_t k = 0; k < gc.nchunks; k++) {
        chunk *c = gc.chunks[k];
        for (size_t i = 0; i < c->npages; i++) {
            page_meta *m = &c->pages[i];
            if (m->kind == PG_SMALL) {
                size_t n = blocks_per_page(m->cls), used = 0;
#ifdef PX_GC_DEBUG
                for (size_t j = 0; j < n; j++) {
                    if (bit_get(m, B_ALLOC, j) && !bit_get(m, B_MARK, j)) {
                        memset(m->addr + j * class_size[m->cls], POISON, class_size[m->cls]);
                    }
                }
#endif
                for (size_t w = 0; w < BM_WORDS; w++) {
                    m->bm[w][B_ALLOC] = m->bm[w][B_MARK];
                    m->bm[w][B_LEAF] &= m->bm[w][B_MARK];
                    m->bm[w][B_FIN] &= m->bm[w][B_MARK];
                    m->bm[w][B_MARK] = 0;
                    used += (size_t)__builtin_popcountll(m->bm[w][B_ALLOC]);
                }
                if (used == 0) {
                    release_pages(c, i, 1);
                    continue;
                }
                live += used * class_size[m->cls];
                m->nfree = (uint16_t)(n - used);
                m->hint = 0;
                m->listed = 0;
                m->next = NULL;
                if (m->nfree > 0) {
                    m->listed = 1;
                    *tail[m->cls] = m;
                    tail[m->cls] = &m->next;
                }
            } else if (m->kind == PG_LARGE_HEAD) {
                size_t run = m->run;
                if (!bit_get(m, B_MARK, 0)) {
#ifdef PX_GC_DEBUG
                    memset(m->addr, POISON, run * PAGE);
#endif
                    release_pages(c, i, run);
                } else {
                    bit_clear(m, B_MARK, 0);
                    live += run * PAGE;
                }
                i += run - 1;
            }
        }
    }
    gc.live_bytes = live;
}

/* ---- debug builds: heap invariants and fault injection */

#ifdef PX_GC_DEBUG
#include <stdio.h>

PX_NORETURN static void corrupt(const char *what, const void *where) {
    char msg[160];
    snprintf(msg, sizeof msg, "GC invariant broken: %s (at %p)", what, where);
    px_port_fatal(msg);
}

/* Everything the allocator relies on, checked page by page: per-block
 * bits only on allocated blocks, free counts, class lists, large runs,
 * chunk bookkeeping and the live byte count. Marks must be clear. */
static void verify_heap(void) {
    cache_return_all();
    size_t live = 0, heap = 0;
    for (size_t k = 0; k < gc.nchunks; k++) {
        chunk *c = gc.chunks[k];
        heap += c->size;
        if (k > 0 && gc.chunks[k - 1]->end > c->base) {
            corrupt("chunks overlap or are unsorted", c);
        }
        if ((uintptr_t)c->data < gc.lo || (uintptr_t)c->end > gc.hi) {
            corrupt("chunk outside the heap bounds", c);
        }
        size_t nfree_pages = 0;
        for (size_t i = 0; i < c->npages; i++) {
            page_meta *m = &c->pages[i];
            /* (a page never taken has neither: add_chunk) */
            bool never_taken = m->kind == PG_FREE && m->chunk == NULL && m->addr == NULL;
            if ((m->chunk != c || m->addr != c->data + i * PAGE) && !never_taken) {
                corrupt("page meta does not match its page", m->addr);
            }
            switch (m->kind) {
            case PG_FREE:
                nfree_pages++;
                if (i < c->first_free || i >= c->top_free) {
                    corrupt("free page outside the first-free and top-free hints", c->data + i * PAGE);
                }
                for (int b = 0; b < B__COUNT; b++) {
                    for (size_t w = 0; w < BM_WORDS; w++) {
                        if (m->bm[w][b]) {
                            corrupt("bits set on a free page", c->data + i * PAGE);
                        }
                    }
                }
                break;
            case PG_SMALL: {
                if (m->cls >= NCLASSES) {
                    corrupt("bad size class", m->addr);
                }
                size_t n = blocks_per_page(m->cls), used = 0;
                for (size_t w = 0; w < BM_WORDS; w++) {
                    uint64_t valid = w * 64 >= n ? 0 : n - w * 64 >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << (n - w * 64)) - 1;
                    uint64_t a = m->bm[w][B_ALLOC];
                    if ((a & ~valid) || (m->bm[w][B_MARK]) || (m->bm[w][B_LEAF] & ~a) || (m->bm[w][B_FIN] & ~a) ||
                        (m->bm[w][B_PEND] & ~a)) {
                        corrupt("block bits inconsistent", m->addr);
                    }
                    if (w < m->hint && (~a & valid)) {
                        corrupt("free block below the page's hint", m->addr);
                    }
                    used += (size_t)__builtin_popcountll(a);
                }
                if (m->nfree != n - used) {
                    corrupt("free-block count wrong", m->addr);
                }
                if ((m->listed != 0) != (m->nfree > 0)) {
                    corrupt("page with free blocks not on its class list (or full and on it)", m->addr);
                }
                live += used * class_size[m->cls];
                break;
            }
            case PG_LARGE_HEAD:
                if (m->run == 0 || i + m->run > c->npages || !bit_get(m, B_ALLOC, 0) || bit_get(m, B_MARK, 0)) {
                    corrupt("bad large run head", m->addr);
                }
                for (size_t j = 1; j < m->run; j++) {
                    if (c->pages[i + j].kind != PG_LARGE_TAIL || c->pages[i + j].run != j) {
                        corrupt("bad large run tail", c->pages[i + j].addr);
                    }
                }
                live += (size_t)m->run * PAGE;
                i += m->run - 1;
                break;
            default:
                corrupt("stray large run tail", m->addr);
            }
        }
        if (nfree_pages != c->free_pages) {
            corrupt("free page count wrong", c);
        }
    }
    for (size_t cls = 0; cls < NCLASSES; cls++) {
        size_t steps = 0;
        for (page_meta *m = gc.partial[cls]; m != NULL; m = m->next) {
            if (m->kind != PG_SMALL || m->cls != cls || !m->listed || m->nfree == 0 || ++steps > (gc.heap_bytes / PAGE)) {
                corrupt("class list holds a wrong page (or a cycle)", m->addr);
            }
        }
    }
    if (live != gc.live_bytes) {
        corrupt("live byte count wrong", NULL);
    }
    if (heap != gc.heap_bytes) {
        corrupt("heap byte count wrong", NULL);
    }
}

void px_gc_debug_fail_every(size_t n, size_t limit) {
    gc.fail_every = n;
    gc.fail_limit = limit;
    gc.fail_count = 0;
    gc.allocs = 0;
}

size_t px_gc_debug_allocs(void) {
    return gc.allocs;
}

/* True when this allocation is to fail. Never while MemoryError itself is
 * being raised (it needs no memory, but what it calls may). */
static bool inject_failure(void) {
    gc.allocs++;
    if (gc.fail_every == 0 || gc.in_oom || gc.allocs % gc.fail_every != 0 ||
        (gc.fail_limit != 0 && gc.fail_count >= gc.fail_limit)) {
        return false;
    }
    gc.fail_count++;
    if (!gc.collecting) { /* (marks are set during a collection) */
        verify_heap();
    }
    return true;
}
#endif

static void clear_weak(void);

/* Zero the stack just below the caller, where the collector's own frames
 * go next: their unused slots then hold no stale words left by earlier,
 * deeper calls (a dead object's address there would keep it, and its weak
 * references, alive until some later collection). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void clear_stack_below(void) {
    volatile uintptr_t words[512];
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        words[i] = 0;
    }
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void collect_now(void) {
    cache_return_all(); /* (unmarked, their pages could be given away) */
    gc.collecting = true;
    gc.overflow = NULL;
    gc.msp = 0;
    mark_roots();
    mark_pending();
    gc.lock++;
    clear_weak();
    run_finalizers();
    gc.lock--;
    sweep();
    gc.collecting = false;
    gc.since_collect = 0;
    gc.grace = 0;
#ifdef PX_GC_DEBUG
    verify_heap();
#endif
}

void px_gc_collect(void) {
    if (gc.lock > 0 || gc.collecting || gc.nchunks == 0) {
        return;
    }
    clear_stack_below();
    collect_now();
}

/* ---- the allocation policy */

static void *alloc_slow(size_t n, unsigned flags) {
    bool may_collect = gc.enabled && gc.lock == 0 && !gc.collecting;
    bool collected = false;
    size_t enough = gc.heap_bytes / 2 > MIN_COLLECT_BYTES ? gc.heap_bytes / 2 : MIN_COLLECT_BYTES;
    void *p;
    if (may_collect && gc.since_collect >= enough) {
        px_gc_collect();
        collected = true;
        if ((p = alloc_here(n, flags)) != NULL) {
            return p;
        }
    }
    size_t need = n <= SMALL_MAX ? 1 : (n + PAGE - 1) / PAGE;
    if (add_chunk(chunk_bytes_for(need)) && (p = alloc_here(n, flags)) != NULL) {
        return p;
    }
    if (may_collect && !collected) {
        px_gc_collect();
        if ((p = alloc_here(n, flags)) != NULL) {
            return p;
        }
        if (add_chunk(chunk_bytes_for(need)) && (p = alloc_here(n, flags)) != NULL) {
            return p;
        }
    }
    return NULL;
}

/* Everything but the fast path: sizes over SMALL_MAX, an empty cache, a
 * locked heap, a threshold, a collection or a new chunk. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void *try_alloc_slow(size_t n, unsigned flags) {
    if (n == 0) {
        n = 1;
    }
    if (n > (SIZE_MAX >> 2) || gc.heap_lock > 0) {
        return NULL;
    }
    if (gc.threshold && gc.since_collect >= gc.threshold && gc.enabled && gc.lock == 0 && !gc.collecting) {
        px_gc_collect();
    }
    void *p = alloc_here(n, flags);
    return p ? p : alloc_slow(n, flags);
}

/* px_gc_alloc and px_gc_try_alloc begin alike: debug builds' injected
 * failures, then a small block from its class's cache when it has one. */
#ifdef PX_GC_DEBUG
#define INJECTED_FAILURE() (gc.heap_lock == 0 && inject_failure())
#else
#define INJECTED_FAILURE() false
#endif
#define TAKE_CACHED(n, flags)                                                   \
    if (PX_LIKELY((n) - 1 < SMALL_MAX)) { /* (n = 0 wraps round) */            \
        alloc_cache *a_ = &gc.cache[gc.size_to_class[((n) + GRANULE - 1) / GRANULE]]; \
        uint64_t f_ = a_->free;                                                 \
        if (PX_LIKELY(f_ != 0)) {                                               \
            return take_block(a_, f_, flags);                                   \
        }                                                                       \
    }

void *px_gc_try_alloc(size_t n, unsigned flags) {
    if (INJECTED_FAILURE()) {
        return NULL;
    }
    TAKE_CACHED(n, flags)
    return try_alloc_slow(n, flags);
}

/* MemoryError, allocated even though the heap is full. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
PX_NORETURN static void out_of_memory(void) {
    if (gc.in_oom) {
        px_port_fatal("out of memory while raising MemoryError");
    }
    gc.grace = OOM_GRACE;
    gc.in_oom = true;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_raise_memory_error();
    }
    gc.in_oom = false;
    px_raise(j.exc);
}

void *px_gc_alloc(size_t n, unsigned flags) {
    if (INJECTED_FAILURE()) {
        out_of_memory();
    }
    TAKE_CACHED(n, flags)
    void *p = try_alloc_slow(n, flags);
    if (PX_LIKELY(p != NULL)) {
        return p;
    }
    out_of_memory();
}

void px_gc_set_finalize(void *p, bool on) {
    blockref b;
    if (!find_block((uintptr_t)p, &b) || b.start != p) {
        px_port_fatal("px_gc_set_finalize: not a heap block");
    }
    if (on) {
        bit_set(b.m, B_FIN, b.idx);
    } else {
        bit_clear(b.m, B_FIN, b.idx);
    }
}

size_t px_gc_size(const void *p) {
    blockref b;
    if (p == NULL || !find_block((uintptr_t)p, &b)) {
        return 0;
    }
    return b.size - (size_t)((const uint8_t *)p - b.start);
}

bool px_gc_is_block_start(const void *p) {
    blockref b;
    return p != NULL && find_block((uintptr_t)p, &b) && b.start == p;
}

void px_gc_free(void *p) {
    blockref b;
    if (p == NULL || gc.collecting || !find_block((uintptr_t)p, &b) || b.start != p) {
        return;
    }
    page_meta *m = b.m;
#ifdef PX_GC_DEBUG
    memset(b.start, POISON, b.size);
#endif
    bit_clear(m, B_ALLOC, b.idx);
    bit_clear(m, B_LEAF, b.idx);
    bit_clear(m, B_FIN, b.idx);
    bit_clear(m, B_PEND, b.idx);
    bit_clear(m, B_MARK, b.idx);
    gc.live_bytes -= b.size;
    if (m->kind == PG_LARGE_HEAD) {
        chunk *c = m->chunk;
        release_pages(c, (size_t)(m - c->pages), m->run);
        return;
    }
    m->nfree++;
    if (b.idx / 64 < m->hint) {
        m->hint = (uint8_t)(b.idx / 64);
    }
    if (!m->listed) {
        m->listed = 1;
        m->next = gc.partial[m->cls];
        gc.partial[m->cls] = m;
    }
}

/* A large block resized where it is, for n > SMALL_MAX: its tail pages
 * given back when it shrinks; when it grows, the free pages after it are
 * taken, then those before it (the contents moved down), so that growing
 * needs no second run of the new size beside the old one (a doubling
 * buffer in a small heap). The block's new start, or NULL when the pages
 * around it are not free. Bytes past n read as zeros, as in a new block. */
static uint8_t *resize_large(const blockref *b, size_t n, unsigned flags) {
    page_meta *h = b->m;
    chunk *c = h->chunk;
    size_t first = (size_t)(h - c->pages), run = h->run, want = (n + PAGE - 1) / PAGE;
    if (want <= run) {
        if (want < run) {
            release_pages(c, first + want, run - want);
            h->run = (uint32_t)want;
            gc.live_bytes -= (run - want) * PAGE;
        }
        memset(b->start + n, 0, want * PAGE - n);
        return b->start;
    }
    size_t after = 0, before = 0;
    while (run + after < want && first + run + after < c->npages && c->pages[first + run + after].kind == PG_FREE) {
        after++;
    }
    while (run + after + before < want && before < first && c->pages[first - before - 1].kind == PG_FREE) {
        before++;
    }
    if (run + after + before < want) {
        return NULL;
    }
    /* (take_pages keeps the hints bounds while the pages still read free) */
    if (after > 0) {
        take_pages(c, first + run, after);
    }
    size_t head = first - before;
    if (before > 0) {
        take_pages(c, head, before);
        page_meta *nh = &c->pages[head];
        memcpy(nh->bm, h->bm, sizeof h->bm);
        memset(h->bm, 0, sizeof h->bm);
        memmove(nh->addr, b->start, run * PAGE);
        h = nh;
    }
    h->kind = PG_LARGE_HEAD;
    h->run = (uint32_t)want;
    for (size_t j = 1; j < want; j++) {
        c->pages[head + j].kind = PG_LARGE_TAIL;
        c->pages[head + j].run = (uint32_t)j;
    }
    uint8_t *p = h->addr;
    if ((flags & (PX_GC_LEAF | PX_GC_UNINIT)) != (PX_GC_LEAF | PX_GC_UNINIT)) {
        memset(p + run * PAGE, 0, (want - run) * PAGE);
    }
    gc.live_bytes += (want - run) * PAGE;
    gc.since_collect += (want - run) * PAGE;
    return p;
}

void *px_gc_realloc(void *p, size_t n, unsigned flags) {
    if (p == NULL) {
        return px_gc_alloc(n, flags);
    }
    blockref b;
    if (!find_block((uintptr_t)p, &b) || b.start != p) {
        px_port_fatal("px_gc_realloc: not a heap block");
    }
    if (n == 0) {
        n = 1;
    }
    if (b.m->kind == PG_LARGE_HEAD && n > SMALL_MAX) {
        uint8_t *q = resize_large(&b, n, flags);
        if (q != NULL) {
            return q;
        }
    } else if (n <= b.size && (b.size <= SMALL_MAX || n > b.size / 2)) {
        memset((uint8_t *)p + n, 0, b.size - n); /* growing back in place reads zeros */
        return p;
    }
    void *q = px_gc_alloc(n, flags);
    memcpy(q, p, n < b.size ? n : b.size);
    px_gc_free(p);
    return q;
}

/* ---- statistics (the gc module) */

/* (the caches returned first: the counts are then exact) */
size_t px_gc_mem_free(void) {
    cache_return_all();
    return gc.cap > gc.live_bytes ? gc.cap - gc.live_bytes : 0;
}
size_t px_gc_mem_alloc(void) {
    cache_return_all();
    return gc.live_bytes;
}
size_t px_gc_threshold(void) {
    return gc.threshold;
}
void px_gc_set_threshold(size_t n) {
    cache_return_all(); /* with a threshold, every block is counted when taken */
    gc.threshold = n;
}
void px_gc_enable(bool on) {
    gc.enabled = on;
}
bool px_gc_is_enabled(void) {
    return gc.enabled;
}
size_t px_gc_heap_size(void) {
    return gc.heap_bytes;
}
size_t px_gc_cap(void) {
    return gc.cap;
}

void px_gc_finalize_all(void) {
    if (gc.collecting) {
        return;
    }
    px_gc_collect();
    /* nothing counts as reachable now: every remaining finalizer runs */
    gc.lock++;
    for (size_t k = 0; k < gc.nchunks; k++) {
        chunk *c = gc.chunks[k];
        for (size_t i = 0; i < c->npages; i++) {
            page_meta *m = &c->pages[i];
            if (m->kind == PG_SMALL) {
                size_t n = blocks_per_page(m->cls), sz = class_size[m->cls];
                for (size_t j = 0; j < n; j++) {
                    if (bit_get(m, B_FIN, j) && bit_get(m, B_ALLOC, j)) {
                        bit_clear(m, B_FIN, j);
                        run_finalizer(c->data + i * PAGE + j * sz);
                    }
                }
            } else if (m->kind == PG_LARGE_HEAD && bit_get(m, B_FIN, 0)) {
                bit_clear(m, B_FIN, 0);
                run_finalizer(c->data + i * PAGE);
            }
        }
    }
    gc.lock--;
}

/* ---- a summary for micropython.mem_info */

void px_gc_stats(px_gc_info *info, px_out *map) {
    cache_return_all();
    memset(info, 0, sizeof *info);
    info->cap = gc.cap;
    info->mapped = gc.heap_bytes;
    for (size_t k = 0; k < gc.nchunks; k++) {
        chunk *c = gc.chunks[k];
        size_t run = 0;
        if (map != NULL) {
            px_printf(map, "chunk %zu: %zu pages\n", k, c->npages);
        }
        for (size_t i = 0; i < c->npages; i++) {
            page_meta *m = &c->pages[i];
            char ch = '.';
            if (m->kind == PG_FREE) {
                info->free_pages++;
                if (++run > info->max_free_pages) {
                    info->max_free_pages = run;
                }
            } else {
                run = 0;
            }
            if (m->kind == PG_SMALL) {
                size_t n = blocks_per_page(m->cls), used = 0;
                for (size_t w = 0; w < BM_WORDS; w++) {
                    used += (size_t)__builtin_popcountll(m->bm[w][B_ALLOC]);
                }
                info->small_blocks += used;
                info->small_pages++;
                if (used > 0 && class_size[m->cls] > info->max_block) {
                    info->max_block = class_size[m->cls];
                }
                ch = used == n ? 'S' : 's';
            } else if (m->kind == PG_LARGE_HEAD) {
                info->large_blocks++;
                if ((size_t)m->run * PAGE > info->max_block) {
                    info->max_block = (size_t)m->run * PAGE;
                }
                ch = 'L';
            } else if (m->kind == PG_LARGE_TAIL) {
                ch = '=';
            }
            if (map != NULL) {
                px_write(map, &ch, 1);
                if (i % 64 == 63 || i + 1 == c->npages) {
                    px_write(map, "\n", 1);
                }
            }
        }
    }
    info->used = gc.live_bytes;
}

/* ---- the heap lock (micropython.heap_lock): allocation fails while it is
 * held; px_gc_alloc then raises the preallocated MemoryError, which needs
 * no memory. */

void px_gc_heap_lock(void) {
    cache_return_all(); /* the fast path fails with an empty cache */
    gc.heap_lock++;
}

unsigned px_gc_heap_unlock(void) {
    if (gc.heap_lock > 0) {
        gc.heap_lock--;
    }
    return gc.heap_lock;
}

unsigned px_gc_heap_locked(void) {
    return gc.heap_lock;
}

/* ---- weak references
 * The registry is a leaf block (its words do not keep holders alive) that
 * the collector marks itself. After marking (pending finalizable blocks
 * included, so a weak word is cleared only once its target is about to be
 * freed), each entry whose holder was reached is kept; its word is zeroed
 * and reported when the word names a heap block that was not reached.
 * Entries of unreached holders are dropped before their blocks are swept. */

void px_gc_weak_register(uintptr_t *word, void (*cleared)(uintptr_t *word)) {
    if (gc.nweak == gc.weak_cap) {
        size_t cap = gc.weak_cap ? gc.weak_cap * 2 : 32;
        weak_entry *t = px_gc_alloc(cap * sizeof(weak_entry), PX_GC_LEAF);
        /* read after allocating: a collection in there may have dropped entries */
        if (gc.nweak > 0) {
            memcpy(t, gc.weak, gc.nweak * sizeof(weak_entry));
        }
        gc.weak = t;
        gc.weak_cap = cap;
    }
    gc.weak[gc.nweak++] = (weak_entry){word, cleared};
}

static bool reached(uintptr_t a) {
    blockref b;
    return find_block(a, &b) && bit_get(b.m, B_MARK, b.idx);
}

static void clear_weak(void) {
    if (gc.weak == NULL) {
        return;
    }
    mark_candidate((uintptr_t)gc.weak); /* a leaf: nothing is pushed */
    size_t kept = 0;
    for (size_t i = 0; i < gc.nweak; i++) {
        weak_entry e = gc.weak[i];
        if (!reached((uintptr_t)e.word)) {
            continue; /* the holder goes: so does its entry */
        }
        gc.weak[kept++] = e;
        blockref b;
        uintptr_t target = (uintptr_t)px_gc_weak_reveal(*e.word);
        if (target != 0 && find_block(target, &b) && !bit_get(b.m, B_MARK, b.idx)) {
            *e.word = 0;
            if (e.cleared != NULL) {
                /* may allocate (such blocks are born marked); an exception
                 * (MemoryError) is dropped, as from a finalizer */
                px_jmp j;
                px_try_push(&j);
                if (setjmp(j.buf) == 0) {
                    e.cleared(e.word);
                    px_try_pop(&j);
                }
            }
        }
    }
    gc.nweak = kept;
}
