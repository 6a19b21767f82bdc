/* Unit tests of the garbage collector (core/gc.c). Each test runs in its
 * own forked child (Check's default), with a fresh interpreter. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "check_run.h"

static void *stack_top;
static void *root_slot[4];

static void setup(void) {
    px_init(64u << 20, stack_top);
    memset(root_slot, 0, sizeof root_slot);
    px_gc_add_root(root_slot, sizeof root_slot);
}

static void setup_small(void) {
    px_init(2u << 20, stack_top);
    memset(root_slot, 0, sizeof root_slot);
    px_gc_add_root(root_slot, sizeof root_slot);
}

/* Overwrite the part of the stack deeper calls used, so stale pointers
 * left by helpers do not keep their blocks alive. */
__attribute__((noinline, no_sanitize_address)) static void clear_stack(void) {
    volatile char buf[16384];
    for (size_t i = 0; i < sizeof buf; i++) {
        buf[i] = 0; /* volatile stores: not optimised away like a memset */
    }
}

static bool is_live(const void *p) {
    return px_gc_size(p) != 0;
}

START_TEST(test_sizes) {
    size_t sizes[] = {1, 8, 15, 16, 17, 31, 33, 100, 255, 500, 1000, 1360, 2000, 2048, 2049, 4095, 4096, 4097, 10000, 100000, 1000000};
    unsigned char *blocks[sizeof sizes / sizeof sizes[0]];
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        blocks[i] = px_gc_alloc(sizes[i], 0);
        ck_assert_ptr_nonnull(blocks[i]);
        ck_assert_uint_ge(px_gc_size(blocks[i]), sizes[i]);
        ck_assert_uint_eq((uintptr_t)blocks[i] % 16, 0);
        for (size_t k = 0; k < sizes[i]; k++) {
            ck_assert_uint_eq(blocks[i][k], 0);
        }
        memset(blocks[i], (int)(i + 1), sizes[i]);
    }
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        for (size_t k = 0; k < sizes[i]; k++) {
            ck_assert_uint_eq(blocks[i][k], (unsigned char)(i + 1));
        }
    }
}
END_TEST

__attribute__((noinline)) static void make_garbage(size_t count, size_t size) {
    for (size_t i = 0; i < count; i++) {
        void *p = px_gc_alloc(size, i % 2 ? PX_GC_LEAF : 0);
        memset(p, 0xAB, size);
    }
}

START_TEST(test_collect_frees) {
    px_gc_collect();
    size_t before = px_gc_mem_alloc();
    px_gc_enable(false); /* no automatic collection while making garbage */
    make_garbage(20000, 48);
    make_garbage(200, 9000);
    px_gc_enable(true);
    clear_stack();
    size_t peak = px_gc_mem_alloc();
    ck_assert_uint_gt(peak, before + 20000 * 48);
    px_gc_collect();
    size_t after = px_gc_mem_alloc();
    /* conservative scanning may keep a few; nearly everything must go */
    ck_assert_uint_lt(after, before + (peak - before) / 20);
}
END_TEST

__attribute__((noinline)) static void make_rooted_chain(void) {
    void **a = px_gc_alloc(64, 0);
    void **b = px_gc_alloc(5000, 0);
    unsigned char *c = px_gc_alloc(100, PX_GC_LEAF);
    memset(c, 7, 100);
    a[3] = b;
    b[600] = c;
    root_slot[0] = a;
}

/* Hidden copies (complemented, in volatile statics) so neither the scan
 * nor the optimiser keeps the blocks alive. */
static volatile uintptr_t hid_a, hid_b, hid_c;
/* Checks the chain made above and remembers its blocks, hidden. */
__attribute__((noinline)) static void check_chain(void) {
    void **a = root_slot[0];
    ck_assert(is_live(a));
    void **b = a[3];
    ck_assert(is_live(b));
    unsigned char *c = b[600];
    ck_assert(is_live(c));
    for (int i = 0; i < 100; i++) {
        ck_assert_uint_eq(c[i], 7);
    }
    hid_a = ~(uintptr_t)a;
    hid_b = ~(uintptr_t)b;
    hid_c = ~(uintptr_t)c;
}

