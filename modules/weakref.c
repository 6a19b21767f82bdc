/* The weakref module: ref and finalize (MicroPython 1.28, CPython's
 * semantics).
 *
 * A ref or finalize object holds its referent through a GC weak word
 * (core/gc.h): the collector does not count it, and zeroes it when the
 * referent is collected, calling back here. No Python code may run inside
 * the collector, so that callback only queues the work (a ref's callback,
 * a finalize call) on `pending`, and the scheduler runs it between
 * bytecodes, right after the collection. An exception there is reported
 * on stderr ("Exception ignored in: ...") and not raised into the code that
 * happened to run, as CPython does.
 *
 * finalize objects stay alive until called or detached (`live` holds
 * them, in creation order); at exit the ones still alive with `atexit`
 * set are called, newest first. */
#include "runtime.h"

typedef struct {
    px_obj base;
    uintptr_t target; /* px_gc_weak_hide(referent); 0 once it is gone */
    px_val callback;  /* called with the ref when the referent goes, or PX_NULL */
    px_int hash;
    bool hashed;
} wref;

typedef struct {
    px_obj base;
    uintptr_t target;
    px_val func, args, kwargs; /* kwargs: a dict or PX_NULL */
    bool alive, atexit;
} finalizer;

extern const px_type px_type_weakref, px_type_finalize;

/* Module state, GC roots once set up. */
static struct {
    px_val pending; /* list of refs and finalizers to call back, or PX_NULL */
    px_val live;    /* list of finalizers not yet called or detached */
    bool scheduled; /* run_pending is on the scheduler's queue */
    bool ready;
} wk;

static void run_at_exit(void);

static void setup(void) {
    if (!wk.ready) {
        wk.pending = wk.live = PX_NULL;
        px_gc_add_root(&wk, sizeof wk);
        px_add_exit_hook(run_at_exit);
        wk.ready = true;
    }
}

/* ---- what may be weakly referenced: objects with an identity worth
 * following. Immediates and the plain data types CPython refuses are
 * refused; static objects (built-in functions, types) are never collected,
 * so their refs stay alive. */
static void check_referent(px_val v) {
    static const px_type *const refused[] = {
        &px_type_int,   &px_type_bool,      &px_type_str,  &px_type_bytes, &px_type_bytearray,
        &px_type_tuple, &px_type_list,      &px_type_dict, &px_type_none,  &px_type_weakref,
        &px_type_finalize,
#if PX_HAS_FLOAT
        &px_type_float,
#endif
#if PX_HAS_COMPLEX
        &px_type_complex,
#endif
    };
    const px_type *t = px_type_of(v);
    bool ok = px_is_obj(v);
    for (size_t i = 0; ok && i < sizeof refused / sizeof refused[0]; i++) {
        ok = t != refused[i];
    }
    if (!ok) {
        px_raise_type_error("cannot create weak reference to '%s' object", px_type_name(v));
    }
}

static px_val referent(uintptr_t word) {
    void *p = px_gc_weak_reveal(word);
    return p == NULL ? PX_NONE : px_from_ptr(p);
}

/* ---- call-backs after a collection */

static px_val run_pending(px_val unused);
static PX_FUN1(run_pending_obj, weakref_callbacks, run_pending);

static void queue(px_val item) {
    if (wk.pending == PX_NULL) {
        wk.pending = px_list_new(0, NULL);
    }
    px_list_append(wk.pending, item);
    if (!wk.scheduled) {
        /* a full queue: tried again at the next queueing, and at exit */
        wk.scheduled = px_sched_schedule(PX_OBJ_CONST(&run_pending_obj), PX_NONE);
    }
}

/* From inside the collector (see px_gc_weak_register). */
static void ref_cleared(uintptr_t *word) {
    wref *r = (wref *)((char *)word - offsetof(wref, target));
    if (r->callback != PX_NULL) {
        queue(px_from_ptr(r));
    }
}

static void finalizer_cleared(uintptr_t *word) {
    finalizer *f = (finalizer *)((char *)word - offsetof(finalizer, target));
    if (f->alive) {
        queue(px_from_ptr(f));
    }
}

static px_val finalizer_call_now(finalizer *f);

static void call_back(px_val item) {
    if (px_is_type(item, &px_type_finalize)) {
        finalizer_call_now(px_as_ptr(item));
        return;
    }
    wref *r = px_as_ptr(item);
    px_val cb = r->callback;
    r->callback = PX_NULL; /* once */
    if (cb != PX_NULL) {
        px_call1(cb, item);
    }
}

/* Run one call-back; its exception is reported, as CPython does. */
static void call_back_guarded(px_val item) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        call_back(item);
        px_try_pop(&j);
    } else {
        px_write_cstr(&px_out_stderr, "Exception ignored in: ");
        px_val what = px_is_type(item, &px_type_finalize) ? item : ((wref *)px_as_ptr(item))->callback;
        px_print(&px_out_stderr, what == PX_NULL ? item : what, PX_PRINT_REPR);
        px_write_cstr(&px_out_stderr, "\n");
        px_exc_print(&px_out_stderr, j.exc);
    }
}

