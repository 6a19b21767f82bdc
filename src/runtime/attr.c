/* Attribute access in CPython's order: data descriptors on the type, the
 * instance dict, other class attributes (binding functions as methods),
 * the type's getattr slot, then __getattr__. Type objects look in their
 * MRO first and then in their metaclass. */
#include "rt_internal.h"

px_qid px_rt_attr_name(px_val name) {
    if (px_is_qstr(name)) {
        return px_qstr_get(name); /* an interned name: the common case, without a call */
    }
    if (!px_is_str(name)) {
        px_val native = px_rt_native_of(name); /* an instance of a str subclass names its text */
        if (native == PX_NULL || !px_is_str(native)) {
            px_raise_type_error("attribute name must be string, not '%s'", px_type_name(name));
        }
        name = native;
    }
    return px_str_to_qid(name);
}

px_val px_rt_own_lookup(const px_type *t, px_qid name) {
    if (t->dict != NULL) {
        px_val v = px_map_get_q(t->dict, name);
        if (v != PX_NULL) {
            return v;
        }
    }
    if (!px_rt_is_heap_type(t) && name <= PX_Q(__xor__) && name >= PX_Q(__abs__)) {
        return px_rt_slot_wrapper(t, name);
    }
    return PX_NULL;
}

px_val px_special_method(px_val obj, px_qid name) {
    const px_type *t = px_type_of(obj);
    px_val d = px_type_lookup(t, name);
    return d == PX_NULL ? PX_NULL : px_rt_descr_get(d, obj, t);
}

px_val px_bound_method(px_val func, px_val self) {
    px_bound *b = px_gc_alloc(sizeof(px_bound), 0);
    b->base.type = &px_type_bound_method;
    b->func = func;
    b->self = self;
    return px_from_ptr(b);
}

/* ---- descriptors */
bool px_rt_is_data_descr(px_val d) {
    if (!px_is_obj(d)) {
        return false;
    }
    const px_type *t = px_type_of(d);
    if (t == &px_type_property) {
        return true;
    }
    if (px_rt_is_instance(d)) {
        return px_rt_user_lookup(t, PX_Q(__set__)) != PX_NULL ||
               px_rt_user_lookup(t, PX_Q(__delete__)) != PX_NULL;
    }
    return false;
}

px_val px_rt_descr_get(px_val d, px_val obj, const px_type *type) {
    if (!px_is_obj(d)) {
        return d;
    }
    const px_type *t = px_type_of(d);
    if (t == &px_type_function) {
        return obj == PX_NULL ? d : px_bound_method(d, obj);
    }
    if (t == &px_type_builtin) {
        const px_builtin *b = px_as_ptr(d);
        return obj == PX_NULL || b->owner == NULL ? d : px_bound_method(d, obj);
    }
    if (t == &px_type_classmethod) {
        return px_bound_method(((const px_wrapper *)px_as_ptr(d))->func, px_from_ptr(type));
    }
    if (t == &px_type_staticmethod) {
        return ((const px_wrapper *)px_as_ptr(d))->func;
    }
    if (t == &px_type_property) {
        return obj == PX_NULL ? d : px_rt_property_get(d, obj);
    }
    if (px_rt_is_instance(d)) {
        px_val get = px_rt_user_lookup(t, PX_Q(__get__));
        if (get != PX_NULL) {
            px_val args[2] = {obj == PX_NULL ? PX_NONE : obj, px_from_ptr(type)};
            return px_rt_call_bound(get, d, 2, args);
        }
    }
    return d;
}

/* ---- type objects */
static px_val mro_tuple(const px_type *t) {
    if (t->mro != PX_NULL) {
        return t->mro;
    }
    const px_type *chain[32];
    size_t n = px_rt_mro(t, chain, 32);
    px_val tup = px_tuple_new(n, NULL);
    for (size_t i = 0; i < n; i++) {
        px_tuple_ptr(tup)->items[i] = px_from_ptr(chain[i]);
    }
    return tup;
}

