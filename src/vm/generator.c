/* Generators, coroutines and async generators. Each owns a heap frame that
 * px_vm_execute runs as its entry frame; YIELD_VALUE / YIELD_FROM suspend
 * it. Delegation (yield from / await) resumes the sub-iterator from C, so
 * a resumed generator sitting in YIELD_FROM re-delegates without entering
 * the loop at all. */
#include <stdio.h>

#include "frame.h"

static const char *gen_kind(const px_gen *g) {
    if (g->base.type == &px_type_coroutine) {
        return "coroutine";
    }
    if (g->base.type == &px_type_async_generator) {
        return "async generator";
    }
    return "generator";
}

/* The frame follows the generator in the same block, aligned for px_val. */
#define GEN_HDR_WORDS ((sizeof(px_gen) + sizeof(px_val) - 1) / sizeof(px_val))

px_gen *px_gen_alloc(px_func *fn) {
    unsigned flags = fn->code->flags;
    size_t words = GEN_HDR_WORDS + px_vm_frame_words(fn->code);
    px_gen *g = px_gc_alloc(words * sizeof(px_val), 0);
    g->base.type = (flags & PX_CODE_ASYNC_GENERATOR) ? &px_type_async_generator
                   : (flags & PX_CODE_COROUTINE)     ? &px_type_coroutine
                                                     : &px_type_generator;
    g->frame = (px_frame *)((px_val *)g + GEN_HDR_WORDS);
    g->name = fn->name;
    g->state = PX_GEN_CREATED;
    g->handled = PX_NULL;
    g->outer_handled = PX_NULL;
    g->resumed_by = PX_GEN_BY_C;
    /* Only a generator with handlers (try/finally, with) has anything to
     * run when it is dropped while suspended (frame.h, PX_GEN_FIN_*). */
    bool fin = fn->code->nexc > 0 && !(flags & PX_CODE_ASYNC_GENERATOR);
    g->fin = fin ? PX_GEN_FIN_WANTED : PX_GEN_FIN_NEVER;
    return g;
}

void px_gen_set_finalize(px_gen *g, bool on) {
    px_gc_set_finalize(g, on);
    g->fin = on ? PX_GEN_FIN_ARMED : PX_GEN_FIN_WANTED;
}

static void check_depth(void) {
    unsigned limit = px_st.recursion_limit ? px_st.recursion_limit : PX_RECURSION_LIMIT;
    if (px_st.depth >= limit) {
        px_raise_msg(&px_type_RecursionError, "maximum recursion depth exceeded");
    }
}

static bool is_gen_like(px_val v) {
    return px_is_type(v, &px_type_generator) || px_is_type(v, &px_type_coroutine);
}

static void gen_close(px_gen *g);

static void close_sub_iterator(px_val it) {
    if (is_gen_like(it)) {
        gen_close(px_as_ptr(it));
        return;
    }
    px_val m = px_getattr_opt(it, PX_Q(close));
    if (m != PX_NULL) {
        px_call(m, 0, NULL, PX_NULL);
    }
}

px_val px_vm_yf_throw(px_val it, px_val exc, px_val *ret) {
    if (px_isinstance(exc, &px_type_GeneratorExit)) {
        close_sub_iterator(it);
        px_raise(exc);
    }
    return px_vm_yf_step(it, PX_NONE, exc, ret);
}

px_val px_gen_resume(px_val genv, px_val send_in, px_val throw_exc, px_val *ret) {
    px_gen *g = px_as_ptr(genv);
    const px_val send = send_in == PX_NULL ? PX_NONE : send_in;
    switch (g->state) {
    case PX_GEN_RUNNING:
        px_raise_msg(&px_type_ValueError, "%s already executing", gen_kind(g));
    case PX_GEN_DONE:
        if (throw_exc != PX_NULL) {
            px_raise(throw_exc);
        }
        if (g->base.type == &px_type_coroutine) {
            px_raise_msg(&px_type_RuntimeError, "cannot reuse already awaited coroutine");
        }
        if (ret != NULL) {
            *ret = PX_NONE;
        }
        return PX_NULL;
    case PX_GEN_CREATED:
        if (throw_exc != PX_NULL) {
            /* nothing has run yet: no handler can see it */
            px_gen_finish(g);
            px_raise(throw_exc);
        }
        if (send != PX_NONE) {
            px_raise_type_error("can't send non-None value to a just-started %s", gen_kind(g));
        }
        break;
    default:
        break;
    }
    /* what can raise here does so before the generator is marked running */
    px_check_stack("");
    check_depth();
    px_val result;
    int st = px_vm_gen_step(g, send, throw_exc, &result);
    if (st == PX_RUN_YIELD) {
        return result;
    }
    if (st == PX_RUN_RAISE) {
        px_raise(result);
    }
    if (ret != NULL) {
        *ret = result;
    }
    return PX_NULL;
}

