/* The garbage collector: non-moving mark-sweep over heap chunks, with
 * conservative scanning of the C stack, registers and every heap block.
 * Blocks are found from interior pointers too, so C code may hold plain
 * pointers into objects. On Linux the heap grows in chunks (port hook)
 * up to a cap; on an MCU it is one fixed region. */
#ifndef PX_GC_H
#define PX_GC_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

enum {
    PX_GC_LEAF = 1,     /* holds no pointers: not scanned (string bytes, digits) */
    PX_GC_FINALIZE = 2, /* call type->finalize before freeing (first word is the type) */
    /* With PX_GC_LEAF: not zero-filled when it takes pages of its own
     * (over 2 KiB), so its pages cost no memory until written; for a
     * block whose owner writes every byte before reading it (the frame
     * stack's chunks). */
    PX_GC_UNINIT = 4,
};

/* Set up the heap: `cap` is the most it may grow to (bytes). */
void px_gc_init(size_t cap);
/* Zero-filled block of at least n bytes; raises MemoryError when the heap
 * is at its cap even after a collection. */
void *px_gc_alloc(size_t n, unsigned flags);
/* Like px_gc_alloc but returns NULL instead of raising. */
void *px_gc_try_alloc(size_t n, unsigned flags);
/* Grow or shrink a block (contents kept, new space zeroed). p may be NULL. */
void *px_gc_realloc(void *p, size_t n, unsigned flags);
/* Free a block now (optional; the collector would find it). */
void px_gc_free(void *p);
/* p (a block's start, allocated with or without PX_GC_FINALIZE): whether
 * its type's finalizer is to be called before it is freed. An object
 * whose finalizer would have nothing to do turns it off, so that when it
 * becomes garbage it is freed at once rather than kept, with all it
 * reaches, through one more collection. */
void px_gc_set_finalize(void *p, bool on);
/* Usable size of a block. */
size_t px_gc_size(const void *p);
/* p is the start of an allocated block. */
bool px_gc_is_block_start(const void *p);

void px_gc_collect(void);
/* Blocks alloc/collect: while >0 collections are deferred (e.g. in a finalizer). */
void px_gc_lock(void);
void px_gc_unlock(void);

/* Global roots: each region [p, p+n) of px_val or pointers is scanned. */
void px_gc_add_root(void *p, size_t n);
/* The C stack: the collector scans from its current stack pointer up to this. */
void px_gc_set_stack_top(void *top);
void *px_gc_stack_top(void);
/* Roots that move (other threads' stacks while they wait for the
 * interpreter): fn is called by each collection with a function that
 * scans one region [lo, hi). NULL: none. */
typedef void (*px_gc_scan_fn)(const void *lo, const void *hi);
void px_gc_set_extra_roots(void (*fn)(px_gc_scan_fn scan));

size_t px_gc_mem_free(void);  /* bytes free before the cap */
size_t px_gc_mem_alloc(void); /* bytes in live blocks (after the last collection: upper bound) */
size_t px_gc_threshold(void);   /* 0: no threshold */
/* gc.threshold(n): also collect after every n bytes allocated (0 = off). */
void px_gc_set_threshold(size_t n);
/* gc.enable()/disable(): automatic collection on or off. */
void px_gc_enable(bool on);
bool px_gc_is_enabled(void);
/* Bytes currently obtained from the port (all chunks) and the cap. */
size_t px_gc_heap_size(void);
size_t px_gc_cap(void);
/* At shutdown: call the finalizer of every finalizable block still alive. */
void px_gc_finalize_all(void);

#ifdef PX_GC_DEBUG
/* Debug builds (meson -Dgc_debug=true; docs/reliability.md): make every
 * nth allocation fail as if the heap were full, `limit` times at most
 * (0: no limit); n = 0 stops. Counting starts at this call. */
void px_gc_debug_fail_every(size_t n, size_t limit);
/* Allocations so far (counted from px_gc_init), for choosing n. */
size_t px_gc_debug_allocs(void);
#endif
/* A summary of the heap (micropython.mem_info). With `map`, also writes
 * a line of characters per 64 pages of each chunk: '.' free, 's' small
 * blocks with room, 'S' full of small blocks, 'L' the first page of a
 * large block and '=' its other pages. */
typedef struct {
    size_t cap, mapped, used;
    size_t small_pages, small_blocks, large_blocks;
    size_t free_pages, max_free_pages; /* pages; the longest run of free pages */
    size_t max_block;                  /* bytes of the largest block in use */
} px_gc_info;
struct px_out;
void px_gc_stats(px_gc_info *info, struct px_out *map);

/* micropython.heap_lock(): while the depth is above 0 no allocation
 * succeeds (px_gc_alloc raises MemoryError). unlock and locked return the
 * depth (after unlocking); a port unlocks fully before printing an
 * uncaught exception and when its REPL takes over. */
void px_gc_heap_lock(void);
unsigned px_gc_heap_unlock(void);
unsigned px_gc_heap_locked(void);

/* Weak references: a word inside a heap block (its holder) that names
 * another block without keeping it alive. The word holds
 * px_gc_weak_hide(p), which scanning does not take for a pointer; the
 * holder registers the word once, and must then never be freed explicitly.
 * When a collection finds the holder alive and its target unreachable, it
 * sets the word to 0 and calls cleared(word) from inside the collection:
 * no Python code may run there and no weak word be registered, but it may
 * allocate (an exception from it is dropped). Targets outside the
 * heap (static objects) are never cleared. See docs/memory.md. */
static inline uintptr_t px_gc_weak_hide(const void *p) {
    return p == NULL ? 0 : ~(uintptr_t)p;
}
static inline void *px_gc_weak_reveal(uintptr_t word) {
    return word == 0 ? NULL : (void *)~word;
}
void px_gc_weak_register(uintptr_t *word, void (*cleared)(uintptr_t *word));

#endif