__attribute__((noinline)) static bool chain_freed(void) {
    return !is_live((void *)~hid_a) && !is_live((void *)~hid_b) && !is_live((void *)~hid_c);
}

START_TEST(test_roots_keep) {
    /* Conservative scanning may find a stale copy of a pointer now and
     * then, so dropping the root must free the chain in most rounds. */
    int freed = 0;
    for (int round = 0; round < 10; round++) {
        make_rooted_chain();
        clear_stack();
        make_garbage(5000, 64);
        px_gc_collect();
        check_chain();
        root_slot[0] = NULL;
        clear_stack();
        px_gc_collect();
        freed += chain_freed();
    }
    ck_assert_int_ge(freed, 5);
}
END_TEST

__attribute__((noinline)) static void make_interior(void) {
    char *p = px_gc_alloc(256, PX_GC_LEAF);
    strcpy(p, "hello");
    root_slot[1] = p + 100; /* only an interior pointer remains */
    char *q = px_gc_alloc(20000, PX_GC_LEAF);
    q[0] = 'x';
    root_slot[2] = q + 12345;
}

START_TEST(test_interior_pointers) {
    make_interior();
    clear_stack();
    px_gc_collect();
    char *p = (char *)root_slot[1] - 100;
    char *q = (char *)root_slot[2] - 12345;
    ck_assert(is_live(p));
    ck_assert_str_eq(p, "hello");
    ck_assert(is_live(q));
    ck_assert_int_eq(q[0], 'x');
}
END_TEST

/* ---- finalizers */

static int finalized;
static void count_finalize(px_obj *self) {
    finalized++;
}
static const px_type fin_type = {
    .base = {&px_type_type},
    .name = PX_Q(object),
    .finalize = count_finalize,
};

typedef struct {
    px_obj base;
    void *child;
} fin_obj;

__attribute__((noinline)) static void make_finalizable(bool rooted) {
    fin_obj *o = px_gc_alloc(sizeof(fin_obj), PX_GC_FINALIZE);
    o->base.type = &fin_type;
    o->child = px_gc_alloc(32, PX_GC_LEAF);
    if (rooted) {
        root_slot[3] = o;
    }
}

START_TEST(test_finalizer_runs_once) {
    finalized = 0;
    make_finalizable(false);
    make_finalizable(true);
    clear_stack();
    px_gc_collect();
    ck_assert_int_eq(finalized, 1);
    px_gc_collect();
    px_gc_collect();
    ck_assert_int_eq(finalized, 1); /* never twice, and not the rooted one */
    root_slot[3] = NULL;
    clear_stack();
    px_gc_collect();
    ck_assert_int_eq(finalized, 2);
}
END_TEST

START_TEST(test_finalize_all) {
    finalized = 0;
    make_finalizable(true);
    make_finalizable(true);
    px_deinit();
    ck_assert_int_eq(finalized, 2);
}
END_TEST

/* ---- limits */

START_TEST(test_memory_error_at_cap) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_gc_alloc(8u << 20, 0); /* the cap is 2 MiB */
        px_try_pop(&j);
        ck_abort_msg("no MemoryError");
    }
    px_val exc = j.exc;
    ck_assert(exc == px_from_ptr(&px_type_MemoryError) || px_type_of(exc) == &px_type_MemoryError);
    ck_assert_ptr_null(px_gc_try_alloc(8u << 20, 0));
    /* small allocations still work afterwards */
    void *p = px_gc_alloc(100, 0);
    ck_assert_ptr_nonnull(p);
}
END_TEST

