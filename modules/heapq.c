/* The heapq module: a binary min-heap kept in a list, heap[k] <= heap[2k+1]
 * and heap[2k+2], compared with < only. heappush, heappop, heapify,
 * heapreplace, heappushpop, nsmallest and nlargest.
 *
 * Items move exactly as in CPython's heapq (a new item sifts towards the
 * root; a removed root is refilled by walking the smaller children down
 * to a leaf and sifting the displaced item back up), so the lists have the
 * same order afterwards. A comparison may run Python code that changes
 * the list: the length is checked after each one. */
#include "runtime.h"

static px_list *heap_arg(px_val v, const char *func, bool argument_1) {
    if (!px_isinstance(v, &px_type_list)) {
        /* CPython names None itself, other values by their type */
        px_raise_type_error(argument_1 ? "%s() argument 1 must be list, not %s" : "%s() argument must be list, not %s",
                            func, v == PX_NONE ? "None" : px_type_name(v));
    }
    return px_list_ptr(px_native(v, &px_type_list));
}

/* a < b, then a check that the heap kept its length. */
static bool less(px_list *h, size_t len, px_val a, px_val b) {
    bool r = px_less(a, b);
    if (h->len != len) {
        px_raise_msg(&px_type_RuntimeError, "list changed size during iteration");
    }
    return r;
}

/* Move the item at pos towards start while it is smaller than its parent. */
static void sift_toward_root(px_list *h, size_t start, size_t pos) {
    size_t len = h->len;
    px_val item = h->items[pos];
    while (pos > start) {
        size_t parent = (pos - 1) / 2;
        px_val p = h->items[parent];
        if (!less(h, len, item, p)) {
            break;
        }
        h->items[pos] = p;
        pos = parent;
    }
    h->items[pos] = item;
}

/* Refill pos from its smaller children down to a leaf, then put the item
 * that was at pos there and sift it back up. */
static void sift_toward_leaves(px_list *h, size_t pos) {
    size_t len = h->len, start = pos;
    px_val item = h->items[pos];
    size_t child = 2 * pos + 1;
    while (child < len) {
        size_t right = child + 1;
        if (right < len && !less(h, len, h->items[child], h->items[right])) {
            child = right;
        }
        h->items[pos] = h->items[child];
        pos = child;
        child = 2 * pos + 1;
    }
    h->items[pos] = item;
    sift_toward_root(h, start, pos);
}

static px_val heapq_heappush(px_val heap, px_val item) {
    px_list *h = heap_arg(heap, "heappush", true);
    px_list_append(px_from_ptr(h), item);
    sift_toward_root(h, 0, h->len - 1);
    return PX_NONE;
}
static PX_FUN2(heapq_heappush_obj, heappush, heapq_heappush);

static px_val heapq_heappop(px_val heap) {
    px_list *h = heap_arg(heap, "heappop", false);
    if (h->len == 0) {
        px_raise_index_error("index out of range");
    }
    px_val last = h->items[--h->len];
    h->items[h->len] = PX_NULL;
    if (h->len == 0) {
        return last;
    }
    px_val top = h->items[0];
    h->items[0] = last;
    sift_toward_leaves(h, 0);
    return top;
}
static PX_FUN1(heapq_heappop_obj, heappop, heapq_heappop);

static px_val heapq_heapreplace(px_val heap, px_val item) {
    px_list *h = heap_arg(heap, "heapreplace", true);
    if (h->len == 0) {
        px_raise_index_error("index out of range");
    }
    px_val top = h->items[0];
    h->items[0] = item;
    sift_toward_leaves(h, 0);
    return top;
}
static PX_FUN2(heapq_heapreplace_obj, heapreplace, heapq_heapreplace);

static px_val heapq_heappushpop(px_val heap, px_val item) {
    px_list *h = heap_arg(heap, "heappushpop", true);
    if (h->len == 0 || !less(h, h->len, h->items[0], item)) {
        return item;
    }
    px_val top = h->items[0];
    h->items[0] = item;
    sift_toward_leaves(h, 0);
    return top;
}
static PX_FUN2(heapq_heappushpop_obj, heappushpop, heapq_heappushpop);

static px_val heapq_heapify(px_val heap) {
    px_list *h = heap_arg(heap, "heapify", false);
    for (size_t i = h->len / 2; i-- > 0;) {
        sift_toward_leaves(h, i);
    }
    return PX_NONE;
}
static PX_FUN1(heapq_heapify_obj, heapify, heapq_heapify);

/* nsmallest(n, iterable, key=None) is sorted(iterable, key=key)[:n], and
 * nlargest the same in reverse (both stable, as CPython documents). */
static px_val first_n(size_t argc, const px_val *argv, px_val kwnames, px_qid name, bool reverse) {
    static const px_argspec spec[] = {
        {PX_Q(n), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(iterable), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(key), 0, PX_NONE},
    };
    px_val a[3];
    px_parse_args(name, argc, argv, kwnames, 3, spec, a);
    px_int n = px_index(a[0]);
    px_val sorted = px_list_sorted(a[1], a[2], reverse);
    px_list *l = px_list_ptr(sorted);
    if (n < 0) {
        n = 0;
    }
    while ((size_t)n < l->len) {
        l->items[--l->len] = PX_NULL;
    }
    return sorted;
}

static px_val heapq_nsmallest(size_t argc, const px_val *argv, px_val kwnames) {
    return first_n(argc, argv, kwnames, PX_Q(nsmallest), false);
}
static PX_FUNKW(heapq_nsmallest_obj, nsmallest, 0, 3, heapq_nsmallest);

static px_val heapq_nlargest(size_t argc, const px_val *argv, px_val kwnames) {
    return first_n(argc, argv, kwnames, PX_Q(nlargest), true);
}
static PX_FUNKW(heapq_nlargest_obj, nlargest, 0, 3, heapq_nlargest);

static const px_map_entry heapq_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(heapq))),
    PX_ENTRY_OBJ(heapify, &heapq_heapify_obj),
    PX_ENTRY_OBJ(heappop, &heapq_heappop_obj),
    PX_ENTRY_OBJ(heappush, &heapq_heappush_obj),
    PX_ENTRY_OBJ(heappushpop, &heapq_heappushpop_obj),
    PX_ENTRY_OBJ(heapreplace, &heapq_heapreplace_obj),
    PX_ENTRY_OBJ(nlargest, &heapq_nlargest_obj),
    PX_ENTRY_OBJ(nsmallest, &heapq_nsmallest_obj),
};
static PX_CONST_MAP(heapq_globals, heapq_table);
PX_MODULE_DEF(heapq, heapq_globals, PX_MODULE_EXTENSIBLE, NULL);
