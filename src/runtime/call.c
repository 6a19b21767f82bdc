/* Calling: the generic px_call through the type's call slot, the type of
 * built-in functions and methods, and argument parsing for built-ins. */
#include <stdio.h>

#include "rt_internal.h"

#if PX_PACKED_BUILTINS
_Static_assert(PX_QID__STATIC_COUNT <= 65536, "px_builtin's 16-bit name cannot hold every name known at build time");
#endif

static size_t kw_count(px_val kwnames) {
    return kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
}

px_val px_call(px_val f, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_stack(" while calling a Python object");
    const px_type *t = px_type_of(f);
    if (t->call == NULL) {
        px_raise_type_error("'%s' object is not callable", px_qstr_str(t->name));
    }
    return t->call(f, argc, argv, kwnames);
}

px_val px_call0(px_val f) { return px_call(f, 0, NULL, PX_NULL); }
px_val px_call1(px_val f, px_val a) { return px_call(f, 1, &a, PX_NULL); }
px_val px_call2(px_val f, px_val a, px_val b) {
    px_val args[2] = {a, b};
    return px_call(f, 2, args, PX_NULL);
}

px_val px_call_method(px_val obj, px_qid name, size_t argc, const px_val *argv) {
    px_val dest[2];
    px_load_method(obj, name, dest);
    if (dest[1] == PX_NULL) {
        return px_call(dest[0], argc, argv, PX_NULL);
    }
    px_val small[PX_RT_SMALL_ARGS];
    px_val *args = argc + 1 <= PX_RT_SMALL_ARGS ? small : px_gc_alloc((argc + 1) * sizeof(px_val), 0);
    args[0] = dest[1];
    if (argc > 0) {
        memcpy(args + 1, argv, argc * sizeof(px_val));
    }
    return px_call(dest[0], argc + 1, args, PX_NULL);
}

px_val px_call_ex(px_val f, px_val args, px_val kwargs) {
    size_t npos = 0;
    px_val *pos = NULL;
    if (args != PX_NULL) {
        pos = px_seq_items(args, &npos);
        if (pos == NULL) {
            px_val t = px_tuple_from_iter(args);
            pos = px_tuple_ptr(t)->items;
            npos = px_tuple_ptr(t)->len;
        }
    }
    if (kwargs == PX_NULL || (px_is_dict(kwargs) && px_dict_map(kwargs)->count == 0)) {
        return px_call(f, npos, pos, PX_NULL);
    }
    if (!px_is_dict(kwargs)) {
        px_raise_type_error("argument after ** must be a mapping, not %s", px_type_name(kwargs));
    }
    px_map *m = px_dict_map(kwargs);
    size_t nkw = m->count;
    px_val *argv = px_gc_alloc((npos + nkw) * sizeof(px_val), 0);
    if (npos > 0) {
        memcpy(argv, pos, npos * sizeof(px_val));
    }
    px_val names = px_tuple_new(nkw, NULL);
    size_t k = 0;
    for (uint32_t i = 0; i < m->used && k < nkw; i++) {
        px_map_entry *e = &m->entries[i];
        if (e->key == PX_NULL) {
            continue;
        }
        if (!px_is_str(e->key)) {
            px_raise_type_error("keywords must be strings");
        }
        px_tuple_ptr(names)->items[k] = px_qstr(px_str_to_qid(e->key));
        argv[npos + k] = e->value;
        k++;
    }
    return px_call(f, npos, argv, names);
}

bool px_callable(px_val v) {
    const px_type *t = px_type_of(v);
    if (t->call == NULL) {
        return false;
    }
    if (px_rt_is_instance(v)) {
        px_val native = px_rt_inst(v)->native;
        return px_rt_user_lookup(t, PX_Q(__call__)) != PX_NULL ||
               (native != PX_NULL && px_callable(native));
    }
    return true;
}

