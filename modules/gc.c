/* The gc module: control of the collector in core/gc.c. */
#include "runtime.h"

/* What the collection queued (weakref callbacks and finalize calls, the
 * closing of dropped generators) runs before gc.collect() returns, as in
 * CPython, instead of at the next call or backward jump. */
static px_val gc_collect(void) {
    px_gc_collect();
    if (px_st.pending) {
        px_check_pending();
    }
    return PX_NONE;
}

static px_val gc_enable(void) {
    px_gc_enable(true);
    return PX_NONE;
}

static px_val gc_disable(void) {
    px_gc_enable(false);
    return PX_NONE;
}

static px_val gc_isenabled(void) {
    return px_bool(px_gc_is_enabled());
}

static px_val gc_mem_free(void) {
    return px_int_from_u64(px_gc_mem_free());
}

static px_val gc_mem_alloc(void) {
    return px_int_from_u64(px_gc_mem_alloc());
}

/* threshold() -> current (-1: none); threshold(n): n < 0 turns it off. */
static px_val gc_threshold(size_t argc, const px_val *argv) {
    if (argc == 0) {
        size_t t = px_gc_threshold();
        return t == 0 ? px_small(-1) : px_int_from_u64(t);
    }
    px_int n = px_index(argv[0]);
    px_gc_set_threshold(n <= 0 ? 0 : (size_t)n);
    return PX_NONE;
}

static PX_FUN0(gc_collect_obj, collect, gc_collect);
static PX_FUN0(gc_enable_obj, enable, gc_enable);
static PX_FUN0(gc_disable_obj, disable, gc_disable);
static PX_FUN0(gc_isenabled_obj, isenabled, gc_isenabled);
static PX_FUN0(gc_mem_free_obj, mem_free, gc_mem_free);
static PX_FUN0(gc_mem_alloc_obj, mem_alloc, gc_mem_alloc);
static PX_FUNV(gc_threshold_obj, threshold, 0, 1, gc_threshold);

/* Sorted by name bytes. */
static const px_map_entry gc_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(gc))),
    PX_ENTRY_OBJ(collect, &gc_collect_obj),
    PX_ENTRY_OBJ(disable, &gc_disable_obj),
    PX_ENTRY_OBJ(enable, &gc_enable_obj),
    PX_ENTRY_OBJ(isenabled, &gc_isenabled_obj),
    PX_ENTRY_OBJ(mem_alloc, &gc_mem_alloc_obj),
    PX_ENTRY_OBJ(mem_free, &gc_mem_free_obj),
    PX_ENTRY_OBJ(threshold, &gc_threshold_obj),
};
static PX_CONST_MAP(gc_globals, gc_table);
PX_MODULE_DEF(gc, gc_globals, 0, NULL);