START_TEST(test_fill_small_heap) {
    /* keep everything: the heap fills, then MemoryError, never a crash */
    void **volatile list = NULL;
    volatile size_t n = 0;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        for (;;) {
            void **node = px_gc_alloc(1000, 0);
            node[0] = list;
            list = node;
            root_slot[0] = list;
            n++;
        }
    }
    ck_assert_uint_gt(n, 1000);
    ck_assert_uint_le(px_gc_heap_size(), px_gc_cap() + (64u << 10));
    root_slot[0] = NULL;
    list = NULL;
    clear_stack();
    px_gc_collect();
    ck_assert_ptr_nonnull(px_gc_alloc(1000, 0));
}
END_TEST

START_TEST(test_growth) {
    size_t start = px_gc_heap_size();
    void **list = NULL;
    for (int i = 0; i < 2000; i++) {
        void **node = px_gc_alloc(10000, 0);
        node[0] = list;
        ((int *)node)[10] = i;
        list = node;
    }
    root_slot[0] = list;
    list = NULL;
    px_gc_collect();
    ck_assert_uint_gt(px_gc_heap_size(), start + (16u << 20));
    int expect = 1999;
    for (void **node = root_slot[0]; node; node = node[0]) {
        ck_assert_int_eq(((int *)node)[10], expect);
        expect--;
    }
    ck_assert_int_eq(expect, -1);
}
END_TEST

START_TEST(test_deep_chain_overflows_mark_stack) {
    void **list = NULL;
    for (int i = 0; i < 100000; i++) {
        void **node = px_gc_alloc(16, 0);
        node[0] = list;
        list = node;
    }
    root_slot[0] = list;
    list = NULL;
    clear_stack();
    px_gc_collect();
    int n = 0;
    for (void **node = root_slot[0]; node; node = node[0]) {
        ck_assert(is_live(node));
        n++;
    }
    ck_assert_int_eq(n, 100000);
}
END_TEST

__attribute__((noinline)) static void make_leaf_holding_pointer(void) {
    void **leaf = px_gc_alloc(64, PX_GC_LEAF);
    void *target = px_gc_alloc(64, 0);
    leaf[0] = target;
    root_slot[0] = leaf;
    root_slot[1] = (void *)~(uintptr_t)target; /* hidden from the scan */
}

START_TEST(test_leaf_not_scanned) {
    make_leaf_holding_pointer();
    clear_stack();
    px_gc_collect();
    ck_assert(is_live(root_slot[0]));
    ck_assert(!is_live((void *)~(uintptr_t)root_slot[1]));
}
END_TEST

START_TEST(test_realloc_and_free) {
    char *p = px_gc_alloc(10, 0);
    strcpy(p, "abcdefghi");
    p = px_gc_realloc(p, 5000, 0);
    ck_assert_str_eq(p, "abcdefghi");
    ck_assert_uint_eq((unsigned char)p[4999], 0);
    p = px_gc_realloc(p, 40, 0);
    ck_assert_str_eq(p, "abcdefghi");
    size_t before = px_gc_mem_alloc();
    px_gc_free(p);
    ck_assert_uint_lt(px_gc_mem_alloc(), before);
    ck_assert(!is_live(p));
    ck_assert_ptr_nonnull(px_gc_realloc(NULL, 100, 0));
}
END_TEST

/* A large block grows into the free pages beside it (moving down into
 * those before it when the ones after it are taken) and gives back its
 * tail pages when it shrinks, without a second run of the new size. */