static px_val type_dict_copy(const px_type *t) {
    px_val d = px_dict_new(0);
    if (t->dict != NULL) {
        const px_map *m = t->dict;
        for (uint32_t i = 0; i < m->used; i++) {
            if (m->entries[i].key != PX_NULL) {
                px_dict_set(d, m->entries[i].key, m->entries[i].value);
            }
        }
    }
    return d;
}

/* A built-in type named "module.name" (as CPython names it in messages
 * and its repr, e.g. array.array): __name__ is the part after the last
 * dot, __module__ the part before. Returns that dot, or NULL. */
static const char *native_dot(const px_type *t, const char **full, size_t *n) {
    *full = px_qstr_str(t->name);
    *n = strlen(*full);
    return px_rt_is_heap_type(t) ? NULL : strrchr(*full, '.');
}

static px_val native_short_name(const px_type *t) {
    const char *full;
    size_t n;
    const char *dot = native_dot(t, &full, &n);
    return dot == NULL ? px_qstr(t->name) : px_str(dot + 1, n - (size_t)(dot + 1 - full));
}

static px_val type_special(const px_type *t, px_qid name) {
    bool heap = px_rt_is_heap_type(t);
    switch (name) {
    case PX_Q(__name__):
        return native_short_name(t);
    case PX_Q(__qualname__):
        return heap && ((const px_class *)t)->qualname != PX_NULL ? ((const px_class *)t)->qualname
                                                                  : native_short_name(t);
    case PX_Q(__mro__):
        return mro_tuple(t);
    case PX_Q(__bases__):
        if (t->bases != PX_NULL) {
            return t->bases;
        }
        if (t->base_type == NULL) {
            return px_from_ptr(&px_empty_tuple);
        }
        {
            px_val b = px_from_ptr(t->base_type);
            return px_tuple_new(1, &b);
        }
    case PX_Q(__base__):
        return t->base_type == NULL ? PX_NONE : px_from_ptr(t->base_type);
    case PX_Q(__dict__):
        return type_dict_copy(t);
    case PX_Q(__class__):
        return px_from_ptr(t->base.type);
    default:
        return PX_NULL;
    }
}

static px_val type_getattr(px_val cls, px_qid name) {
    const px_type *t = px_as_ptr(cls);
    px_val v = type_special(t, name);
    if (v != PX_NULL) {
        return v;
    }
    v = px_type_lookup(t, name);
    if (v == px_from_ptr(&px_rt_object_new) && t != &px_type_object && !px_rt_is_heap_type(t)) {
        v = px_from_ptr(&px_rt_native_new); /* int.__new__ is not object.__new__ */
    }
    if (v != PX_NULL) {
        return px_rt_descr_get(v, PX_NULL, t);
    }
    if (name == PX_Q(__doc__)) {
        return PX_NONE;
    }
    if (name == PX_Q(__module__) && !px_rt_is_heap_type(t)) {
        const char *full;
        size_t n;
        const char *dot = native_dot(t, &full, &n);
        return dot == NULL ? px_qstr(PX_Q(builtins)) : px_str(full, (size_t)(dot - full));
    }
    /* the metaclass: methods bind to the class */
    const px_type *meta = px_type_of(cls);
    v = px_type_lookup(meta, name);
    if (v != PX_NULL) {
        return px_rt_descr_get(v, cls, meta);
    }
    return PX_NULL;
}

static void type_setattr(px_val cls, px_qid name, px_val value) {
    px_type *t = px_as_ptr(cls);
    if (!px_rt_is_heap_type(t)) {
        if (value == PX_DELETE) {
            px_raise_type_error("cannot delete '%s' attribute of immutable type '%s'", px_qstr_str(name),
                                px_qstr_str(t->name));
        }
        px_raise_type_error("cannot set '%s' attribute of immutable type '%s'", px_qstr_str(name),
                            px_qstr_str(t->name));
    }
    px_class *c = (px_class *)t;
    if (name == PX_Q(__name__) && value != PX_DELETE) {
        if (!px_is_str(value)) {
            px_raise_type_error("can only assign string to %s.__name__, not '%s'", px_qstr_str(t->name),
                                px_type_name(value));
        }
        t->name = px_str_to_qid(value);
        return;
    }
    if (name == PX_Q(__qualname__) && value != PX_DELETE) {
        c->qualname = value;
        return;
    }
    if (value == PX_DELETE) {
        if (px_map_pop(&c->attrs, px_qstr(name)) == PX_NULL) {
            px_raise_attribute_error(cls, name);
        }
    } else {
        px_map_set_q(&c->attrs, name, value);
    }
    px_rt_class_update_flags(c);
}