/* ---- close / throw ----------------------------------------------------- */

/* px_gen_resume, handing back a raised exception in *err instead. */
static px_val try_resume(px_val g, px_val sent, px_val exc, px_val *ret, px_val *err) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_val y = px_gen_resume(g, sent, exc, ret);
        px_try_pop(&j);
        *err = PX_NULL;
        return y;
    }
    *err = j.exc;
    return PX_NULL;
}

static void gen_close(px_gen *g) {
    if (g->state == PX_GEN_CREATED) {
        px_gen_finish(g);
        return;
    }
    if (g->state == PX_GEN_DONE) {
        return;
    }
    px_val exc = px_exc_new(&px_type_GeneratorExit, 0, NULL);
    px_val err;
    px_val y = try_resume(px_from_ptr(g), PX_NONE, exc, NULL, &err);
    if (err != PX_NULL) {
        if (px_isinstance(err, &px_type_GeneratorExit) || px_isinstance(err, &px_type_StopIteration)) {
            return;
        }
        px_raise(err);
    }
    if (y != PX_NULL) {
        px_raise_msg(&px_type_RuntimeError, "%s ignored GeneratorExit", gen_kind(g));
    }
}

/* ---- generators dropped while suspended
 * CPython closes a generator it collects, so its `finally` blocks and
 * `with` exits run. Our finalizers run inside the collector, where no
 * Python code may run, so the finalizer only queues the generator; the
 * scheduler closes the queued ones at the next pending check (right after
 * the collection, between bytecodes). An exception from that close is
 * reported as "Exception ignored in: ..." on stderr, as CPython does, and
 * not raised into the unrelated code that happened to run. The queue is
 * a list held by the scheduler (its argument), so the GC sees it; if the
 * scheduler's ring is full the generator is not closed. */
static px_val dropped_gens; /* the list being filled, or PX_NULL */

static px_val close_dropped(px_val list) {
    if (list == dropped_gens) {
        dropped_gens = PX_NULL; /* later drops start a new list */
    }
    size_t n;
    px_val *items = px_seq_items(list, &n);
    for (size_t i = 0; i < n; i++) {
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            gen_close(px_as_ptr(items[i]));
            px_try_pop(&j);
        } else {
            px_write_cstr(&px_out_stderr, "Exception ignored in: ");
            px_print(&px_out_stderr, items[i], PX_PRINT_REPR);
            px_write_cstr(&px_out_stderr, "\n");
            px_exc_print(&px_out_stderr, j.exc);
        }
    }
    return PX_NONE;
}
static PX_FUN1(close_dropped_obj, close, close_dropped);

static void gen_finalize(px_obj *o) {
    px_gen *g = (px_gen *)o;
    if (g->state != PX_GEN_SUSPENDED) {
        return;
    }
    if (dropped_gens == PX_NULL) {
        px_val list = px_list_new(0, NULL);
        if (!px_sched_schedule(PX_OBJ_CONST(&close_dropped_obj), list)) {
            return;
        }
        dropped_gens = list;
    }
    px_list_append(dropped_gens, px_from_ptr(g));
}

/* throw(type[, value[, tb]]) or throw(instance): the exception to raise. */
static px_val throw_args_exc(size_t argc, const px_val *argv) {
    px_val typ = argv[0];
    px_val val = argc > 1 ? argv[1] : PX_NONE;
    if (px_is_type_obj(typ)) {
        const px_type *t = px_as_ptr(typ);
        if (!px_issubclass(t, &px_type_BaseException)) {
            px_raise_type_error("exceptions must be classes or instances deriving from BaseException, not type");
        }
        if (val == PX_NONE) {
            return px_call(typ, 0, NULL, PX_NULL);
        }
        if (px_isinstance(val, t)) {
            return val;
        }
        if (px_is_tuple(val)) {
            return px_call(typ, px_tuple_ptr(val)->len, px_tuple_ptr(val)->items, PX_NULL);
        }
        return px_call(typ, 1, &val, PX_NULL);
    }
    if (!px_is_exception(typ)) {
        px_raise_type_error("exceptions must be classes or instances deriving from BaseException, not %s",
                            px_type_name(typ));
    }
    if (val != PX_NONE) {
        px_raise_type_error("instance exception may not have a separate value");
    }
    return typ;
}

