/* The interpreter loop. One C activation of px_vm_execute runs a chain of
 * Python frames: calls to Python functions push a frame and continue in
 * the same loop, returns pop back to the caller. Exceptions long-jump to
 * the one handler installed per px_vm_execute, which consults the code's
 * exception table and either resumes the loop at a handler or unwinds. */
#include <stdio.h>

#include "frame.h"

/* ---- the frame stack: chunks on the GC heap, frames freed LIFO ---------- */

typedef struct fchunk {
    struct fchunk *prev;
    px_val *top;
    px_val *end;
    px_val data[];
} fchunk;

enum { FS_CHUNK_WORDS = 16384 };

static struct {
    fchunk *cur;
    fchunk *spare; /* one freed chunk kept to avoid re-allocating at a boundary */
} fs;
static bool fs_rooted;

#define FRAME_HDR_WORDS ((sizeof(px_frame) + sizeof(px_val) - 1) / sizeof(px_val))

static inline size_t frame_words(const px_code *c) {
    return FRAME_HDR_WORDS + c->nlocals + c->ncellvars + c->nfreevars + c->stacksize + 1;
}

static fchunk *fs_grow(size_t words) {
    if (!fs_rooted) {
        px_gc_add_root(&fs, sizeof fs);
        fs_rooted = true;
    }
    fchunk *c = fs.spare;
    if (c != NULL && (size_t)(c->end - c->data) >= words) {
        fs.spare = NULL;
    } else {
        size_t n = words > FS_CHUNK_WORDS ? words : FS_CHUNK_WORDS;
        c = px_gc_alloc(sizeof(fchunk) + n * sizeof(px_val), 0);
        c->end = c->data + n;
    }
    c->prev = fs.cur;
    c->top = c->data;
    fs.cur = c;
    return c;
}

static inline px_frame *fs_alloc(size_t words) {
    fchunk *c = fs.cur;
    if (PX_UNLIKELY(c == NULL || (size_t)(c->end - c->top) < words)) {
        c = fs_grow(words);
    }
    px_frame *f = (px_frame *)c->top;
    c->top += words;
    f->chunk = c;
    f->fs_chunk = c;
    f->fs_top = c->top;
    return f;
}

/* Make the frame stack what it was at a mark (chunk, top). */
static inline void fs_restore(void *chunk, px_val *top) {
    fchunk *c = chunk;
    if (fs.cur != c) {
        fs.spare = fs.cur;
        fs.cur = c;
    }
    if (c != NULL) {
        c->top = top;
    }
}

static inline void fs_pop(px_frame *f) { fs_restore(f->chunk, (px_val *)f); }

/* ---- inline caches ----------------------------------------------------- */

typedef struct {
    const void *type;            /* the type (or module) the entry is valid for */
    const px_map_entry *entry;   /* const-map entry (built-in types) */
    const px_map_entry *entries; /* heap-map entries array the index is in */
    uint32_t index;
    uint32_t epoch;
} vm_cache;

/* Bumped whenever the VM stores or deletes an attribute of a class, so
 * caches that rely on "the class has no such attribute" are dropped. */
uint32_t px_vm_class_epoch = 1;

/* ---- frames ------------------------------------------------------------ */

static inline void frame_init(px_frame *f, px_code *code, px_func *fn, px_map *globals) {
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
    if (PX_UNLIKELY(code->caches == NULL) && code->ncaches > 0) {
        code->caches = px_gc_alloc(code->ncaches * sizeof(vm_cache), 0);
    }
}

static void frame_cells(px_frame *f, px_func *fn) {
    px_code *code = f->code;
    for (size_t i = 0; i < code->ncellvars; i++) {
        f->cells[i] = px_cell_new(PX_NULL);
    }
    if (code->nfreevars > 0) {
        if (fn == NULL || fn->closure == PX_NULL) {
            px_raise_msg(&px_type_RuntimeError, "code object has free variables but no closure");
        }
        px_tuple *cl = px_tuple_ptr(fn->closure);
        size_t n = cl->len < code->nfreevars ? cl->len : code->nfreevars;
        memcpy(f->cells + code->ncellvars, cl->items, n * sizeof(px_val));
    }
}

/* ---- argument binding (CPython's rules and messages) ------------------- */

static const char *fname(px_func *fn, int *len) {
    size_t n;
    const char *s = px_str_data(px_vm_func_qualname(fn), &n);
    *len = (int)n;
    return s;
}

static PX_NORETURN void too_many_positional(px_func *fn, size_t given, const px_val *L) {
    px_code *co = fn->code;
    size_t argcount = co->argcount;
    size_t ndef = fn->defaults == PX_NULL ? 0 : px_tuple_ptr(fn->defaults)->len;
    size_t kwonly_given = 0;
    for (size_t i = argcount; i < argcount + co->kwonlycount; i++) {
        kwonly_given += L[i] != PX_NULL;
    }
    char sig[64], kwsig[96];
    bool plural;
    if (ndef > 0) {
        snprintf(sig, sizeof sig, "from %zu to %zu", argcount - ndef, argcount);
        plural = true;
    } else {
        snprintf(sig, sizeof sig, "%zu", argcount);
        plural = argcount != 1;
    }
    kwsig[0] = 0;
    if (kwonly_given) {
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    }
    int n;
    const char *s = fname(fn, &n);
    px_raise_type_error("%.*s() takes %s positional argument%s but %zu%s %s given", n, s, sig,
                        plural ? "s" : "", given, kwsig, given == 1 && !kwonly_given ? "was" : "were");
}

static PX_NORETURN void missing_args(px_func *fn, const px_val *L, size_t lo, size_t hi, const char *kind) {
    px_code *co = fn->code;
    size_t total = 0;
    for (size_t i = lo; i < hi; i++) {
        total += L[i] == PX_NULL;
    }
    px_strbuf b;
    px_strbuf_init(&b, 64);
    size_t k = 0;
    for (size_t i = lo; i < hi; i++) {
        if (L[i] != PX_NULL) {
            continue;
        }
        if (k > 0) {
            px_strbuf_add_cstr(&b, total == 2 ? " and " : (k == total - 1 ? ", and " : ", "));
        }
        px_strbuf_add_char(&b, '\'');
        px_strbuf_add_cstr(&b, px_qstr_str(co->varnames[i]));
        px_strbuf_add_char(&b, '\'');
        k++;
    }
    px_strbuf_add_char(&b, 0);
    int n;
    const char *s = fname(fn, &n);
    px_raise_type_error("%.*s() missing %zu required %s argument%s: %s", n, s, total, kind,
                        total == 1 ? "" : "s", b.data);
}

static px_qid kw_qid(px_val name) {
    if (px_is_qstr(name)) {
        return px_qstr_get(name);
    }
    if (!px_is_str(name)) {
        px_raise_type_error("keywords must be strings");
    }
    size_t len;
    const char *s = px_str_data(name, &len);
    return px_qstr_find(s, len);
}

