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

typedef struct px_gen {
    px_obj base;
    px_frame *frame;
    px_val handled;       /* exception being handled inside it while suspended */
    px_val name;
    uint8_t state;
    bool yf;              /* suspended inside YIELD_FROM (sub-iterator on the stack top) */
    bool direct;          /* last suspension was a YIELD_VALUE (not a delegated yield) */
    bool ag_running;      /* async generator: an asend/athrow is in progress */
} px_gen;

extern const px_type px_type_async_generator, px_type_async_gen_asend;

/* Results of px_vm_execute. */
enum { PX_RUN_RETURN, PX_RUN_YIELD };

/* Run `entry` (already set up) until it returns or yields. With throw_exc
 * set, start by raising that exception at the frame's resume point.
 * Stack frames are freed when they finish; raises what escapes. */
int px_vm_execute(px_frame *entry, px_val throw_exc, px_val *result);

/* A heap frame for a generator of `fn`, arguments bound. */
px_frame *px_vm_gen_frame(px_func *fn, size_t argc, const px_val *argv, px_val kwnames);
/* Make the generator / coroutine / async generator object for a frame. */
px_val px_gen_new(px_func *fn, px_frame *f);

/* One step of delegation (YIELD_FROM / await) to iterator `it`: send
 * `sent`, or throw `exc` when set. Returns the yielded value, or PX_NULL
 * when `it` finished (its result in *ret). */
px_val px_vm_yf_step(px_val it, px_val sent, px_val exc, px_val *ret);

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

#endif