static px_val stop_or(px_val y, px_val ret) {
    if (y == PX_NULL) {
        px_raise_stop_iteration(ret == PX_NONE ? PX_NULL : ret);
    }
    return y;
}

static px_gen *gen_arg(px_val v) {
    if (!px_is_obj(v)) {
        px_raise_type_error("descriptor requires a generator");
    }
    const px_type *t = px_type_of(v);
    if (t != &px_type_generator && t != &px_type_coroutine && t != &px_type_async_generator) {
        px_raise_type_error("descriptor requires a generator, not '%s'", px_type_name(v));
    }
    return px_as_ptr(v);
}

px_val px_vm_gen_send(px_val self, px_val v) {
    gen_arg(self);
    px_val ret = PX_NONE;
    px_val y = px_gen_resume(self, v, PX_NULL, &ret);
    return stop_or(y, ret);
}
static px_val gen_next_m(px_val self) { return px_vm_gen_send(self, PX_NONE); }
static px_val gen_throw(size_t argc, const px_val *argv) {
    gen_arg(argv[0]);
    px_val exc = throw_args_exc(argc - 1, argv + 1);
    px_val ret = PX_NONE;
    px_val y = px_gen_resume(argv[0], PX_NONE, exc, &ret);
    return stop_or(y, ret);
}
static px_val gen_close_m(px_val self) {
    gen_close(gen_arg(self));
    return PX_NONE;
}
static px_val gen_iter_m(px_val self) { return self; }

static PX_METH2(gen_send_obj, &px_type_generator, send, px_vm_gen_send);
static PX_METH1(gen_next_obj, &px_type_generator, __next__, gen_next_m);
static PX_METHV(gen_throw_obj, &px_type_generator, throw, 2, 4, gen_throw);
static PX_METH1(gen_close_obj, &px_type_generator, close, gen_close_m);
static PX_METH1(gen_iter_obj, &px_type_generator, __iter__, gen_iter_m);

static const px_map_entry gen_table[] = {
    PX_ENTRY_OBJ(__iter__, &gen_iter_obj),
    PX_ENTRY_OBJ(__next__, &gen_next_obj),
    PX_ENTRY_OBJ(close, &gen_close_obj),
    PX_ENTRY_OBJ(send, &gen_send_obj),
    PX_ENTRY_OBJ(throw, &gen_throw_obj),
};
static PX_CONST_MAP(gen_methods, gen_table);

static px_val gen_iter_slot(px_val self) { return self; }
static px_val gen_next_slot(px_val self) {
    px_val ret = PX_NONE;
    px_val y = px_gen_resume(self, PX_NONE, PX_NULL, &ret);
    if (y == PX_NULL) {
        px_st.stop_value = ret == PX_NONE ? PX_NULL : ret;
    }
    return y;
}

static void gen_print(px_out *out, px_val self, px_print_kind kind) {
    px_gen *g = px_as_ptr(self);
    const char *k = g->base.type == &px_type_async_generator ? "async_generator" : gen_kind(g);
    char buf[48];
    snprintf(buf, sizeof buf, " at 0x%llx>", (unsigned long long)(uintptr_t)g);
    px_printf(out, "<%s object ", k);
    px_print(out, g->name, PX_PRINT_STR);
    px_write_cstr(out, buf);
}

static px_val gen_getattr(px_val self, px_qid name) {
    px_gen *g = px_as_ptr(self);
    switch (name) {
    case PX_Q(__name__):
    case PX_Q(__qualname__):
        return g->name;
    case PX_Q(gi_running):
    case PX_Q(cr_running):
    case PX_Q(ag_running):
        return px_bool(g->state == PX_GEN_RUNNING);
    case PX_Q(gi_yieldfrom):
    case PX_Q(cr_await):
        return g->yf && g->frame != NULL ? g->frame->sp[-1] : PX_NONE;
    case PX_Q(gi_code):
    case PX_Q(cr_code):
    case PX_Q(ag_code):
        return g->frame ? px_from_ptr(g->frame->code) : PX_NONE;
    default:
        return PX_NULL;
    }
}

