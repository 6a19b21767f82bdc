/* The micropython module: MicroPython-specific controls (the docs'
 * "micropython – access and control MicroPython internals"). */
#include "runtime.h"

/* The compiler folds `NAME = const(x)` itself (compiler/scope.c); this is
 * for other uses, and for code that runs under CPython too. */
static px_val mp_const(px_val v) {
    return v;
}

/* The compiler's level (-O): code compiled later drops asserts from 1 on. */
static px_val mp_opt_level(size_t argc, const px_val *argv) {
    if (argc == 0) {
        return px_small(px_compile_optimize);
    }
    px_int level = px_index(argv[0]);
    px_compile_optimize = level < 0 ? 0 : level > 255 ? 255 : (int)level;
    return PX_NONE;
}

/* mem_info([verbose]): the stack, the heap, and with verbose a map of the
 * heap's pages (see px_gc_stats). */
static px_val mp_mem_info(size_t argc, const px_val *argv) {
    px_out *out = &px_out_stdout;
    size_t stack_size;
    size_t stack = px_stack_use(&stack_size);
    px_gc_info gi;
    bool verbose = argc > 0 && px_truthy(argv[0]);
    px_gc_stats(&gi, NULL);
    px_printf(out, "stack: %zu out of %zu\n", stack, stack_size);
    px_printf(out, "GC: total: %zu, used: %zu, free: %zu\n", gi.cap, gi.used, px_gc_mem_free());
    px_printf(out, " heap from the system: %zu bytes; %zu small blocks in %zu pages, %zu large blocks\n",
              gi.mapped, gi.small_blocks, gi.small_pages, gi.large_blocks);
    px_printf(out, " largest block: %zu bytes, largest free run: %zu bytes\n", gi.max_block,
              gi.max_free_pages << PX_GC_PAGE_SHIFT);
    if (verbose) {
        px_write_cstr(out, "GC memory layout (. free, s/S small blocks, L= large block):\n");
        px_gc_stats(&gi, out);
    }
    return PX_NONE;
}

/* qstr_info([verbose]): interned names; the ones made at run time take
 * RAM (the others are in the binary's const table). */
static px_val mp_qstr_info(size_t argc, const px_val *argv) {
    px_out *out = &px_out_stdout;
    size_t bytes;
    size_t n = px_qstr_dynamic(&bytes);
    px_printf(out, "qstr pool: n_static=%u, n_dynamic=%zu, bytes_dynamic=%zu\n",
              (unsigned)PX_QID__STATIC_COUNT - 1, n, bytes);
    if (argc > 0 && px_truthy(argv[0])) {
        for (size_t i = 0; i < n; i++) {
            px_qid q = (px_qid)(PX_QID__STATIC_COUNT + i);
            px_printf(out, "Q(%.*s)\n", (int)px_qstr_len(q), px_qstr_str(q));
        }
    }
    return PX_NONE;
}

static px_val mp_stack_use(void) {
    return px_int_from_u64(px_stack_use(NULL));
}

static px_val mp_heap_lock(void) {
    px_gc_heap_lock();
    return PX_NONE;
}

static px_val mp_heap_unlock(void) {
    return px_small((px_int)px_gc_heap_unlock());
}

static px_val mp_heap_locked(void) {
    return px_small((px_int)px_gc_heap_locked());
}

/* kbd_intr(chr): the console character that raises KeyboardInterrupt
 * (3, Ctrl-C, by default); -1 turns it off (the port's doing: on Linux,
 * the terminal's interrupt character). */
static px_val mp_kbd_intr(px_val c) {
    px_int ch = px_index(c);
    if (ch < -1 || ch > 255) {
        px_raise_value_error("kbd_intr character must be -1 or in range(256)");
    }
    px_port_set_interrupt_char((int)ch);
    return PX_NONE;
}

/* Exceptions raised where the heap cannot allocate (heap_lock, an
 * interrupt handler) use a preallocated MemoryError and keep no traceback,
 * and other exception objects are made in the heap, which has no fixed
 * emergency area to reserve: the size is checked and nothing else is
 * needed. */
static px_val mp_alloc_emergency_exception_buf(px_val n) {
    if (px_index(n) < 0) {
        px_raise_value_error("negative buffer size");
    }
    return PX_NONE;
}

/* micropython.schedule(func, arg): func(arg) runs soon, between bytecodes. */
static px_val mp_schedule(px_val func, px_val arg) {
    if (!px_callable(func)) {
        px_raise_type_error("'%s' object is not callable", px_type_name(func));
    }
    if (!px_sched_schedule(func, arg)) {
        px_raise_msg(&px_type_RuntimeError, "schedule queue full");
    }
    return PX_NONE;
}

static PX_FUN1(mp_const_obj, const, mp_const);
static PX_FUNV(mp_opt_level_obj, opt_level, 0, 1, mp_opt_level);
static PX_FUNV(mp_mem_info_obj, mem_info, 0, 1, mp_mem_info);
static PX_FUNV(mp_qstr_info_obj, qstr_info, 0, 1, mp_qstr_info);
static PX_FUN0(mp_stack_use_obj, stack_use, mp_stack_use);
static PX_FUN0(mp_heap_lock_obj, heap_lock, mp_heap_lock);
static PX_FUN0(mp_heap_unlock_obj, heap_unlock, mp_heap_unlock);
static PX_FUN0(mp_heap_locked_obj, heap_locked, mp_heap_locked);
static PX_FUN1(mp_kbd_intr_obj, kbd_intr, mp_kbd_intr);
static PX_FUN2(mp_schedule_obj, schedule, mp_schedule);
static PX_FUN1(mp_alloc_emergency_exception_buf_obj, alloc_emergency_exception_buf, mp_alloc_emergency_exception_buf);

/* Sorted by name bytes. */
static const px_map_entry micropython_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(micropython))),
    PX_ENTRY_OBJ(alloc_emergency_exception_buf, &mp_alloc_emergency_exception_buf_obj),
    PX_ENTRY_OBJ(const, &mp_const_obj),
    PX_ENTRY_OBJ(heap_lock, &mp_heap_lock_obj),
    PX_ENTRY_OBJ(heap_locked, &mp_heap_locked_obj),
    PX_ENTRY_OBJ(heap_unlock, &mp_heap_unlock_obj),
    PX_ENTRY_OBJ(kbd_intr, &mp_kbd_intr_obj),
    PX_ENTRY_OBJ(mem_info, &mp_mem_info_obj),
    PX_ENTRY_OBJ(opt_level, &mp_opt_level_obj),
    PX_ENTRY_OBJ(qstr_info, &mp_qstr_info_obj),
    PX_ENTRY_OBJ(schedule, &mp_schedule_obj),
    PX_ENTRY_OBJ(stack_use, &mp_stack_use_obj),
};
static PX_CONST_MAP(micropython_globals, micropython_table);
PX_MODULE_DEF(micropython, micropython_globals, 0, NULL);
