/* VM-internal: frames, generator objects and the helpers shared by
 * vm.c, function.c and generator.c. Not part of the public contract. */
#ifndef PX_FRAME_H
#define PX_FRAME_H

#include "../runtime.h"

struct px_gen;

/* An activation record. Ordinary calls allocate frames on the frame stack
 * (chunks on the GC heap, freed in LIFO order); generator frames are
 * separate heap blocks owned by their generator.
 *
 * `ip` is the resume point; the instruction being executed (for the
 * exception table and line numbers) is the one containing byte ip - 1. */
typedef struct px_frame {
    struct px_frame *back;  /* the caller */
    px_code *code;
    px_func *func;          /* NULL for module / exec code */
    px_map *globals;
    px_map *ns_map;         /* LOAD_NAME namespace when it is a dict (or globals) */
    px_val ns;              /* the namespace object when it is not a dict, else PX_NULL */
    const uint8_t *ip;
    px_val *sp;             /* saved stack pointer (calls, suspension) */
    px_val *stack;          /* value stack base */
    px_val *cells;          /* localsplus + nlocals */
    struct px_gen *gen;     /* the owning generator, or NULL */
    void *chunk;            /* frame-stack chunk holding this frame; NULL for generator frames */
    void *fs_chunk;         /* frame-stack state just after this frame (unwinding resets to it) */
    px_val *fs_top;
    px_val localsplus[];    /* locals, cells, value stack */
} px_frame;

/* Generators, coroutines and async generators share this struct. */
enum { PX_GEN_CREATED, PX_GEN_SUSPENDED, PX_GEN_RUNNING, PX_GEN_DONE };

/* Only a generator suspended where it has handlers to run (try/finally,
 * with) needs finalizing when dropped: one that never started or has
 * finished is freed like any object. So the finalize bit of its block is
 * set at its first suspension and cleared when it finishes (px_gen_suspend,
 * px_gen_finish): an asyncio program drops thousands of finished
 * coroutines, which otherwise each survived a collection with all they
 * reach (a soak's heap after gc.collect() was 300 KB live plus up to 500
 * KB of them). */
enum { PX_GEN_FIN_NEVER, PX_GEN_FIN_WANTED, PX_GEN_FIN_ARMED };

/* How a running generator was resumed: by px_gen_resume from C (its frame
 * is the entry of a px_vm_gen_step), or inside the loop that runs its
 * caller, whose FOR_ITER or YIELD_FROM pushed the generator's frame like
 * a call (vm.c, gen_enter). A yield or return of an inline generator goes
 * back to that instruction without leaving the loop. */
enum { PX_GEN_BY_C, PX_GEN_BY_FOR_ITER, PX_GEN_BY_YIELD_FROM };

typedef struct px_gen {
    px_obj base;
    px_frame *frame;
    px_val handled;       /* exception being handled inside it while suspended */
    px_val name;
    px_val outer_handled; /* running inline: the caller's handled exception, restored when it stops */
    uint8_t state;
    uint8_t resumed_by;   /* running: PX_GEN_BY_* */
    bool yf;              /* suspended inside YIELD_FROM (sub-iterator on the stack top) */
    bool direct;          /* last suspension was a YIELD_VALUE (not a delegated yield) */
    bool ag_running;      /* async generator: an asend/athrow is in progress */
    uint8_t fin;          /* PX_GEN_FIN_* */
} px_gen;

void px_gen_set_finalize(px_gen *g, bool on);

static inline void px_gen_suspend(px_gen *g) {
    g->state = PX_GEN_SUSPENDED;
    if (PX_UNLIKELY(g->fin == PX_GEN_FIN_WANTED)) {
        px_gen_set_finalize(g, true);
    }
}

static inline void px_gen_finish(px_gen *g) {
    g->state = PX_GEN_DONE;
    if (PX_UNLIKELY(g->fin == PX_GEN_FIN_ARMED)) {
        px_gen_set_finalize(g, false);
    }
}

extern const px_type px_type_async_generator, px_type_async_gen_asend;

/* Results of px_vm_execute and px_vm_gen_step. */
enum { PX_RUN_RETURN, PX_RUN_YIELD, PX_RUN_RAISE };

/* Run `entry` (already set up) until it returns or yields. With throw_exc
 * set, start by raising that exception at the frame's resume point.
 * Stack frames are freed when they finish; raises what escapes. */
int px_vm_execute(px_frame *entry, px_val throw_exc, px_val *result);

