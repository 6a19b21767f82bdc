/* Frames: the frame stack, calling Python functions from C, running
 * modules, exec code and class bodies, and frame introspection. */
#include <stdio.h>

#include "frame.h"

px_vm_fstack px_vm_fs;

void px_vm_init(void) {
    /* A soft reset starts a new heap: chunks of the old one are gone. */
    px_vm_fs.cur = px_vm_fs.spare = NULL;
}

px_vm_fchunk *px_vm_fs_grow(size_t words) {
    px_vm_fchunk *c = px_vm_fs.spare;
    if (c != NULL && (size_t)(c->end - c->data) >= words) {
        px_vm_fs.spare = NULL;
    } else {
        /* A chunk with its header is PX_VM_FS_CHUNK_WORDS words in all,
         * a whole number of GC pages: 2,048 bytes on a board take two
         * 1 KiB pages; with the header on top they took three. */
        size_t hdr = (sizeof(px_vm_fchunk) + sizeof(px_val) - 1) / sizeof(px_val);
        size_t n = words > PX_VM_FS_CHUNK_WORDS - hdr ? words : PX_VM_FS_CHUNK_WORDS - hdr;
        /* leaf: the collector would scan all of it; px_vm_fs_scan reads
         * only the frames below each chunk's top. Not zeroed: frames are
         * initialised when pushed, and untouched pages cost no memory */
        c = px_gc_alloc(sizeof(px_vm_fchunk) + n * sizeof(px_val), PX_GC_LEAF | PX_GC_UNINIT);
        c->end = c->data + n;
    }
    c->prev = px_vm_fs.cur;
    c->top = c->data;
    px_vm_fs.cur = c;
    return c;
}


PX_NORETURN void px_vm_raise_recursion(void) {
    px_raise_msg(&px_type_RecursionError, "maximum recursion depth exceeded");
}

px_val px_vm_make_generator(px_func *fn, size_t argc, const px_val *argv, px_val kwnames) {
    px_gen *g = px_gen_alloc(fn);
    px_frame *f = g->frame;
    px_vm_frame_init(f, fn->code, fn, fn->globals);
    px_vm_want_caches(fn->code);
    f->chunk = NULL;
    f->gen = g;
    px_vm_bind_args(f, fn, argc, argv, kwnames);
    return px_from_ptr(g);
}

px_val px_func_call(px_val func, size_t argc, const px_val *argv, px_val kwnames) {
    px_func *fn = px_as_ptr(func);
    if (fn->code->flags & PX_VM_GEN_FLAGS) {
        return px_vm_make_generator(fn, argc, argv, kwnames);
    }
    px_vm_check_c_stack();
    px_frame *f = px_vm_push_frame(fn, argc, argv, kwnames);
    f->back = px_st.frame;
    px_val result;
    px_vm_execute(f, PX_NULL, &result);
    return result;
}


/* ---- module, exec and class bodies -------------------------------------- */

/* Caches speed code up but are not needed to run it (a site without one
 * takes the uncached path): when they do not fit (a small heap, a large
 * module whose block finds no run of free pages), the code runs without
 * them rather than failing with MemoryError, and is not tried again (each
 * try costs a collection). */
void px_vm_alloc_caches(px_code *code) {
    if (code->flags & PX_CODE_NO_CACHES) {
        return;
    }
    code->caches = px_gc_try_alloc(code->ncaches * PX_VM_CACHE_WAYS * sizeof(px_vm_cache), 0);
    if (code->caches == NULL) {
        code->flags |= PX_CODE_NO_CACHES;
    }
}

static px_val run_with_ns(px_code *code, px_func *fn, px_map *globals, px_map *ns_map, px_val ns) {
    px_vm_check_c_stack();
    if (px_st.depth >= px_vm_recursion_limit()) {
        px_vm_raise_recursion();
    }
    px_frame *f = px_vm_fs_alloc(px_vm_frame_words(code));
    px_vm_frame_init(f, code, fn, globals);
    if (code->flags & PX_CODE_LOOPS) {
        px_vm_want_caches(code);
    }
    f->ns_map = ns_map;
    f->ns = ns;
    f->back = px_st.frame;
    if (code->ncellvars + code->nfreevars > 0) {
        px_vm_frame_cells(f, fn); /* a raise here leaves the frame to the next handler's reset */
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
            px_text_disown(f->localsplus[i]);
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
    px_text_disown(first);
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



/* The frame stack's chunks are leaf blocks: what lies above a chunk's top
 * (popped frames) is dead and never read, so only [data, top) of each
 * chunk is scanned. The spare chunk is dropped before a collection. */
void px_vm_fs_scan(const px_vm_fstack *fs, px_gc_scan_fn scan) {
    for (const px_vm_fchunk *c = fs->cur; c != NULL; c = c->prev) {
        scan(c, c->top); /* from the header: its prev link keeps the chunk below */
    }
}

void px_vm_gc_roots(px_gc_scan_fn scan) {
    px_vm_fs.spare = NULL;
    scan(&px_vm_fs, &px_vm_fs + 1); /* the top chunk itself */
    px_vm_fs_scan(&px_vm_fs, scan);
}
