/* The interpreter loop. One C activation of px_vm_execute runs a chain of
 * Python frames: calls to Python functions push a frame and continue in
 * the same loop, returns pop back to the caller. Exceptions long-jump to
 * the one handler installed per px_vm_execute, which consults the code's
 * exception table and either resumes the loop at a handler or unwinds. */
#include <stdio.h>

#include "frame.h"
#include "vm_cache.h"

/* ---- exceptions -------------------------------------------------------- */


static const px_exc_entry *find_entry(const px_code *code, uint32_t offset) {
    for (size_t i = 0; i < code->nexc; i++) {
        const px_exc_entry *e = &code->exctable[i];
        if (e->start <= offset && offset < e->end) {
            return e;
        }
    }
    return NULL;
}

static inline uint32_t frame_offset(const px_frame *f) {
    uint32_t off = (uint32_t)(f->ip - f->code->code);
    return off > 0 ? off - 1 : 0;
}

static void add_traceback(px_frame *f, px_val exc) {
    px_exc_add_traceback(exc, f->code, f->globals, px_code_line(f->code, frame_offset(f)));
}

/* PEP 479: a StopIteration leaving a generator becomes a RuntimeError. */
static px_val gen_exit_exc(px_frame *f, px_val exc) {
    const px_type *gt = f->gen->base.type;
    const char *what = gt == &px_type_coroutine ? "coroutine" : gt == &px_type_generator ? "generator" : "async generator";
    const char *msg = NULL;
    if (px_isinstance(exc, &px_type_StopIteration)) {
        msg = "raised StopIteration";
    } else if (gt == &px_type_async_generator && px_isinstance(exc, &px_type_StopAsyncIteration)) {
        msg = "raised StopAsyncIteration";
    }
    if (msg == NULL) {
        return exc;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s", what, msg);
    px_val e = px_exc_new_msg(&px_type_RuntimeError, px_str_cstr(buf));
    px_exc_set_cause(e, exc);
    px_exc_set_context(e, exc);
    return e;
}

/* Generator g (created or suspended) starts running, resumed by the frame
 * `caller`, with `value` as the result of the yield it is suspended at
 * (none when `sent` is false: it is thrown into). Undone by gen_leave.
 * Returns its frame, now the current one. */
PX_VM_INLINE px_frame *gen_push(px_gen *g, px_frame *caller, px_val value, bool sent) {
    px_frame *gf = g->frame;
    g->outer_handled = px_st.handled_exc;
    if (g->handled != PX_NULL) {
        px_st.handled_exc = g->handled;
    }
    if (g->state == PX_GEN_SUSPENDED && sent) {
        *gf->sp++ = value;
        if (g->yf) {
            g->yf = false;
            gf->ip--; /* its own YIELD_FROM runs again, resuming the sub-iterator */
        }
    }
    g->state = PX_GEN_RUNNING;
    gf->back = caller;
    /* the frames it calls go above the current frame-stack top */
    gf->fs_chunk = px_vm_fs.cur;
    gf->fs_top = px_vm_fs.cur ? px_vm_fs.cur->top : NULL;
    px_st.depth++;
    px_st.frame = gf;
    return gf;
}

/* Generator g stops running: suspended by a yield (yielding) or finished.
 * Its handled exception is kept for the next resume and the resumer's is
 * restored (g->outer_handled, saved when it was resumed). */
PX_VM_INLINE void gen_stop(px_gen *g, bool yielding) {
    if (yielding) {
        px_gen_suspend(g);
        g->handled = px_st.handled_exc != g->outer_handled ? px_st.handled_exc : PX_NULL;
    } else {
        px_gen_finish(g);
        g->handled = PX_NULL;
        g->yf = false;
    }
    px_st.handled_exc = g->outer_handled;
    g->outer_handled = PX_NULL;
}

/* A running generator's frame f is left for the frame that resumed it
 * (inline, or the C caller of px_vm_gen_step), which becomes the current
 * frame; returns it. The one place that undoes gen_enter / a C resume. */
PX_VM_INLINE px_frame *gen_leave(px_vm_ctx *ctx, px_frame *f, bool yielding) {
    gen_stop(f->gen, yielding);
    px_st.depth--;
    px_vm_fs_restore(f->fs_chunk, f->fs_top);
    px_frame *back = f->back;
    f->back = NULL; /* a stopped generator keeps no caller alive */
    ctx->frame = back;
    px_st.frame = back;
    return back;
}

/* Route exc to a handler in the current frame or one of its callers up to
 * the entry frame. Returns the (possibly replaced) exception and sets
 * *handled when a handler was found (the frame is then ready to resume). */
static px_val unwind(px_vm_ctx *ctx, px_val exc, bool reraise, bool *handled) {
    px_frame *f = ctx->frame;
    if (!reraise && px_st.handled_exc != PX_NULL && px_st.handled_exc != PX_NONE && px_st.handled_exc != exc &&
        px_exc_get_context(exc) == PX_NONE) {
        px_vm_set_context(exc, px_st.handled_exc);
    }
    for (;;) {
        if (!reraise) {
            add_traceback(f, exc);
        }
        reraise = false;
        const px_exc_entry *e = find_entry(f->code, frame_offset(f));
        if (e != NULL) {
            /* Frames called from here and abandoned by the raise are gone. */
            px_vm_fs_restore(f->fs_chunk, f->fs_top);
            px_val *sp = f->stack + e->depth;
            *sp++ = exc;
            f->sp = sp;
            f->ip = f->code->code + e->handler;
            ctx->frame = f;
            px_st.frame = f;
            *handled = true;
            return exc;
        }
        if (f->gen != NULL) {
            exc = gen_exit_exc(f, exc);
        }
        if (f == ctx->entry) {
            /* (a generator's step finishes it: px_vm_gen_step) */
            px_st.depth--;
            if (f->chunk != NULL) {
                px_vm_fs_pop(f);
            } else {
                px_vm_fs_restore(f->fs_chunk, f->fs_top);
            }
            *handled = false;
            return exc;
        }
        if (f->gen != NULL) {
            /* an inline generator (see gen_enter) finishes with the exception,
             * which is raised again in the frame that resumed it */
            f = gen_leave(ctx, f, false);
            if (px_st.handled_exc != PX_NULL && px_st.handled_exc != PX_NONE && px_st.handled_exc != exc &&
                px_exc_get_context(exc) == PX_NONE) {
                px_vm_set_context(exc, px_st.handled_exc);
            }
            continue;
        }
        px_frame *back = f->back;
        px_st.depth--;
        px_vm_fs_pop(f);
        f = back;
        ctx->frame = f;
        px_st.frame = f;
    }
}

static int run(px_vm_ctx *ctx);

int px_vm_execute(px_frame *entry, px_val throw_exc, px_val *result) {
    px_vm_ctx ctx;
    ctx.frame = entry;
    ctx.entry = entry;
    ctx.retval = PX_NONE;
    ctx.reraise = false;
    px_frame *caller = entry->back;
    px_st.frame = entry;
    px_val exc = throw_exc;
    for (;;) {
        if (exc == PX_NULL) {
            px_jmp j;
            px_try_push(&j);
            if (setjmp(j.buf) == 0) {
                int st = run(&ctx);
                px_try_pop(&j);
                px_st.depth--;
                px_vm_fs_pop(entry);
                px_st.frame = caller;
                *result = ctx.retval;
                return st;
            }
            exc = j.exc;
        }
        bool reraise = ctx.reraise;
        ctx.reraise = false;
        bool handled;
        exc = unwind(&ctx, exc, reraise, &handled);
        if (!handled) {
            px_st.frame = caller;
            px_raise(exc);
        }
        exc = PX_NULL;
    }
}

/* Unwinding out of a generator step (slow path): what unwind() raises
 * itself (MemoryError recording the traceback) ends the step too, with
 * the frame stack and depth reset to the step's start. */
static px_val unwind_gen(px_vm_ctx *ctx, px_val exc, bool reraise, bool *handled, unsigned depth0) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        exc = unwind(ctx, exc, reraise, handled);
        px_try_pop(&j);
        return exc;
    }
    px_st.depth = depth0;
    px_vm_fs_restore(ctx->entry->fs_chunk, ctx->entry->fs_top);
    *handled = false;
    return j.exc;
}