START_TEST(test_realloc_large_in_place) {
    const size_t page = (size_t)1 << PX_GC_PAGE_SHIFT;
    unsigned char *a = px_gc_alloc(3 * page, 0); /* large blocks: from the top */
    unsigned char *b = px_gc_alloc(2 * page, 0);
    root_slot[0] = a;
    ck_assert_ptr_eq(b + 2 * page, a); /* just below a */
    memset(b, 7, 2 * page);
    unsigned char *b2 = px_gc_realloc(b, 4 * page, 0);
    ck_assert_ptr_eq(b2, b - 2 * page); /* moved down over the free pages */
    for (size_t i = 0; i < 2 * page; i++) {
        ck_assert_uint_eq(b2[i], 7);
    }
    for (size_t i = 2 * page; i < 4 * page; i++) {
        ck_assert_uint_eq(b2[i], 0);
    }
    ck_assert_uint_eq(px_gc_size(b2), 4 * page);
    ck_assert(!px_gc_is_block_start(b)); /* the old head is a tail page now */
    size_t used = px_gc_mem_alloc();
    ck_assert_ptr_eq(px_gc_realloc(b2, page + 1, 0), b2); /* shrinks where it is */
    ck_assert_uint_eq(px_gc_size(b2), 2 * page);
    ck_assert_uint_eq(px_gc_mem_alloc(), used - 2 * page);
    ck_assert_uint_eq(b2[page], 7);
    ck_assert_uint_eq(b2[page + 1], 0); /* past the new length: zeros */
    ck_assert_uint_eq(b2[0], 7);
    ck_assert_ptr_eq(px_gc_realloc(b2, 3 * page, 0), b2); /* grows into the pages after it */
    ck_assert_uint_eq(b2[2 * page + 5], 0);
    ck_assert_uint_eq(px_gc_size(b2), 3 * page);
    root_slot[1] = b2;
    px_gc_collect();
    ck_assert(is_live(b2) && is_live(a));
}
END_TEST

/* ---- weak words: a holder (rooted) names a target it does not keep */

static uintptr_t *cleared_words[4];
static int ncleared;

static void note_cleared(uintptr_t *word) {
    cleared_words[ncleared++] = word;
}

static const int static_target = 5; /* not in the heap: never cleared */

__attribute__((noinline)) static void make_weak_holder(void) {
    uintptr_t *holder = px_gc_alloc(4 * sizeof(uintptr_t), 0);
    void *target = px_gc_alloc(100, 0);
    void *kept = px_gc_alloc(100, 0);
    holder[0] = px_gc_weak_hide(target);
    holder[1] = px_gc_weak_hide(kept);
    holder[2] = px_gc_weak_hide(&static_target);
    px_gc_weak_register(&holder[0], note_cleared);
    px_gc_weak_register(&holder[1], note_cleared);
    px_gc_weak_register(&holder[2], note_cleared);
    root_slot[0] = holder;
    root_slot[1] = kept;
}

__attribute__((noinline)) static uintptr_t hidden_garbage(void) {
    return px_gc_weak_hide(px_gc_alloc(100, 0));
}

/* A word of the holder (reached through the root only, so that once the
 * root is dropped no copy of its address is left in this test's frame). */
__attribute__((noinline)) static uintptr_t holder_word(int i) {
    return ((uintptr_t *)root_slot[0])[i];
}

/* Whether word i names what root slot `slot` holds (compared down here so
 * the test's own frame never holds the address). */
__attribute__((noinline)) static bool word_names_root(int i, int slot) {
    return px_gc_weak_reveal(holder_word(i)) == root_slot[slot];
}

__attribute__((noinline)) static bool first_cleared_is_word0(void) {
    bool same = cleared_words[0] == &((uintptr_t *)root_slot[0])[0];
    cleared_words[0] = NULL;
    return same;
}

__attribute__((noinline)) static uintptr_t drop_holder(void) {
    uintptr_t hidden = px_gc_weak_hide(root_slot[0]);
    root_slot[0] = NULL;
    return hidden;
}

__attribute__((noinline)) static void fill_reuse(uintptr_t garbage) {
    uintptr_t **reuse = px_gc_alloc(1000 * sizeof(uintptr_t *), 0);
    root_slot[2] = reuse;
    for (int i = 0; i < 1000; i++) {
        reuse[i] = px_gc_alloc(4 * sizeof(uintptr_t), 0);
        for (int k = 0; k < 4; k++) {
            reuse[i][k] = garbage; /* a forgotten entry would zero one of these */
        }
    }
}