/* Run generator g one step (px_gen_resume has checked its state and the
 * depth and marked it running): start it, or (started) continue it with
 * `send`, or, when set,
 * raise throw_exc at its resume point. A generator suspended in
 * YIELD_FROM runs that instruction again, so the sub-iterator is resumed
 * under this step's one handler (a throw goes to the sub-iterator first,
 * px_vm_yf_throw). Returns PX_RUN_YIELD or PX_RUN_RETURN with the value
 * in *result, or PX_RUN_RAISE with the exception that left the frame in
 * *result; raises nothing itself. */
int px_vm_gen_step(px_gen *g, bool started, px_val send, px_val throw_exc, px_val *result);

/* Allocate the generator / coroutine / async generator of `fn` together
 * with its frame (one block); the caller binds the arguments. */
px_gen *px_gen_alloc(px_func *fn);

/* One step of delegation (YIELD_FROM / await) to iterator `it`: send
 * `sent`, or throw `exc` when set. Returns the yielded value, or PX_NULL
 * when `it` finished (its result in *ret). */
px_val px_vm_yf_step(px_val it, px_val sent, px_val exc, px_val *ret);
/* throw() reaching a generator suspended in YIELD_FROM on `it`: close it
 * and raise exc for GeneratorExit, else px_vm_yf_step with exc. */
px_val px_vm_yf_throw(px_val it, px_val exc, px_val *ret);

/* Opcode helpers for coroutines (generator.c). */
px_val px_vm_get_awaitable(px_val v);
px_val px_vm_get_aiter(px_val v);
px_val px_vm_get_anext(px_val aiter);
px_val px_vm_get_yield_from_iter(px_val v, const px_code *code);

/* function.c. Functions made by the VM carry what __qualname__ needs:
 * the enclosing function, or the qualname of the enclosing class body. */
typedef struct {
    px_func fn;
    px_val parent;    /* enclosing function (a px_func) or PX_NULL */
    px_val classname; /* __qualname__ of the class body that defined it, or PX_NULL */
} px_vm_func;

px_val px_func_new(px_code *code, px_map *globals, px_val defaults, px_val kwdefaults, px_val closure);
/* The function's __qualname__ ("A.m", "outer.<locals>.inner"). */
px_val px_vm_func_qualname(px_func *fn);
px_val px_vm_bound_new(px_val func, px_val self);
/* The dict object wrapping a map that lives inside a px_dict (module globals). */
px_val px_vm_dict_of_map(px_map *m);

static inline bool px_is_func(px_val v) { return px_is_type(v, &px_type_function); }

/* ---- shared by the VM's files --------------------------------------- */

#if defined(__GNUC__) || defined(__clang__)
#define PX_VM_INLINE static inline __attribute__((always_inline))
#else
#define PX_VM_INLINE static inline
#endif

#define PX_VM_GEN_FLAGS (PX_CODE_GENERATOR | PX_CODE_COROUTINE | PX_CODE_ASYNC_GENERATOR)

/* One way of an inline-cache slot: code->caches holds PX_VM_CACHE_WAYS
 * of them per slot (code->ncaches slots), so a site that sees objects of
 * a few types (a loop over a list of subclasses) keeps them all. What
 * an entry means depends on its kind (vm_cache.c fills them, vm_cache.h
 * tests them). Entries whose kind relies on the key set of class
 * namespaces or module globals carry the px_cache_epoch they were filled
 * at and are dropped when it moves; values are read through map entries,
 * so overwriting a value never leaves a cache stale. */
enum {
    PX_VC_EMPTY,
    PX_VC_GLOBAL,    /* LOAD_GLOBAL: the name is at `index` of the globals (checked) */
    PX_VC_BUILTIN,   /* LOAD_GLOBAL: globals map `key` lacks it; builtins `entry` has it */
    PX_VC_INST,      /* LOAD_ATTR/STORE_ATTR: instance dict of type `key` (index hint);
                      * `entry` (or NULL) the class attribute behind it, a plain value */
    PX_VC_MODULE,    /* LOAD_ATTR/LOAD_METHOD: module `key`, the name at `index` of its globals */
    PX_VC_METHOD,    /* LOAD_METHOD: function at `entry` of type `key`'s MRO */
    PX_VC_BUILTIN_METHOD, /* LOAD_METHOD: `entry` of a built-in type's const dict */
};

/* Four: a scheduler loop over four task classes (bench/richards) would
 * refill a two-way slot at every access. */
#ifndef PX_VM_CACHE_WAYS
#define PX_VM_CACHE_WAYS 4
#endif