/* One protected run of a generator step: with `thrown` set, the frame
 * is delegating and the sub-iterator gets it first. Returns a PX_RUN_*
 * status, or -1 with the exception raised in the frame in *result. */
static int gen_try(px_vm_ctx *ctx, px_gen *g, px_val thrown, px_val *result) {
    px_frame *entry = ctx->entry;
    volatile bool in_sub = false;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        if (thrown != PX_NULL) {
            px_val ret;
            in_sub = true;
            px_val y = px_vm_yf_throw(entry->sp[-1], thrown, &ret);
            in_sub = false;
            if (y != PX_NULL) {
                px_try_pop(&j);
                g->direct = false;
                *result = y;
                return PX_RUN_YIELD;
            }
            g->yf = false;
            entry->sp[-1] = ret;
        }
        int st = run(ctx);
        px_try_pop(&j);
        *result = ctx->retval;
        return st;
    }
    if (in_sub) {
        /* the sub-iterator raised: that exception continues in this frame */
        g->yf = false;
        entry->sp--;
    }
    *result = j.exc;
    return -1;
}

int px_vm_gen_step(px_gen *g, px_val send, px_val throw_exc, px_val *result) {
    px_frame *entry = g->frame;
    px_vm_ctx ctx;
    ctx.frame = entry;
    ctx.entry = entry;
    ctx.retval = PX_NONE;
    ctx.reraise = false;
    px_frame *caller = px_st.frame;
    unsigned depth0 = px_st.depth;
    g->resumed_by = PX_GEN_BY_C;
    gen_push(g, caller, send, throw_exc == PX_NULL);
    px_val exc = throw_exc;
    for (;;) {
        if (exc == PX_NULL || g->yf) {
            px_val r;
            int st = gen_try(&ctx, g, exc, &r);
            if (st >= 0) {
                gen_leave(&ctx, entry, st == PX_RUN_YIELD);
                *result = r;
                return st;
            }
            exc = r;
        }
        bool reraise = ctx.reraise;
        ctx.reraise = false;
        bool handled;
        exc = unwind_gen(&ctx, exc, reraise, &handled, depth0);
        if (!handled) {
            /* unwinding has reset the depth and the frame stack */
            gen_stop(g, false);
            entry->back = NULL;
            px_st.frame = caller;
            *result = exc;
            return PX_RUN_RAISE;
        }
        exc = PX_NULL;
    }
}

/* Direct calls of simple built-ins (no keywords, exact arity). */
/* A bound method called with its arguments on the stack (args = first
   argument) puts self in the slot just below them and calls the function
   directly, so no argument array is copied. */
static inline px_val unbind_on_stack(px_val callee, px_val *args, const px_val **argv, size_t *argc) {
    if (px_is_type(callee, &px_type_bound_method)) {
        px_bound *bm = px_as_ptr(callee);
        args[-1] = bm->self;
        *argv = args - 1;
        (*argc)++;
        return bm->func;
    }
    return callee;
}

/* Calls it does not make return PX_NULL, or PX_TRUE for `send` of
 * generators and `next`, which the loop may run inline (gen_call_target),
 * with *done false. */
static inline px_val call_builtin_fast(const px_builtin *b, size_t argc, const px_val *argv, bool *done) {
    if (b->owner != NULL && argc > 0 && px_type_of(argv[0]) != b->owner) {
        *done = false;
        return PX_NULL;
    }
    *done = true;
    switch (b->kind) {
    case PX_BK_0:
        if (argc == 0) return b->fn.f0();
        break;
    case PX_BK_1:
        if (argc == 1) return b->fn.f1(argv[0]);
        break;
    case PX_BK_2:
        if (PX_UNLIKELY(b->fn.f2 == px_vm_gen_send)) {
            *done = false;
            return PX_TRUE; /* the loop may resume the generator itself */
        }
        if (argc == 2) return b->fn.f2(argv[0], argv[1]);
        break;
    case PX_BK_3:
        if (argc == 3) return b->fn.f3(argv[0], argv[1], argv[2]);
        break;
    case PX_BK_VAR:
        if (PX_UNLIKELY(b == &px_builtin_next) && argc == 1 && px_is_type(argv[0], &px_type_generator)) {
            *done = false;
            return PX_TRUE; /* (next() of other iterators is called here) */
        }
        if (argc >= b->min_args && (b->max_args == PX_ARGS_MAX || argc <= b->max_args)) return b->fn.fv(argc, argv);
        break;
    case PX_BK_KW:
        if (argc >= b->min_args && (b->max_args == PX_ARGS_MAX || argc <= b->max_args)) return b->fn.fkw(argc, argv, PX_NULL);
        break;
    }
    *done = false;
    return PX_NULL;
}


/* The generator that `g.send(x)` (the `send` of a generator or coroutine)
 * or `next(g)` resumes in the loop (gen_enter), or NULL when the call
 * takes the ordinary path: another object, or a generator that is
 * running, finished, or just started and sent a value (px_gen_resume
 * raises what those raise), or the recursion limit reached. */
static inline px_gen *gen_call_target(const px_builtin *b, size_t argc, const px_val *argv) {
    if (argc != (b == &px_builtin_next ? 1u : 2u) || !px_is_obj(argv[0])) {
        return NULL;
    }
    const px_type *t = px_type_of(argv[0]);
    if (t != &px_type_generator && (t != &px_type_coroutine || argc != 2)) {
        return NULL;
    }
    px_gen *g = px_as_ptr(argv[0]);
    if (g->state == PX_GEN_SUSPENDED || (g->state == PX_GEN_CREATED && (argc == 1 || argv[1] == PX_NONE))) {
        return px_st.depth < px_vm_recursion_limit() ? g : NULL;
    }
    return NULL;
}

/* A slice bound that a built-in sequence resolves without running Python
 * code: a small int or None. */
PX_VM_INLINE bool slice_bound_plain(px_val v) { return px_is_small(v) || v == PX_NONE; }

/* Bounds slice_bound_plain, all n of them. */
PX_VM_INLINE bool slice_parts_plain(const px_val *parts, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        if (!slice_bound_plain(parts[i])) {
            return false;
        }
    }
    return true;
}

/* ---- the loop ---------------------------------------------------------- */

#define READ_U(v)                            \
    do {                                     \
        uint32_t b_ = *ip++;                 \
        if (PX_LIKELY(b_ < 0x80)) {          \
            (v) = b_;                        \
        } else {                             \
            ip--;                            \
            (v) = px_read_uleb(&ip);         \
        }                                    \
    } while (0)
