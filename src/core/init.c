/* Start-up and shut-down of the interpreter. */
#include "../runtime.h"

px_state px_st;

/* Leave this much C stack unused below the limit: C code between two
 * checks (a deep repr, the compiler on nested input, a finalizer) needs
 * room to raise RecursionError and unwind. */
#define STACK_MARGIN (256u << 10)
#define DEFAULT_STACK (8u << 20)

void px_set_c_stack(void *top, size_t size) {
    px_gc_set_stack_top(top);
    size_t usable = size > 2 * STACK_MARGIN ? size - STACK_MARGIN : size / 2;
    px_st.stack_limit = (char *)top - usable;
}

void px_init(size_t heap_cap, void *stack_top) {
    memset(&px_st, 0, sizeof px_st);
    px_gc_init(heap_cap);
    px_set_c_stack(stack_top, DEFAULT_STACK);
    /* every px_val in px_st is a root (the C-only fields are harmless) */
    px_gc_add_root(&px_st, sizeof px_st);
    px_qstr_init();
    px_st.recursion_limit = PX_RECURSION_LIMIT;
    px_st.handled_exc = PX_NULL;
    px_st.builtins = px_builtins_module();
    px_import_init();
}

void px_deinit(void) {
    px_gc_finalize_all();
}
