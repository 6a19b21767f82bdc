/* The micropython module: MicroPython-specific controls. */
#include "runtime.h"

static px_val mp_const(px_val v) {
    return v; /* the compiler may also fold const() away */
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

static px_val mp_mem_info(size_t argc, const px_val *argv) {
    size_t used = px_gc_mem_alloc(), cap = px_gc_cap();
    px_printf(&px_out_stdout, "GC: total: %zu, used: %zu, free: %zu\n", cap, used, px_gc_mem_free());
    px_printf(&px_out_stdout, " heap chunks: %zu bytes mapped\n", px_gc_heap_size());
    return PX_NONE;
}

static px_val mp_qstr_info(size_t argc, const px_val *argv) {
    px_printf(&px_out_stdout, "qstr pool: n_static=%u\n", (unsigned)PX_QID__STATIC_COUNT - 1);
    return PX_NONE;
}

/* Accepted for compatibility: on Linux Ctrl-C arrives as SIGINT, and
 * MemoryError needs no emergency buffer here. */
static px_val mp_kbd_intr(px_val c) {
    px_index(c);
    return PX_NONE;
}

static px_val mp_alloc_emergency_exception_buf(px_val n) {
    px_index(n);
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
static PX_FUN1(mp_kbd_intr_obj, kbd_intr, mp_kbd_intr);
static PX_FUN2(mp_schedule_obj, schedule, mp_schedule);
static PX_FUN1(mp_alloc_emergency_exception_buf_obj, alloc_emergency_exception_buf, mp_alloc_emergency_exception_buf);

/* Sorted by name bytes. */
static const px_map_entry micropython_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(micropython))),
    PX_ENTRY_OBJ(alloc_emergency_exception_buf, &mp_alloc_emergency_exception_buf_obj),
    PX_ENTRY_OBJ(const, &mp_const_obj),
    PX_ENTRY_OBJ(kbd_intr, &mp_kbd_intr_obj),
    PX_ENTRY_OBJ(mem_info, &mp_mem_info_obj),
    PX_ENTRY_OBJ(opt_level, &mp_opt_level_obj),
    PX_ENTRY_OBJ(qstr_info, &mp_qstr_info_obj),
    PX_ENTRY_OBJ(schedule, &mp_schedule_obj),
};
static PX_CONST_MAP(micropython_globals, micropython_table);
PX_MODULE_DEF(micropython, micropython_globals, 0, NULL);