static void bind_slow(px_frame *f, px_func *fn, size_t argc, const px_val *argv, px_val kwnames) {
    px_code *co = fn->code;
    px_val *L = f->localsplus;
    size_t nargs = co->argcount, nnamed = nargs + co->kwonlycount;
    size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
    size_t extra = nnamed;
    size_t n = argc < nargs ? argc : nargs;
    memcpy(L, argv, n * sizeof(px_val));
    if (co->flags & PX_CODE_VARARGS) {
        L[extra++] = argc > nargs ? px_tuple_new(argc - nargs, argv + nargs) : px_from_ptr(&px_empty_tuple);
    }
    px_val kwdict = PX_NULL;
    if (co->flags & PX_CODE_VARKEYWORDS) {
        kwdict = px_dict_new(nkw);
        L[extra] = kwdict;
    }
    for (size_t k = 0; k < nkw; k++) {
        px_val name = px_tuple_ptr(kwnames)->items[k];
        px_val val = argv[argc + k];
        px_qid q = kw_qid(name);
        size_t j = nnamed;
        if (q != PX_QID_NONE) {
            for (j = co->posonlycount; j < nnamed; j++) {
                if (co->varnames[j] == q) {
                    break;
                }
            }
        }
        if (j < nnamed) {
            if (L[j] != PX_NULL) {
                int ln;
                const char *s = fname(fn, &ln);
                px_raise_type_error("%.*s() got multiple values for argument '%s'", ln, s, px_qstr_str(q));
            }
            L[j] = val;
            continue;
        }
        if (kwdict != PX_NULL) {
            px_dict_set(kwdict, name, val);
            continue;
        }
        int ln;
        const char *s = fname(fn, &ln);
        for (j = 0; j < co->posonlycount; j++) {
            if (co->varnames[j] == q) {
                px_raise_type_error("%.*s() got some positional-only arguments passed as keyword arguments: '%s'",
                                    ln, s, px_qstr_str(q));
            }
        }
        size_t sl;
        const char *ks = px_str_data(name, &sl);
        px_raise_type_error("%.*s() got an unexpected keyword argument '%.*s'", ln, s, (int)sl, ks);
    }
    if (argc > nargs && !(co->flags & PX_CODE_VARARGS)) {
        too_many_positional(fn, argc, L);
    }
    if (argc < nargs) {
        size_t ndef = 0;
        const px_val *defs = NULL;
        if (fn->defaults != PX_NULL) {
            ndef = px_tuple_ptr(fn->defaults)->len;
            defs = px_tuple_ptr(fn->defaults)->items;
        }
        size_t first = ndef > nargs ? 0 : nargs - ndef;
        bool missing = false;
        for (size_t i = argc; i < nargs; i++) {
            if (L[i] == PX_NULL) {
                if (i >= first) {
                    L[i] = defs[i - first];
                } else {
                    missing = true;
                }
            }
        }
        if (missing) {
            missing_args(fn, L, 0, nargs, "positional");
        }
    }
    if (co->kwonlycount > 0) {
        bool missing = false;
        for (size_t i = nargs; i < nnamed; i++) {
            if (L[i] == PX_NULL) {
                px_val d = PX_NULL;
                if (fn->kwdefaults != PX_NULL) {
                    d = px_dict_get(fn->kwdefaults, px_qstr(co->varnames[i]));
                }
                if (d != PX_NULL) {
                    L[i] = d;
                } else {
                    missing = true;
                }
            }
        }
        if (missing) {
            missing_args(fn, L, nargs, nnamed, "keyword-only");
        }
    }
}

static inline void bind_args(px_frame *f, px_func *fn, size_t argc, const px_val *argv, px_val kwnames) {
    px_code *co = fn->code;
    if (PX_LIKELY(kwnames == PX_NULL && argc == co->argcount &&
                  !(co->flags & (PX_CODE_VARARGS | PX_CODE_VARKEYWORDS)) && co->kwonlycount == 0)) {
        memcpy(f->localsplus, argv, argc * sizeof(px_val));
    } else {
        bind_slow(f, fn, argc, argv, kwnames);
    }
    if (co->ncellvars + co->nfreevars > 0) {
        frame_cells(f, fn);
    }
}

#define GEN_FLAGS (PX_CODE_GENERATOR | PX_CODE_COROUTINE | PX_CODE_ASYNC_GENERATOR)

px_frame *px_vm_gen_frame(px_func *fn, size_t argc, const px_val *argv, px_val kwnames) {
    px_frame *f = px_gc_alloc(frame_words(fn->code) * sizeof(px_val), 0);
    frame_init(f, fn->code, fn, fn->globals);
    f->chunk = NULL;
    bind_args(f, fn, argc, argv, kwnames);
    return f;
}

static px_val make_generator(px_func *fn, size_t argc, const px_val *argv, px_val kwnames) {
    return px_gen_new(fn, px_vm_gen_frame(fn, argc, argv, kwnames));
}

static unsigned recursion_limit(void) {
    return px_st.recursion_limit ? px_st.recursion_limit : PX_RECURSION_LIMIT;
}

static PX_NORETURN void raise_recursion(void) {
    px_raise_msg(&px_type_RecursionError, "maximum recursion depth exceeded");
}

static inline void check_c_stack(void) {
    char probe;
    if (px_st.stack_limit != NULL && &probe < px_st.stack_limit) {
        raise_recursion();
    }
}

/* A new stack frame for fn with arguments bound; depth counted. */
static inline px_frame *push_frame(px_func *fn, size_t argc, const px_val *argv, px_val kwnames) {
    if (PX_UNLIKELY(px_st.depth >= recursion_limit())) {
        raise_recursion();
    }
    px_code *co = fn->code;
    px_frame *f = fs_alloc(frame_words(co));
    frame_init(f, co, fn, fn->globals);
    /* If binding raises, the handler resets the frame stack to the caller's mark. */
    bind_args(f, fn, argc, argv, kwnames);
    px_st.depth++;
    return f;
}

px_val px_func_call(px_val func, size_t argc, const px_val *argv, px_val kwnames) {
    px_func *fn = px_as_ptr(func);
    if (fn->code->flags & GEN_FLAGS) {
        return make_generator(fn, argc, argv, kwnames);
    }
    check_c_stack();
    px_frame *f = push_frame(fn, argc, argv, kwnames);
    f->back = px_st.frame;
    px_val result;
    px_vm_execute(f, PX_NULL, &result);
    return result;
}

/* ---- module, exec and class bodies -------------------------------------- */

