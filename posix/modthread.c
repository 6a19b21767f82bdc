/* The _thread module: start_new_thread, allocate_lock, get_ident,
 * stack_size, on thread.c's threads. A lock's waiters let the
 * interpreter go while they wait, and the main thread still sees its
 * signals (it looks every WAKE_MS). */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>

#include "thread.h"

#define WAKE_MS 50

/* `locked` changes only with the interpreter held and lock_mu taken; a
 * waiter, which has let go of the interpreter, reads it under lock_mu. */
typedef struct {
    px_obj base;
    bool locked;
} px_lock;

extern const px_type px_type_lock;

static pthread_mutex_t lock_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t lock_cv = PTHREAD_COND_INITIALIZER;
static size_t next_stack_size;

static px_lock *lock_of(px_val v) {
    return px_as_ptr(v);
}

/* Lock it if it is free; whether it was. */
static bool try_lock(px_lock *l) {
    pthread_mutex_lock(&lock_mu);
    bool was_free = !l->locked;
    l->locked = true;
    pthread_mutex_unlock(&lock_mu);
    return was_free;
}

/* acquire(blocking=True, timeout=-1) */
static px_val lock_acquire(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(self), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(blocking), 0, PX_TRUE},
        {PX_Q(timeout), 0, PX_SMALL_CONST(-1)},
    };
    px_val a[3];
    px_parse_args(PX_Q(acquire), argc, argv, kwnames, 3, spec, a);
    px_lock *l = lock_of(a[0]);
    bool blocking = px_truthy(a[1]);
    double timeout = px_float_of(a[2]);
    if (!blocking && timeout != -1) {
        px_raise_value_error("can't specify a timeout for a non-blocking call");
    }
    if (timeout < 0 && timeout != -1) {
        px_raise_value_error("timeout value must be a non-negative number");
    }
    if (try_lock(l)) {
        return PX_TRUE;
    }
    if (!blocking) {
        return PX_FALSE;
    }
    uint64_t deadline = timeout < 0 ? 0 : px_port_ticks_us() + (uint64_t)ceil(timeout * 1e6);
    while (!try_lock(l)) {
        if (deadline != 0 && px_port_ticks_us() >= deadline) {
            return PX_FALSE;
        }
        px_thread_release();
        pthread_mutex_lock(&lock_mu);
        if (l->locked) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += WAKE_MS * 1000000L;
            ts.tv_sec += ts.tv_nsec / 1000000000;
            ts.tv_nsec %= 1000000000;
            pthread_cond_timedwait(&lock_cv, &lock_mu, &ts);
        }
        pthread_mutex_unlock(&lock_mu);
        px_thread_acquire();
        if (px_st.pending) {
            px_check_pending(); /* the main thread's Ctrl-C ends the wait */
        }
    }
    return PX_TRUE;
}

static px_val lock_release(px_val self) {
    px_lock *l = lock_of(self);
    if (!l->locked) {
        px_raise_msg(&px_type_RuntimeError, "release unlocked lock");
    }
    pthread_mutex_lock(&lock_mu);
    l->locked = false;
    pthread_cond_broadcast(&lock_cv);
    pthread_mutex_unlock(&lock_mu);
    return PX_NONE;
}

static px_val lock_locked(px_val self) {
    return px_bool(lock_of(self)->locked);
}

static px_val lock_enter(px_val self) {
    px_val a[1] = {self};
    return lock_acquire(1, a, PX_NULL);
}

static px_val lock_exit(size_t argc, const px_val *argv) {
    (void)argc;
    return lock_release(argv[0]);
}

static void lock_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    px_printf(out, "<%s _thread.lock object>", lock_of(self)->locked ? "locked" : "unlocked");
}

static PX_METH1(m_enter, &px_type_lock, __enter__, lock_enter);
static PX_METHV(m_exit, &px_type_lock, __exit__, 1, 4, lock_exit);
static PX_METHKW(m_acquire, &px_type_lock, acquire, 1, 3, lock_acquire);
static PX_METH1(m_locked, &px_type_lock, locked, lock_locked);
static PX_METH1(m_release, &px_type_lock, release, lock_release);

/* Sorted by name bytes. */
static const px_map_entry lock_methods[] = {
    PX_ENTRY_OBJ(__enter__, &m_enter), PX_ENTRY_OBJ(__exit__, &m_exit), PX_ENTRY_OBJ(acquire, &m_acquire),
    PX_ENTRY_OBJ(locked, &m_locked),   PX_ENTRY_OBJ(release, &m_release),
};
static PX_CONST_MAP(lock_dict, lock_methods);

const px_type px_type_lock = {
    .base = {&px_type_type},
    .name = PX_Q(lock),
    .base_type = &px_type_object,
    .dict = &lock_dict,
    .print = lock_print,
};

static px_val thread_allocate_lock(void) {
    px_lock *l = px_gc_alloc(sizeof *l, 0);
    l->base.type = &px_type_lock;
    return px_from_ptr(l);
}

/* start_new_thread(function, args[, kwargs]) */
static px_val thread_start_new_thread(size_t argc, const px_val *argv) {
    if (!px_is_type(argv[1], &px_type_tuple)) {
        px_raise_type_error("2nd arg must be a tuple");
    }
    px_val kwargs = argc > 2 ? argv[2] : PX_NONE;
    if (kwargs != PX_NONE && !px_is_type(kwargs, &px_type_dict)) {
        px_raise_type_error("optional 3rd arg must be a dictionary");
    }
    return px_int_from_u64(px_thread_start(argv[0], argv[1], kwargs, next_stack_size));
}

static px_val thread_get_ident(void) {
    return px_int_from_u64(px_thread_ident());
}

/* stack_size([size]): the size for threads started from now on (0: the
 * default); returns the previous one */
static px_val thread_stack_size(size_t argc, const px_val *argv) {
    size_t old = next_stack_size;
    if (argc > 0) {
        px_int n = px_index(argv[0]);
        if (n != 0 && n < 32768) {
            px_raise_value_error("size not valid: %lld bytes", (long long)n);
        }
        next_stack_size = (size_t)n;
    }
    return px_int_from_u64(old);
}

static PX_FUN0(thread_allocate_lock_obj, allocate_lock, thread_allocate_lock);
static PX_FUNV(thread_start_new_thread_obj, start_new_thread, 2, 3, thread_start_new_thread);
static PX_FUN0(thread_get_ident_obj, get_ident, thread_get_ident);
static PX_FUNV(thread_stack_size_obj, stack_size, 0, 1, thread_stack_size);

/* Sorted by name bytes. */
static const px_map_entry thread_table[] = {
    PX_ENTRY_OBJ(LockType, &px_type_lock),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(_thread))),
    PX_ENTRY_OBJ(allocate_lock, &thread_allocate_lock_obj),
    PX_ENTRY_OBJ(get_ident, &thread_get_ident_obj),
    PX_ENTRY_OBJ(stack_size, &thread_stack_size_obj),
    PX_ENTRY_OBJ(start_new_thread, &thread_start_new_thread_obj),
};
static PX_CONST_MAP(thread_globals, thread_table);
PX_MODULE_DEF(_thread, thread_globals, 0, NULL);