const px_type px_type_generator = {
    .base = {&px_type_type},
    .name = PX_Q(generator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .dict = &gen_methods,
    .print = gen_print,
    .getattr = gen_getattr,
    .iter = gen_iter_slot,
    .next = gen_next_slot,
    .finalize = gen_finalize,
};

/* ---- coroutines -------------------------------------------------------- */

static PX_METH2(coro_send_obj, &px_type_coroutine, send, px_vm_gen_send);
static PX_METHV(coro_throw_obj, &px_type_coroutine, throw, 2, 4, gen_throw);
static PX_METH1(coro_close_obj, &px_type_coroutine, close, gen_close_m);
static PX_METH1(coro_await_obj, &px_type_coroutine, __await__, gen_iter_m);

static const px_map_entry coro_table[] = {
    PX_ENTRY_OBJ(__await__, &coro_await_obj),
    PX_ENTRY_OBJ(close, &coro_close_obj),
    PX_ENTRY_OBJ(send, &coro_send_obj),
    PX_ENTRY_OBJ(throw, &coro_throw_obj),
};
static PX_CONST_MAP(coro_methods, coro_table);

const px_type px_type_coroutine = {
    .base = {&px_type_type},
    .name = PX_Q(coroutine),
    .base_type = &px_type_object,
    .dict = &coro_methods,
    .print = gen_print,
    .getattr = gen_getattr,
    .finalize = gen_finalize,
};

/* ---- delegation -------------------------------------------------------- */

/* Call fn; a StopIteration it raises means "finished" with its value. */
static px_val call_catch_stop(px_val fn, size_t argc, const px_val *argv, px_val *ret) {
    px_val v = PX_NULL;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        v = px_call(fn, argc, argv, PX_NULL);
        px_try_pop(&j);
        return v;
    }
    if (px_isinstance(j.exc, &px_type_StopIteration)) {
        px_val val = px_getattr_opt(j.exc, PX_Q(value));
        *ret = val == PX_NULL ? PX_NONE : val;
        return PX_NULL;
    }
    px_raise(j.exc);
}

static px_val asend_step(px_val aw, px_val sent, px_val exc, px_val *ret);

px_val px_vm_yf_step(px_val it, px_val sent, px_val exc, px_val *ret) {
    const px_type *t = px_type_of(it);
    *ret = PX_NONE;
    if (t == &px_type_generator || t == &px_type_coroutine) {
        return px_gen_resume(it, sent, exc, ret);
    }
    if (t == &px_type_async_gen_asend) {
        return asend_step(it, sent, exc, ret);
    }
    if (exc != PX_NULL) {
        if (px_isinstance(exc, &px_type_GeneratorExit)) {
            close_sub_iterator(it);
            px_raise(exc);
        }
        px_val m = px_getattr_opt(it, PX_Q(throw));
        if (m == PX_NULL) {
            px_raise(exc);
        }
        return call_catch_stop(m, 1, &exc, ret);
    }
    if (sent == PX_NONE || sent == PX_NULL) {
        if (t->next != NULL && !(t->flags & PX_TF_HEAPTYPE)) {
            return t->next(it);
        }
        px_val m = px_getattr(it, PX_Q(__next__));
        return call_catch_stop(m, 0, NULL, ret);
    }
    px_val m = px_getattr(it, PX_Q(send));
    return call_catch_stop(m, 1, &sent, ret);
}

px_val px_vm_get_yield_from_iter(px_val v, const px_code *code) {
    if (px_is_type(v, &px_type_generator)) {
        return v;
    }
    if (px_is_type(v, &px_type_coroutine)) {
        if (!(code->flags & (PX_CODE_COROUTINE | PX_CODE_ASYNC_GENERATOR))) {
            px_raise_type_error("cannot 'yield from' a coroutine object in a non-coroutine generator");
        }
        return v;
    }
    return px_iter(v);
}

static bool has_type_attr(px_val v, px_qid name) {
    return px_type_lookup(px_type_of(v), name) != PX_NULL;
}

/* What `await v` iterates. As in MicroPython (whose own asyncio relies on
 * it), a generator is awaitable, and so is an object without __await__
 * whose __iter__ gives an iterator: awaiting it is `yield from` it. */
/* AW_RUN: `await agen`, which runs it as a generator (see px_vm_get_awaitable). */
enum { AW_SEND, AW_THROW, AW_CLOSE, AW_RUN };
static px_val asend_new(px_val agen, px_val value, int mode);