START_TEST(test_weak_words) {
    ncleared = 0;
    make_weak_holder();
    clear_stack();
    ck_assert(is_live(px_gc_weak_reveal(holder_word(0))));
    px_gc_collect();
    /* the unreferenced target went, its word zeroed and reported once */
    ck_assert_uint_eq(holder_word(0), 0);
    ck_assert_int_eq(ncleared, 1);
    ck_assert(first_cleared_is_word0());
    /* a target kept by a root, and a static one, stay */
    ck_assert(word_names_root(1, 1));
    ck_assert_ptr_eq(px_gc_weak_reveal(holder_word(2)), &static_target);
    root_slot[1] = NULL;
    clear_stack();
    px_gc_collect();
    ck_assert_uint_eq(holder_word(1), 0);
    ck_assert_int_eq(ncleared, 2);
    ck_assert_ptr_eq(px_gc_weak_reveal(holder_word(2)), &static_target);
    /* a dead holder's words are forgotten: once its block is freed and
     * reused, nothing is written into it */
    uintptr_t hidden_holder = drop_holder();
    cleared_words[1] = NULL;
    clear_stack();
    px_gc_collect();
    ck_assert(!is_live(px_gc_weak_reveal(hidden_holder)));
    ck_assert_int_eq(ncleared, 2);
    fill_reuse(hidden_garbage());
    clear_stack();
    px_gc_collect();
    ck_assert_int_eq(ncleared, 2);
}
END_TEST

START_TEST(test_weak_many) {
    /* the registry grows, and keeps working, past its first block */
    ncleared = 0;
    uintptr_t *words = px_gc_alloc(200 * sizeof(uintptr_t), 0);
    root_slot[0] = words;
    for (int i = 0; i < 200; i++) {
        words[i] = px_gc_weak_hide(px_gc_alloc(32, 0));
        px_gc_weak_register(&words[i], NULL);
    }
    clear_stack();
    px_gc_collect();
    int left = 0;
    for (int i = 0; i < 200; i++) {
        left += words[i] != 0;
    }
    ck_assert_int_le(left, 2); /* conservative: a stale copy may keep one */
}
END_TEST

START_TEST(test_heap_lock) {
    ck_assert_uint_eq(px_gc_heap_locked(), 0);
    px_gc_heap_lock();
    px_gc_heap_lock();
    ck_assert_uint_eq(px_gc_heap_locked(), 2);
    ck_assert_ptr_null(px_gc_try_alloc(16, 0));
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_gc_alloc(16, 0);
        ck_abort_msg("allocated with the heap locked");
    }
    ck_assert(px_isinstance(j.exc, &px_type_MemoryError));
    ck_assert_uint_eq(px_gc_heap_unlock(), 1);
    ck_assert_uint_eq(px_gc_heap_unlock(), 0);
    ck_assert_uint_eq(px_gc_heap_unlock(), 0);
    ck_assert_ptr_nonnull(px_gc_alloc(16, 0));
}
END_TEST

/* ---- small blocks: every size class through its cache
 * Blocks of every class (and every flag combination) are handed out
 * zeroed, never twice, with exact accounting (gc.mem_alloc grows by the
 * block's size), and stay intact while blocks around them are freed
 * explicitly or by a collection and handed out again. */

#define NSLOTS 3000

static unsigned char pattern(size_t i) {
    return (unsigned char)(i * 7 + 1);
}

/* (one assertion per block: Check's are slow) */
static bool all_bytes(const unsigned char *p, size_t n, unsigned char b) {
    for (size_t k = 0; k < n; k++) {
        if (p[k] != b) {
            return false;
        }
    }
    return true;
}

/* Slot i gets a block of a size that walks through every class. With
 * `exact`, no collection may run (the accounting is checked). */
