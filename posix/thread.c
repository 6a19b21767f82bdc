/* Threads on POSIX threads with a global interpreter lock (the GIL).
 *
 * One thread runs the interpreter at a time. It lets go in every blocking
 * wait (px_events_wait_us, a _thread lock), and when another thread has
 * waited for a time slice (SLICE_US): the waiter then sets px_st.pending,
 * so the holder reaches px_port_poll -> px_thread_poll at its next
 * bytecode and hands over. The per-thread parts of px_st (the handler
 * chain, the VM frame, depth, the exception being handled, the C stack's
 * bounds) and the VM's frame stack are saved when a thread lets go and restored when it takes the
 * lock again. While a thread waits, the collector (run by whichever
 * thread holds the lock) scans its saved registers, its stack from the
 * address it stopped at up to its top, and the live part of its frame
 * stack (px_gc_set_extra_roots).
 *
 * Signals go to the main thread only: the others block them all, and
 * px_port_poll turns signals into exceptions only there. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "events.h"
#include "posix.h"
#include "thread.h"
#include "vm/frame.h"

#define SLICE_US 5000
#define DEFAULT_STACK (1u << 20)

typedef struct px_thread {
    struct px_thread *next;
    unsigned long ident;
    bool main;
    void *stack_top;
    char *stack_limit;
    size_t stack_size;
    const void *sp; /* while waiting for the lock: where its stack is in use from */
    jmp_buf regs;   /* ... and its registers then */
    /* px_st's per-thread fields while it does not run */
    struct px_jmp *jmp_top;
    void *frame;
    unsigned depth;
    px_val handled_exc, stop_value;
    px_vm_fstack fs; /* its frame stack (the VM's frames live there) */
    /* what the thread runs */
    px_val fn, args, kwargs;
} px_thread;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn = PTHREAD_COND_INITIALIZER;
static bool held;            /* someone runs the interpreter */
static unsigned waiting;     /* threads waiting for it */
static unsigned long handovers;
static atomic_bool drop_request; /* set by a waiter, read by the holder */
/* Set by the first start_new_thread, before a second thread exists, and
 * never cleared: threads that wait for the GIL may read it. */
static bool active;
static px_thread *threads; /* every thread, read and changed only with the GIL held */
static _Thread_local px_thread *self;

/* ---- the collector's view of the other threads */

/* A waiting thread's stack from the frame that let go of the lock up to
 * its top: every object the thread still uses is there or in its saved
 * registers. The thread goes on running meanwhile, in frames below and
 * in the innermost of these (the wait itself), so this reads words it may
 * be writing. Those words hold no object it needs (it touches none until
 * it has the lock again, and what it held at the hand-over is in the
 * frames and registers saved then), so a word read as it changes can at
 * worst keep an unreachable block alive one collection longer: a benign
 * race, which ThreadSanitizer reports and tests/tsan.supp suppresses by
 * this function's name (not inlined, so it is in the report's stack). */
__attribute__((noinline)) static void scan_waiting_stack(const px_thread *t, px_gc_scan_fn scan) {
    scan(t->sp, t->stack_top);
}

static void scan_threads(px_gc_scan_fn scan) {
    for (px_thread *t = threads; t != NULL; t = t->next) {
        scan(t, t + 1); /* its saved px_vals and its function */
        if (t != self && t->sp != NULL) {
            scan_waiting_stack(t, scan);
        }
        if (t != self) {
            px_vm_fs_scan(&t->fs, scan); /* its frames (leaf chunks) */
        }
    }
}

/* ---- the lock */

static void save(px_thread *t) {
    t->jmp_top = px_st.jmp_top;
    t->frame = px_st.frame;
    t->depth = px_st.depth;
    t->handled_exc = px_st.handled_exc;
    t->stop_value = px_st.stop_value;
    t->fs = px_vm_fs;
}

static void restore(px_thread *t) {
    px_st.jmp_top = t->jmp_top;
    px_st.frame = t->frame;
    px_st.depth = t->depth;
    px_st.handled_exc = t->handled_exc;
    px_st.stop_value = t->stop_value;
    px_vm_fs = t->fs;
    px_st.stack_limit = t->stack_limit;
    px_gc_set_stack_top(t->stack_top);
    t->sp = NULL;
}

static void deadline_in(struct timespec *ts, long us) {
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_nsec += us * 1000;
    ts->tv_sec += ts->tv_nsec / 1000000000;
    ts->tv_nsec %= 1000000000;
}

/* Take the lock: wait a slice, then ask the holder to hand over. */
static void take(void) {
    pthread_mutex_lock(&mu);
    waiting++;
    while (held) {
        struct timespec ts;
        deadline_in(&ts, SLICE_US);
        if (pthread_cond_timedwait(&turn, &mu, &ts) == ETIMEDOUT && held) {
            drop_request = true;
            px_st.pending = 1; /* so the holder reaches px_thread_poll */
        }
    }
    waiting--;
    held = true;
    handovers++;
    drop_request = false;
    pthread_mutex_unlock(&mu);
}

static void give(void) {
    pthread_mutex_lock(&mu);
    held = false;
    pthread_cond_broadcast(&turn);
    pthread_mutex_unlock(&mu);
}

/* Not inlined: its frame is below the caller's, so [sp, top) covers every
 * frame of the thread, and the registers are saved here. */
__attribute__((noinline)) void px_thread_release(void) {
    if (!active) {
        return;
    }
    px_thread *t = self;
    save(t);
#if defined(__GNUC__) || defined(__clang__)
    __builtin_unwind_init();
#endif
    setjmp(t->regs);
    volatile char here = 0;
    t->sp = (const void *)&here;
    give();
    if (!t->main) {
        px_events_wake(); /* what it did may be what the main thread waits for */
    }
}