px_val px_vm_get_awaitable(px_val v) {
    /* generators, and async generators run as one (their yields go to the
     * event loop; they give None), are awaitable: MicroPython's semantics,
     * where `async def` with `yield` is such a coroutine and its asyncio
     * is written with them. CPython refuses both. */
    if (px_is_type(v, &px_type_coroutine) || px_is_type(v, &px_type_async_gen_asend) ||
        px_is_type(v, &px_type_generator)) {
        return v;
    }
    if (px_is_type(v, &px_type_async_generator)) {
        return asend_new(v, PX_NONE, AW_RUN);
    }
    if (!has_type_attr(v, PX_Q(__await__))) {
        const px_type *t = px_type_of(v);
        if ((t->iter != NULL && !(t->flags & PX_TF_HEAPTYPE)) || has_type_attr(v, PX_Q(__iter__))) {
            return px_iter(v);
        }
        px_raise_type_error("object %s can't be used in 'await' expression", px_type_name(v));
    }
    px_val r = px_call_method(v, PX_Q(__await__), 0, NULL);
    if (is_gen_like(r) || px_is_type(r, &px_type_async_gen_asend)) {
        return r;
    }
    const px_type *t = px_type_of(r);
    if (t->next == NULL && !has_type_attr(r, PX_Q(__next__))) {
        px_raise_type_error("__await__() returned non-iterator of type '%s'", px_type_name(r));
    }
    return r;
}

/* ---- async generators -------------------------------------------------- */

enum { AW_INIT, AW_ITER, AW_DONE };

typedef struct {
    px_obj base;
    px_val agen;
    px_val value; /* the value to send, or the exception to throw */
    uint8_t mode;
    uint8_t state;
} px_asend;

static px_val asend_new(px_val agen, px_val value, int mode) {
    px_asend *a = px_gc_alloc(sizeof *a, 0);
    a->base.type = &px_type_async_gen_asend;
    a->agen = agen;
    a->value = value;
    a->mode = (uint8_t)mode;
    a->state = AW_INIT;
    return px_from_ptr(a);
}