__attribute__((noinline)) static void fill_slots(unsigned char **slots, size_t from, size_t step, bool exact) {
    px_gc_enable(!exact);
    for (size_t i = from; i < NSLOTS; i += step) {
        if (slots[i] != NULL) {
            continue;
        }
        size_t n = 1 + (i * 13) % 2048;
        size_t before = px_gc_mem_alloc();
        unsigned char *p = px_gc_alloc(n, i % 3 == 0 ? PX_GC_LEAF : 0);
        size_t sz = px_gc_size(p);
        ck_assert_uint_ge(sz, n);
        if (exact) {
            ck_assert_uint_eq(px_gc_mem_alloc(), before + sz);
        }
        ck_assert(px_gc_is_block_start(p));
        ck_assert(all_bytes(p, sz, 0));
        memset(p, pattern(i), sz);
        slots[i] = p;
    }
    px_gc_enable(true);
}

__attribute__((noinline)) static void check_slots(unsigned char **slots) {
    for (size_t i = 0; i < NSLOTS; i++) {
        if (slots[i] != NULL) {
            size_t sz = px_gc_size(slots[i]);
            ck_assert_uint_ge(sz, 1 + (i * 13) % 2048);
            ck_assert(all_bytes(slots[i], sz, pattern(i)));
        }
    }
}

START_TEST(test_size_classes) {
    unsigned char **slots = px_gc_alloc(NSLOTS * sizeof *slots, 0);
    root_slot[0] = slots;
    fill_slots(slots, 0, 1, true);
    check_slots(slots);
    /* freed explicitly: the accounting gives back exactly the block */
    for (size_t i = 0; i < NSLOTS; i += 3) {
        size_t before = px_gc_mem_alloc(), sz = px_gc_size(slots[i]);
        px_gc_free(slots[i]);
        ck_assert_uint_eq(px_gc_mem_alloc(), before - sz);
        slots[i] = NULL;
    }
    fill_slots(slots, 0, 6, true); /* half of them again, among the others */
    check_slots(slots);
    /* dropped, collected, and handed out again */
    for (size_t i = 1; i < NSLOTS; i += 2) {
        slots[i] = NULL;
    }
    clear_stack();
    px_gc_collect();
    check_slots(slots);
    fill_slots(slots, 0, 1, true);
    check_slots(slots);
    /* with a threshold every block is counted when taken */
    px_gc_set_threshold(20000);
    for (size_t i = 0; i < NSLOTS; i += 4) {
        slots[i] = NULL;
    }
    fill_slots(slots, 0, 1, false); /* (collecting all the time) */
    px_gc_set_threshold(0);
    check_slots(slots);
    /* a locked heap hands out nothing, not even what a cache holds */
    void *p = px_gc_alloc(40, 0);
    ck_assert_ptr_nonnull(p);
    px_gc_heap_lock();
    ck_assert_ptr_null(px_gc_try_alloc(40, 0));
    px_gc_heap_unlock();
    ck_assert_ptr_nonnull(px_gc_try_alloc(40, 0));
    check_slots(slots);
}
END_TEST

static Suite *gc_suite(void) {
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("heap");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_sizes);
    tcase_add_test(tc, test_collect_frees);
    tcase_add_test(tc, test_roots_keep);
    tcase_add_test(tc, test_interior_pointers);
    tcase_add_test(tc, test_finalizer_runs_once);
    tcase_add_test(tc, test_finalize_all);
    tcase_add_test(tc, test_growth);
    tcase_add_test(tc, test_deep_chain_overflows_mark_stack);
    tcase_add_test(tc, test_leaf_not_scanned);
    tcase_add_test(tc, test_realloc_and_free);
    tcase_add_test(tc, test_realloc_large_in_place);
    tcase_add_test(tc, test_weak_words);
    tcase_add_test(tc, test_weak_many);
    tcase_add_test(tc, test_heap_lock);
    tcase_add_test(tc, test_size_classes);
    suite_add_tcase(s, tc);
    TCase *small = tcase_create("cap");
    tcase_add_checked_fixture(small, setup_small, NULL);
    tcase_add_test(small, test_memory_error_at_cap);
    tcase_add_test(small, test_fill_small_heap);
    suite_add_tcase(s, small);
    return s;
}

int main(void) {
    stack_top = __builtin_frame_address(0);
    return px_check_run(gc_suite(), false);
}
