/* Start-up and shut-down of the interpreter. */
#include "../runtime.h"

px_state px_st;

/* PX_STACK_MARGIN (config.h): leave this much C stack unused below the
 * limit: C code between two checks (a deep repr, the compiler on nested
 * input, a finalizer) needs room to raise RecursionError and unwind. */
#define STACK_MARGIN PX_STACK_MARGIN
#define DEFAULT_STACK (8u << 20)

static struct {
    char *top;  /* the C stack's highest address */
    size_t size;
    void (*exit_hooks[8])(void);
    unsigned nexit;
    void (*reset_hooks[4])(bool start);
    unsigned nreset;
} core;

void px_set_c_stack(void *top, size_t size) {
    core.top = top;
    core.size = size;
    px_gc_set_stack_top(top);
    size_t usable = size > 2 * STACK_MARGIN ? size - STACK_MARGIN : size / 2;
    px_st.stack_limit = (char *)top - usable;
}

size_t px_stack_use(size_t *size) {
    volatile char here = 0;
    if (size != NULL) {
        *size = core.size;
    }
    return core.top > (char *)&here ? (size_t)(core.top - (char *)&here) : 0;
}

void px_add_exit_hook(void (*fn)(void)) {
    for (unsigned i = 0; i < core.nexit; i++) {
        if (core.exit_hooks[i] == fn) {
            return;
        }
    }
    if (core.nexit == sizeof core.exit_hooks / sizeof core.exit_hooks[0]) {
        px_port_fatal("too many exit hooks");
    }
    core.exit_hooks[core.nexit++] = fn;
}

void px_add_reset_hook(void (*fn)(bool start)) {
    for (unsigned i = 0; i < core.nreset; i++) {
        if (core.reset_hooks[i] == fn) {
            return;
        }
    }
    if (core.nreset == sizeof core.reset_hooks / sizeof core.reset_hooks[0]) {
        px_port_fatal("too many soft reset hooks");
    }
    core.reset_hooks[core.nreset++] = fn;
}

void px_run_reset_hooks(bool start) {
    /* last added first; they stay for the next soft reset */
    for (unsigned i = core.nreset; i > 0; i--) {
        core.reset_hooks[i - 1](start);
    }
}

void px_run_exit_hooks(void) {
    /* last added first; each runs once */
    while (core.nexit > 0) {
        core.exit_hooks[--core.nexit]();
    }
}

void px_init(size_t heap_cap, void *stack_top) {
    memset(&px_st, 0, sizeof px_st);
    core.nexit = core.nreset = 0;
    px_gc_init(heap_cap);
    px_vm_init();
    px_set_c_stack(stack_top, DEFAULT_STACK);
    /* every px_val in px_st is a root (the C-only fields are harmless),
     * but for `pending`, which other threads write while the collector
     * runs (an atomic the collector would read plainly) */
    px_gc_add_root(&px_st, offsetof(px_state, pending));
    px_gc_add_root(&px_st.pending_exc, sizeof px_st - offsetof(px_state, pending_exc));
    px_qstr_init();
    px_st.recursion_limit = PX_RECURSION_LIMIT;
    px_st.handled_exc = PX_NULL;
    px_st.builtins = px_builtins_module();
    px_import_init();
}

void px_deinit(void) {
    px_gc_finalize_all();
}
