/* Instances of user classes: dunder lookup in the user part of the MRO,
 * calling found attributes as methods, and making instances (__new__ then
 * __init__, with the native object for a built-in base). */
#include "rt_internal.h"

/* ---- calls */
static size_t kw_count(px_val kwnames) { return kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len; }

/* f(first, *argv, **kw) where argv also holds the keyword values. */
px_val px_rt_call_prepend(px_val f, px_val first, size_t argc, const px_val *argv, px_val kwnames) {
    size_t total = argc + kw_count(kwnames);
    px_val small[PX_RT_SMALL_ARGS];
    px_val *args = total + 1 <= PX_RT_SMALL_ARGS ? small : px_gc_alloc((total + 1) * sizeof(px_val), 0);
    args[0] = first;
    if (total > 0) {
        memcpy(args + 1, argv, total * sizeof(px_val));
    }
    return px_call(f, argc + 1, args, kwnames);
}

px_val px_rt_call_bound_kw(px_val attr, px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    if (px_is_obj(attr)) {
        const px_type *t = px_type_of(attr);
        if (t == &px_type_function || (t == &px_type_builtin && ((const px_builtin *)px_as_ptr(attr))->owner != NULL)) {
            return px_rt_call_prepend(attr, self, argc, argv, kwnames);
        }
        if (t == &px_type_staticmethod) {
            return px_call(((const px_wrapper *)px_as_ptr(attr))->func, argc, argv, kwnames);
        }
        if (t == &px_type_classmethod) {
            return px_rt_call_prepend(((const px_wrapper *)px_as_ptr(attr))->func, px_from_ptr(px_type_of(self)), argc,
                                argv, kwnames);
        }
    }
    return px_call(px_rt_descr_get(attr, self, px_type_of(self)), argc, argv, kwnames);
}

px_val px_rt_call_bound(px_val attr, px_val self, size_t argc, const px_val *argv) {
    return px_rt_call_bound_kw(attr, self, argc, argv, PX_NULL);
}

px_val px_rt_call_dunder1(px_val attr, px_val self, px_val arg) { return px_rt_call_bound_kw(attr, self, 1, &arg, PX_NULL); }

px_val px_rt_call_dunder0(px_val attr, px_val self) { return px_rt_call_bound_kw(attr, self, 0, NULL, PX_NULL); }

void px_rt_class_update_flags(px_class *cls) {
    px_type *t = &cls->type;
    px_rt_class_epoch++;
    t->flags &= (uint16_t) ~(PX_TF_RT_GETATTRIBUTE | PX_TF_RT_GETATTR | PX_TF_RT_SETATTR | PX_TF_RT_DELATTR);
    if (px_rt_user_lookup(t, PX_Q(__getattribute__)) != PX_NULL) {
        t->flags |= PX_TF_RT_GETATTRIBUTE;
    }
    if (px_rt_user_lookup(t, PX_Q(__getattr__)) != PX_NULL) {
        t->flags |= PX_TF_RT_GETATTR;
    }
    if (px_rt_user_lookup(t, PX_Q(__setattr__)) != PX_NULL) {
        t->flags |= PX_TF_RT_SETATTR;
    }
    if (px_rt_user_lookup(t, PX_Q(__delattr__)) != PX_NULL) {
        t->flags |= PX_TF_RT_DELATTR;
    }
}

/* ---- instances */

/* Room for at least two attributes; at most what a 16-attribute instance
 * needs, so one odd instance cannot make every later one big. */
enum { ROOM_MIN = 2, ROOM_MAX = 16 };

void px_inst_add_attr(px_instance *inst, px_qid name, px_val value) {
    px_map_add_name(&inst->dict, name, value);
    px_type *t = (px_type *)inst->base.type;
    uint32_t n = inst->dict.count;
    if (PX_UNLIKELY(px_rt_is_heap_type(t) && n > ((px_class *)t)->inst_room) && n <= ROOM_MAX) {
        ((px_class *)t)->inst_room = n;
    }
}
static bool native_reinitialisable(const px_type *nb) {
    return nb == &px_type_list || nb == &px_type_dict || nb == &px_type_set || nb == &px_type_bytearray ||
           (nb->flags & PX_TF_REINIT);
}