static px_val asend_step(px_val aw, px_val sent, px_val exc, px_val *ret) {
    px_asend *a = px_as_ptr(aw);
    px_gen *g = px_as_ptr(a->agen);
    *ret = PX_NONE;
    if (a->state == AW_DONE) {
        if (exc != PX_NULL) {
            px_raise(exc);
        }
        px_raise_msg(&px_type_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    }
    if (a->state == AW_INIT) {
        a->state = AW_ITER;
        if (exc == PX_NULL) {
            if (a->mode == AW_SEND || a->mode == AW_RUN) {
                sent = a->value;
            } else {
                exc = a->value;
            }
        }
        if (a->mode == AW_CLOSE && (g->state == PX_GEN_CREATED || g->state == PX_GEN_DONE)) {
            px_gen_finish(g);
            a->state = AW_DONE;
            return PX_NULL;
        }
        if (a->mode == AW_SEND && g->state == PX_GEN_DONE) {
            a->state = AW_DONE;
            px_raise(px_exc_new(&px_type_StopAsyncIteration, 0, NULL));
        }
    }
    px_val r = PX_NONE, err;
    px_val y = try_resume(a->agen, sent, exc, &r, &err);
    if (err != PX_NULL) {
        a->state = AW_DONE;
        if (a->mode == AW_CLOSE && (px_isinstance(err, &px_type_GeneratorExit) ||
                                    px_isinstance(err, &px_type_StopAsyncIteration))) {
            return PX_NULL;
        }
        px_raise(err);
    }
    if (y == PX_NULL) {
        /* the async generator finished */
        a->state = AW_DONE;
        if (a->mode == AW_CLOSE || a->mode == AW_RUN) {
            return PX_NULL;
        }
        px_raise(px_exc_new(&px_type_StopAsyncIteration, 0, NULL));
    }
    if (g->direct && a->mode != AW_RUN) {
        /* an async-generator `yield`: this awaitable completes with it */
        a->state = AW_DONE;
        if (a->mode == AW_CLOSE) {
            px_raise_msg(&px_type_RuntimeError, "async generator ignored GeneratorExit");
        }
        *ret = y;
        return PX_NULL;
    }
    return y; /* an await inside the async generator: pass the suspension up */
}

static px_val asend_send(px_val self, px_val v) {
    px_val ret;
    px_val y = asend_step(self, v, PX_NULL, &ret);
    return stop_or(y, ret);
}
static px_val asend_next_m(px_val self) { return asend_send(self, PX_NONE); }
static px_val asend_throw(size_t argc, const px_val *argv) {
    px_val exc = throw_args_exc(argc - 1, argv + 1);
    px_val ret;
    px_val y = asend_step(argv[0], PX_NONE, exc, &ret);
    return stop_or(y, ret);
}
static px_val asend_close(px_val self) {
    ((px_asend *)px_as_ptr(self))->state = AW_DONE;
    return PX_NONE;
}

static PX_METH2(asend_send_obj, &px_type_async_gen_asend, send, asend_send);
static PX_METH1(asend_next_obj, &px_type_async_gen_asend, __next__, asend_next_m);
static PX_METHV(asend_throw_obj, &px_type_async_gen_asend, throw, 2, 4, asend_throw);
static PX_METH1(asend_close_obj, &px_type_async_gen_asend, close, asend_close);
static PX_METH1(asend_iter_obj, &px_type_async_gen_asend, __iter__, gen_iter_m);
static PX_METH1(asend_await_obj, &px_type_async_gen_asend, __await__, gen_iter_m);

static const px_map_entry asend_table[] = {
    PX_ENTRY_OBJ(__await__, &asend_await_obj),
    PX_ENTRY_OBJ(__iter__, &asend_iter_obj),
    PX_ENTRY_OBJ(__next__, &asend_next_obj),
    PX_ENTRY_OBJ(close, &asend_close_obj),
    PX_ENTRY_OBJ(send, &asend_send_obj),
    PX_ENTRY_OBJ(throw, &asend_throw_obj),
};
static PX_CONST_MAP(asend_methods, asend_table);

const px_type px_type_async_gen_asend = {
    .base = {&px_type_type},
    .name = PX_Q(async_generator_asend),
    .base_type = &px_type_object,
    .dict = &asend_methods,
};

static px_val agen_aiter(px_val self) { return self; }
static px_val agen_anext(px_val self) { return asend_new(self, PX_NONE, AW_SEND); }
static px_val agen_asend(px_val self, px_val v) { return asend_new(self, v, AW_SEND); }
static px_val agen_athrow(size_t argc, const px_val *argv) {
    return asend_new(argv[0], throw_args_exc(argc - 1, argv + 1), AW_THROW);
}
static px_val agen_aclose(px_val self) {
    return asend_new(self, px_exc_new(&px_type_GeneratorExit, 0, NULL), AW_CLOSE);
}

static PX_METH1(agen_aiter_obj, &px_type_async_generator, __aiter__, agen_aiter);
static PX_METH1(agen_anext_obj, &px_type_async_generator, __anext__, agen_anext);
static PX_METH2(agen_asend_obj, &px_type_async_generator, asend, agen_asend);
static PX_METHV(agen_athrow_obj, &px_type_async_generator, athrow, 2, 4, agen_athrow);
static PX_METH1(agen_aclose_obj, &px_type_async_generator, aclose, agen_aclose);

static const px_map_entry agen_table[] = {
    PX_ENTRY_OBJ(__aiter__, &agen_aiter_obj),
    PX_ENTRY_OBJ(__anext__, &agen_anext_obj),
    PX_ENTRY_OBJ(aclose, &agen_aclose_obj),
    PX_ENTRY_OBJ(asend, &agen_asend_obj),
    PX_ENTRY_OBJ(athrow, &agen_athrow_obj),
};
static PX_CONST_MAP(agen_methods, agen_table);

const px_type px_type_async_generator = {
    .base = {&px_type_type},
    .name = PX_Q(async_generator),
    .base_type = &px_type_object,
    .dict = &agen_methods,
    .print = gen_print,
    .getattr = gen_getattr,
};

px_val px_vm_get_aiter(px_val v) {
    if (px_is_type(v, &px_type_async_generator)) {
        return v;
    }
    if (!has_type_attr(v, PX_Q(__aiter__))) {
        px_raise_type_error("'async for' requires an object with __aiter__ method, got %s", px_type_name(v));
    }
    px_val r = px_call_method(v, PX_Q(__aiter__), 0, NULL);
    if (!px_is_type(r, &px_type_async_generator) && !has_type_attr(r, PX_Q(__anext__))) {
        px_raise_type_error("'async for' received an object from __aiter__ that does not implement __anext__: %s",
                            px_type_name(r));
    }
    return r;
}

px_val px_vm_get_anext(px_val aiter) {
    if (px_is_type(aiter, &px_type_async_generator)) {
        return asend_new(aiter, PX_NONE, AW_SEND);
    }
    if (!has_type_attr(aiter, PX_Q(__anext__))) {
        px_raise_type_error("'async for' requires an iterator with __anext__ method, got %s", px_type_name(aiter));
    }
    px_val r = px_call_method(aiter, PX_Q(__anext__), 0, NULL);
    return px_vm_get_awaitable(r);
}