typedef struct {
    const void *key;            /* type, module or globals map the entry is for */
    const px_map_entry *entry;  /* where the cached value lives, or NULL */
    uint64_t epoch;             /* px_cache_epoch when filled */
    uint32_t index;             /* index (hint) into a map */
    uint32_t kind;              /* PX_VC_* */
} px_vm_cache;

/* State of one px_vm_execute activation. */
typedef struct {
    px_frame *volatile frame; /* the frame running now (read after a long jump) */
    px_frame *entry;
    px_val retval;
    volatile bool reraise;    /* the pending raise is a RERAISE / bare raise */
} px_vm_ctx;

/* ---- the frame stack: chunks on the GC heap, frames freed LIFO (frames.c) */

typedef struct px_vm_fchunk {
    struct px_vm_fchunk *prev;
    px_val *top;
    px_val *end;
    px_val data[];
} px_vm_fchunk;

enum { PX_VM_FS_CHUNK_WORDS = PX_FRAME_CHUNK_WORDS };

typedef struct {
    px_vm_fchunk *cur;
    px_vm_fchunk *spare; /* one freed chunk kept to avoid re-allocating at a boundary */
} px_vm_fstack;
extern px_vm_fstack px_vm_fs;
/* Scan the frames of a frame stack (a waiting thread's, for the collector). */
void px_vm_fs_scan(const px_vm_fstack *fs, px_gc_scan_fn scan);
px_vm_fchunk *px_vm_fs_grow(size_t words);

#define PX_VM_FRAME_HDR_WORDS ((sizeof(px_frame) + sizeof(px_val) - 1) / sizeof(px_val))

static inline size_t px_vm_frame_words(const px_code *c) {
    return PX_VM_FRAME_HDR_WORDS + c->nlocals + c->ncellvars + c->nfreevars + c->stacksize + 1;
}

static inline px_frame *px_vm_fs_alloc(size_t words) {
    px_vm_fchunk *c = px_vm_fs.cur;
    if (PX_UNLIKELY(c == NULL || (size_t)(c->end - c->top) < words)) {
        c = px_vm_fs_grow(words);
    }
    px_frame *f = (px_frame *)c->top;
    c->top += words;
    f->chunk = c;
    f->fs_chunk = c;
    f->fs_top = c->top;
    return f;
}

/* Make the frame stack what it was at a mark (chunk, top). */
static inline void px_vm_fs_restore(void *chunk, px_val *top) {
    px_vm_fchunk *c = chunk;
    if (px_vm_fs.cur != c) {
        px_vm_fs.spare = px_vm_fs.cur;
        px_vm_fs.cur = c;
    }
    if (c != NULL) {
        c->top = top;
    }
}

static inline void px_vm_fs_pop(px_frame *f) { px_vm_fs_restore(f->chunk, (px_val *)f); }


/* ---- frames and argument binding (args.c) */

static inline void px_vm_frame_init(px_frame *f, px_code *code, px_func *fn, px_map *globals) {
    f->back = NULL;
    f->code = code;
    f->func = fn;
    f->globals = globals;
    f->ns_map = NULL;
    f->ns = PX_NULL;
    f->ip = code->code;
    f->gen = NULL;
    size_t nl = code->nlocals, nc = (size_t)code->ncellvars + code->nfreevars;
    memset(f->localsplus, 0, (nl + nc) * sizeof(px_val));
    f->cells = f->localsplus + nl;
    f->stack = f->sp = f->cells + nc;
}

/* A code object's inline caches (code->ncaches slots of PX_VM_CACHE_WAYS
 * ways), made when it first runs. Module, exec and class bodies run once:
 * only one with a loop (PX_CODE_LOOPS) gets them, so straight-line module
 * code, most of a module's sites, costs no cache memory (it was about 10
 * bytes per source byte of a long module, and much of the board's 64 KiB);
 * its sites take the uncached path, as the caches' first fill would. */
void px_vm_alloc_caches(px_code *code);
static inline void px_vm_want_caches(px_code *code) {
    if (PX_UNLIKELY(code->caches == NULL) && code->ncaches > 0) {
        px_vm_alloc_caches(code);
    }
}