/* ---- argument checks */
void px_check_args(px_qid func, size_t argc, px_val kwnames, size_t min, size_t max) {
    if (kw_count(kwnames) > 0) {
        px_raise_type_error("%s() takes no keyword arguments", px_qstr_str(func));
    }
    if (argc >= min && argc <= max) {
        return;
    }
    const char *f = px_qstr_str(func);
    if (min == max) {
        if (max == 0) {
            px_raise_type_error("%s() takes no arguments (%zu given)", f, argc);
        }
        if (max == 1) {
            px_raise_type_error("%s() takes exactly one argument (%zu given)", f, argc);
        }
        px_raise_type_error("%s expected %zu arguments, got %zu", f, max, argc);
    }
    if (argc < min) {
        px_raise_type_error("%s expected at least %zu argument%s, got %zu", f, min, min == 1 ? "" : "s", argc);
    }
    px_raise_type_error("%s expected at most %zu argument%s, got %zu", f, max, max == 1 ? "" : "s", argc);
}

static int spec_find(size_t nspec, const px_argspec *spec, px_qid name) {
    for (size_t i = 0; i < nspec; i++) {
        if (spec[i].name == name && (spec[i].flags & PX_ARG_POSONLY) == 0) {
            return (int)i;
        }
    }
    return -1;
}

void px_parse_args(px_qid func, size_t argc, const px_val *argv, px_val kwnames, size_t nspec,
                   const px_argspec *spec, px_val *out) {
    const char *f = px_qstr_str(func);
    size_t maxpos = 0;
    while (maxpos < nspec && (spec[maxpos].flags & PX_ARG_KWONLY) == 0) {
        maxpos++;
    }
    if (argc > maxpos) {
        px_raise_type_error("%s() takes at most %zu argument%s (%zu given)", f, maxpos,
                            maxpos == 1 ? "" : "s", argc);
    }
    for (size_t i = 0; i < nspec; i++) {
        out[i] = PX_NULL;
    }
    for (size_t i = 0; i < argc; i++) {
        out[i] = argv[i];
    }
    size_t nkw = kw_count(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        px_val kn = px_tuple_ptr(kwnames)->items[k];
        px_qid q = px_str_to_qid(kn);
        int idx = spec_find(nspec, spec, q);
        if (idx < 0) {
            px_raise_type_error("'%s' is an invalid keyword argument for %s()", px_qstr_str(q), f);
        }
        if (out[idx] != PX_NULL) {
            px_raise_type_error("argument for %s() given by name ('%s') and position (%d)", f,
                                px_qstr_str(q), idx + 1);
        }
        out[idx] = argv[argc + k];
    }
    for (size_t i = 0; i < nspec; i++) {
        if (out[i] != PX_NULL) {
            continue;
        }
        if (spec[i].flags & PX_ARG_REQUIRED) {
            if (spec[i].flags & PX_ARG_KWONLY) {
                px_raise_type_error("%s() missing required keyword-only argument '%s'", f,
                                    px_qstr_str(spec[i].name));
            }
            px_raise_type_error("%s() missing required argument '%s' (pos %zu)", f,
                                px_qstr_str(spec[i].name), i + 1);
        }
        out[i] = spec[i].def;
    }
}

/* ---- built-in functions and methods */
static const char *builtin_display_name(const px_builtin *b, char *buf, size_t size) {
    if (b->owner != NULL) {
        snprintf(buf, size, "%s.%s", px_qstr_str(b->owner->name), px_qstr_str(b->name));
        return buf;
    }
    return px_qstr_str(b->name);
}

PX_NORETURN static void builtin_count_error(const px_builtin *b, size_t argc) {
    char buf[128];
    size_t self = b->owner != NULL ? 1 : 0;
    size_t min = b->min_args - self;
    size_t max = b->max_args == PX_ARGS_MAX ? PX_ARGS_MAX : b->max_args - self;
    size_t given = argc - self;
    const char *plain = px_qstr_str(b->name);
    if (min == max) {
        const char *f = builtin_display_name(b, buf, sizeof buf);
        if (max == 0) {
            px_raise_type_error("%s() takes no arguments (%zu given)", f, given);
        }
        if (max == 1) {
            px_raise_type_error("%s() takes exactly one argument (%zu given)", f, given);
        }
        px_raise_type_error("%s expected %zu arguments, got %zu", plain, max, given);
    }
    if (given < min) {
        px_raise_type_error("%s expected at least %zu argument%s, got %zu", plain, min, min == 1 ? "" : "s", given);
    }
    px_raise_type_error("%s expected at most %zu argument%s, got %zu", plain, max, max == 1 ? "" : "s", given);
}

