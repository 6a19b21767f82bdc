/* Running REPL input (see exec.h). */
#include <string.h>

#include "runtime.h"
#include "exec.h"

/* sys.modules' keys when the REPL started (a GC root): what a soft reset
 * keeps. PX_NULL: not taken, keep every module. */
static px_val clean_modules = PX_NULL;
static bool rooted;

/* The REPL takes over with the heap unlocked (micropython.heap_lock), as
 * the docs say. */
static void heap_unlock_all(void) {
    while (px_gc_heap_unlock() > 0) {
    }
}

px_val px_repl_exec(const char *src, size_t len, bool single, void *release) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_code *code = px_compile(src, len, PX_Q(lt_stdin_gt),
                                   single ? PX_COMPILE_SINGLE : PX_COMPILE_FILE);
        px_gc_free(release); /* the code holds nothing of the source */
        px_vm_run_module(code, px_module_globals(px_st.main_module));
        px_try_pop(&j);
        heap_unlock_all();
        px_port_stdout_flush();
        return PX_NULL;
    }
    heap_unlock_all();
    px_port_stdout_flush();
    if (px_isinstance(j.exc, &px_type_SystemExit)) {
        px_raise(j.exc); /* the port turns it into the exit status */
    }
    return j.exc;
}

void px_repl_print_exc(px_out *out, px_val exc) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_exc_print(out, exc);
        px_try_pop(&j);
    } else {
        px_write_cstr(out, "\nerror while printing an exception\n");
    }
}

/* The keys of a map, as a list (so the map can change while we go). */
static px_val keys_of(px_map *m) {
    px_val keys = px_list_new(0, NULL);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(m, &pos)) != NULL) {
        px_list_append(keys, e->key);
    }
    return keys;
}

void px_repl_mark_clean(void) {
    if (!rooted) {
        px_gc_add_root(&clean_modules, sizeof clean_modules);
        rooted = true;
    }
    clean_modules = keys_of(px_dict_map(px_st.modules));
    px_run_reset_hooks(true);
}

static bool in_list(px_val list, px_val key) {
    px_list *l = px_list_ptr(list);
    for (size_t i = 0; i < l->len; i++) {
        if (px_str_equal(l->items[i], key)) {
            return true;
        }
    }
    return false;
}

/* A module made from a file (not built in: those are made once and keep
 * C state, as on a board where they live in flash). */
static bool from_file(px_val m) {
    return m != PX_NULL && px_type_of(m) == &px_type_module &&
           px_map_get_q(px_module_globals(m), PX_Q(__file__)) != PX_NULL;
}

void px_repl_soft_reset(void) {
    px_run_reset_hooks(false);
    px_map *g = px_module_globals(px_st.main_module);
    px_val keys = keys_of(g);
    px_list *l = px_list_ptr(keys);
    for (size_t i = 0; i < l->len; i++) {
        size_t n = 0;
        const char *s = px_is_str(l->items[i]) ? px_str_data(l->items[i], &n) : "";
        if (n < 2 || memcmp(s, "__", 2) != 0) { /* keep __name__ and friends */
            px_map_pop(g, l->items[i]);
        }
    }
    px_st.repl_last = PX_NULL;
    px_map *bm = px_module_globals(px_builtins_module());
    if (!(bm->flags & PX_MAP_CONST)) {
        px_map_pop(bm, px_qstr(PX_Q(_)));
    }
    if (clean_modules != PX_NULL) {
        px_map *mods = px_dict_map(px_st.modules);
        l = px_list_ptr(keys_of(mods));
        for (size_t i = 0; i < l->len; i++) {
            px_val m = px_map_get(mods, l->items[i]);
            if (px_is_str(l->items[i]) && !in_list(clean_modules, l->items[i]) && from_file(m)) {
                px_map_pop(mods, l->items[i]);
            }
        }
    }
}