#define READ_J() (ip += 3, (uint32_t)ip[-3] | ((uint32_t)ip[-2] << 8) | ((uint32_t)ip[-1] << 16))
/* A taken jump. Every loop turns through a backward one (while with a
 * condition ends in a conditional jump back), so that is where pending
 * work (signals, scheduled callbacks) is served. */
#define JUMP_TO(t)                                   \
    do {                                             \
        const uint8_t *to_ = co->code + (t);         \
        if (to_ < ip && PX_UNLIKELY(px_pending())) { \
            px_vm_check_pending();                   \
        }                                            \
        ip = to_;                                    \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define LOAD_FRAME()                  \
    do {                              \
        co = f->code;                 \
        ip = f->ip;                   \
        sp = f->sp;                   \
        L = f->localsplus;            \
        consts = co->consts;          \
        names = co->names;            \
        caches = co->caches;          \
    } while (0)

#if PX_COMPUTED_GOTO
#define TARGET(name) L_##name:
/* targets has an entry for every byte value (bad_opcode past the last
 * opcode), so no bounds test is made per instruction */
#define DISPATCH()                                    \
    do {                                              \
        uint8_t op_ = *ip++;                          \
        f->ip = ip;                                   \
        goto *targets[op_];                           \
    } while (0)
#else
#define TARGET(name) case PX_OP_##name:
#define DISPATCH() goto dispatch
#endif

#if PX_HAS_FLOAT
/* Two numbers of which one is a float, as doubles (the float fast paths). */
PX_VM_INLINE bool is_numeric_pair(px_val a, px_val b, double *x, double *y) {
    if (px_is_float(a)) {
        *x = px_float_get(a);
        if (px_is_float(b)) {
            *y = px_float_get(b);
            return true;
        }
        if (px_is_small(b)) {
            *y = (double)px_small_get(b);
            return true;
        }
        return false;
    }
    if (px_is_small(a) && px_is_float(b)) {
        *x = (double)px_small_get(a);
        *y = px_float_get(b);
        return true;
    }
    return false;
}
#endif


/* BINARY_OP past the small-int and float paths, with `a` of type ta (an
 * object or a name). An int past the small range and `+` of two exact
 * strs go straight to their type, without operator dispatch. */
static inline px_val binary_op_typed(px_binop op, const px_type *ta, px_val a, px_val b) {
    if (ta == &px_type_int && (px_is_small(b) || px_is_type(b, &px_type_int))) {
        return px_int_binop(op, a, b);
    }
    if (ta == &px_type_str && (op == PX_BINOP_ADD || op == PX_BINOP_IADD) &&
        (px_is_qstr(b) || px_is_type(b, &px_type_str))) {
        return px_str_concat(a, b);
    }
    return px_binary(op, a, b);
}

/* The small-int fast path of BINARY_OP; PX_NULL when it does not apply. */
PX_VM_INLINE px_val int_binop_fast(unsigned op, px_int x, px_int y) {
    int64_t a = x, b = y, z;
    switch (op) {
    case PX_BINOP_ADD:
        z = a + b;
        break;
    case PX_BINOP_SUB:
        z = a - b;
        break;
    case PX_BINOP_MUL:
#if defined(__GNUC__) || defined(__clang__)
        if (__builtin_mul_overflow(a, b, &z)) {
            return PX_NULL;
        }
#else
        if ((a > 0 ? a : -a) >= ((int64_t)1 << 31) || (b > 0 ? b : -b) >= ((int64_t)1 << 31)) {
            return PX_NULL;
        }
        z = a * b;
#endif
        break;
    case PX_BINOP_FLOORDIV:
        if (b == 0) {
            return PX_NULL;
        }
        z = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) {
            z--;
        }
        break;
    case PX_BINOP_MOD:
        if (b == 0) {
            return PX_NULL;
        }
        z = a % b;
        if (z != 0 && ((z < 0) != (b < 0))) {
            z += b;
        }
        break;
    case PX_BINOP_AND:
        z = a & b;
        break;
    case PX_BINOP_OR:
        z = a | b;
        break;
    case PX_BINOP_XOR:
        z = a ^ b;
        break;
    case PX_BINOP_LSHIFT:
        if (b < 0 || b >= 62 || a < (INT64_MIN >> (62 - 0)) ) {
            return PX_NULL;
        }
        if (a > (PX_SMALL_MAX >> b) || a < (PX_SMALL_MIN >> b)) {
            return PX_NULL;
        }
        z = a * ((int64_t)1 << b);
        break;
    case PX_BINOP_RSHIFT:
        if (b < 0) {
            return PX_NULL;
        }
        z = b >= 63 ? (a < 0 ? -1 : 0) : (a >> b);
        break;
#if PX_HAS_FLOAT
    case PX_BINOP_TRUEDIV:
        if (b == 0) {
            return PX_NULL;
        }
        return px_float((double)a / (double)b);
#endif
    default:
        return PX_NULL;
    }
    return px_small_fits(z) ? px_small((px_int)z) : PX_NULL;
}

#if PX_HAS_FLOAT
PX_VM_INLINE px_val float_binop_fast(unsigned op, double x, double y) {
    switch (op) {
    case PX_BINOP_ADD:
        return px_float(x + y);
    case PX_BINOP_SUB:
        return px_float(x - y);
    case PX_BINOP_MUL:
        return px_float(x * y);
    case PX_BINOP_TRUEDIV:
        if (y != 0.0) {
            return px_float(x / y);
        }
        break;
    default:
        break;
    }
    return px_float_binop((px_binop)op, x, y);
}
#endif

/* The same comparison switch for small ints and floats: -1 means `op` is
   not an ordering/equality operator. */
#define DEFINE_COMPARE(name, T)                                                                    \
    static inline int name(unsigned op, T x, T y) {                                                \
        switch (op) {                                                                              \
        case PX_BINOP_LT: return x < y;                                                            \
        case PX_BINOP_LE: return x <= y;                                                           \
        case PX_BINOP_EQ: return x == y;                                                           \
        case PX_BINOP_NE: return x != y;                                                           \
        case PX_BINOP_GT: return x > y;                                                            \
        case PX_BINOP_GE: return x >= y;                                                           \
        default: return -1;                                                                        \
        }                                                                                          \
    }
DEFINE_COMPARE(compare_ints, px_int)
#if PX_HAS_FLOAT
DEFINE_COMPARE(compare_floats, double)
#endif
#undef DEFINE_COMPARE

