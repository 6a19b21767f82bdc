/* Interpreter-wide state in one struct (one interpreter per process; a
 * thread-state split comes with threads). Fields are grouped by owner. */
#ifndef PX_STATE_H
#define PX_STATE_H

#include <stdatomic.h>
#include <stdbool.h>

#include "../object.h"

struct px_jmp;

typedef struct px_state {
    /* core/error.c */
    struct px_jmp *jmp_top;
    /* vm/ */
    void *frame;             /* innermost active VM frame */
    unsigned depth;          /* Python call depth */
    unsigned recursion_limit;
    char *stack_limit;       /* raise RecursionError below this C stack address */
    px_val handled_exc;      /* exception being handled (sys.exc_info), or PX_NULL */
    /* runtime/ */
    px_val builtins;         /* the builtins module */
    px_val main_module;
    px_val modules;          /* sys.modules dict */
    px_val path;             /* sys.path list */
    px_val argv;             /* sys.argv list */
    px_val repl_last;        /* `_` in the REPL */
    px_val sys_module;       /* the sys module once made (modules/sys.c), or PX_NULL:
                                import reads sys.path from it */
    /* scheduler: set asynchronously (signal handlers, and other threads
     * asking the running one to hand over), checked between bytecodes.
     * Atomic, so a write on one thread and a read on another is no data
     * race; not a GC root (init.c). */
    atomic_int pending;
    px_val pending_exc;      /* e.g. KeyboardInterrupt to raise at the next check */
    /* The value of the StopIteration that ended an iterator: a `next` slot
     * that returns PX_NULL because a generator returned a value or a
     * Python __next__ raised StopIteration(v) sets it (PX_NULL: none);
     * wrappers (map, zip, ...) pass the PX_NULL on and next() raises
     * StopIteration with it. Only meaningful right after such a call. */
    px_val stop_value;
    /* core/sched.c: the queue of scheduled callbacks (a ring) */
    px_val sched_func[PX_SCHED_DEPTH];
    px_val sched_arg[PX_SCHED_DEPTH];
    unsigned sched_head, sched_len;
    bool sched_running;      /* a callback is running: others wait for it */
} px_state;

extern px_state px_st;

/* The VM's pending check: a relaxed read (a plain load on every target);
 * the work the flag announces is ordered by the port's own locking. */
static inline bool px_pending(void) {
    return atomic_load_explicit(&px_st.pending, memory_order_relaxed) != 0;
}

/* Initialise everything (heap of `heap_cap` bytes) and tear down. */
void px_init(size_t heap_cap, void *stack_top);
void px_deinit(void);
/* The C stack the interpreter runs on: `top` (highest address) and its
 * size; sets px_st.stack_limit with a safety margin. px_init assumes 8 MiB. */
void px_set_c_stack(void *top, size_t size);
/* Bytes of C stack in use now (micropython.stack_use), and its size. */
size_t px_stack_use(size_t *size);
/* Work a module must do when the program ends normally (weakref.finalize
 * objects with atexit set): the port calls px_run_exit_hooks once, after
 * sys.atexit's function and before px_deinit. A hook may run Python code;
 * it reports its own errors (an exception escaping it ends the remaining
 * hooks). Hooks run last added first, each once. */
void px_add_exit_hook(void (*fn)(void));
void px_run_exit_hooks(void);
/* A module's part in the soft reset in place (the REPL's on Linux,
 * src/repl/exec.c), for state that outlives the program's objects (the
 * VFS's mount table): fn(true) when the REPL starts, to remember the state a
 * soft reset returns to, and fn(false) at each soft reset, to return to it
 * (while the program's globals and modules are still there). A module that
 * registers after the REPL started takes its start state itself. Hooks run
 * last added first and stay registered; they must not raise. A board that
 * soft-resets by starting afresh (px_deinit, px_init) needs none. */
void px_add_reset_hook(void (*fn)(bool start));
void px_run_reset_hooks(bool start);

#endif