static void drain_pending(void) {
    while (wk.pending != PX_NULL) {
        px_val list = wk.pending;
        wk.pending = PX_NULL; /* call-backs queued meanwhile make a new list */
        size_t n;
        px_val *items = px_seq_items(list, &n);
        for (size_t i = 0; i < n; i++) {
            call_back_guarded(items[i]);
        }
    }
}

static px_val run_pending(px_val unused) {
    wk.scheduled = false;
    drain_pending();
    return PX_NONE;
}

/* ---- ref */

/* As the core prints addresses (unsigned long is pointer-sized on the
 * ports). */
static void print_addr(px_out *out, const void *p) {
    px_printf(out, "0x%lx", (unsigned long)(uintptr_t)p);
}

static px_val ref_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(ReferenceType), argc, kwnames, 1, 2);
    check_referent(argv[0]);
    px_val cb = argc > 1 && argv[1] != PX_NONE ? argv[1] : PX_NULL;
    setup();
    wref *r = px_gc_alloc(sizeof *r, 0);
    r->base.type = &px_type_weakref;
    r->target = px_gc_weak_hide(px_as_ptr(argv[0]));
    r->callback = cb;
    px_gc_weak_register(&r->target, cb != PX_NULL ? ref_cleared : NULL);
    return px_from_ptr(r);
}

static px_val ref_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(weakref), argc, kwnames, 0, 0);
    return referent(((wref *)px_as_ptr(self))->target);
}

static void ref_print(px_out *out, px_val self, px_print_kind kind) {
    wref *r = px_as_ptr(self);
    px_write_cstr(out, "<weakref at ");
    print_addr(out, r);
    px_val obj = referent(r->target);
    if (obj == PX_NONE) {
        px_write_cstr(out, "; dead>");
        return;
    }
    px_printf(out, "; to '%s' at ", px_type_name(obj));
    print_addr(out, px_as_ptr(obj));
    px_write_cstr(out, ">");
}

static px_val ref_unop(px_unop op, px_val self) {
    wref *r = px_as_ptr(self);
    if (op != PX_UNOP_HASH) {
        return PX_NOTIMPL;
    }
    if (!r->hashed) {
        px_val obj = referent(r->target);
        if (obj == PX_NONE) {
            px_raise_type_error("weak object has gone away");
        }
        r->hash = px_hash(obj);
        r->hashed = true;
    }
    return px_small(r->hash);
}

/* Two refs are equal when their referents are, while both live; after
 * that only a ref equals itself. */
static px_val ref_binop(px_binop op, px_val lhs, px_val rhs) {
    if ((op != PX_BINOP_EQ && op != PX_BINOP_NE) || !px_is_type(lhs, &px_type_weakref) ||
        !px_is_type(rhs, &px_type_weakref)) {
        return PX_NOTIMPL;
    }
    px_val a = referent(((wref *)px_as_ptr(lhs))->target);
    px_val b = referent(((wref *)px_as_ptr(rhs))->target);
    bool eq = a == PX_NONE || b == PX_NONE ? lhs == rhs : px_equal(a, b);
    return px_bool(op == PX_BINOP_EQ ? eq : !eq);
}

static px_val ref_getattr(px_val self, px_qid name) {
    if (name == PX_Q(__callback__)) {
        px_val cb = ((wref *)px_as_ptr(self))->callback;
        return cb == PX_NULL ? PX_NONE : cb;
    }
    return PX_NULL;
}

const px_type px_type_weakref = {
    .base = {&px_type_type},
    .name = PX_Q(ReferenceType),
    .base_type = &px_type_object,
    .make = ref_make,
    .print = ref_print,
    .call = ref_call,
    .unop = ref_unop,
    .binop = ref_binop,
    .getattr = ref_getattr,
};

/* ---- finalize */

static finalizer *as_finalizer(px_val v) {
    return px_as_ptr(v);
}

static void forget(finalizer *f) {
    f->alive = false;
    px_list *l = px_list_ptr(wk.live);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == px_from_ptr(f)) {
            memmove(&l->items[i], &l->items[i + 1], (l->len - i - 1) * sizeof(px_val));
            l->items[--l->len] = PX_NULL;
            return;
        }
    }
}

static px_val finalizer_call_now(finalizer *f) {
    if (!f->alive) {
        return PX_NONE;
    }
    forget(f);
    px_val func = f->func, args = f->args, kwargs = f->kwargs;
    f->func = f->args = PX_NONE;
    f->kwargs = PX_NULL;
    f->target = 0;
    return px_call_ex(func, args, kwargs);
}