static px_val run_with_ns(px_code *code, px_func *fn, px_map *globals, px_map *ns_map, px_val ns) {
    check_c_stack();
    if (px_st.depth >= recursion_limit()) {
        raise_recursion();
    }
    px_frame *f = fs_alloc(frame_words(code));
    frame_init(f, code, fn, globals);
    f->ns_map = ns_map;
    f->ns = ns;
    f->back = px_st.frame;
    if (code->ncellvars + code->nfreevars > 0) {
        frame_cells(f, fn); /* a raise here leaves the frame to the next handler's reset */
    }
    px_st.depth++;
    px_val result;
    px_vm_execute(f, PX_NULL, &result);
    return result;
}

px_val px_vm_run_module(px_code *code, px_map *globals) {
    return run_with_ns(code, NULL, globals, globals, PX_NULL);
}

px_val px_vm_run_code(px_code *code, px_map *globals, px_val locals) {
    if (locals == PX_NULL || locals == PX_NONE) {
        return run_with_ns(code, NULL, globals, globals, PX_NULL);
    }
    if (px_is_type(locals, &px_type_dict)) {
        return run_with_ns(code, NULL, globals, px_dict_map(locals), PX_NULL);
    }
    return run_with_ns(code, NULL, globals, NULL, locals);
}

px_val px_vm_run_class_body(px_val func, px_val ns) {
    px_func *fn = px_as_ptr(func);
    if (px_is_type(ns, &px_type_dict)) {
        return run_with_ns(fn->code, fn, fn->globals, px_dict_map(ns), PX_NULL);
    }
    return run_with_ns(fn->code, fn, fn->globals, NULL, ns);
}

/* ---- introspection ------------------------------------------------------ */

px_map *px_vm_globals(void) {
    px_frame *f = px_st.frame;
    if (f == NULL) {
        return px_dict_map(px_st.main_module == PX_NULL ? px_dict_new(0)
                                                        : px_vm_dict_of_map(px_module_globals(px_st.main_module)));
    }
    return f->globals;
}

px_val px_vm_locals(void) {
    px_frame *f = px_st.frame;
    if (f == NULL) {
        return px_vm_dict_of_map(px_vm_globals());
    }
    if (f->ns != PX_NULL) {
        return f->ns;
    }
    if (f->ns_map != NULL) {
        return px_vm_dict_of_map(f->ns_map);
    }
    px_code *co = f->code;
    px_val d = px_dict_new(co->nlocals);
    for (size_t i = 0; i < co->nlocals; i++) {
        if (f->localsplus[i] != PX_NULL) {
            px_dict_set(d, px_qstr(co->varnames[i]), f->localsplus[i]);
        }
    }
    size_t ncells = (size_t)co->ncellvars + co->nfreevars;
    for (size_t i = 0; i < ncells; i++) {
        px_val c = f->cells[i];
        if (px_is_type(c, &px_type_cell) && ((px_cell *)px_as_ptr(c))->value != PX_NULL) {
            px_dict_set(d, px_qstr(co->cellnames[i]), ((px_cell *)px_as_ptr(c))->value);
        }
    }
    return d;
}

void px_vm_super_args(px_val *cls, px_val *self) {
    px_frame *f = px_st.frame;
    if (f == NULL || f->func == NULL) {
        px_raise_msg(&px_type_RuntimeError, "super(): no arguments");
    }
    px_code *co = f->code;
    if (co->argcount == 0 && !(co->flags & PX_CODE_VARARGS)) {
        px_raise_msg(&px_type_RuntimeError, "super(): no arguments");
    }
    px_val first = f->localsplus[0];
    if (co->argcount == 0) {
        /* def m(*args): the first positional is args[0] */
        if (!px_is_tuple(first) || px_tuple_ptr(first)->len == 0) {
            px_raise_msg(&px_type_RuntimeError, "super(): no arguments");
        }
        first = px_tuple_ptr(first)->items[0];
    }
    size_t ncells = (size_t)co->ncellvars + co->nfreevars;
    px_val klass = PX_NULL;
    bool found = false;
    for (size_t i = 0; i < ncells; i++) {
        px_cell *c = px_as_ptr(f->cells[i]);
        if (co->cellnames[i] == co->varnames[0] && c != NULL && first == PX_NULL) {
            first = c->value; /* the first argument was moved into a cell */
        }
        if (co->cellnames[i] == PX_Q(__class__)) {
            found = true;
            klass = c == NULL ? PX_NULL : c->value;
        }
    }
    if (first == PX_NULL) {
        px_raise_msg(&px_type_RuntimeError, "super(): arg[0] deleted");
    }
    if (!found) {
        px_raise_msg(&px_type_RuntimeError, "super(): __class__ cell not found");
    }
    if (klass == PX_NULL) {
        px_raise_msg(&px_type_RuntimeError, "super(): empty __class__ cell");
    }
    *cls = klass;
    *self = first;
}

/* ---- exceptions -------------------------------------------------------- */

typedef struct {
    px_frame *volatile frame; /* the frame running now (read after a long jump) */
    px_frame *entry;
    px_val retval;
    volatile bool reraise;    /* the pending raise is a RERAISE / bare raise */
} vm_ctx;

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
    px_exc_add_traceback(exc, f->code->filename, px_code_line(f->code, frame_offset(f)), f->code->name);
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

/* Route exc to a handler in the current frame or one of its callers up to
 * the entry frame. Returns the (possibly replaced) exception and sets
 * *handled when a handler was found (the frame is then ready to resume). */