static px_val builtin_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    const px_builtin *b = px_as_ptr(self);
    size_t nkw = kw_count(kwnames);
    if (nkw > 0 && b->kind != PX_BK_KW) {
        char buf[128];
        px_raise_type_error("%s() takes no keyword arguments", builtin_display_name(b, buf, sizeof buf));
    }
    if (argc < b->min_args || (b->max_args != PX_ARGS_MAX && argc > b->max_args)) {
        if (b->owner != NULL && argc == 0) {
            px_raise_type_error("unbound method %s.%s() needs an argument", px_qstr_str(b->owner->name),
                                px_qstr_str(b->name));
        }
        builtin_count_error(b, argc);
    }
    px_val small[PX_RT_SMALL_ARGS];
    if (b->owner != NULL && argc > 0 && px_type_of(argv[0]) != b->owner) {
        px_val s = argv[0];
        const px_type *st = px_type_of(s);
        px_val native;
        if (b->owner == &px_type_object || (!px_rt_is_heap_type(st) && px_issubclass(st, b->owner))) {
            native = s;
        } else {
            native = px_rt_native_of(s);
            if (native == PX_NULL || !px_isinstance(native, b->owner)) {
                px_raise_type_error("descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                                    px_qstr_str(b->name), px_qstr_str(b->owner->name), px_type_name(s));
            }
        }
        if (native != s) {
            size_t total = argc + nkw;
            px_val *copy = total <= PX_RT_SMALL_ARGS ? small : px_gc_alloc(total * sizeof(px_val), 0);
            memcpy(copy, argv, total * sizeof(px_val));
            copy[0] = native;
            argv = copy;
        }
    }
    switch (b->kind) {
    case PX_BK_0:
        return b->fn.f0();
    case PX_BK_1:
        return b->fn.f1(argv[0]);
    case PX_BK_2:
        return b->fn.f2(argv[0], argv[1]);
    case PX_BK_3:
        return b->fn.f3(argv[0], argv[1], argv[2]);
    case PX_BK_VAR:
        return b->fn.fv(argc, argv);
    default:
        return b->fn.fkw(argc, argv, nkw > 0 ? kwnames : PX_NULL);
    }
}

static void builtin_print(px_out *out, px_val self, px_print_kind kind) {
    const px_builtin *b = px_as_ptr(self);
    if (b->owner != NULL) {
        px_printf(out, "<method '%s' of '%s' objects>", px_qstr_str(b->name), px_qstr_str(b->owner->name));
    } else {
        px_printf(out, "<built-in function %s>", px_qstr_str(b->name));
    }
}

static px_val builtin_getattr(px_val self, px_qid name) {
    const px_builtin *b = px_as_ptr(self);
    switch (name) {
    case PX_Q(__name__):
    case PX_Q(__qualname__):
        return px_qstr(b->name);
    case PX_Q(__self__):
        return PX_NONE;
    case PX_Q(__doc__):
        return PX_NONE;
    case PX_Q(__module__):
        return b->owner == NULL ? px_qstr(PX_Q(builtins)) : PX_NONE;
    default:
        return PX_NULL;
    }
}

static px_val builtin_unop(px_unop op, px_val self) {
    if (op == PX_UNOP_HASH) {
        return px_small(px_rt_identity_hash(self));
    }
    return PX_NOTIMPL;
}

const px_type px_type_builtin = {
    .base = {&px_type_type},
    .name = PX_Q(builtin_function_or_method),
    .base_type = &px_type_object,
    .print = builtin_print,
    .call = builtin_call,
    .unop = builtin_unop,
    .getattr = builtin_getattr,
};