/* ---- instances and other objects */
/* The lookup without __getattr__; with self_out, functions found on the
 * type are returned unbound and *self_out set to obj. */
static px_val lookup_with_descr(px_val obj, const px_type *t, px_qid name, px_val descr, px_val *self_out) {
    if (descr != PX_NULL && px_rt_is_data_descr(descr)) {
        return px_rt_descr_get(descr, obj, t);
    }
    bool inst = px_rt_is_instance(obj);
    if (inst) {
        px_map_entry *e = px_map_find_name(&px_rt_inst(obj)->dict, name);
        if (e != NULL) {
            return e->value;
        }
    }
    if (descr != PX_NULL) {
        if (self_out != NULL && px_is_obj(descr)) {
            const px_type *dt = px_type_of(descr);
            if (dt == &px_type_function ||
                (dt == &px_type_builtin && ((const px_builtin *)px_as_ptr(descr))->owner != NULL)) {
                *self_out = obj;
                return descr;
            }
        }
        return px_rt_descr_get(descr, obj, t);
    }
    if (name == PX_Q(__class__)) {
        return px_from_ptr(t);
    }
    if (inst) {
        if (name == PX_Q(__dict__)) {
            return px_rt_inst_dict_new(obj);
        }
        if (name == PX_Q(__doc__)) {
            return PX_NONE;
        }
        px_val native = px_rt_inst(obj)->native;
        if (native != PX_NULL) {
            const px_type *nt = px_type_of(native);
            if (nt->getattr != NULL) {
                return nt->getattr(native, name);
            }
        }
        return PX_NULL;
    }
    if (t->getattr != NULL) {
        return t->getattr(obj, name);
    }
    return PX_NULL;
}

static px_val generic_lookup(px_val obj, px_qid name, px_val *self_out) {
    const px_type *t = px_type_of(obj);
    if (t == &px_type_super) {
        /* super's own lookup comes before object's methods */
        px_val v = t->getattr(obj, name);
        if (v != PX_NULL) {
            return v;
        }
    }
    return lookup_with_descr(obj, t, name, px_type_lookup(t, name), self_out);
}

px_val px_rt_generic_getattr(px_val obj, px_qid name) {
    if (px_is_type_obj(obj)) {
        return type_getattr(obj, name);
    }
    return generic_lookup(obj, name, NULL);
}

static bool is_attribute_error(px_val exc) { return px_isinstance(exc, &px_type_AttributeError); }

/* Instances of classes with __getattribute__/__getattr__ hooks. Raises
 * AttributeError when absent. */
static px_val hooked_getattr(px_val obj, px_qid name) {
    px_check_stack("");
    const px_type *t = px_type_of(obj);
    px_val v = PX_NULL;
    px_val nameval = px_qstr(name);
    if (t->flags & PX_TF_RT_GETATTRIBUTE) {
        px_val ga = px_rt_user_lookup(t, PX_Q(__getattribute__));
        if (!(t->flags & PX_TF_RT_GETATTR)) {
            return px_rt_call_dunder1(ga, obj, nameval);
        }
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            v = px_rt_call_dunder1(ga, obj, nameval);
            px_try_pop(&j);
            return v;
        }
        if (!is_attribute_error(j.exc)) {
            px_raise(j.exc);
        }
    } else {
        if (!(t->flags & PX_TF_RT_GETATTR)) {
            v = generic_lookup(obj, name, NULL);
            if (v == PX_NULL) {
                px_raise_attribute_error(obj, name);
            }
            return v;
        }
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            v = generic_lookup(obj, name, NULL);
            px_try_pop(&j);
            if (v != PX_NULL) {
                return v;
            }
        } else if (!is_attribute_error(j.exc)) {
            px_raise(j.exc);
        }
    }
    px_val ga = px_rt_user_lookup(t, PX_Q(__getattr__));
    return px_rt_call_dunder1(ga, obj, nameval);
}