static px_val unwind(vm_ctx *ctx, px_val exc, bool reraise, bool *handled) {
    px_frame *f = ctx->frame;
    if (!reraise && px_st.handled_exc != PX_NULL && px_st.handled_exc != exc &&
        px_exc_get_context(exc) == PX_NONE) {
        px_exc_set_context(exc, px_st.handled_exc);
    }
    for (;;) {
        if (!reraise) {
            add_traceback(f, exc);
        }
        reraise = false;
        const px_exc_entry *e = find_entry(f->code, frame_offset(f));
        if (e != NULL) {
            /* Frames called from here and abandoned by the raise are gone. */
            fs_restore(f->fs_chunk, f->fs_top);
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
        px_st.depth--;
        if (f == ctx->entry) {
            if (f->chunk != NULL) {
                fs_pop(f);
            } else {
                fs_restore(f->fs_chunk, f->fs_top);
            }
            *handled = false;
            return exc;
        }
        px_frame *back = f->back;
        fs_pop(f);
        f = back;
        ctx->frame = f;
        px_st.frame = f;
    }
}

static int run(vm_ctx *ctx);

int px_vm_execute(px_frame *entry, px_val throw_exc, px_val *result) {
    vm_ctx ctx;
    ctx.frame = entry;
    ctx.entry = entry;
    ctx.retval = PX_NONE;
    ctx.reraise = false;
    px_frame *caller = entry->back;
    if (entry->chunk == NULL) {
        /* a generator frame: its callees go above the current frame-stack top */
        entry->fs_chunk = fs.cur;
        entry->fs_top = fs.cur ? fs.cur->top : NULL;
    }
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
                if (entry->chunk != NULL) {
                    fs_pop(entry);
                } else {
                    fs_restore(entry->fs_chunk, entry->fs_top);
                }
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

/* ---- helpers for the loop (cold paths kept out of it) ------------------- */

static PX_NORETURN void raise_unbound_local(px_code *co, size_t i) {
    px_raise_msg(&px_type_UnboundLocalError,
                 "cannot access local variable '%s' where it is not associated with a value",
                 px_qstr_str(co->varnames[i]));
}

static PX_NORETURN void raise_unbound_deref(px_code *co, size_t i) {
    if (i < co->ncellvars) {
        px_raise_msg(&px_type_UnboundLocalError,
                     "cannot access local variable '%s' where it is not associated with a value",
                     px_qstr_str(co->cellnames[i]));
    }
    px_raise_msg(&px_type_NameError,
                 "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                 px_qstr_str(co->cellnames[i]));
}

static px_map *builtins_map(void) {
    if (px_st.builtins != PX_NULL && px_is_type(px_st.builtins, &px_type_module)) {
        return ((px_module *)px_as_ptr(px_st.builtins))->globals;
    }
    return (px_map *)&px_builtins_globals;
}

static px_val load_builtin(px_qid q) {
    px_val v = px_map_get_q(builtins_map(), q);
    if (v == PX_NULL) {
        px_raise_name_error(q);
    }
    return v;
}

static px_val load_global_slow(px_map *g, px_qid q, vm_cache *c) {
    px_map_entry *e = px_map_find(g, px_qstr(q));
    if (e != NULL) {
        if (c != NULL && !(g->flags & PX_MAP_CONST)) {
            c->index = (uint32_t)(e - g->entries);
        }
        return e->value;
    }
    return load_builtin(q);
}

static px_val ns_load(px_frame *f, px_qid q) {
    if (f->ns_map != NULL) {
        px_val v = px_map_get_q(f->ns_map, q);
        if (v != PX_NULL) {
            return v;
        }
    } else if (f->ns != PX_NULL) {
        px_jmp j;
        px_val v = PX_NULL;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            v = px_subscr_load(f->ns, px_qstr(q));
            px_try_pop(&j);
            return v;
        }
        if (!px_isinstance(j.exc, &px_type_KeyError)) {
            px_raise(j.exc);
        }
    }
    return PX_NULL;
}

static px_val load_name(px_frame *f, px_qid q) {
    px_val v = ns_load(f, q);
    if (v != PX_NULL) {
        return v;
    }
    v = px_map_get_q(f->globals, q);
    if (v != PX_NULL) {
        return v;
    }
    return load_builtin(q);
}

static void store_name(px_frame *f, px_qid q, px_val v) {
    if (f->ns_map != NULL) {
        px_map_set_q(f->ns_map, q, v);
    } else if (f->ns != PX_NULL) {
        px_subscr_store(f->ns, px_qstr(q), v);
    } else {
        px_map_set_q(f->globals, q, v);
    }
}

static void delete_name(px_frame *f, px_qid q) {
    if (f->ns_map != NULL || f->ns == PX_NULL) {
        px_map *m = f->ns_map ? f->ns_map : f->globals;
        if (px_map_pop(m, px_qstr(q)) == PX_NULL) {
            px_raise_name_error(q);
        }
    } else {
        px_subscr_delete(f->ns, px_qstr(q));
    }
}

static void delete_global(px_frame *f, px_qid q) {
    if (px_map_pop(f->globals, px_qstr(q)) == PX_NULL) {
        px_raise_name_error(q);
    }
}

static px_val make_exception(px_val v) {
    if (px_is_type_obj(v)) {
        if (!px_issubclass((const px_type *)px_as_ptr(v), &px_type_BaseException)) {
            px_raise_type_error("exceptions must derive from BaseException");
        }
        v = px_call(v, 0, NULL, PX_NULL);
    }
    if (!px_is_exception(v)) {
        px_raise_type_error("exceptions must derive from BaseException");
    }
    return v;
}

static PX_NORETURN void do_raise(vm_ctx *ctx, size_t n, px_val exc, px_val cause) {
    if (n == 0) {
        if (px_st.handled_exc == PX_NULL || px_st.handled_exc == PX_NONE) {
            px_raise_msg(&px_type_RuntimeError, "No active exception to reraise");
        }
        ctx->reraise = true;
        px_raise(px_st.handled_exc);
    }
    exc = make_exception(exc);
    if (n == 2) {
        if (cause != PX_NONE) {
            if (px_is_type_obj(cause)) {
                cause = make_exception(cause);
            } else if (!px_is_exception(cause)) {
                px_raise_type_error("exception causes must derive from BaseException");
            }
        }
        px_exc_set_cause(exc, cause);
    }
    px_raise(exc);
}

static void print_expr(px_val v) {
    if (v == PX_NONE) {
        return;
    }
    px_print(&px_out_stdout, v, PX_PRINT_REPR);
    px_write(&px_out_stdout, "\n", 1);
    px_st.repl_last = v;
    px_map *bm = builtins_map();
    if (!(bm->flags & PX_MAP_CONST)) {
        px_map_set_q(bm, PX_Q(_), v);
    }
}

static px_val build_map(size_t n, const px_val *items) {
    px_val d = px_dict_new(n);
    for (size_t i = 0; i < n; i++) {
        px_dict_set(d, items[2 * i], items[2 * i + 1]);
    }
    return d;
}

/* UNPACK_EX: [seq] -> [after.., list, before..] written from `out` upwards. */
static px_val *unpack_ex(px_val seq, size_t before, size_t after, px_val *sp) {
    px_val list = px_list_from_iter(seq);
    px_list *l = px_list_ptr(list);
    size_t n = l->len;
    if (n < before + after) {
        px_raise_value_error("not enough values to unpack (expected at least %zu, got %zu)", before + after, n);
    }
    for (size_t i = 0; i < after; i++) {
        *sp++ = l->items[n - 1 - i];
    }
    px_val mid = px_list_new(n - before - after, l->items + before);
    *sp++ = mid;
    for (size_t i = 0; i < before; i++) {
        *sp++ = l->items[before - 1 - i];
    }
    return sp;
}

static void unpack_seq(px_val seq, size_t n, px_val *sp) {
    px_val small[16];
    px_val *out = n <= 16 ? small : px_gc_alloc(n * sizeof(px_val), 0);
    px_unpack_sequence(seq, n, out);
    for (size_t i = 0; i < n; i++) {
        sp[i] = out[n - 1 - i];
    }
}

/* The VM's own iterators over exact lists and tuples (FOR_ITER steps them inline). */
typedef struct {
    px_obj base;
    px_val seq;
    size_t index;
} vm_seq_iter;

static px_val seq_iter_next(px_val self) {
    vm_seq_iter *it = px_as_ptr(self);
    size_t len;
    px_val *items = px_seq_items(it->seq, &len);
    if (it->index < len) {
        return items[it->index++];
    }
    it->seq = px_from_ptr(&px_empty_tuple);
    return PX_NULL;
}
static px_val seq_iter_iter(px_val self) { return self; }

static const px_type vm_type_list_iter = {
    .base = {&px_type_type}, .name = PX_Q(list_iterator), .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object, .iter = seq_iter_iter, .next = seq_iter_next,
};
static const px_type vm_type_tuple_iter = {
    .base = {&px_type_type}, .name = PX_Q(tuple_iterator), .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object, .iter = seq_iter_iter, .next = seq_iter_next,
};

static px_val get_iter(px_val v) {
    if (px_is_type(v, &px_type_list) || px_is_type(v, &px_type_tuple)) {
        vm_seq_iter *it = px_gc_alloc(sizeof *it, 0);
        it->base.type = px_is_type(v, &px_type_list) ? &vm_type_list_iter : &vm_type_tuple_iter;
        it->seq = v;
        return px_from_ptr(it);
    }
    return px_iter(v);
}

/* BEFORE_WITH: [ctx] -> [bound __exit__, ctx.__enter__()] */
static px_val *before_with(px_val mgr, px_val *sp, px_qid enter, px_qid exit) {
    px_val ex = px_getattr_opt(mgr, exit);
    px_val en[2];
    if (ex == PX_NULL) {
        px_raise_msg(&px_type_AttributeError, "%s", px_qstr_str(exit));
    }
    if (px_getattr_opt(mgr, enter) == PX_NULL) {
        px_raise_msg(&px_type_AttributeError, "%s", px_qstr_str(enter));
    }
    px_load_method(mgr, enter, en);
    px_val r = en[1] == PX_NULL ? px_call(en[0], 0, NULL, PX_NULL) : px_call(en[0], 1, &en[1], PX_NULL);
    *sp++ = ex;
    *sp++ = r;
    return sp;
}

static px_val with_except(px_val exit, px_val exc) {
    px_val args[3] = {px_from_ptr(px_type_of(exc)), exc, PX_NONE};
    return px_call(exit, 3, args, PX_NULL);
}

static px_val call_ex(px_val f, px_val args, px_val kwargs, px_val *kwn_out, size_t *argc_out, px_val **argv_out) {
    /* flatten f(*args, **kwargs) into argv + kwnames */
    size_t npos;
    px_val *pos = px_seq_items(args, &npos);
    if (pos == NULL) {
        px_val t = px_tuple_from_iter(args);
        pos = px_tuple_ptr(t)->items;
        npos = px_tuple_ptr(t)->len;
    }
    size_t nkw = 0;
    px_map *m = NULL;
    if (kwargs != PX_NULL) {
        if (!px_is_dict(kwargs)) {
            /* any mapping: copy through keys() */
            px_val d = px_dict_new(0);
            px_dict_update(d, kwargs, false);
            kwargs = d;
        }
        m = px_dict_map(kwargs);
        nkw = m->count;
    }
    px_val *argv = px_gc_alloc((npos + nkw + 1) * sizeof(px_val), 0);
    memcpy(argv, pos, npos * sizeof(px_val));
    px_val kwnames = PX_NULL;
    if (nkw > 0) {
        kwnames = px_tuple_new(nkw, NULL);
        px_tuple *kt = px_tuple_ptr(kwnames);
        size_t pos_i = 0, k = 0;
        px_map_entry *e;
        while ((e = px_map_next(m, &pos_i)) != NULL && k < nkw) {
            if (!px_is_str(e->key)) {
                px_raise_type_error("keywords must be strings");
            }
            kt->items[k] = e->key;
            argv[npos + k] = e->value;
            k++;
        }
    }
    *kwn_out = kwnames;
    *argc_out = npos;
    *argv_out = argv;
    return f;
}

/* A method found by LOAD_METHOD on a built-in type: cache it when the
 * type's dict is const (it can never change) and nothing per-instance
 * can shadow it. */
static bool cacheable_builtin_type(const px_type *t) {
    return !(t->flags & (PX_TF_HEAPTYPE | PX_TF_EXCEPTION)) && t != &px_type_module && t != &px_type_type &&
           t != &px_type_function && t != &px_type_bound_method && t->getattr == NULL;
}

static const px_map_entry *builtin_method_entry(const px_type *t, px_qid q) {
    for (; t != NULL; t = t->base_type) {
        if (t->dict != NULL && (t->dict->flags & PX_MAP_CONST)) {
            const px_map_entry *e = px_map_find(t->dict, px_qstr(q));
            if (e != NULL) {
                return e;
            }
        } else if (t->dict != NULL) {
            return NULL;
        }
    }
    return NULL;
}

static bool is_plain_instance_type(const px_type *t) {
    if (!(t->flags & PX_TF_HEAPTYPE) || (t->flags & PX_TF_EXCEPTION)) {
        return false;
    }
    const px_class *c = (const px_class *)t;
    if (c->native_base == &px_type_type) {
        return false;
    }
    /* no custom attribute protocol */
    px_val ga = px_type_lookup(t, PX_Q(__getattribute__));
    if (ga != PX_NULL && ga != px_type_lookup(&px_type_object, PX_Q(__getattribute__))) {
        return false;
    }
    return true;
}

static void load_method_slow(px_val obj, px_qid q, px_val *dest, vm_cache *c) {
    px_load_method(obj, q, dest);
    if (c == NULL || dest[1] != obj) {
        return;
    }
    const px_type *t = px_type_of(obj);
    if (cacheable_builtin_type(t)) {
        const px_map_entry *e = builtin_method_entry(t, q);
        if (e != NULL && e->value == dest[0]) {
            c->type = t;
            c->entry = e;
            c->entries = NULL;
        }
        return;
    }
    if (px_is_func(dest[0]) && is_plain_instance_type(t)) {
        /* found in the class's own dict? (inherited methods are not cached) */
        const px_class *cls = (const px_class *)t;
        px_map_entry *e = px_map_find(&cls->attrs, px_qstr(q));
        if (e != NULL && e->value == dest[0]) {
            c->type = t;
            c->entry = NULL;
            c->entries = cls->attrs.entries;
            c->index = (uint32_t)(e - cls->attrs.entries);
        }
    }
}

/* LOAD_METHOD cache hit test; fills dest on success. */
static inline bool load_method_cached(px_val obj, px_qid q, px_val *dest, const vm_cache *c) {
    const px_type *t = px_type_of(obj);
    if (c->type != t) {
        return false;
    }
    if (c->entry != NULL) {
        dest[0] = c->entry->value;
        dest[1] = obj;
        return true;
    }
    const px_class *cls = (const px_class *)t;
    if (cls->attrs.entries != c->entries || c->index >= cls->attrs.used ||
        cls->attrs.entries[c->index].key != px_qstr(q)) {
        return false;
    }
    px_val m = cls->attrs.entries[c->index].value;
    if (!px_is_func(m)) {
        return false;
    }
    px_instance *inst = px_as_ptr(obj);
    if (inst->dict.count > 0 && px_map_get_q(&inst->dict, q) != PX_NULL) {
        return false;
    }
    dest[0] = m;
    dest[1] = obj;
    return true;
}

/* LOAD_ATTR / STORE_ATTR on an attribute held in an instance's own dict,
 * when the class chain has nothing of that name (so no descriptor can take
 * precedence) and no custom attribute hooks. */
static bool instance_attr_cacheable(px_val obj, px_qid q, bool store) {
    const px_type *t = px_type_of(obj);
    if (!is_plain_instance_type(t) || px_type_lookup(t, q) != PX_NULL) {
        return false;
    }
    if (store) {
        px_val sa = px_type_lookup(t, PX_Q(__setattr__));
        if (sa != PX_NULL && sa != px_type_lookup(&px_type_object, PX_Q(__setattr__))) {
            return false;
        }
    }
    return true;
}

static px_val load_attr_slow(px_val obj, px_qid q, vm_cache *c) {
    px_val v = px_getattr(obj, q);
    if (c == NULL || !px_is_obj(obj)) {
        return v;
    }
    const px_type *t = px_type_of(obj);
    if (t->flags & PX_TF_HEAPTYPE) {
        px_instance *inst = px_as_ptr(obj);
        if (c->type != t || c->epoch != px_vm_class_epoch) {
            if (!instance_attr_cacheable(obj, q, false)) {
                return v;
            }
            c->type = t;
            c->entry = NULL;
            c->entries = NULL;
            c->epoch = px_vm_class_epoch;
        }
        px_map_entry *e = px_map_find(&inst->dict, px_qstr(q));
        if (e != NULL) {
            c->index = (uint32_t)(e - inst->dict.entries);
        }
    } else if (t == &px_type_module) {
        px_map *g = ((px_module *)px_as_ptr(obj))->globals;
        if (!(g->flags & PX_MAP_CONST)) {
            px_map_entry *e = px_map_find(g, px_qstr(q));
            if (e != NULL && e->value == v) {
                c->type = px_as_ptr(obj); /* the module itself */
                c->entry = NULL;
                c->entries = NULL;
                c->index = (uint32_t)(e - g->entries);
            }
        }
    }
    return v;
}

/* A hit needs the cached type (its class chain known to lack the name,
 * checked by the epoch) and the name in the instance dict: at the cached
 * index, or found by one lookup. */
static inline bool load_attr_cached(px_val obj, px_qid q, px_val *out, vm_cache *c) {
    if (!px_is_obj(obj)) {
        return false;
    }
    const px_type *t = px_type_of(obj);
    px_map *m;
    if (c->type == t) {
        if (c->epoch != px_vm_class_epoch) {
            return false;
        }
        m = &((px_instance *)px_as_ptr(obj))->dict;
        if (c->index < m->used && m->entries[c->index].key == px_qstr(q)) {
            *out = m->entries[c->index].value;
            return true;
        }
        px_map_entry *e = px_map_find(m, px_qstr(q));
        if (e == NULL) {
            return false;
        }
        c->index = (uint32_t)(e - m->entries);
        *out = e->value;
        return true;
    }
    if (c->type == px_as_ptr(obj) && t == &px_type_module) {
        m = ((px_module *)px_as_ptr(obj))->globals;
        if (c->index < m->used && m->entries[c->index].key == px_qstr(q)) {
            *out = m->entries[c->index].value;
            return true;
        }
    }
    return false;
}

static void store_attr_slow(px_val obj, px_qid q, px_val v, vm_cache *c) {
    if (px_is_type_obj(obj)) {
        px_vm_class_epoch++;
    }
    px_setattr(obj, q, v);
    if (c == NULL || !px_is_obj(obj)) {
        return;
    }
    const px_type *t = px_type_of(obj);
    if ((t->flags & PX_TF_HEAPTYPE) && instance_attr_cacheable(obj, q, true)) {
        px_instance *inst = px_as_ptr(obj);
        px_map_entry *e = px_map_find(&inst->dict, px_qstr(q));
        c->type = t;
        c->entry = NULL;
        c->entries = NULL;
        c->index = e != NULL ? (uint32_t)(e - inst->dict.entries) : UINT32_MAX;
        c->epoch = px_vm_class_epoch;
    }
}

/* The cached type has no descriptor or __setattr__ for the name (epoch
 * checked), so the store goes straight into the instance dict. */
static inline bool store_attr_cached(px_val obj, px_qid q, px_val v, vm_cache *c) {
    if (!px_is_obj(obj) || c->type != px_type_of(obj) || c->epoch != px_vm_class_epoch) {
        return false;
    }
    px_map *m = &((px_instance *)px_as_ptr(obj))->dict;
    if (c->index < m->used && m->entries[c->index].key == px_qstr(q)) {
        m->entries[c->index].value = v;
        return true;
    }
    px_map_set_q(m, q, v);
    return true;
}

/* Direct calls of simple built-ins (no keywords, exact arity). */
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
        if (argc == 2) return b->fn.f2(argv[0], argv[1]);
        break;
    case PX_BK_3:
        if (argc == 3) return b->fn.f3(argv[0], argv[1], argv[2]);
        break;
    case PX_BK_VAR:
        if (argc >= b->min_args && (b->max_args == PX_ARGS_MAX || argc <= b->max_args)) return b->fn.fv(argc, argv);
        break;
    case PX_BK_KW:
        if (argc >= b->min_args && (b->max_args == PX_ARGS_MAX || argc <= b->max_args)) return b->fn.fkw(argc, argv, PX_NULL);
        break;
    }
    *done = false;
    return PX_NULL;
}