void px_vm_frame_cells(px_frame *f, px_func *fn);
void px_vm_bind_slow(px_frame *f, px_func *fn, size_t argc, const px_val *argv, px_val kwnames);
PX_VM_INLINE void px_vm_bind_args(px_frame *f, px_func *fn, size_t argc, const px_val *argv, px_val kwnames) {
    px_code *co = fn->code;
    if (PX_LIKELY(kwnames == PX_NULL && argc == co->argcount &&
                  !(co->flags & (PX_CODE_VARARGS | PX_CODE_VARKEYWORDS)) && co->kwonlycount == 0)) {
        for (size_t i = 0; i < argc; i++) { /* argv may be NULL when argc is 0 */
            f->localsplus[i] = argv[i];
        }
    } else {
        px_vm_bind_slow(f, fn, argc, argv, kwnames);
    }
    if (co->ncellvars + co->nfreevars > 0) {
        px_vm_frame_cells(f, fn);
    }
}



static inline unsigned px_vm_recursion_limit(void) {
    return px_st.recursion_limit ? px_st.recursion_limit : PX_RECURSION_LIMIT;
}

PX_NORETURN void px_vm_raise_recursion(void);

static inline void px_vm_check_c_stack(void) { px_check_stack(""); }

/* A new stack frame for fn with arguments bound; depth counted. */
PX_VM_INLINE px_frame *px_vm_push_frame(px_func *fn, size_t argc, const px_val *argv, px_val kwnames) {
    if (PX_UNLIKELY(px_st.depth >= px_vm_recursion_limit())) {
        px_vm_raise_recursion();
    }
    px_code *co = fn->code;
    px_frame *f = px_vm_fs_alloc(px_vm_frame_words(co));
    px_vm_frame_init(f, co, fn, fn->globals);
    px_vm_want_caches(co);
    /* If binding raises, the handler resets the frame stack to the caller's mark. */
    px_vm_bind_args(f, fn, argc, argv, kwnames);
    px_st.depth++;
    return f;
}


px_val px_vm_make_generator(px_func *fn, size_t argc, const px_val *argv, px_val kwnames);

/* ---- cold paths of the loop (vm_ops.c) and cache filling (vm_cache.c) */

typedef struct {
    px_obj base;
    px_val seq;
    size_t index;
} px_vm_seq_iter;
extern const px_type px_vm_type_list_iter, px_vm_type_tuple_iter;

PX_NORETURN void px_vm_raise_unbound_local(px_code *co, size_t i);
PX_NORETURN void px_vm_raise_unbound_deref(px_code *co, size_t i);
px_val px_vm_ns_load(px_frame *f, px_qid q);
px_val px_vm_load_name(px_frame *f, px_qid q);
void px_vm_store_name(px_frame *f, px_qid q, px_val v);
void px_vm_delete_name(px_frame *f, px_qid q);
void px_vm_delete_global(px_frame *f, px_qid q);
void px_vm_set_context(px_val exc, px_val handled);
PX_NORETURN void px_vm_do_raise(px_vm_ctx *ctx, size_t n, px_val exc, px_val cause);
void px_vm_print_expr(px_val v);
px_val px_vm_build_map(size_t n, const px_val *items);
px_val *px_vm_unpack_ex(px_val seq, size_t before, size_t after, px_val *sp);
void px_vm_unpack_seq(px_val seq, size_t n, px_val *sp);
px_val px_vm_get_iter(px_val v);
px_val *px_vm_before_with(px_val mgr, px_val *sp, px_qid enter, px_qid exit);
px_val px_vm_with_except(px_val exit, px_val exc);
px_val px_vm_call_ex(px_val f, px_val args, px_val kwargs, px_val *kwn_out, size_t *argc_out, px_val **argv_out);
void px_vm_check_pending(void);
/* DICT_MERGE for f(**a, **b): CPython's errors naming the callee. */
void px_vm_dict_merge(px_val dict, px_val other, px_val callee);
/* MAKE_FUNCTION's operands are what the compiler puts there (bytecode
 * from marshal.loads may not be): SystemError otherwise. */
void px_vm_check_function_parts(px_val code, px_val defs, px_val kwdefs, px_val closure);
px_val px_vm_import_name(px_frame *f, px_qid q, px_val fromlist, px_val level);
px_map *px_vm_builtins_map(void);
px_val px_vm_load_builtin(px_qid q);
px_val px_vm_load_global_slow(px_map *g, px_qid q, px_vm_cache *c);
void px_vm_load_method_slow(px_val obj, px_qid q, px_val *dest, px_vm_cache *c);
px_val px_vm_load_attr_slow(px_val obj, px_qid q, px_vm_cache *c);
void px_vm_store_attr_slow(px_val obj, px_qid q, px_val v, px_vm_cache *c);

#endif