static int run(px_vm_ctx *ctx) {
    px_frame *f = ctx->frame;
    px_code *co;
    const uint8_t *ip;
    px_val *sp, *L, *consts;
    px_qid *names;
    px_vm_cache *caches;
    /* operands of the shared call path */
    px_val callee, kwnames;
    const px_val *argv;
    size_t argc, npop;
    /* operands of gen_enter (the generator, the value sent) and gen_yield (the value) */
    px_gen *gen;
    px_val gen_value;

#if PX_COMPUTED_GOTO
    static const void *const targets[256] = {
#define PX_X(name, ops) &&L_##name,
        PX_OPCODES(PX_X)
#undef PX_X
        [PX_OP__COUNT... 255] = &&bad_opcode,
    };
    _Static_assert(PX_OP__COUNT <= 256, "an opcode is one byte");
#endif

    LOAD_FRAME();

#if PX_COMPUTED_GOTO
    DISPATCH();
#else
dispatch: {
    unsigned op_ = *ip++;
    f->ip = ip;
    switch (op_) {
#endif

    TARGET(NOP) { DISPATCH(); }
    TARGET(POP_TOP) {
        sp--;
        DISPATCH();
    }
    TARGET(DUP_TOP) {
        sp[0] = sp[-1];
        sp++;
        DISPATCH();
    }
    TARGET(DUP_TOP_TWO) {
        sp[0] = sp[-2];
        sp[1] = sp[-1];
        sp += 2;
        DISPATCH();
    }
    TARGET(ROT_TWO) {
        px_val t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = t;
        DISPATCH();
    }
    TARGET(ROT_THREE) {
        px_val t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = t;
        DISPATCH();
    }
    TARGET(ROT_FOUR) {
        px_val t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = t;
        DISPATCH();
    }
    TARGET(COPY) {
        uint32_t i;
        READ_U(i);
        px_val v = sp[-(ptrdiff_t)i];
        PUSH(v);
        DISPATCH();
    }
    TARGET(SWAP) {
        uint32_t i;
        READ_U(i);
        px_val t = sp[-1];
        sp[-1] = sp[-(ptrdiff_t)i];
        sp[-(ptrdiff_t)i] = t;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        uint32_t i;
        READ_U(i);
        PUSH(consts[i]);
        DISPATCH();
    }
    TARGET(LOAD_SMALL_INT) {
        uint32_t u = *ip;
        int32_t v;
        if (PX_LIKELY(u < 0x80)) { /* -64..63: one byte, as READ_U */
            ip++;
            v = (int32_t)(u >> 1) ^ -(int32_t)(u & 1);
        } else {
            v = px_read_sleb_zigzag(&ip);
        }
        PUSH(px_small(v));
        DISPATCH();
    }
    TARGET(LOAD_NONE) {
        PUSH(PX_NONE);
        DISPATCH();
    }
    TARGET(LOAD_TRUE) {
        PUSH(PX_TRUE);
        DISPATCH();
    }
    TARGET(LOAD_FALSE) {
        PUSH(PX_FALSE);
        DISPATCH();
    }
    TARGET(LOAD_NULL) {
        PUSH(PX_NULL);
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        uint32_t i;
        READ_U(i);
        px_val v = L[i];
        if (PX_UNLIKELY(v == PX_NULL)) {
            px_vm_raise_unbound_local(co, i);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_FAST_ESC) {
        uint32_t i;
        READ_U(i);
        px_val v = L[i];
        if (PX_UNLIKELY(v == PX_NULL)) {
            px_vm_raise_unbound_local(co, i);
        }
        if (px_is_obj(v)) {
            px_text_disown(v); /* it may now be kept elsewhere */
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(INPLACE_ADD_FAST) {
        uint32_t i;
        READ_U(i);
        px_val b = sp[-1], a = sp[-2], r;
#if PX_HAS_FLOAT
        double x, y;
#endif
        if (PX_LIKELY(px_is_small(a) && px_is_small(b))) {
            r = int_binop_fast(PX_BINOP_ADD, px_small_get(a), px_small_get(b));
            if (r == PX_NULL) {
                r = px_int_binop(PX_BINOP_ADD, a, b);
            }
#if PX_HAS_FLOAT
        } else if (is_numeric_pair(a, b, &x, &y)) {
            r = px_float(x + y);
#endif
        } else if ((r = px_text_iadd(a, b)) == PX_NULL) {
            px_text_disown(a); /* user code (__radd__) may keep it, or return it */
            r = px_binary(PX_BINOP_IADD, a, b);
        }
        L[i] = r;
        sp -= 2;
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        uint32_t i;
        READ_U(i);
        L[i] = POP();
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        uint32_t i;
        READ_U(i);
        if (L[i] == PX_NULL) {
            px_vm_raise_unbound_local(co, i);
        }
        L[i] = PX_NULL;
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        uint32_t i;
        READ_U(i);
        px_val v = ((px_cell *)px_as_ptr(f->cells[i]))->value;
        if (PX_UNLIKELY(v == PX_NULL)) {
            px_vm_raise_unbound_deref(co, i);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        uint32_t i;
        READ_U(i);
        ((px_cell *)px_as_ptr(f->cells[i]))->value = POP();
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        uint32_t i;
        READ_U(i);
        px_cell *c = px_as_ptr(f->cells[i]);
        if (c->value == PX_NULL) {
            px_vm_raise_unbound_deref(co, i);
        }
        c->value = PX_NULL;
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        uint32_t i;
        READ_U(i);
        PUSH(f->cells[i]);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_val v = px_vm_ns_load(f, names[a]);
        if (v == PX_NULL) {
            v = ((px_cell *)px_as_ptr(f->cells[b]))->value;
            if (v == PX_NULL) {
                px_vm_raise_unbound_deref(co, b);
            }
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        uint32_t a;
        READ_U(a);
        px_val v = px_vm_load_name(f, names[a]);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        uint32_t a;
        READ_U(a);
        px_vm_store_name(f, names[a], sp[-1]);
        sp--;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        uint32_t a;
        READ_U(a);
        px_vm_delete_name(f, names[a]);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_qid q = names[a];
        px_map *g = f->globals;
        px_vm_cache *c = caches ? &caches[b * PX_VM_CACHE_WAYS] : NULL;
        px_val v;
        if (c == NULL || !px_vm_load_global_cached(g, q, &v, c)) {
            v = px_vm_load_global_slow(g, q, c);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        uint32_t a;
        READ_U(a);
        px_map_set_q(f->globals, names[a], sp[-1]);
        sp--;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        uint32_t a;
        READ_U(a);
        px_vm_delete_global(f, names[a]);
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_val obj = sp[-1], v;
        px_vm_cache *c = caches ? &caches[b * PX_VM_CACHE_WAYS] : NULL;
        if (c == NULL ||
            !px_vm_load_attr_ways(obj, names[a], &v, c)) {
            v = px_vm_load_attr_slow(obj, names[a], c);
        }
        sp[-1] = v;
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_val obj = sp[-1], v = sp[-2];
        px_vm_cache *c = caches ? &caches[b * PX_VM_CACHE_WAYS] : NULL;
        if (c == NULL ||
            !px_vm_store_attr_ways(obj, names[a], v, c)) {
            px_vm_store_attr_slow(obj, names[a], v, c);
        }
        sp -= 2;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        uint32_t a;
        READ_U(a);
        px_val obj = sp[-1];
        px_delattr(obj, names[a]);
        sp--;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_val obj = sp[-1];
        px_val dest[2];
        px_vm_cache *c = caches ? &caches[b * PX_VM_CACHE_WAYS] : NULL;
        if (c == NULL ||
            !px_vm_load_method_ways(obj, names[a], dest, c)) {
            px_vm_load_method_slow(obj, names[a], dest, c);
        }
        sp[-1] = dest[0];
        sp[0] = dest[1];
        sp++;
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        px_val k = sp[-1], o = sp[-2], r;
        if (px_is_small(k) && px_is_obj(o)) {
            const px_type *t = ((px_obj *)px_as_ptr(o))->type;
            px_int i = px_small_get(k);
            if (t == &px_type_list) {
                px_list *l = px_as_ptr(o);
                if (i < 0) {
                    i += (px_int)l->len;
                }
                if (i >= 0 && (size_t)i < l->len) {
                    sp[-2] = l->items[i];
                    sp--;
                    DISPATCH();
                }
            } else if (t == &px_type_tuple) {
                px_tuple *tu = px_as_ptr(o);
                if (i < 0) {
                    i += (px_int)tu->len;
                }
                if (i >= 0 && (size_t)i < tu->len) {
                    sp[-2] = tu->items[i];
                    sp--;
                    DISPATCH();
                }
            } else if (t == &px_type_str && (r = px_str_item(o, i)) != PX_NULL) {
                sp[-2] = r;
                sp--;
                DISPATCH();
            }
        }
        r = px_subscr_load(o, k);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        px_val k = sp[-1], o = sp[-2], v = sp[-3];
        if (px_is_small(k) && px_is_type(o, &px_type_list)) {
            px_list *l = px_as_ptr(o);
            px_int i = px_small_get(k);
            if (i < 0) {
                i += (px_int)l->len;
            }
            if (i >= 0 && (size_t)i < l->len) {
                l->items[i] = v;
                sp -= 3;
                DISPATCH();
            }
        }
        px_subscr_store(o, k, v);
        sp -= 3;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        px_subscr_delete(sp[-2], sp[-1]);
        sp -= 2;
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(px_from_ptr(&px_type_AssertionError));
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        PUSH(px_vm_load_builtin(PX_Q(__build_class__)));
        DISPATCH();
    }
    TARGET(UNARY_OP) {
        uint32_t op;
        READ_U(op);
        px_val v = sp[-1];
        if (op == PX_UNOP_NOT) {
            sp[-1] = v == PX_TRUE ? PX_FALSE : v == PX_FALSE ? PX_TRUE : px_bool(!px_truthy(v));
        } else if (op == PX_UNOP_NEG && px_is_small(v) && px_small_get(v) != PX_SMALL_MIN) {
            sp[-1] = px_small(-px_small_get(v));
        } else {
            sp[-1] = px_unary((px_unop)op, v);
        }
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        uint32_t op;
        READ_U(op);
        px_val b = sp[-1], a = sp[-2], r;
        unsigned base = op >= PX_BINOP_IADD ? op - PX_BINOP_INPLACE_DELTA : op;
#if PX_HAS_FLOAT
        double x, y;
#endif
        if (PX_LIKELY(px_is_small(a) && px_is_small(b))) {
            r = int_binop_fast(base, px_small_get(a), px_small_get(b));
            if (r == PX_NULL) {
                r = px_int_binop((px_binop)base, a, b);
            }
#if PX_HAS_FLOAT
        } else if (is_numeric_pair(a, b, &x, &y) && base != PX_BINOP_MATMUL) {
            r = float_binop_fast(base, x, y);
#endif
        } else if (px_is_obj(a)) {
            r = binary_op_typed((px_binop)op, ((const px_obj *)px_as_ptr(a))->type, a, b);
        } else if (px_is_qstr(a)) {
            r = binary_op_typed((px_binop)op, &px_type_str, a, b);
        } else {
            r = px_binary((px_binop)op, a, b);
        }
        if (PX_UNLIKELY(r == PX_NOTIMPL)) {
            /* fast paths decline e.g. 1.5 << 1 or 1 @ 2: raise the TypeError */
            r = px_binary((px_binop)op, a, b);
        }
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        uint32_t op;
        READ_U(op);
        px_val b = sp[-1], a = sp[-2], r;
#if PX_HAS_FLOAT
        double x, y;
#endif
        int c;
        if (PX_LIKELY(px_is_small(a) && px_is_small(b)) &&
            (c = compare_ints(op, px_small_get(a), px_small_get(b))) >= 0) {
            r = px_bool(c);
#if PX_HAS_FLOAT
        } else if (is_numeric_pair(a, b, &x, &y) && (c = compare_floats(op, x, y)) >= 0) {
            r = px_bool(c);
#endif
        } else if ((op == PX_BINOP_EQ || op == PX_BINOP_NE) && px_is_qstr(a) && px_is_qstr(b)) {
            r = px_bool((a == b) == (op == PX_BINOP_EQ));
        } else {
            r = px_binary((px_binop)op, a, b);
        }
        /* a conditional jump on the result: take it here without pushing */
        if (px_is_bool(r) && (*ip == PX_OP_POP_JUMP_IF_FALSE || *ip == PX_OP_POP_JUMP_IF_TRUE)) {
            bool when = *ip == PX_OP_POP_JUMP_IF_TRUE;
            ip++;
            uint32_t t = READ_J();
            sp -= 2;
            if ((r == PX_TRUE) == when) {
                JUMP_TO(t);
            }
            DISPATCH();
        }
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    TARGET(IS_OP) {
        uint32_t u;
        READ_U(u);
        bool r = sp[-2] == sp[-1];
        sp[-2] = px_bool(r != (u != 0));
        sp--;
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        uint32_t u;
        READ_U(u);
        bool r = px_contains(sp[-1], sp[-2]);
        sp[-2] = px_bool(r != (u != 0));
        sp--;
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        uint32_t n;
        READ_U(n);
        px_val t = n == 0 ? px_from_ptr(&px_empty_tuple) : px_tuple_new(n, sp - n);
        sp -= n;
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        uint32_t n;
        READ_U(n);
        px_val l = px_list_new(n, sp - n);
        sp -= n;
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        uint32_t n;
        READ_U(n);
        px_val s = px_set_new(n, sp - n);
        sp -= n;
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        uint32_t n;
        READ_U(n);
        px_val d = px_vm_build_map(n, sp - 2 * n);
        sp -= 2 * n;
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        uint32_t n;
        READ_U(n);
        if (n == 2 && *ip == PX_OP_BINARY_SUBSCR && slice_bound_plain(sp[-2]) && slice_bound_plain(sp[-1])) {
            /* o[a:b] of a built-in sequence with int or None bounds: its
             * subscript reads the slice and keeps no reference to it, and
             * no Python code runs meanwhile, so the slice lives on the C
             * stack (no allocation per slice) and the BINARY_SUBSCR that
             * follows is done here. */
            px_val o = sp[-3];
            const px_type *t = px_is_obj(o) ? ((px_obj *)px_as_ptr(o))->type : px_is_qstr(o) ? &px_type_str : NULL;
            px_val r;
            if (t == &px_type_str && px_is_obj(o) && (r = px_str_slice_ascii(o, sp[-2], sp[-1])) != PX_NULL) {
                f->ip = ++ip;
                sp -= 2;
                sp[-1] = r;
                DISPATCH();
            }
            if (t == &px_type_str || t == &px_type_list || t == &px_type_tuple || t == &px_type_bytes) {
                px_slice tmp = {{&px_type_slice}, sp[-2], sp[-1], PX_NONE};
                f->ip = ++ip;
                px_val r = t->subscr(o, px_from_ptr(&tmp), PX_NULL);
                sp -= 2;
                sp[-1] = r;
                DISPATCH();
            }
        }
        if ((n == 3 || *ip == PX_OP_STORE_SUBSCR || *ip == PX_OP_DELETE_SUBSCR) && slice_parts_plain(sp - n, n)) {
            /* The same with a step, and `l[a:b:c] = v` / `del l[a:b:c]` of a
             * list: storing may iterate v (Python code), which cannot reach
             * the slice either; the list's subscript keeps no reference. */
            px_val *parts = sp - n, o = parts[-1];
            const px_type *t = px_is_obj(o) ? ((px_obj *)px_as_ptr(o))->type : px_is_qstr(o) ? &px_type_str : NULL;
            unsigned op = *ip;
            if (t == &px_type_list ||
                (op == PX_OP_BINARY_SUBSCR && (t == &px_type_str || t == &px_type_tuple || t == &px_type_bytes))) {
                px_slice tmp = {{&px_type_slice}, parts[0], parts[1], n == 3 ? parts[2] : PX_NONE};
                f->ip = ++ip;
                if (op == PX_OP_BINARY_SUBSCR) {
                    parts[-1] = t->subscr(o, px_from_ptr(&tmp), PX_NULL);
                    sp = parts;
                } else {
                    t->subscr(o, px_from_ptr(&tmp), op == PX_OP_STORE_SUBSCR ? parts[-2] : PX_DELETE);
                    sp = parts - (op == PX_OP_STORE_SUBSCR ? 2 : 1);
                }
                DISPATCH();
            }
        }
        px_val s = n == 3 ? px_slice_new(sp[-3], sp[-2], sp[-1]) : px_slice_new(sp[-2], sp[-1], PX_NONE);
        sp -= n;
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        uint32_t n;
        READ_U(n);
        px_val s = px_str_join_array(n, sp - n);
        sp -= n;
        PUSH(s);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        uint32_t i;
        READ_U(i);
        px_val v = POP();
        px_list_append(sp[-(ptrdiff_t)i], v);
        DISPATCH();
    }
    TARGET(SET_ADD) {
        uint32_t i;
        READ_U(i);
        px_val v = POP();
        px_set_add(sp[-(ptrdiff_t)i], v);
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        uint32_t i;
        READ_U(i);
        px_val v = POP();
        px_val k = POP();
        px_dict_set(sp[-(ptrdiff_t)i], k, v);
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        uint32_t i;
        READ_U(i);
        px_val v = POP();
        const px_type *vt = px_type_of(v);
        if (PX_UNLIKELY(vt->iter == NULL) && px_type_lookup(vt, PX_Q(__iter__)) == PX_NULL &&
            px_type_lookup(vt, PX_Q(__getitem__)) == PX_NULL) {
            /* [*x] / f(*x): CPython names the star, not the iteration */
            px_raise_type_error("Value after * must be an iterable, not %s", px_type_name(v));
        }
        px_list_extend(sp[-(ptrdiff_t)i], v);
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        uint32_t i;
        READ_U(i);
        px_val v = POP();
        px_set_update(sp[-(ptrdiff_t)i], v);
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        uint32_t i;
        READ_U(i);
        px_val v = POP();
        if (!px_is_dict(v) && px_getattr_opt(v, PX_Q(keys)) == PX_NULL) {
            /* {**x} takes mappings only, not sequences of pairs */
            px_raise_type_error("'%s' object is not a mapping", px_type_name(v));
        }
        px_dict_update(sp[-(ptrdiff_t)i], v, false);
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        uint32_t i;
        READ_U(i);
        px_val v = POP();
        px_vm_dict_merge(sp[-(ptrdiff_t)i], v, sp[-(ptrdiff_t)i - 2]);
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        px_list *l = px_as_ptr(sp[-1]);
        sp[-1] = px_tuple_new(l->len, l->items);
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        uint32_t u;
        READ_U(u);
        px_val spec = PX_NULL;
        if (u & 4) {
            spec = POP();
        }
        static const int conv[4] = {0, 's', 'r', 'a'};
        sp[-1] = px_format_value(sp[-1], conv[u & 3], spec);
        DISPATCH();
    }
    TARGET(BUILD_INTERPOLATION) {
        uint32_t u;
        READ_U(u);
        px_val spec = px_qstr(PX_Q(empty));
        if (u & 4) {
            spec = POP();
        }
        static const char conv_chars[4] = {0, 's', 'r', 'a'};
        px_val conv = (u & 3) ? px_str(&conv_chars[u & 3], 1) : PX_NONE;
        px_val expr = POP();
        sp[-1] = px_interpolation_new(sp[-1], expr, conv, spec);
        DISPATCH();
    }
    TARGET(BUILD_TEMPLATE) {
        uint32_t n;
        READ_U(n);
        px_val t = px_template_new(n, sp - (2 * n + 1));
        sp -= 2 * n + 1;
        PUSH(t);
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        uint32_t n;
        READ_U(n);
        px_val seq = POP();
        size_t len;
        px_val *items = NULL;
        if (px_is_type(seq, &px_type_tuple) || px_is_type(seq, &px_type_list)) {
            items = px_seq_items(seq, &len);
        }
        if (items != NULL && len == n) {
            for (uint32_t i = 0; i < n; i++) {
                sp[i] = items[n - 1 - i];
            }
        } else {
            px_vm_unpack_seq(seq, n, sp);
        }
        sp += n;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_val seq = POP();
        sp = px_vm_unpack_ex(seq, a, b, sp);
        DISPATCH();
    }
    TARGET(JUMP) {
        uint32_t t = READ_J();
        JUMP_TO(t);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        uint32_t t = READ_J();
        px_val v = POP();
        if (v == PX_FALSE || (v != PX_TRUE && !px_truthy(v))) {
            JUMP_TO(t);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        uint32_t t = READ_J();
        px_val v = POP();
        if (v == PX_TRUE || (v != PX_FALSE && px_truthy(v))) {
            JUMP_TO(t);
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        uint32_t t = READ_J();
        px_val v = sp[-1];
        if (v == PX_FALSE || (v != PX_TRUE && !px_truthy(v))) {
            JUMP_TO(t);
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        uint32_t t = READ_J();
        px_val v = sp[-1];
        if (v == PX_TRUE || (v != PX_FALSE && px_truthy(v))) {
            JUMP_TO(t);
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        uint32_t t = READ_J();
        if (POP() == PX_NONE) {
            JUMP_TO(t);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE) {
        uint32_t t = READ_J();
        if (POP() != PX_NONE) {
            JUMP_TO(t);
        }
        DISPATCH();
    }
    TARGET(GET_ITER) {
        sp[-1] = px_vm_get_iter(sp[-1]);
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        uint32_t t = READ_J();
        px_val it = sp[-1], v;
        const px_type *ty = px_type_of(it);
        if (ty == &px_type_range_iter) {
            px_range_iter *r = px_as_ptr(it);
            if (r->remaining > 0) {
                r->remaining--;
                px_int cur = r->cur;
                r->cur += r->step;
                PUSH(px_small_fits(cur) ? px_small(cur) : px_int_from_i64(cur));
                DISPATCH();
            }
            v = PX_NULL;
        } else if (ty == &px_vm_type_list_iter || ty == &px_vm_type_tuple_iter) {
            px_vm_seq_iter *s = px_as_ptr(it);
            size_t len;
            px_val *items = px_seq_items(s->seq, &len);
            if (s->index < len) {
                PUSH(items[s->index++]);
                DISPATCH();
            }
            v = PX_NULL;
        } else if (ty == &px_type_generator) {
            px_gen *g = px_as_ptr(it);
            if (PX_LIKELY(g->state == PX_GEN_SUSPENDED || g->state == PX_GEN_CREATED) &&
                PX_LIKELY(px_st.depth < px_vm_recursion_limit())) {
                gen = g;
                gen_value = PX_NONE;
                g->resumed_by = PX_GEN_BY_FOR_ITER;
                goto gen_enter;
            }
            v = px_gen_resume(it, PX_NONE, PX_NULL, NULL);
        } else if (ty == &px_type_enumerate && ip[0] == PX_OP_UNPACK_SEQUENCE && ip[1] == 2) {
            /* `for i, x in enumerate(...)`: the pair goes to the stack as
             * UNPACK_SEQUENCE 2 would leave it, without a tuple */
            px_val pair[2];
            if (px_enumerate_step(it, pair)) {
                ip += 2;
                sp[0] = pair[1];
                sp[1] = pair[0];
                sp += 2;
                DISPATCH();
            }
            v = PX_NULL;
        } else {
            v = px_next(it);
        }
        if (v == PX_NULL) {
            sp--;
            ip = co->code + t;
        } else {
            PUSH(v);
        }
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        px_val v = POP();
        if (f == ctx->entry) {
            ctx->retval = v;
            f->sp = sp;
            return PX_RUN_RETURN;
        }
        if (PX_UNLIKELY(f->chunk == NULL)) {
            /* an inline generator finished (only generator frames live outside
             * the frame stack): back to the instruction that resumed it */
            px_gen *g = f->gen;
            f->sp = sp;
            f = gen_leave(ctx, f, false);
            LOAD_FRAME();
            if (g->resumed_by == PX_GEN_BY_FOR_ITER) {
                /* exhausted: drop the iterator and take FOR_ITER's jump (its operand ends at ip) */
                sp--;
                ip = co->code + ((uint32_t)ip[-3] | ((uint32_t)ip[-2] << 8) | ((uint32_t)ip[-1] << 16));
                DISPATCH();
            }
            if (g->resumed_by == PX_GEN_BY_CALL) {
                /* send() / next(): the call raises StopIteration(value) */
                px_raise_stop_iteration(v == PX_NONE ? PX_NULL : v);
            }
            /* YIELD_FROM: [iter, sent] -> [result] */
            sp--;
            sp[-1] = v;
            DISPATCH();
        }
        px_frame *back = f->back;
        px_st.depth--;
        px_vm_fs_pop(f);
        f = back;
        ctx->frame = f;
        px_st.frame = f;
        LOAD_FRAME();
        PUSH(v);
        DISPATCH();
    }
    TARGET(CALL) {
        uint32_t n;
        READ_U(n);
        callee = sp[-(ptrdiff_t)n - 1];
        argv = sp - n;
        argc = n;
        kwnames = PX_NULL;
        npop = n + 1;
        callee = unbind_on_stack(callee, sp - n, &argv, &argc);
        goto do_call;
    }
    TARGET(CALL_KW) {
        uint32_t n;
        READ_U(n);
        kwnames = POP();
        size_t nkw = px_tuple_ptr(kwnames)->len;
        callee = sp[-(ptrdiff_t)n - 1];
        argv = sp - n;
        argc = n - nkw;
        npop = n + 1;
        callee = unbind_on_stack(callee, sp - n, &argv, &argc);
        goto do_call;
    }
    TARGET(CALL_METHOD) {
        uint32_t n;
        READ_U(n);
        callee = sp[-(ptrdiff_t)n - 2];
        px_val self = sp[-(ptrdiff_t)n - 1];
        kwnames = PX_NULL;
        npop = n + 2;
        if (self != PX_NULL) {
            argv = sp - n - 1;
            argc = n + 1;
        } else {
            argv = sp - n;
            argc = n;
            callee = unbind_on_stack(callee, sp - n, &argv, &argc);
        }
        goto do_call;
    }
    TARGET(CALL_METHOD_KW) {
        uint32_t n;
        READ_U(n);
        kwnames = POP();
        size_t nkw = px_tuple_ptr(kwnames)->len;
        callee = sp[-(ptrdiff_t)n - 2];
        px_val self = sp[-(ptrdiff_t)n - 1];
        npop = n + 2;
        if (self != PX_NULL) {
            argv = sp - n - 1;
            argc = n - nkw + 1;
        } else {
            argv = sp - n;
            argc = n - nkw;
            callee = unbind_on_stack(callee, sp - n, &argv, &argc);
        }
        goto do_call;
    }
    TARGET(CALL_EX) {
        uint32_t u;
        READ_U(u);
        px_val kw = PX_NULL;
        if (u & 1) {
            kw = POP();
        }
        px_val args = POP();
        px_val *av;
        callee = px_vm_call_ex(sp[-1], args, kw, &kwnames, &argc, &av);
        argv = av;
        npop = 1;
        if (px_is_type(callee, &px_type_bound_method)) {
            px_bound *bm = px_as_ptr(callee);
            size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
            px_val *nv = px_gc_alloc((argc + nkw + 1) * sizeof(px_val), 0);
            nv[0] = bm->self;
            if (argc + nkw) {
                memcpy(nv + 1, argv, (argc + nkw) * sizeof(px_val));
            }
            argv = nv;
            argc++;
            callee = bm->func;
        }
        goto do_call;
    }
    TARGET(MAKE_FUNCTION) {
        uint32_t u;
        READ_U(u);
        px_val codev = POP();
        px_val closure = PX_NULL, kwdefs = PX_NULL, defs = PX_NULL;
        if (u & 4) {
            closure = POP();
        }
        if (u & 2) {
            kwdefs = POP();
        }
        if (u & 1) {
            defs = POP();
        }
        px_vm_check_function_parts(codev, defs, kwdefs, closure);
        px_code *code = px_as_ptr(codev);
        px_val fnv = px_func_new(code, f->globals, defs, kwdefs, closure);
        px_vm_func *vf = px_as_ptr(fnv);
        if (co->flags & PX_CODE_CLASSBODY) {
            vf->classname = px_vm_ns_load(f, PX_Q(__qualname__));
        } else if (f->func != NULL) {
            vf->parent = px_from_ptr(f->func);
        }
        PUSH(fnv);
        DISPATCH();
    }
    TARGET(RAISE_VARARGS) {
        uint32_t n;
        READ_U(n);
        px_val cause = PX_NULL, exc = PX_NULL;
        if (n == 2) {
            cause = POP();
        }
        if (n >= 1) {
            exc = POP();
        }
        px_vm_do_raise(ctx, n, exc, cause);
    }
    TARGET(RERAISE) {
        px_val exc = POP();
        ctx->reraise = true;
        px_raise(exc);
    }
    /* The saved exception is restored by the POP_EXCEPT ending the handler.
     * A generator resumed elsewhere by then must restore its new resumer's
     * (sys.exc_info() shows the resumer's when the generator handles none):
     * in a generator frame PX_NULL is saved for "the resumer's", and
     * POP_EXCEPT reads it as g->outer_handled, set by each resume. */
    TARGET(PUSH_EXC_INFO) {
        px_val exc = sp[-1];
        px_val saved = px_st.handled_exc;
        if (f->gen && saved == f->gen->outer_handled) {
            saved = PX_NULL;
        }
        sp[-1] = saved;
        PUSH(exc);
        px_st.handled_exc = exc;
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        px_val saved = POP();
        if (saved == PX_NULL && f->gen) {
            saved = f->gen->outer_handled;
        }
        px_st.handled_exc = saved;
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        px_val type = sp[-1];
        sp[-1] = px_bool(px_exc_matches(sp[-2], type));
        DISPATCH();
    }
    TARGET(CHECK_EG_MATCH) {
        px_val type = POP();
        px_val match = px_exc_group_match(&sp[-1], type);
        if (match != PX_NONE) {
            px_st.handled_exc = match;
        }
        PUSH(match);
        DISPATCH();
    }
    TARGET(PREP_RERAISE_STAR) {
        px_val list = POP();
        sp[-1] = px_exc_group_prep_reraise(sp[-1], list);
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        px_val mgr = POP();
        sp = px_vm_before_with(mgr, sp, PX_Q(__enter__), PX_Q(__exit__));
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        px_val r = px_vm_with_except(sp[-3], sp[-1]);
        PUSH(r);
        DISPATCH();
    }
    TARGET(YIELD_VALUE) {
        gen_value = POP();
        if (f->gen == NULL) {
            px_raise_msg(&px_type_RuntimeError, "yield outside a generator frame");
        }
        f->gen->yf = false;
        f->gen->direct = true;
        goto gen_yield;
    }
    TARGET(GET_YIELD_FROM_ITER) {
        sp[-1] = px_vm_get_yield_from_iter(sp[-1], co);
        DISPATCH();
    }
    TARGET(YIELD_FROM) {
        px_val sent = sp[-1], it = sp[-2], ret = PX_NONE;
        if (f->gen == NULL) {
            px_raise_msg(&px_type_RuntimeError, "yield outside a generator frame");
        }
        if (px_is_type(it, &px_type_generator) || px_is_type(it, &px_type_coroutine)) {
            px_gen *g = px_as_ptr(it);
            if (PX_LIKELY(g->state == PX_GEN_SUSPENDED || (g->state == PX_GEN_CREATED && sent == PX_NONE)) &&
                PX_LIKELY(px_st.depth < px_vm_recursion_limit())) {
                gen = g;
                gen_value = sent;
                g->resumed_by = PX_GEN_BY_YIELD_FROM;
                goto gen_enter;
            }
        }
        px_val y = px_vm_yf_step(it, sent, PX_NULL, &ret);
        if (y != PX_NULL) {
            sp--;
            f->gen->yf = true;
            f->gen->direct = false;
            gen_value = y;
            goto gen_yield;
        }
        sp[-2] = ret;
        sp--;
        DISPATCH();
    }
    TARGET(GET_AWAITABLE) {
        sp[-1] = px_vm_get_awaitable(sp[-1]);
        DISPATCH();
    }
    TARGET(GET_AITER) {
        sp[-1] = px_vm_get_aiter(sp[-1]);
        DISPATCH();
    }
    TARGET(GET_ANEXT) {
        px_val a = px_vm_get_anext(sp[-1]);
        PUSH(a);
        DISPATCH();
    }
    TARGET(END_ASYNC_FOR) {
        px_val exc = sp[-1];
        if (px_isinstance(exc, &px_type_StopAsyncIteration)) {
            sp -= 2;
            DISPATCH();
        }
        sp--;
        ctx->reraise = true;
        px_raise(exc);
    }
    TARGET(BEFORE_ASYNC_WITH) {
        px_val mgr = POP();
        sp = px_vm_before_with(mgr, sp, PX_Q(__aenter__), PX_Q(__aexit__));
        sp[-1] = px_vm_get_awaitable(sp[-1]);
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        uint32_t a;
        READ_U(a);
        px_val fromlist = sp[-1], level = sp[-2];
        px_val m = px_vm_import_name(f, names[a], fromlist, level);
        sp -= 2;
        PUSH(m);
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        uint32_t a;
        READ_U(a);
        px_val v = px_import_from(sp[-1], names[a]);
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        px_val m = sp[-1];
        if (f->ns_map == NULL && f->ns != PX_NULL) {
            px_raise_msg(&px_type_NotImplementedError, "import * into a non-dict namespace");
        }
        px_import_star(m, f->ns_map ? f->ns_map : f->globals);
        sp--;
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        px_val v = POP();
        px_vm_print_expr(v);
        DISPATCH();
    }

#if !PX_COMPUTED_GOTO
    default:
        goto bad_opcode;
    }
}
#endif

do_call:
    if (PX_UNLIKELY(px_pending())) {
        px_vm_check_pending();
    }
    if (px_is_func(callee)) {
        px_func *fn = px_as_ptr(callee);
        if (PX_LIKELY(!(fn->code->flags & PX_VM_GEN_FLAGS))) {
            f->sp = sp - npop;
            f->ip = ip; /* resume after the call's operands */
            px_frame *nf = px_vm_push_frame(fn, argc, argv, kwnames);
            nf->back = f;
            f = nf;
            ctx->frame = f;
            px_st.frame = f;
            LOAD_FRAME();
            DISPATCH();
        }
        px_val g = px_vm_make_generator(fn, argc, argv, kwnames);
        sp -= npop;
        PUSH(g);
        DISPATCH();
    }
    {
        px_val r;
        if (kwnames == PX_NULL && px_is_type(callee, &px_type_builtin)) {
            const px_builtin *b = px_as_ptr(callee);
            bool done;
            r = call_builtin_fast(b, argc, argv, &done);
            if (!done) {
                px_gen *g;
                if (PX_UNLIKELY(r == PX_TRUE) && (g = gen_call_target(b, argc, argv)) != NULL) {
                    /* g.send(x) / next(g): resumed in this loop like FOR_ITER's */
                    g->resumed_by = PX_GEN_BY_CALL;
                    f->sp = sp - npop;
                    f->ip = ip;
                    f = gen_push(g, f, argc == 2 ? argv[1] : PX_NONE, true);
                    ctx->frame = f;
                    LOAD_FRAME();
                    DISPATCH();
                }
                r = px_call(callee, argc, argv, PX_NULL);
            }
        } else {
            r = px_call(callee, argc, argv, kwnames);
        }
        sp -= npop;
        PUSH(r);
        DISPATCH();
    }

gen_enter:
    /* Resume generator `gen` inside this loop (FOR_ITER or YIELD_FROM with
     * a generator that is neither running nor finished): its heap frame is
     * pushed like a call's. What px_gen_resume does around a step is done
     * here and where the frame stops (gen_yield, RETURN_VALUE, unwind). */
    f->sp = sp;
    f->ip = ip; /* after the instruction's operands: FOR_ITER's jump target ends here */
    f = gen_push(gen, f, gen_value, true);
    ctx->frame = f;
    LOAD_FRAME();
    DISPATCH();

gen_yield:
    /* Frame f suspends yielding gen_value (its yf/direct are set). An inline
     * generator gives the value to the FOR_ITER that resumed it, or to the
     * delegating caller, which then suspends with it too. */
    for (;;) {
        f->sp = sp;
        if (f == ctx->entry) {
            ctx->retval = gen_value;
            return PX_RUN_YIELD;
        }
        px_gen *g = f->gen;
        f = gen_leave(ctx, f, true);
        LOAD_FRAME();
        if (g->resumed_by != PX_GEN_BY_YIELD_FROM) {
            PUSH(gen_value); /* FOR_ITER's next item, or the call's result */
            DISPATCH();
        }
        sp--; /* YIELD_FROM suspends on [iter] */
        f->gen->yf = true;
        f->gen->direct = false;
    }

bad_opcode:
    px_raise_msg(&px_type_RuntimeError, "bad opcode %u", (unsigned)ip[-1]);
}