/* object.__new__ for a user class: the instance and its native object. */
static px_val instance_new(const px_type *t, size_t argc, const px_val *argv, px_val kwnames, bool user_init) {
    const px_class *c = (const px_class *)t;
    /* Its dict's arrays in the instance's own block, one allocation, with
     * room for the attributes instances of its class have had so far (a
     * few, set in __init__); one that gets more moves them out. */
    size_t room = c->inst_room < ROOM_MIN ? ROOM_MIN : c->inst_room;
    size_t head = (sizeof(px_instance) + sizeof(px_val) - 1) / sizeof(px_val) * sizeof(px_val);
    px_instance *inst = px_gc_alloc(head + px_map_storage_size(room), 0);
    inst->base.type = t;
    px_map_init_in(&inst->dict, room, (char *)inst + head);
    const px_type *nb = c->native_base;
    if (nb != NULL) {
        if (nb->make == NULL) {
            px_raise_type_error("cannot create '%s' instances", px_qstr_str(nb->name));
        }
        if (nb->flags & PX_TF_EXCEPTION) {
            inst->native = nb->make(nb, argc, argv, PX_NULL);
        } else if (user_init && native_reinitialisable(nb)) {
            inst->native = nb->make(nb, 0, NULL, PX_NULL);
        } else {
            inst->native = nb->make(nb, argc, argv, kwnames);
        }
    }
    return px_from_ptr(inst);
}

/* T.__new__(cls, *args, **kw) for a built-in type T without a __new__ of
 * its own (int.__new__, BaseException.__new__): cls makes the instance. */
static px_val native_new_fn(size_t argc, const px_val *argv, px_val kwnames) {
    if (!px_is_type_obj(argv[0])) {
        px_raise_type_error("__new__(X): X is not a type object (%s)", px_type_name(argv[0]));
    }
    const px_type *t = px_as_ptr(argv[0]);
    if (px_rt_is_heap_type(t)) {
        return instance_new(t, argc - 1, argv + 1, kwnames, false);
    }
    if (t->make == NULL) {
        px_raise_type_error("cannot create '%s' instances", px_qstr_str(t->name));
    }
    return t->make(t, argc - 1, argv + 1, kwnames);
}
static const px_builtin native_new_builtin = {{&px_type_builtin}, PX_Q(__new__), PX_BK_KW, 1, PX_ARGS_MAX, NULL, {.fkw = native_new_fn}};
const px_wrapper px_rt_native_new = {{&px_type_staticmethod}, PX_OBJ_CONST(&native_new_builtin)};

/* object.__new__(cls, *args, **kw) */
static px_val object_new_fn(size_t argc, const px_val *argv, px_val kwnames) {
    if (!px_is_type_obj(argv[0])) {
        px_raise_type_error("object.__new__(X): X is not a type object (%s)", px_type_name(argv[0]));
    }
    const px_type *t = px_as_ptr(argv[0]);
    if (px_rt_is_heap_type(t)) {
        if (((const px_class *)t)->native_base == &px_type_type) {
            px_raise_type_error("object.__new__(%s) is not safe, use type.__new__()", px_qstr_str(t->name));
        }
        return instance_new(t, argc - 1, argv + 1, kwnames, false);
    }
    if (t->make == NULL) {
        px_raise_type_error("cannot create '%s' instances", px_qstr_str(t->name));
    }
    if (t == &px_type_object) {
        return t->make(t, 0, NULL, PX_NULL);
    }
    /* a built-in type makes its own instances (CPython's wording; the
     * exception types all share BaseException's) */
    px_raise_type_error("object.__new__(%s) is not safe, use %s.__new__()", px_qstr_str(t->name),
                        (t->flags & PX_TF_EXCEPTION) ? "BaseException" : px_qstr_str(t->name));
}
const px_builtin px_rt_object_new_fn = {{&px_type_builtin}, PX_Q(__new__), PX_BK_KW, 1, PX_ARGS_MAX, NULL, {.fkw = object_new_fn}};
const px_wrapper px_rt_object_new = {{&px_type_staticmethod}, PX_OBJ_CONST(&px_rt_object_new_fn)};

