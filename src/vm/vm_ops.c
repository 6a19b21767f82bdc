/* Cold paths of the interpreter loop: names, raising, unpacking, with,
 * f(*a, **k), iteration helpers. Kept out of vm.c so the loop stays small. */
#include <stdio.h>

#include "frame.h"

PX_NORETURN void px_vm_raise_unbound_local(px_code *co, size_t i) {
    px_raise_msg(&px_type_UnboundLocalError,
                 "cannot access local variable '%s' where it is not associated with a value",
                 px_qstr_str(co->varnames[i]));
}

PX_NORETURN void px_vm_raise_unbound_deref(px_code *co, size_t i) {
    if (i < co->ncellvars) {
        px_raise_msg(&px_type_UnboundLocalError,
                     "cannot access local variable '%s' where it is not associated with a value",
                     px_qstr_str(co->cellnames[i]));
    }
    px_raise_msg(&px_type_NameError,
                 "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                 px_qstr_str(co->cellnames[i]));
}

px_val px_vm_ns_load(px_frame *f, px_qid q) {
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

px_val px_vm_load_name(px_frame *f, px_qid q) {
    px_val v = px_vm_ns_load(f, q);
    if (v != PX_NULL) {
        return v;
    }
    v = px_map_get_q(f->globals, q);
    if (v != PX_NULL) {
        return v;
    }
    return px_vm_load_builtin(q);
}

void px_vm_store_name(px_frame *f, px_qid q, px_val v) {
    if (f->ns_map != NULL) {
        px_map_set_q(f->ns_map, q, v);
    } else if (f->ns != PX_NULL) {
        px_subscr_store(f->ns, px_qstr(q), v);
    } else {
        px_map_set_q(f->globals, q, v);
    }
}

void px_vm_delete_name(px_frame *f, px_qid q) {
    if (f->ns_map != NULL || f->ns == PX_NULL) {
        px_map *m = f->ns_map ? f->ns_map : f->globals;
        if (px_map_pop(m, px_qstr(q)) == PX_NULL) {
            px_raise_name_error(q);
        }
    } else {
        px_subscr_delete(f->ns, px_qstr(q));
    }
}

void px_vm_delete_global(px_frame *f, px_qid q) {
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

/* Implicit chaining; a chain that already leads back to exc is cut there
 * so the chain never becomes a cycle. */
void px_vm_set_context(px_val exc, px_val handled) {
    px_val o = handled;
    for (int guard = 0; guard < 1000; guard++) {
        px_val next = px_exc_get_context(o);
        if (next == PX_NONE) {
            break;
        }
        if (next == exc) {
            px_exc_set_context(o, PX_NONE);
            break;
        }
        o = next;
    }
    px_exc_set_context(exc, handled);
}

PX_NORETURN void px_vm_do_raise(px_vm_ctx *ctx, size_t n, px_val exc, px_val cause) {
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
    px_val h = px_st.handled_exc;
    if (h != PX_NULL && h != PX_NONE && h != exc) {
        px_vm_set_context(exc, h);
    }
    px_raise(exc);
}

void px_vm_print_expr(px_val v) {
    if (v == PX_NONE) {
        return;
    }
    px_print(&px_out_stdout, v, PX_PRINT_REPR);
    px_write(&px_out_stdout, "\n", 1);
    px_st.repl_last = v;
    px_map *bm = px_vm_builtins_map();
    if (!(bm->flags & PX_MAP_CONST)) {
        px_map_set_q(bm, PX_Q(_), v);
    }
}

px_val px_vm_build_map(size_t n, const px_val *items) {
    px_val d = px_dict_new(n);
    for (size_t i = 0; i < n; i++) {
        px_dict_set(d, items[2 * i], items[2 * i + 1]);
    }
    return d;
}

/* UNPACK_EX: [seq] -> [after.., list, before..] written from `out` upwards. */
px_val *px_vm_unpack_ex(px_val seq, size_t before, size_t after, px_val *sp) {
    const px_type *t = px_type_of(seq);
    if (t->iter == NULL && px_type_lookup(t, PX_Q(__iter__)) == PX_NULL &&
        px_type_lookup(t, PX_Q(__getitem__)) == PX_NULL) {
        px_raise_type_error("cannot unpack non-iterable %s object", px_type_name(seq));
    }
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

void px_vm_unpack_seq(px_val seq, size_t n, px_val *sp) {
    px_val small[16];
    px_val *out = n <= 16 ? small : px_gc_alloc(n * sizeof(px_val), 0);
    px_unpack_sequence(seq, n, out);
    for (size_t i = 0; i < n; i++) {
        sp[i] = out[n - 1 - i];
    }
}

/* The VM's own iterators over exact lists and tuples (FOR_ITER steps them inline). */
static px_val seq_iter_next(px_val self) {
    px_vm_seq_iter *it = px_as_ptr(self);
    size_t len;
    px_val *items = px_seq_items(it->seq, &len);
    if (it->index < len) {
        return items[it->index++];
    }
    it->seq = px_from_ptr(&px_empty_tuple);
    return PX_NULL;
}
static px_val seq_iter_iter(px_val self) { return self; }

const px_type px_vm_type_list_iter = {
    .base = {&px_type_type}, .name = PX_Q(list_iterator), .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object, .iter = seq_iter_iter, .next = seq_iter_next,
};
const px_type px_vm_type_tuple_iter = {
    .base = {&px_type_type}, .name = PX_Q(tuple_iterator), .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object, .iter = seq_iter_iter, .next = seq_iter_next,
};

px_val px_vm_get_iter(px_val v) {
    if (px_is_type(v, &px_type_list) || px_is_type(v, &px_type_tuple)) {
        px_vm_seq_iter *it = px_gc_alloc(sizeof *it, 0);
        it->base.type = px_is_type(v, &px_type_list) ? &px_vm_type_list_iter : &px_vm_type_tuple_iter;
        it->seq = v;
        return px_from_ptr(it);
    }
    return px_iter(v);
}

/* BEFORE_WITH: [ctx] -> [bound __exit__, ctx.__enter__()] */
px_val *px_vm_before_with(px_val mgr, px_val *sp, px_qid enter, px_qid exit) {
    /* CPython 3.11's TypeError wording: __enter__ is checked first. */
    const char *kind = enter == PX_Q(__enter__) ? "" : "asynchronous ";
    /* Both are looked up on the type, as special methods are. */
    px_val en = px_special_method(mgr, enter);
    if (en == PX_NULL) {
        px_raise_msg(&px_type_TypeError, "'%s' object does not support the %scontext manager protocol",
                     px_type_name(mgr), kind);
    }
    px_val ex = px_special_method(mgr, exit);
    if (ex == PX_NULL) {
        px_raise_msg(&px_type_TypeError, "'%s' object does not support the %scontext manager protocol (missed %s method)",
                     px_type_name(mgr), kind, px_qstr_str(exit));
    }
    px_val r = px_call(en, 0, NULL, PX_NULL);
    *sp++ = ex;
    *sp++ = r;
    return sp;
}

px_val px_vm_with_except(px_val exit, px_val exc) {
    px_val args[3] = {px_from_ptr(px_type_of(exc)), exc, PX_NONE};
    return px_call(exit, 3, args, PX_NULL);
}

px_val px_vm_call_ex(px_val f, px_val args, px_val kwargs, px_val *kwn_out, size_t *argc_out, px_val **argv_out) {
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
    if (npos) {
        memcpy(argv, pos, npos * sizeof(px_val));
    }
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
void px_vm_check_pending(void) {
    px_check_pending();
}

px_val px_vm_import_name(px_frame *f, px_qid q, px_val fromlist, px_val level) {
    px_val hook = px_import_hook();
    if (hook != PX_NULL) {
        /* __import__(name, globals, locals, fromlist, level), as CPython calls it */
        px_val args[5] = {px_qstr(q), px_vm_dict_of_map(f->globals),
                          f->func == NULL && f->ns_map != NULL ? px_vm_dict_of_map(f->ns_map) : PX_NONE,
                          fromlist == PX_NULL ? PX_NONE : fromlist, level};
        return px_call(hook, 5, args, PX_NULL);
    }
    return px_import(px_qstr(q), fromlist, px_is_small(level) ? px_small_get(level) : 0, f->globals);
}


/* How CPython names a callee in call errors: "mod.qualname()" ("f()" for builtins). */
static px_val func_str(px_val f) {
    if (px_is_type(f, &px_type_bound_method)) {
        f = ((px_bound *)px_as_ptr(f))->func;
    }
    px_val qn = px_getattr_opt(f, PX_Q(__qualname__));
    if (qn == PX_NULL || !px_is_str(qn)) {
        qn = px_getattr_opt(f, PX_Q(__name__));
    }
    if (qn == PX_NULL || !px_is_str(qn)) {
        return px_str_concat(px_to_str(f), px_str_cstr("()"));
    }
    px_val mod = px_getattr_opt(f, PX_Q(__module__));
    if (mod != PX_NULL && px_is_str(mod) && !(px_is_qstr(mod) && px_qstr_get(mod) == PX_Q(builtins))) {
        qn = px_str_concat(px_str_concat(mod, px_str_cstr(".")), qn);
    }
    return px_str_concat(qn, px_str_cstr("()"));
}

void px_vm_dict_merge(px_val dict, px_val other, px_val callee) {
    if (!px_is_dict(other)) {
        if (px_getattr_opt(other, PX_Q(keys)) == PX_NULL) {
            size_t n;
            const char *fs = px_str_data(func_str(callee), &n);
            px_raise_type_error("%.*s argument after ** must be a mapping, not %s", (int)n, fs, px_type_name(other));
        }
        px_val d = px_dict_new(0);
        px_dict_update(d, other, false);
        other = d;
    }
    px_map *m = px_dict_map(other);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(m, &pos)) != NULL) {
        if (!px_is_str(e->key)) {
            px_raise_type_error("keywords must be strings");
        }
        if (px_dict_get(dict, e->key) != PX_NULL) {
            size_t n, kn;
            const char *fs = px_str_data(func_str(callee), &n);
            const char *ks = px_str_data(e->key, &kn);
            px_raise_type_error("%.*s got multiple values for keyword argument '%.*s'", (int)n, fs, (int)kn, ks);
        }
        px_dict_set(dict, e->key, e->value);
    }
}
