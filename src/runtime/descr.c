/* Descriptor types: property, classmethod, staticmethod, and super. */
#include "rt_internal.h"

/* ---- property */
/* "property 'x' of 'A' object has no setter": the name is the one the
 * class body gave it (__set_name__); a property put on a class later has
 * none, and the message then names no attribute (as CPython's). */
PX_NORETURN static void property_missing(px_property *p, px_val obj, const char *what) {
    if (p->name != PX_QID_NONE) {
        px_raise_msg(&px_type_AttributeError, "property '%s' of '%s' object has no %s",
                     px_qstr_str(p->name), px_type_name(obj), what);
    }
    px_raise_msg(&px_type_AttributeError, "property of '%s' object has no %s", px_type_name(obj), what);
}

px_val px_rt_property_get(px_val prop, px_val obj) {
    px_property *p = px_as_ptr(prop);
    if (p->fget == PX_NONE) {
        property_missing(p, obj, "getter");
    }
    return px_call1(p->fget, obj);
}

void px_rt_property_set(px_val prop, px_val obj, px_val value) {
    px_property *p = px_as_ptr(prop);
    if (value == PX_DELETE) {
        if (p->fdel == PX_NONE) {
            property_missing(p, obj, "deleter");
        }
        px_call1(p->fdel, obj);
        return;
    }
    if (p->fset == PX_NONE) {
        property_missing(p, obj, "setter");
    }
    px_call2(p->fset, obj, value);
}

static px_val property_alloc(px_val fget, px_val fset, px_val fdel, px_val doc) {
    px_property *p = px_gc_alloc(sizeof(px_property), 0);
    p->base.type = &px_type_property;
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    p->doc = doc;
    return px_from_ptr(p);
}

static px_val property_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(fget), 0, PX_NONE},
        {PX_Q(fset), 0, PX_NONE},
        {PX_Q(fdel), 0, PX_NONE},
        {PX_Q(doc), 0, PX_NONE},
    };
    px_val a[4];
    px_parse_args(PX_Q(property), argc, argv, kwnames, 4, spec, a);
    return property_alloc(a[0], a[1], a[2], a[3]);
}

static px_val property_copy(px_val self, int which, px_val f) {
    px_property *p = px_as_ptr(self);
    px_val r = property_alloc(which == 0 ? f : p->fget, which == 1 ? f : p->fset, which == 2 ? f : p->fdel, p->doc);
    ((px_property *)px_as_ptr(r))->name = p->name;
    return r;
}
static px_val property_getter(px_val self, px_val f) { return property_copy(self, 0, f); }
static px_val property_setter(px_val self, px_val f) { return property_copy(self, 1, f); }
static px_val property_deleter(px_val self, px_val f) { return property_copy(self, 2, f); }
static PX_METH2(property_getter_obj, &px_type_property, getter, property_getter);
static PX_METH2(property_setter_obj, &px_type_property, setter, property_setter);
static PX_METH2(property_deleter_obj, &px_type_property, deleter, property_deleter);

static px_val property_dunder_get(size_t argc, const px_val *argv) {
    if (argv[1] == PX_NONE) {
        return argv[0];
    }
    return px_rt_property_get(argv[0], argv[1]);
}
static PX_METHV(property_get_obj, &px_type_property, __get__, 2, 3, property_dunder_get);

static px_val property_dunder_set(px_val self, px_val obj, px_val value) {
    px_rt_property_set(self, obj, value);
    return PX_NONE;
}
static PX_METH3(property_set_obj, &px_type_property, __set__, property_dunder_set);

static px_val property_dunder_delete(px_val self, px_val obj) {
    px_rt_property_set(self, obj, PX_DELETE);
    return PX_NONE;
}
static PX_METH2(property_delete_obj, &px_type_property, __delete__, property_dunder_delete);

static const px_map_entry property_methods_table[] = {
    PX_ENTRY_OBJ(__delete__, &property_delete_obj),
    PX_ENTRY_OBJ(__get__, &property_get_obj),
    PX_ENTRY_OBJ(__set__, &property_set_obj),
    PX_ENTRY_OBJ(deleter, &property_deleter_obj),
    PX_ENTRY_OBJ(getter, &property_getter_obj),
    PX_ENTRY_OBJ(setter, &property_setter_obj),
};
static PX_CONST_MAP(property_methods, property_methods_table);

static px_val property_getattr(px_val self, px_qid name) {
    px_property *p = px_as_ptr(self);
    switch (name) {
    case PX_Q(fget):
        return p->fget;
    case PX_Q(fset):
        return p->fset;
    case PX_Q(fdel):
        return p->fdel;
    case PX_Q(__doc__):
        if (p->doc == PX_NONE && p->fget != PX_NONE) {
            px_val d = px_getattr_opt(p->fget, PX_Q(__doc__));
            return d == PX_NULL ? PX_NONE : d;
        }
        return p->doc;
    default:
        return PX_NULL;
    }
}

const px_type px_type_property = {
    .base = {&px_type_type},
    .name = PX_Q(property),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &property_methods,
    .make = property_make,
    .getattr = property_getattr,
};