/* object.__init__(self, *args, **kw): re-initialises a mutable native
 * object (super().__init__(iterable) in a list subclass). */
static px_val object_init_fn(size_t argc, const px_val *argv, px_val kwnames) {
    bool has_args = argc > 1 || kw_count(kwnames) > 0;
    if (!has_args) {
        return PX_NONE;
    }
    if (px_rt_is_instance(argv[0])) {
        px_instance *inst = px_rt_inst(argv[0]);
        const px_type *nb = ((const px_class *)px_type_of(argv[0]))->native_base;
        if (inst->native != PX_NULL && nb != NULL) {
            if (native_reinitialisable(nb)) {
                inst->native = nb->make(nb, argc - 1, argv + 1, kwnames);
            }
            return PX_NONE;
        }
    }
    px_raise_type_error("%s.__init__() takes exactly one argument (the instance to initialize)",
                        px_type_name(argv[0]));
}
const px_builtin px_rt_object_init = {{&px_type_builtin}, PX_Q(__init__), PX_BK_KW, 1, PX_ARGS_MAX,
                                      &px_type_object, {.fkw = object_init_fn}};

/* What a class call needs to know about __new__/__init__, cached per class:
 * any change to any class namespace bumps px_rt_class_epoch. (Stale entries
 * of a freed class never match: creating a class bumps the epoch too.) */
uint32_t px_rt_class_epoch = 1;
typedef struct {
    const px_type *cls;
    uint32_t epoch;
    bool user_init;
    px_val newf, init;
} ctor_entry;
static ctor_entry ctor_cache[64];

px_val px_rt_class_call(px_val cls, size_t argc, const px_val *argv, px_val kwnames) {
    const px_type *t = px_as_ptr(cls);
    ctor_entry *ce = &ctor_cache[((uintptr_t)t >> 4) & 63];
    if (ce->cls != t || ce->epoch != px_rt_class_epoch) {
        ce->cls = NULL;
        ce->newf = px_type_lookup(t, PX_Q(__new__));
        ce->init = px_type_lookup(t, PX_Q(__init__));
        ce->user_init = ce->init != PX_NULL && ce->init != px_from_ptr(&px_rt_object_init) &&
                        px_rt_user_lookup(t, PX_Q(__init__)) != PX_NULL;
        ce->epoch = px_rt_class_epoch;
        ce->cls = t;
    }
    px_val newf = ce->newf, init = ce->init;
    bool user_init = ce->user_init;
    bool default_new = newf == PX_NULL || newf == px_from_ptr(&px_rt_object_new);
    px_val obj;
    if (default_new) {
        obj = instance_new(t, argc, argv, kwnames, user_init);
    } else {
        obj = px_rt_call_prepend(px_rt_descr_get(newf, PX_NULL, t), cls, argc, argv, kwnames);
        if (!px_isinstance(obj, t)) {
            return obj;
        }
    }
    if (init == PX_NULL || init == px_from_ptr(&px_rt_object_init)) {
        if (default_new && (argc > 0 || kw_count(kwnames) > 0) && ((const px_class *)t)->native_base == NULL) {
            px_raise_type_error("%s() takes no arguments", px_qstr_str(t->name));
        }
        return obj;
    }
    px_val r = px_rt_call_bound_kw(init, obj, argc, argv, kwnames);
    if (r != PX_NONE) {
        px_raise_type_error("__init__() should return None, not '%s'", px_type_name(r));
    }
    return obj;
}