/* The attribute, or PX_NULL when it is simply not there (a __getattr__
 * hook or user code in a descriptor may still raise AttributeError). */
static px_val getattr_or_null(px_val obj, px_qid name) {
    if (px_rt_is_instance(obj) && !(px_type_of(obj)->flags & (PX_TF_RT_GETATTRIBUTE | PX_TF_RT_GETATTR))) {
        return generic_lookup(obj, name, NULL);
    }
    if (px_is_type_obj(obj)) {
        return type_getattr(obj, name);
    }
    if (px_type_of(obj)->flags & (PX_TF_RT_GETATTRIBUTE | PX_TF_RT_GETATTR)) {
        return hooked_getattr(obj, name);
    }
    return generic_lookup(obj, name, NULL);
}

px_val px_getattr(px_val obj, px_qid name) {
    px_val v = getattr_or_null(obj, name);
    if (v == PX_NULL) {
        px_raise_attribute_error(obj, name);
    }
    return v;
}

/* A class attribute whose binding runs no user code (and so raises no
 * AttributeError): absent, a function, a built-in, a plain value. */
static bool binds_quietly(px_val d) {
    if (d == PX_NULL || !px_is_obj(d)) {
        return true;
    }
    const px_type *t = px_type_of(d);
    if (t == &px_type_function || t == &px_type_builtin || t == &px_type_str || t == &px_type_int ||
        t == &px_type_tuple || t == &px_type_bytes) {
        return true;
    }
#if PX_HAS_FLOAT
    return t == &px_type_float;
#else
    return false;
#endif
}

px_val px_getattr_opt(px_val obj, px_qid name) {
    const px_type *t = px_type_of(obj);
    if (!px_rt_is_heap_type(t) && !px_is_type_obj(obj) && t != &px_type_module) {
        return generic_lookup(obj, name, NULL);
    }
    /* An instance of a class without attribute hooks, whose class
     * attribute of that name binds quietly: nothing can raise, so no
     * handler is needed (hasattr and getattr with a default on records). */
    if (px_rt_is_instance(obj) && !(t->flags & (PX_TF_RT_GETATTRIBUTE | PX_TF_RT_GETATTR)) &&
        px_rt_inst(obj)->native == PX_NULL) {
        px_val descr = px_type_lookup(t, name);
        if (binds_quietly(descr)) {
            return lookup_with_descr(obj, t, name, descr, NULL);
        }
    }
    /* User code may run (properties, descriptors, __getattr__,
     * a module's __getattr__): an
     * AttributeError from it means absent. A name that is simply not there
     * gives PX_NULL without an exception being made: hasattr() and
     * getattr() with a default are common and must not pay for a raise. */
    px_val volatile v = PX_NULL;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        v = getattr_or_null(obj, name);
        px_try_pop(&j);
    } else {
        if (!is_attribute_error(j.exc)) {
            px_raise(j.exc);
        }
        v = PX_NULL;
    }
    return v;
}

void px_load_method(px_val obj, px_qid name, px_val dest[2]) {
    const px_type *t = px_type_of(obj);
    if (!px_is_type_obj(obj) && !(t->flags & PX_TF_RT_GETATTRIBUTE)) {
        px_val self = PX_NULL;
        px_val v = generic_lookup(obj, name, &self);
        if (v != PX_NULL) {
            dest[0] = v;
            dest[1] = self;
            return;
        }
    }
    dest[0] = px_getattr(obj, name);
    dest[1] = PX_NULL;
}

/* ---- setting and deleting */
PX_NORETURN static void set_error(px_val obj, px_qid name, px_val value) {
    const px_type *t = px_type_of(obj);
    if (px_type_lookup(t, name) != PX_NULL) {
        px_raise_msg(&px_type_AttributeError, "'%s' object attribute '%s' is read-only", px_type_name(obj),
                     px_qstr_str(name));
    }
    if (t->getattr != NULL && t->getattr(obj, name) != PX_NULL) {
        /* a computed attribute of a built-in (int.real, file.closed) */
        px_raise_msg(&px_type_AttributeError, "attribute '%s' of '%s' objects is not writable", px_qstr_str(name),
                     px_type_name(obj));
    }
    px_raise_attribute_error(obj, name);
}

