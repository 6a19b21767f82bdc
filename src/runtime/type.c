/* `type` and `object`: the roots of the type system, plus the type tests
 * (isinstance/issubclass), MROs of built-in types and native unwrapping. */
#include "rt_internal.h"

/* ---- type tests */
bool px_is_type_obj(px_val v) {
    if (!px_is_obj(v)) {
        return false;
    }
    const px_type *t = px_type_of(v);
    return t == &px_type_type || (px_rt_is_heap_type(t) && ((const px_class *)t)->native_base == &px_type_type);
}

/* The second base of the built-in types that have two (CPython's
 * multiple inheritance); base_type is the first. */
static const px_type *second_base(const px_type *t) {
    if (t == &px_type_UnsupportedOperation) {
        return &px_type_ValueError;
    }
    if (t == &px_type_ExceptionGroup) {
        return &px_type_Exception;
    }
    return NULL;
}

bool px_issubclass(const px_type *sub, const px_type *t) {
    if (sub == t || t == &px_type_object) {
        return true;
    }
    if (px_rt_is_heap_type(sub)) {
        px_tuple *mro = px_tuple_ptr(sub->mro);
        for (size_t i = 1; i < mro->len; i++) {
            if (px_as_ptr(mro->items[i]) == t) {
                return true;
            }
        }
        return false;
    }
    for (const px_type *s = sub; s != NULL; s = s->base_type) {
        const px_type *second = second_base(s);
        if (s != sub && s == t) {
            return true;
        }
        if (second != NULL && px_issubclass(second, t)) {
            return true;
        }
    }
    return false;
}

bool px_isinstance(px_val v, const px_type *t) { return px_issubclass(px_type_of(v), t); }

size_t px_rt_mro(const px_type *t, const px_type **out, size_t max) {
    size_t n = 0;
    if (px_rt_is_heap_type(t)) {
        px_tuple *mro = px_tuple_ptr(t->mro);
        for (size_t i = 0; i < mro->len && n < max; i++) {
            out[n++] = px_as_ptr(mro->items[i]);
        }
        return n;
    }
    /* a second base goes before the first common type of the two chains
     * (C3's order for these types: UnsupportedOperation, OSError,
     * ValueError, Exception, ...; ExceptionGroup, BaseExceptionGroup,
     * Exception, BaseException, ...) */
    const px_type *second = NULL;
    for (; t != NULL && n < max; t = t->base_type) {
        if (second != NULL && px_issubclass(second, t)) {
            for (const px_type *s = second; s != t && n < max; s = s->base_type) {
                out[n++] = s;
            }
            second = NULL;
        }
        if (n < max) {
            out[n++] = t;
        }
        if (second_base(t) != NULL) {
            second = second_base(t);
        }
    }
    return n;
}

px_val px_rt_native_of(px_val v) {
    if (!px_is_obj(v)) {
        return PX_NULL;
    }
    const px_type *t = px_type_of(v);
    if (!px_rt_is_heap_type(t)) {
        return PX_NULL;
    }
    if (((const px_class *)t)->native_base == &px_type_type) {
        return v; /* a class whose metaclass derives from type */
    }
    return px_rt_inst(v)->native;
}

px_val px_native(px_val v, const px_type *t) {
    if (t == &px_type_object) {
        return v;
    }
    const px_type *vt = px_type_of(v);
    if (!px_rt_is_heap_type(vt) && px_issubclass(vt, t)) {
        return v;
    }
    px_val n = px_rt_native_of(v);
    if (n != PX_NULL && px_isinstance(n, t)) {
        return n;
    }
    px_raise_type_error("'%s' object expected, got '%s'", px_qstr_str(t->name), px_qstr_str(vt->name));
}

px_val px_rt_class_module(const px_type *t) {
    if (!px_rt_is_heap_type(t)) {
        /* the one built-in exception that lives in a module */
        return t == &px_type_UnsupportedOperation ? px_qstr(PX_Q(io)) : PX_NULL;
    }
    return px_map_get_q(&((const px_class *)t)->attrs, PX_Q(__module__));
}

px_int px_rt_identity_hash(px_val v) {
    if (px_is_obj(v)) {
        return (px_int)(((uintptr_t)v >> 4) & (uintptr_t)PX_SMALL_MAX);
    }
    return (px_int)((v >> 3) & (px_val)PX_SMALL_MAX);
}

static void print_qualified(px_out *out, const px_type *t) {
    px_val mod = px_rt_class_module(t);
    if (mod != PX_NULL && px_is_str(mod)) {
        size_t n;
        const char *s = px_str_data(mod, &n);
        if (!(n == 8 && memcmp(s, "builtins", 8) == 0)) {
            px_write(out, s, n);
            px_write_cstr(out, ".");
        }
    }
    px_val q = px_rt_is_heap_type(t) ? ((const px_class *)t)->qualname : PX_NULL;
    if (q != PX_NULL && px_is_str(q)) {
        px_print(out, q, PX_PRINT_STR);
    } else {
        px_write_cstr(out, px_qstr_str(t->name));
    }
}

