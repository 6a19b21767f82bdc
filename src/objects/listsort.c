/* list.sort: a stable merge sort (insertion-sorted runs, then bottom-up
 * merges) on a copy of the items, so a comparison or key function that
 * raises leaves the list as it was. */
#include "contutil.h"

typedef struct {
    px_val key;
    px_val val;
} pair;

/* a < b, with fast paths for small ints, floats and names */
static bool less(px_val a, px_val b) {
    if (px_is_small(a) && px_is_small(b)) {
        return px_small_get(a) < px_small_get(b);
    }
#if PX_HAS_FLOAT
    if (px_is_float_imm(a) && px_is_float_imm(b)) {
        return px_float_get(a) < px_float_get(b);
    }
#endif
    return px_less(a, b);
}

/* Should b go before a? For reverse order, b goes first when a < b;
 * equal items never swap, which keeps the sort stable both ways. */
static bool before(px_val b, px_val a, bool reverse) {
    return reverse ? less(a, b) : less(b, a);
}

static void insertion_sort(pair *p, size_t lo, size_t hi, bool reverse) {
    for (size_t i = lo + 1; i < hi; i++) {
        pair x = p[i];
        size_t j = i;
        while (j > lo && before(x.key, p[j - 1].key, reverse)) {
            p[j] = p[j - 1];
            j--;
        }
        p[j] = x;
    }
}

static void merge(pair *src, pair *dst, size_t lo, size_t mid, size_t hi, bool reverse) {
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        if (before(src[j].key, src[i].key, reverse)) {
            dst[k++] = src[j++];
        } else {
            dst[k++] = src[i++];
        }
    }
    while (i < mid) {
        dst[k++] = src[i++];
    }
    while (j < hi) {
        dst[k++] = src[j++];
    }
}

#define RUN 16

static void sort_pairs(pair *a, size_t n, px_val key, bool reverse) {
    for (size_t i = 0; i < n; i++) {
        a[i].key = key == PX_NONE ? a[i].val : px_call1(key, a[i].val);
    }
    /* Already in order, or strictly the other way round (reversing keeps
     * it stable then): common inputs, done in one pass. */
    size_t i = 1;
    while (i < n && !before(a[i].key, a[i - 1].key, reverse)) {
        i++;
    }
    if (i == n) {
        return;
    }
    if (i == 1) {
        while (i < n && before(a[i].key, a[i - 1].key, reverse)) {
            i++;
        }
        if (i == n) {
            for (size_t lo = 0, hi = n - 1; lo < hi; lo++, hi--) {
                pair t = a[lo];
                a[lo] = a[hi];
                a[hi] = t;
            }
            return;
        }
    }
    for (size_t lo = 0; lo < n; lo += RUN) {
        insertion_sort(a, lo, lo + RUN < n ? lo + RUN : n, reverse);
    }
    if (n > RUN) {
        pair *b = px_gc_alloc(n * sizeof(pair), 0);
        pair *src = a;
        for (size_t width = RUN; width < n; width *= 2) {
            for (size_t lo = 0; lo < n; lo += 2 * width) {
                size_t mid = lo + width < n ? lo + width : n;
                size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
                merge(src, b, lo, mid, hi, reverse);
            }
            pair *t = src;
            src = b;
            b = t;
        }
        if (src != a) {
            memcpy(a, src, n * sizeof(pair));
        }
    }
}

/* While sorting, the list looks empty (as in CPython), so key functions
 * and comparisons that change it are detected afterwards. */
void px_list_sort(px_val list, px_val key, bool reverse) {
    px_list *l = px_list_ptr(list);
    size_t n = l->len;
    if (n == 0 || (n == 1 && key == PX_NONE)) {
        return;
    }
    px_val *items = l->items;
    size_t alloc = l->alloc;
    pair *a = px_gc_alloc(n * sizeof(pair), 0);
    for (size_t i = 0; i < n; i++) {
        a[i].val = items[i];
    }
    l->items = NULL;
    l->len = l->alloc = 0;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        sort_pairs(a, n, key, reverse);
        px_try_pop(&j);
    } else {
        l->items = items; /* untouched: the sort worked on a copy */
        l->len = n;
        l->alloc = alloc;
        px_raise(j.exc);
    }
    bool modified = l->items != NULL || l->len != 0;
    for (size_t i = 0; i < n; i++) {
        items[i] = a[i].val;
    }
    l->items = items;
    l->len = n;
    l->alloc = alloc;
    if (modified) {
        px_raise_value_error("list modified during sort");
    }
}

px_val px_list_sorted(px_val iterable, px_val key, bool reverse) {
    px_val list = px_list_from_iter(iterable);
    px_list_sort(list, key, reverse);
    return list;
}