void px_thread_acquire(void) {
    if (!active) {
        return;
    }
    take();
    restore(self);
}

void px_thread_poll(void) {
    if (!active || !drop_request) {
        return;
    }
    pthread_mutex_lock(&mu);
    bool others = waiting > 0;
    unsigned long seen = handovers;
    pthread_mutex_unlock(&mu);
    if (!others) {
        drop_request = false;
        return;
    }
    px_thread_release();
    /* let a waiter take it before trying again */
    pthread_mutex_lock(&mu);
    while (handovers == seen && waiting > 0) {
        struct timespec ts;
        deadline_in(&ts, SLICE_US);
        pthread_cond_timedwait(&turn, &mu, &ts);
    }
    pthread_mutex_unlock(&mu);
    px_thread_acquire();
}

void px_thread_handover(void) {
    drop_request = true;
}

bool px_thread_is_main(void) {
    return self == NULL || self->main;
}

unsigned long px_thread_ident(void) {
    return self != NULL ? self->ident : (unsigned long)pthread_self();
}

/* ---- starting threads */

/* The first start_new_thread: the running thread becomes the main one. */
static void activate(void) {
    if (active) {
        return;
    }
    px_thread *m = calloc(1, sizeof *m);
    if (m == NULL) {
        px_raise_memory_error();
    }
    m->main = true;
    m->ident = (unsigned long)pthread_self();
    m->stack_top = px_gc_stack_top();
    m->stack_limit = px_st.stack_limit;
    m->handled_exc = m->stop_value = m->fn = m->args = m->kwargs = PX_NULL;
    self = m;
    held = true;
    threads = m;
    active = true;
    px_events_wake_init();
    px_gc_set_extra_roots(scan_threads);
}

static void unlink_thread(px_thread *t) {
    for (px_thread **p = &threads; *p != NULL; p = &(*p)->next) {
        if (*p == t) {
            *p = t->next;
            return;
        }
    }
}

/* An exception ended the thread: as MicroPython, its report is "Unhandled
 * exception in thread started by <function>" and the traceback, and the
 * program goes on. The report must not end the process: printing the
 * function may run Python code (a bound method's repr) and the heap may
 * be full (a MemoryError's report allocates nothing; the objects it
 * names are reachable: exc from this frame, t->fn from the thread list,
 * the traceback from exc or, for the MemoryError, from its rooted
 * entries). A part that fails to print says so, as CPython does. */
static void report_uncaught(px_thread *t, px_val exc) {
    px_printf(&px_out_stderr, "Unhandled exception in thread started by ");
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_print(&px_out_stderr, t->fn, PX_PRINT_REPR);
        px_try_pop(&j);
    } else {
        px_printf(&px_out_stderr, "<object repr() failed>");
    }
    px_printf(&px_out_stderr, "\n");
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_exc_print(&px_out_stderr, exc);
        px_try_pop(&j);
    } else {
        px_printf(&px_out_stderr, "\n(error while printing an exception: %s)\n", px_type_name(j.exc));
    }
}

static void run(px_thread *t) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        size_t n;
        px_val *items = px_seq_items(t->args, &n);
        if (t->kwargs == PX_NULL || t->kwargs == PX_NONE) {
            px_call(t->fn, n, items, PX_NULL);
        } else {
            px_val list = px_list_new(0, NULL);
            px_val kwargs = t->kwargs;
            for (size_t i = 0; i < n; i++) {
                px_list_append(list, items[i]);
            }
            px_val keys = px_list_from_iter(kwargs);
            size_t nk;
            px_val *ks = px_seq_items(keys, &nk);
            for (size_t i = 0; i < nk; i++) {
                px_list_append(list, px_subscr_load(kwargs, ks[i]));
            }
            size_t total;
            px_val *all = px_seq_items(list, &total);
            px_call(t->fn, n, all, px_tuple_new(nk, ks));
        }
        px_try_pop(&j);
    } else if (!px_exc_matches(j.exc, px_from_ptr(&px_type_SystemExit))) {
        report_uncaught(t, j.exc);
    }
}

static void *thread_main(void *arg) {
    px_thread *t = arg;
    volatile char top = 0;
    self = t;
    take();
    /* written with the lock held: the collector reads *t */
    t->stack_top = (void *)(&top + 1);
    size_t usable = t->stack_size > (128u << 10) ? t->stack_size - (64u << 10) : t->stack_size / 2;
    t->stack_limit = (char *)&top - usable;
    restore(t);
    run(t);
    unlink_thread(t);
    px_st.jmp_top = NULL;
    give();
    px_events_wake();
    free(t);
    return NULL;
}

unsigned long px_thread_start(px_val fn, px_val args, px_val kwargs, size_t stack_size) {
    activate();
    px_thread *t = calloc(1, sizeof *t);
    if (t == NULL) {
        px_raise_memory_error();
    }
    t->stack_size = stack_size ? stack_size : DEFAULT_STACK;
    t->fn = fn;
    t->args = args;
    t->kwargs = kwargs;
    t->handled_exc = t->stop_value = PX_NULL;
    t->jmp_top = NULL;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_attr_setstacksize(&attr, t->stack_size) != 0) {
        pthread_attr_destroy(&attr);
        free(t);
        px_raise_value_error("size not valid: %zu bytes", stack_size);
    }
    /* the new thread starts with every signal blocked: they are the main
     * thread's */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    t->next = threads; /* linked before it runs, so its function stays alive */
    threads = t;
    pthread_t id;
    int err = pthread_create(&id, &attr, thread_main, t);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        unlink_thread(t);
        free(t);
        px_raise_os_error(err, "can't start new thread");
    }
    t->ident = (unsigned long)id;
    return t->ident;
}