void px_rt_default_repr(px_out *out, px_val self) {
    px_write_cstr(out, "<");
    print_qualified(out, px_type_of(self));
    px_printf(out, " object at %p>", px_as_ptr(self));
}

/* ---- type */
static void type_print(px_out *out, px_val self, px_print_kind kind) {
    px_write_cstr(out, "<class '");
    print_qualified(out, px_as_ptr(self));
    px_write_cstr(out, "'>");
}

/* Calling a type object: type(x), type(name, bases, dict), or making an
 * instance of the type. */
static px_val type_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    const px_type *t = px_as_ptr(self);
    size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
    if (t == &px_type_type) {
        if (argc == 1 && nkw == 0) {
            return px_from_ptr(px_type_of(argv[0]));
        }
        if (argc == 3) {
            return px_rt_type_new(&px_type_type, argv[0], argv[1], argv[2], nkw, argv + 3, kwnames);
        }
        px_raise_type_error("type() takes 1 or 3 arguments");
    }
    if (px_rt_is_heap_type(t)) {
        return px_rt_class_call(self, argc, argv, kwnames);
    }
    if (t->make == NULL) {
        px_raise_type_error("cannot create '%s' instances", px_qstr_str(t->name));
    }
    return t->make(t, argc, argv, kwnames);
}

static px_val type_unop(px_unop op, px_val self) {
    if (op == PX_UNOP_HASH) {
        return px_small(px_rt_identity_hash(self));
    }
    return PX_NOTIMPL;
}

static px_val type_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op == PX_BINOP_OR) {
        return px_rt_union_or(lhs, rhs);
    }
    return PX_NOTIMPL;
}

static px_val type_call_method(size_t argc, const px_val *argv, px_val kwnames) {
    if (!px_is_type_obj(argv[0])) {
        px_raise_type_error("descriptor '__call__' requires a 'type' object");
    }
    return type_call(argv[0], argc - 1, argv + 1, kwnames);
}
static PX_METHKW(type_call_obj, &px_type_type, __call__, 1, PX_ARGS_MAX, type_call_method);

static px_val type_init_method(size_t argc, const px_val *argv, px_val kwnames) { return PX_NONE; }
static PX_METHKW(type_init_obj, &px_type_type, __init__, 1, PX_ARGS_MAX, type_init_method);

/* type.__new__(mcs, name, bases, ns, **kw) */
static px_val type_new_fn(size_t argc, const px_val *argv, px_val kwnames) {
    if (!px_is_type_obj(argv[0]) || !px_issubclass(px_as_ptr(argv[0]), &px_type_type)) {
        px_raise_type_error("type.__new__(X): X is not a type object");
    }
    const px_type *meta = px_as_ptr(argv[0]);
    size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
    if (argc == 2 && meta == &px_type_type) {
        return px_from_ptr(px_type_of(argv[1]));
    }
    if (argc != 4) {
        px_raise_type_error("type.__new__() takes exactly 3 arguments (%zu given)", argc - 1);
    }
    return px_rt_type_new(meta, argv[1], argv[2], argv[3], nkw, argv + 4, kwnames);
}
static PX_FUNKW(type_new_builtin, __new__, 2, PX_ARGS_MAX, type_new_fn);
static PX_STATICMETHOD(type_new_obj, &type_new_builtin);

static px_val type_mro_method(px_val self) {
    if (!px_is_type_obj(self)) {
        px_raise_type_error("descriptor 'mro' requires a 'type' object");
    }
    return px_list_from_iter(px_getattr(self, PX_Q(__mro__)));
}
static PX_METH1(type_mro_obj, &px_type_type, mro, type_mro_method);

static const px_map_entry type_methods_table[] = {
    PX_ENTRY_OBJ(__call__, &type_call_obj),
    PX_ENTRY_OBJ(__init__, &type_init_obj),
    PX_ENTRY_OBJ(__new__, &type_new_obj),
    PX_ENTRY_OBJ(mro, &type_mro_obj),
};
static PX_CONST_MAP(type_methods, type_methods_table);

static px_val type_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    return type_call(px_from_ptr(&px_type_type), argc, argv, kwnames);
}

const px_type px_type_type = {
    .base = {&px_type_type},
    .name = PX_Q(type),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &type_methods,
    .make = type_make,
    .print = type_print,
    .call = type_call,
    .unop = type_unop,
    .binop = type_binop,
};

/* ---- object */
typedef struct {
    px_obj base;
} plain_object;

static px_val object_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (argc != 0 || (kwnames != PX_NULL && px_tuple_ptr(kwnames)->len != 0)) {
        px_raise_type_error("object() takes no arguments");
    }
    plain_object *o = px_gc_alloc(sizeof(plain_object), PX_GC_LEAF);
    o->base.type = type;
    return px_from_ptr(o);
}