static void check_pending(void) {
    px_port_poll();
    px_val e = px_st.pending_exc;
    if (e != PX_NULL) {
        px_st.pending_exc = PX_NULL;
        px_raise(e);
    }
}

static px_val import_name(px_frame *f, px_qid q, px_val fromlist, px_val level) {
    return px_import(px_qstr(q), fromlist, px_is_small(level) ? px_small_get(level) : 0, f->globals);
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
#define READ_J() (ip += 2, (uint32_t)(ip[-2] | (ip[-1] << 8)))
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
#define DISPATCH()                                    \
    do {                                              \
        unsigned op_ = *ip++;                         \
        f->ip = ip;                                   \
        if (PX_UNLIKELY(op_ >= PX_OP__COUNT)) {       \
            goto bad_opcode;                          \
        }                                             \
        goto *targets[op_];                           \
    } while (0)
#else
#define TARGET(name) case PX_OP_##name:
#define DISPATCH() goto dispatch
#endif

static inline bool is_numeric_pair(px_val a, px_val b, double *x, double *y) {
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

/* The small-int fast path of BINARY_OP; PX_NULL when it does not apply. */
static inline px_val int_binop_fast(unsigned op, px_int x, px_int y) {
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
    case PX_BINOP_TRUEDIV:
        if (b == 0) {
            return PX_NULL;
        }
        return px_float((double)a / (double)b);
    default:
        return PX_NULL;
    }
    return px_small_fits(z) ? px_small((px_int)z) : PX_NULL;
}

static inline px_val float_binop_fast(unsigned op, double x, double y) {
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

static inline int compare_ints(unsigned op, px_int x, px_int y) {
    switch (op) {
    case PX_BINOP_LT: return x < y;
    case PX_BINOP_LE: return x <= y;
    case PX_BINOP_EQ: return x == y;
    case PX_BINOP_NE: return x != y;
    case PX_BINOP_GT: return x > y;
    case PX_BINOP_GE: return x >= y;
    default: return -1;
    }
}

static inline int compare_floats(unsigned op, double x, double y) {
    switch (op) {
    case PX_BINOP_LT: return x < y;
    case PX_BINOP_LE: return x <= y;
    case PX_BINOP_EQ: return x == y;
    case PX_BINOP_NE: return x != y;
    case PX_BINOP_GT: return x > y;
    case PX_BINOP_GE: return x >= y;
    default: return -1;
    }
}

static int run(vm_ctx *ctx) {
    px_frame *f = ctx->frame;
    px_code *co;
    const uint8_t *ip;
    px_val *sp, *L, *consts;
    px_qid *names;
    vm_cache *caches;
    /* operands of the shared call path */
    px_val callee, kwnames;
    const px_val *argv;
    size_t argc, npop;

#if PX_COMPUTED_GOTO
    static const void *const targets[PX_OP__COUNT] = {
#define PX_X(name, ops) &&L_##name,
        PX_OPCODES(PX_X)
#undef PX_X
    };
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
        int32_t v = px_read_sleb_zigzag(&ip);
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
            raise_unbound_local(co, i);
        }
        PUSH(v);
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
            raise_unbound_local(co, i);
        }
        L[i] = PX_NULL;
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        uint32_t i;
        READ_U(i);
        px_val v = ((px_cell *)px_as_ptr(f->cells[i]))->value;
        if (PX_UNLIKELY(v == PX_NULL)) {
            raise_unbound_deref(co, i);
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
            raise_unbound_deref(co, i);
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
        px_val v = ns_load(f, names[a]);
        if (v == PX_NULL) {
            v = ((px_cell *)px_as_ptr(f->cells[b]))->value;
            if (v == PX_NULL) {
                raise_unbound_deref(co, b);
            }
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        uint32_t a;
        READ_U(a);
        px_val v = load_name(f, names[a]);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        uint32_t a;
        READ_U(a);
        store_name(f, names[a], sp[-1]);
        sp--;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        uint32_t a;
        READ_U(a);
        delete_name(f, names[a]);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_qid q = names[a];
        px_map *g = f->globals;
        vm_cache *c = caches ? &caches[b] : NULL;
        px_val v;
        if (c != NULL && c->index < g->used && g->entries[c->index].key == px_qstr(q)) {
            v = g->entries[c->index].value;
        } else {
            v = load_global_slow(g, q, c);
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
        delete_global(f, names[a]);
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_val obj = sp[-1], v;
        vm_cache *c = caches ? &caches[b] : NULL;
        if (c == NULL || !load_attr_cached(obj, names[a], &v, c)) {
            v = load_attr_slow(obj, names[a], c);
        }
        sp[-1] = v;
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_val obj = sp[-1], v = sp[-2];
        vm_cache *c = caches ? &caches[b] : NULL;
        if (c == NULL || !store_attr_cached(obj, names[a], v, c)) {
            store_attr_slow(obj, names[a], v, c);
        }
        sp -= 2;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        uint32_t a;
        READ_U(a);
        px_val obj = sp[-1];
        if (px_is_type_obj(obj)) {
            px_vm_class_epoch++;
        }
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
        vm_cache *c = caches ? &caches[b] : NULL;
        if (c == NULL || !load_method_cached(obj, names[a], dest, c)) {
            load_method_slow(obj, names[a], dest, c);
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
        PUSH(load_builtin(PX_Q(__build_class__)));
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
        double x, y;
        if (PX_LIKELY(px_is_small(a) && px_is_small(b))) {
            r = int_binop_fast(base, px_small_get(a), px_small_get(b));
            if (r == PX_NULL) {
                r = px_int_binop((px_binop)base, a, b);
            }
        } else if (is_numeric_pair(a, b, &x, &y) && base != PX_BINOP_MATMUL) {
            r = float_binop_fast(base, x, y);
        } else {
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
        double x, y;
        int c;
        if (PX_LIKELY(px_is_small(a) && px_is_small(b)) &&
            (c = compare_ints(op, px_small_get(a), px_small_get(b))) >= 0) {
            r = px_bool(c);
        } else if (is_numeric_pair(a, b, &x, &y) && (c = compare_floats(op, x, y)) >= 0) {
            r = px_bool(c);
        } else if ((op == PX_BINOP_EQ || op == PX_BINOP_NE) && px_is_qstr(a) && px_is_qstr(b)) {
            r = px_bool((a == b) == (op == PX_BINOP_EQ));
        } else {
            r = px_binary((px_binop)op, a, b);
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
        px_val d = build_map(n, sp - 2 * n);
        sp -= 2 * n;
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        uint32_t n;
        READ_U(n);
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
        px_dict_update(sp[-(ptrdiff_t)i], v, false);
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        uint32_t i;
        READ_U(i);
        px_val v = POP();
        px_dict_update(sp[-(ptrdiff_t)i], v, true);
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
            unpack_seq(seq, n, sp);
        }
        sp += n;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        uint32_t a, b;
        READ_U(a);
        READ_U(b);
        px_val seq = POP();
        sp = unpack_ex(seq, a, b, sp);
        DISPATCH();
    }
    TARGET(JUMP) {
        uint32_t t = READ_J();
        const uint8_t *target = co->code + t;
        if (target < ip && PX_UNLIKELY(px_st.pending)) {
            check_pending();
        }
        ip = target;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        uint32_t t = READ_J();
        px_val v = POP();
        if (v == PX_FALSE || (v != PX_TRUE && !px_truthy(v))) {
            ip = co->code + t;
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        uint32_t t = READ_J();
        px_val v = POP();
        if (v == PX_TRUE || (v != PX_FALSE && px_truthy(v))) {
            ip = co->code + t;
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        uint32_t t = READ_J();
        px_val v = sp[-1];
        if (v == PX_FALSE || (v != PX_TRUE && !px_truthy(v))) {
            ip = co->code + t;
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        uint32_t t = READ_J();
        px_val v = sp[-1];
        if (v == PX_TRUE || (v != PX_FALSE && px_truthy(v))) {
            ip = co->code + t;
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        uint32_t t = READ_J();
        if (POP() == PX_NONE) {
            ip = co->code + t;
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE) {
        uint32_t t = READ_J();
        if (POP() != PX_NONE) {
            ip = co->code + t;
        }
        DISPATCH();
    }
    TARGET(GET_ITER) {
        sp[-1] = get_iter(sp[-1]);
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
        } else if (ty == &vm_type_list_iter || ty == &vm_type_tuple_iter) {
            vm_seq_iter *s = px_as_ptr(it);
            size_t len;
            px_val *items = px_seq_items(s->seq, &len);
            if (s->index < len) {
                PUSH(items[s->index++]);
                DISPATCH();
            }
            v = PX_NULL;
        } else if (ty == &px_type_generator) {
            v = px_gen_resume(it, PX_NONE, PX_NULL, NULL);
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
        px_frame *back = f->back;
        px_st.depth--;
        fs_pop(f);
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
        if (px_is_type(callee, &px_type_bound_method)) {
            px_bound *bm = px_as_ptr(callee);
            sp[-(ptrdiff_t)n - 1] = bm->self;
            callee = bm->func;
            argv--;
            argc++;
        }
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
        if (px_is_type(callee, &px_type_bound_method)) {
            px_bound *bm = px_as_ptr(callee);
            sp[-(ptrdiff_t)n - 1] = bm->self;
            callee = bm->func;
            argv--;
            argc++;
        }
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
            if (px_is_type(callee, &px_type_bound_method)) {
                px_bound *bm = px_as_ptr(callee);
                sp[-(ptrdiff_t)n - 1] = bm->self;
                callee = bm->func;
                argv--;
                argc++;
            }
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
            if (px_is_type(callee, &px_type_bound_method)) {
                px_bound *bm = px_as_ptr(callee);
                sp[-(ptrdiff_t)n - 1] = bm->self;
                callee = bm->func;
                argv--;
                argc++;
            }
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
        callee = call_ex(sp[-1], args, kw, &kwnames, &argc, &av);
        argv = av;
        npop = 1;
        if (px_is_type(callee, &px_type_bound_method)) {
            px_bound *bm = px_as_ptr(callee);
            size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
            px_val *nv = px_gc_alloc((argc + nkw + 1) * sizeof(px_val), 0);
            nv[0] = bm->self;
            memcpy(nv + 1, argv, (argc + nkw) * sizeof(px_val));
            argv = nv;
            argc++;
            callee = bm->func;
        }
        goto do_call;
    }
    TARGET(MAKE_FUNCTION) {
        uint32_t u;
        READ_U(u);
        px_code *code = px_as_ptr(POP());
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
        px_val fnv = px_func_new(code, f->globals, defs, kwdefs, closure);
        px_vm_func *vf = px_as_ptr(fnv);
        if (co->flags & PX_CODE_CLASSBODY) {
            vf->classname = ns_load(f, PX_Q(__qualname__));
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
        do_raise(ctx, n, exc, cause);
    }
    TARGET(RERAISE) {
        px_val exc = POP();
        ctx->reraise = true;
        px_raise(exc);
    }
    TARGET(PUSH_EXC_INFO) {
        px_val exc = sp[-1];
        sp[-1] = px_st.handled_exc;
        PUSH(exc);
        px_st.handled_exc = exc;
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        px_st.handled_exc = POP();
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        px_val type = sp[-1];
        sp[-1] = px_bool(px_exc_matches(sp[-2], type));
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        px_val mgr = POP();
        sp = before_with(mgr, sp, PX_Q(__enter__), PX_Q(__exit__));
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        px_val r = with_except(sp[-3], sp[-1]);
        PUSH(r);
        DISPATCH();
    }
    TARGET(YIELD_VALUE) {
        px_val v = POP();
        if (f != ctx->entry || f->gen == NULL) {
            px_raise_msg(&px_type_RuntimeError, "yield outside a generator frame");
        }
        f->sp = sp;
        f->gen->yf = false;
        f->gen->direct = true;
        ctx->retval = v;
        return PX_RUN_YIELD;
    }
    TARGET(GET_YIELD_FROM_ITER) {
        sp[-1] = px_vm_get_yield_from_iter(sp[-1], co);
        DISPATCH();
    }
    TARGET(YIELD_FROM) {
        px_val sent = sp[-1], it = sp[-2], ret = PX_NONE;
        if (f != ctx->entry || f->gen == NULL) {
            px_raise_msg(&px_type_RuntimeError, "yield outside a generator frame");
        }
        px_val y = px_vm_yf_step(it, sent, PX_NULL, &ret);
        if (y != PX_NULL) {
            sp--;
            f->sp = sp;
            f->gen->yf = true;
            f->gen->direct = false;
            ctx->retval = y;
            return PX_RUN_YIELD;
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
        sp = before_with(mgr, sp, PX_Q(__aenter__), PX_Q(__aexit__));
        sp[-1] = px_vm_get_awaitable(sp[-1]);
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        uint32_t a;
        READ_U(a);
        px_val fromlist = sp[-1], level = sp[-2];
        px_val m = import_name(f, names[a], fromlist, level);
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
        print_expr(v);
        DISPATCH();
    }

#if !PX_COMPUTED_GOTO
    default:
        goto bad_opcode;
    }
}
#endif

do_call:
    if (PX_UNLIKELY(px_st.pending)) {
        check_pending();
    }
    if (px_is_func(callee)) {
        px_func *fn = px_as_ptr(callee);
        if (PX_LIKELY(!(fn->code->flags & GEN_FLAGS))) {
            f->sp = sp - npop;
            f->ip = ip; /* resume after the call's operands */
            px_frame *nf = push_frame(fn, argc, argv, kwnames);
            nf->back = f;
            f = nf;
            ctx->frame = f;
            px_st.frame = f;
            LOAD_FRAME();
            DISPATCH();
        }
        px_val g = make_generator(fn, argc, argv, kwnames);
        sp -= npop;
        PUSH(g);
        DISPATCH();
    }
    {
        px_val r;
        if (kwnames == PX_NULL && px_is_type(callee, &px_type_builtin)) {
            bool done;
            r = call_builtin_fast(px_as_ptr(callee), argc, argv, &done);
            if (!done) {
                r = px_call(callee, argc, argv, PX_NULL);
            }
        } else {
            r = px_call(callee, argc, argv, kwnames);
        }
        sp -= npop;
        PUSH(r);
        DISPATCH();
    }

bad_opcode:
    px_raise_msg(&px_type_RuntimeError, "bad opcode %u", (unsigned)ip[-1]);
}