static bool is_exc_special(px_qid name) {
    switch (name) {
    case PX_Q(args):
    case PX_Q(__cause__):
    case PX_Q(__context__):
    case PX_Q(__traceback__):
    case PX_Q(__suppress_context__):
        return true;
    default:
        return false;
    }
}

void px_rt_generic_setattr(px_val obj, px_qid name, px_val value) {
    if (!px_rt_is_instance(obj) && px_is_type_obj(obj)) {
        type_setattr(obj, name, value);
        return;
    }
    const px_type *t = px_type_of(obj);
    px_val descr = px_type_lookup(t, name);
    if (descr != PX_NULL && px_rt_is_data_descr(descr)) {
        if (px_is_type(descr, &px_type_property)) {
            px_rt_property_set(descr, obj, value);
            return;
        }
        const px_type *dt = px_type_of(descr);
        if (value == PX_DELETE) {
            px_val del = px_rt_user_lookup(dt, PX_Q(__delete__));
            if (del == PX_NULL) {
                px_raise_msg(&px_type_AttributeError, "__delete__");
            }
            px_rt_call_bound(del, descr, 1, &obj);
        } else {
            px_val set = px_rt_user_lookup(dt, PX_Q(__set__));
            if (set == PX_NULL) {
                px_raise_msg(&px_type_AttributeError, "__set__");
            }
            px_val args[2] = {obj, value};
            px_rt_call_bound(set, descr, 2, args);
        }
        return;
    }
    if (px_rt_is_instance(obj)) {
        px_instance *inst = px_rt_inst(obj);
        if (name == PX_Q(__class__) && value != PX_DELETE) {
            /* obj.__class__ = Other: only between classes with the same layout */
            if (!px_is_type_obj(value) || !px_rt_is_heap_type(px_as_ptr(value)) ||
                ((const px_class *)px_as_ptr(value))->native_base != ((const px_class *)t)->native_base) {
                px_raise_type_error("__class__ assignment only supported for mutable types or ModuleType subclasses");
            }
            inst->base.type = px_as_ptr(value);
            return;
        }
        if (inst->native != PX_NULL && is_exc_special(name)) {
            const px_type *nt = px_type_of(inst->native);
            if ((nt->flags & PX_TF_EXCEPTION) && nt->setattr != NULL && nt->setattr(inst->native, name, value)) {
                return;
            }
        }
        if (value == PX_DELETE) {
            if (px_map_pop(&inst->dict, px_qstr(name)) == PX_NULL) {
                px_raise_attribute_error(obj, name);
            }
            return;
        }
        px_map_entry *e = px_map_find_name(&inst->dict, name);
        if (e != NULL) {
            e->value = value;
        } else {
            px_inst_add_attr(inst, name, value);
        }
        return;
    }
    if (t->setattr != NULL && t->setattr(obj, name, value)) {
        return;
    }
    set_error(obj, name, value);
}

static void setattr_impl(px_val obj, px_qid name, px_val value) {
    const px_type *t = px_type_of(obj);
    if (px_rt_is_instance(obj)) {
        if (value == PX_DELETE && (t->flags & PX_TF_RT_DELATTR)) {
            px_val f = px_rt_user_lookup(t, PX_Q(__delattr__));
            px_rt_call_dunder1(f, obj, px_qstr(name));
            return;
        }
        if (value != PX_DELETE && (t->flags & PX_TF_RT_SETATTR)) {
            px_val f = px_rt_user_lookup(t, PX_Q(__setattr__));
            px_val args[2] = {px_qstr(name), value};
            px_rt_call_bound(f, obj, 2, args);
            return;
        }
    }
    px_rt_generic_setattr(obj, name, value);
}

void px_setattr(px_val obj, px_qid name, px_val value) { setattr_impl(obj, name, value); }

void px_delattr(px_val obj, px_qid name) { setattr_impl(obj, name, PX_DELETE); }