static void object_print(px_out *out, px_val self, px_print_kind kind) { px_rt_default_repr(out, self); }

static px_val object_unop(px_unop op, px_val self) {
    if (op == PX_UNOP_HASH) {
        return px_small(px_rt_identity_hash(self));
    }
    return PX_NOTIMPL;
}

static px_val object_eq(px_val self, px_val other) { return self == other ? PX_TRUE : PX_NOTIMPL; }
static PX_METH2(object_eq_obj, &px_type_object, __eq__, object_eq);

static px_val object_ne(px_val self, px_val other) {
    /* invert self.__eq__ only: NotImplemented passes through, so that
       != can still ask the other operand */
    px_val r = px_call(px_getattr(self, PX_Q(__eq__)), 1, &other, PX_NULL);
    return r == PX_NOTIMPL ? r : px_bool(!px_truthy(r));
}
static PX_METH2(object_ne_obj, &px_type_object, __ne__, object_ne);

static px_val object_hash(px_val self) { return px_small(px_rt_identity_hash(self)); }
static PX_METH1(object_hash_obj, &px_type_object, __hash__, object_hash);

static px_val object_repr(px_val self) {
    px_strbuf b;
    px_strbuf_init(&b, 48);
    px_out out = px_strbuf_out(&b);
    px_rt_default_repr(&out, self);
    return px_strbuf_to_str(&b);
}
static PX_METH1(object_repr_obj, &px_type_object, __repr__, object_repr);

static px_val object_str(px_val self) { return px_to_repr(self); }
static PX_METH1(object_str_obj, &px_type_object, __str__, object_str);

static px_val object_format(px_val self, px_val spec) {
    if (!px_is_str(spec)) {
        px_raise_type_error("format spec must be str, not %s", px_type_name(spec));
    }
    size_t n;
    px_str_data(spec, &n);
    if (n != 0) {
        px_raise_type_error("unsupported format string passed to %s.__format__", px_type_name(self));
    }
    return px_to_str(self);
}
static PX_METH2(object_format_obj, &px_type_object, __format__, object_format);

static px_val object_setattr(px_val self, px_val name, px_val value) {
    px_rt_generic_setattr(self, px_rt_attr_name(name), value);
    return PX_NONE;
}
static PX_METH3(object_setattr_obj, &px_type_object, __setattr__, object_setattr);

static px_val object_delattr(px_val self, px_val name) {
    px_rt_generic_setattr(self, px_rt_attr_name(name), PX_DELETE);
    return PX_NONE;
}
static PX_METH2(object_delattr_obj, &px_type_object, __delattr__, object_delattr);

static px_val object_getattribute(px_val self, px_val name) {
    px_qid q = px_rt_attr_name(name);
    px_val v = px_rt_generic_getattr(self, q);
    if (v == PX_NULL) {
        px_raise_attribute_error(self, q);
    }
    return v;
}
static PX_METH2(object_getattribute_obj, &px_type_object, __getattribute__, object_getattribute);

static px_val object_init_subclass(size_t argc, const px_val *argv, px_val kwnames) {
    if (kwnames != PX_NULL && px_tuple_ptr(kwnames)->len > 0) {
        px_raise_type_error("%s.__init_subclass__() takes no keyword arguments",
                            px_is_type_obj(argv[0]) ? px_qstr_str(((const px_type *)px_as_ptr(argv[0]))->name)
                                                    : "object");
    }
    return PX_NONE;
}
static PX_FUNKW(object_init_subclass_fn, __init_subclass__, 1, 1, object_init_subclass);
static PX_CLASSMETHOD(object_init_subclass_obj, &object_init_subclass_fn);

static const px_map_entry object_methods_table[] = {
    PX_ENTRY_OBJ(__delattr__, &object_delattr_obj),
    PX_ENTRY_OBJ(__eq__, &object_eq_obj),
    PX_ENTRY_OBJ(__format__, &object_format_obj),
    PX_ENTRY_OBJ(__getattribute__, &object_getattribute_obj),
    PX_ENTRY_OBJ(__hash__, &object_hash_obj),
    PX_ENTRY_OBJ(__init__, &px_rt_object_init),
    PX_ENTRY_OBJ(__init_subclass__, &object_init_subclass_obj),
    PX_ENTRY_OBJ(__ne__, &object_ne_obj),
    PX_ENTRY_OBJ(__new__, &px_rt_object_new),
    PX_ENTRY_OBJ(__repr__, &object_repr_obj),
    PX_ENTRY_OBJ(__setattr__, &object_setattr_obj),
    PX_ENTRY_OBJ(__str__, &object_str_obj),
};
static PX_CONST_MAP(object_methods, object_methods_table);

const px_type px_type_object = {
    .base = {&px_type_type},
    .name = PX_Q(object),
    .flags = PX_TF_BASETYPE,
    .base_type = NULL,
    .dict = &object_methods,
    .make = object_make,
    .print = object_print,
    .unop = object_unop,
};
