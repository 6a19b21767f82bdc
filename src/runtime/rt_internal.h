/* Helpers shared by the files of the runtime area only (call, attr, ops,
 * type, class, exception, builtins). Not part of the public contract. */
#ifndef PX_RT_INTERNAL_H
#define PX_RT_INTERNAL_H

#include "../runtime.h"

/* ---- classes and instances (class.c, instance.c) */
static inline bool px_rt_is_heap_type(const px_type *t) { return (t->flags & PX_TF_HEAPTYPE) != 0; }
/* A px_instance (instance of a user class that is not a metaclass). */
static inline bool px_rt_is_instance(px_val v) {
    if (!px_is_obj(v)) {
        return false;
    }
    const px_type *t = px_type_of(v);
    return px_rt_is_heap_type(t) && ((const px_class *)t)->native_base != &px_type_type;
}
static inline px_instance *px_rt_inst(px_val v) { return (px_instance *)px_as_ptr(v); }
/* The built-in object behind v: an instance's native, a class itself when
 * its type is a metaclass, or PX_NULL. */
px_val px_rt_native_of(px_val v);
/* ---- exception groups (exc_group.c), for exception.c's type slots */
extern const px_map px_exc_group_dict;
px_val px_exc_group_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames);
px_val px_exc_group_getattr(px_val self, px_qid name); /* message, exceptions; else PX_NULL */
void px_exc_group_print_str(px_out *out, px_val self);
/* An exception of exactly `type` with these args, without a subclass's checks. */
px_val px_exc_make_plain(const px_type *type, size_t argc, const px_val *argv);
/* Look a name up in the user classes of t's MRO only (built-in types are
 * skipped): this is how an instance slot decides a dunder is overridden. */
px_val px_rt_user_lookup(const px_type *t, px_qid name);
/* Call an attribute found on the type as a method of self. */
px_val px_rt_call_bound(px_val attr, px_val self, size_t argc, const px_val *argv);
px_val px_rt_call_dunder1(px_val attr, px_val self, px_val arg);
px_val px_rt_call_dunder0(px_val attr, px_val self);
px_val px_rt_call_bound_kw(px_val attr, px_val self, size_t argc, const px_val *argv, px_val kwnames);
/* f(first, *argv, **kw); argv also holds the keyword values. */
px_val px_rt_call_prepend(px_val f, px_val first, size_t argc, const px_val *argv, px_val kwnames);
/* Install the dunder-dispatching slots in a new class (instance_slots.c). */
void px_rt_set_instance_slots(px_type *t);
/* Create an instance of a user class (the class's call). */
px_val px_rt_class_call(px_val cls, size_t argc, const px_val *argv, px_val kwnames);
/* type(name, bases, dict) for metaclass meta; kw for __init_subclass__. */
px_val px_rt_type_new(const px_type *meta, px_val name, px_val bases, px_val ns, size_t nkw,
                      const px_val *kwv, px_val kwnames);
/* The MRO of any type as an array (built-ins: the base_type chain). */
size_t px_rt_mro(const px_type *t, const px_type **out, size_t max);
/* "<__main__.A object at 0x...>" */
void px_rt_default_repr(px_out *out, px_val self);
/* id()-style hash of the object's identity. */
px_int px_rt_identity_hash(px_val v);
extern const px_builtin px_rt_object_init, px_rt_object_new_fn;
extern const px_wrapper px_rt_object_new;
/* What T.__new__ is for a built-in type T that inherits object's (type_getattr). */
extern const px_wrapper px_rt_native_new;

/* ---- attributes (attr.c) */
bool px_rt_is_data_descr(px_val d);
/* Bind/resolve an attribute found on a type when accessed from obj
 * (obj PX_NULL when accessed from the class itself). */
px_val px_rt_descr_get(px_val d, px_val obj, const px_type *type);
/* object.__setattr__ semantics (no user __setattr__). */
void px_rt_generic_setattr(px_val obj, px_qid name, px_val value);
/* object.__getattribute__ semantics (no __getattr__ fallback); PX_NULL if absent. */
px_val px_rt_generic_getattr(px_val obj, px_qid name);
px_qid px_rt_attr_name(px_val name); /* str -> qid, TypeError otherwise */
/* obj.__dict__ of an instance: a live view of its attribute map (instdict.c). */
px_val px_rt_inst_dict_new(px_val inst);
/* A method made on demand for a dunder a built-in type implements in a
 * slot (slotwrap.c); PX_NULL if t does not define it itself. */
px_val px_rt_slot_wrapper(const px_type *t, px_qid name);
/* Lookup in one type's own namespace (dict, then slot wrappers). */
px_val px_rt_own_lookup(const px_type *t, px_qid name);

/* ---- exceptions (exception.c) */
void px_rt_exc_print_repr(px_out *out, const char *type_name, px_val exc);
/* The px_type's module-qualified name for messages and reprs. */
px_val px_rt_class_module(const px_type *t);

/* ---- typealias.c: `int | None` and `list[int]` */
px_val px_rt_union_or(px_val a, px_val b); /* PX_NOTIMPL if not both types/None */
px_val px_rt_union_types(px_val v);        /* tuple of member types, or PX_NULL */
px_val px_rt_generic_alias(px_val origin, px_val args);

/* ---- ops.c */
px_val px_rt_compare(px_binop op, px_val lhs, px_val rhs);
/* An iterator over obj[0], obj[1], ... until IndexError. */
px_val px_rt_seq_iter_new(px_val seq);

/* ---- descriptors (descr.c) */
typedef struct {
    px_obj base; /* &px_type_property */
    px_val fget, fset, fdel, doc; /* PX_NONE when absent */
    px_qid name;                  /* from __set_name__, for messages */
} px_property;
typedef struct {
    px_obj base; /* &px_type_super */
    const px_type *type; /* lookup starts after this class in obj's MRO */
    px_val obj;          /* an instance or a class */
    const px_type *obj_type;
} px_super;
px_val px_rt_property_get(px_val prop, px_val obj);
void px_rt_property_set(px_val prop, px_val obj, px_val value); /* PX_DELETE: delete */

/* Cached per-class hook bits (in px_type.flags, private to the runtime):
 * the class (or a user base) defines the dunder. */
enum {
    PX_TF_RT_GETATTRIBUTE = 1 << 10,
    PX_TF_RT_GETATTR = 1 << 11,
    PX_TF_RT_SETATTR = 1 << 12,
    PX_TF_RT_DELATTR = 1 << 13,
};
/* Bumped whenever a class is made or its namespace changes (caches check it). */
extern uint32_t px_rt_class_epoch;
/* Recompute the hook bits of a class (after its namespace changed). */
void px_rt_class_update_flags(px_class *cls);

/* Temporary argument arrays: on the stack when small. */
#define PX_RT_SMALL_ARGS 8

#endif