static px_val fin_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (argc < 2) {
        px_raise_type_error("finalize expected at least 2 positional arguments, got %u", (unsigned)argc);
    }
    check_referent(argv[0]);
    setup();
    px_val kwargs = PX_NULL;
    size_t nk = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
    if (nk > 0) {
        kwargs = px_dict_new(nk);
        for (size_t i = 0; i < nk; i++) {
            px_dict_set(kwargs, px_tuple_ptr(kwnames)->items[i], argv[argc + i]);
        }
    }
    finalizer *f = px_gc_alloc(sizeof *f, 0);
    f->base.type = &px_type_finalize;
    f->target = px_gc_weak_hide(px_as_ptr(argv[0]));
    f->func = argv[1];
    f->args = px_tuple_new(argc - 2, argv + 2);
    f->kwargs = kwargs;
    f->alive = f->atexit = true;
    if (wk.live == PX_NULL) {
        wk.live = px_list_new(0, NULL);
    }
    px_list_append(wk.live, px_from_ptr(f));
    px_gc_weak_register(&f->target, finalizer_cleared);
    return px_from_ptr(f);
}

/* f(): call the function now if still alive (once); its result, or None. */
static px_val fin_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(finalize), argc, kwnames, 0, 1);
    return finalizer_call_now(as_finalizer(self));
}

/* (obj, func, args, kwargs) while alive and the object still there. */
static px_val fin_info(finalizer *f) {
    px_val obj = referent(f->target);
    if (!f->alive || obj == PX_NONE) {
        return PX_NONE;
    }
    px_val items[4] = {obj, f->func, f->args, f->kwargs == PX_NULL ? px_dict_new(0) : f->kwargs};
    return px_tuple_new(4, items);
}

static px_val fin_peek(px_val self) {
    return fin_info(as_finalizer(self));
}

static px_val fin_detach(px_val self) {
    finalizer *f = as_finalizer(self);
    px_val info = fin_info(f);
    if (info != PX_NONE) {
        forget(f);
        f->target = 0;
    }
    return info;
}

static px_val fin_getattr(px_val self, px_qid name) {
    finalizer *f = as_finalizer(self);
    if (name == PX_Q(alive)) {
        return px_bool(f->alive);
    }
    if (name == PX_Q(atexit)) {
        return px_bool(f->alive && f->atexit); /* a dead one will not run at exit */
    }
    return PX_NULL;
}

static bool fin_setattr(px_val self, px_qid name, px_val value) {
    if (name != PX_Q(atexit)) {
        return false;
    }
    if (value == PX_DELETE) {
        px_raise_msg(&px_type_AttributeError, "can't delete attribute");
    }
    as_finalizer(self)->atexit = px_truthy(value);
    return true;
}

static void fin_print(px_out *out, px_val self, px_print_kind kind) {
    finalizer *f = as_finalizer(self);
    px_write_cstr(out, "<finalize object at ");
    print_addr(out, f);
    px_val obj = referent(f->target);
    if (!f->alive || obj == PX_NONE) {
        px_write_cstr(out, "; dead>");
        return;
    }
    px_printf(out, "; for '%s' at ", px_type_name(obj));
    print_addr(out, px_as_ptr(obj));
    px_write_cstr(out, ">");
}

static PX_METH1(fin_peek_obj, &px_type_finalize, peek, fin_peek);
static PX_METH1(fin_detach_obj, &px_type_finalize, detach, fin_detach);

static const px_map_entry fin_table[] = {
    PX_ENTRY_OBJ(detach, &fin_detach_obj),
    PX_ENTRY_OBJ(peek, &fin_peek_obj),
};
static PX_CONST_MAP(fin_dict, fin_table);

const px_type px_type_finalize = {
    .base = {&px_type_type},
    .name = PX_Q(finalize),
    .base_type = &px_type_object,
    .dict = &fin_dict,
    .make = fin_make,
    .print = fin_print,
    .call = fin_call,
    .getattr = fin_getattr,
    .setattr = fin_setattr,
};

/* At exit: what the last collection queued, then every finalizer still
 * alive with atexit set, newest first. */
static void run_at_exit(void) {
    drain_pending();
    while (wk.live != PX_NULL && px_list_ptr(wk.live)->len > 0) {
        px_list *l = px_list_ptr(wk.live);
        px_val f = l->items[l->len - 1];
        if (as_finalizer(f)->atexit) {
            call_back_guarded(f); /* removes it from live */
        } else {
            forget(as_finalizer(f));
        }
    }
}

/* Sorted by name bytes. */
static const px_map_entry weakref_table[] = {
    PX_ENTRY_OBJ(ReferenceType, &px_type_weakref),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(weakref))),
    PX_ENTRY_OBJ(finalize, &px_type_finalize),
    PX_ENTRY_OBJ(ref, &px_type_weakref),
};
static PX_CONST_MAP(weakref_globals, weakref_table);
PX_MODULE_DEF(weakref, weakref_globals, 0, NULL);