/* ---- classmethod / staticmethod */
static px_val wrapper_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(type->name, argc, kwnames, 1, 1);
    px_wrapper *w = px_gc_alloc(sizeof(px_wrapper), 0);
    w->base.type = type;
    w->func = argv[0];
    return px_from_ptr(w);
}

static void wrapper_print(px_out *out, px_val self, px_print_kind kind) {
    const px_wrapper *w = px_as_ptr(self);
    px_printf(out, "<%s(", px_type_name(self));
    px_print(out, w->func, PX_PRINT_REPR);
    px_write_cstr(out, ")>");
}

static px_val wrapper_getattr(px_val self, px_qid name) {
    const px_wrapper *w = px_as_ptr(self);
    if (name == PX_Q(__func__) || name == PX_Q(__wrapped__)) {
        return w->func;
    }
    if (name == PX_Q(__name__) || name == PX_Q(__doc__) || name == PX_Q(__qualname__)) {
        return px_getattr_opt(w->func, name);
    }
    return PX_NULL;
}

/* staticmethod objects are callable (Python 3.10+) */
static px_val staticmethod_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    return px_call(((const px_wrapper *)px_as_ptr(self))->func, argc, argv, kwnames);
}

const px_type px_type_staticmethod = {
    .base = {&px_type_type},
    .name = PX_Q(staticmethod),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .make = wrapper_make,
    .print = wrapper_print,
    .call = staticmethod_call,
    .getattr = wrapper_getattr,
};

const px_type px_type_classmethod = {
    .base = {&px_type_type},
    .name = PX_Q(classmethod),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .make = wrapper_make,
    .print = wrapper_print,
    .getattr = wrapper_getattr,
};

/* ---- super */
px_val px_super_new(px_val type, px_val obj) {
    if (!px_is_type_obj(type)) {
        px_raise_type_error("super() argument 1 must be a type, not %s", px_type_name(type));
    }
    const px_type *t = px_as_ptr(type);
    const px_type *ot;
    if (px_isinstance(obj, t)) {
        ot = px_type_of(obj);
    } else if (px_is_type_obj(obj) && px_issubclass(px_as_ptr(obj), t)) {
        ot = px_as_ptr(obj);
    } else {
        px_raise_type_error("super(type, obj): obj must be an instance or subtype of type");
    }
    px_super *s = px_gc_alloc(sizeof(px_super), 0);
    s->base.type = &px_type_super;
    s->type = t;
    s->obj = obj;
    s->obj_type = ot;
    return px_from_ptr(s);
}

static px_val super_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(super), argc, kwnames, 0, 2);
    if (argc == 0) {
        px_val cls, self;
        px_vm_super_args(&cls, &self);
        return px_super_new(cls, self);
    }
    if (argc == 1) {
        px_raise_type_error("super() with one argument is not supported");
    }
    return px_super_new(argv[0], argv[1]);
}

static px_val super_getattr(px_val self, px_qid name) {
    px_super *s = px_as_ptr(self);
    const px_type *mro[64];
    size_t n;
    px_val tup = PX_NULL;
    if (px_rt_is_heap_type(s->obj_type)) {
        tup = s->obj_type->mro;
        n = px_tuple_ptr(tup)->len;
    } else {
        n = px_rt_mro(s->obj_type, mro, 64);
    }
    size_t i = 0;
    for (; i < n; i++) {
        const px_type *m = tup != PX_NULL ? px_as_ptr(px_tuple_ptr(tup)->items[i]) : mro[i];
        if (m == s->type) {
            break;
        }
    }
    bool obj_is_class = s->obj_type == (const px_type *)px_as_ptr(s->obj) && px_is_type_obj(s->obj);
    for (i++; i < n; i++) {
        const px_type *m = tup != PX_NULL ? px_as_ptr(px_tuple_ptr(tup)->items[i]) : mro[i];
        px_val v = px_rt_own_lookup(m, name);
        if (v == PX_NULL) {
            continue;
        }
        if (px_is_type(v, &px_type_classmethod)) {
            return px_bound_method(((const px_wrapper *)px_as_ptr(v))->func, px_from_ptr(s->obj_type));
        }
        return px_rt_descr_get(v, obj_is_class ? PX_NULL : s->obj, s->obj_type);
    }
    switch (name) {
    case PX_Q(__class__):
        return px_from_ptr(&px_type_super);
    case PX_Q(__self__):
        return s->obj;
    case PX_Q(__thisclass__):
        return px_from_ptr(s->type);
    default:
        return PX_NULL;
    }
}

static void super_print(px_out *out, px_val self, px_print_kind kind) {
    px_super *s = px_as_ptr(self);
    px_write_cstr(out, "<super: ");
    px_print(out, px_from_ptr(s->type), PX_PRINT_REPR);
    px_printf(out, ", <%s object>>", px_qstr_str(s->obj_type->name));
}

const px_type px_type_super = {
    .base = {&px_type_type},
    .name = PX_Q(super),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .make = super_make,
    .print = super_print,
    .getattr = super_getattr,
};
