/* The generic object protocol: calls, attributes, operators, hashing,
 * truth, type tests, classes and exceptions. Everything dispatches through
 * the type slots of object.h and, for user classes, their dunder methods. */
#ifndef PX_OPS_H
#define PX_OPS_H

#include "../object.h"

/* ---- calls */
px_val px_call(px_val f, size_t argc, const px_val *argv, px_val kwnames);
px_val px_call0(px_val f);
px_val px_call1(px_val f, px_val a);
px_val px_call2(px_val f, px_val a, px_val b);
/* Call a method by name: obj.name(*args). */
px_val px_call_method(px_val obj, px_qid name, size_t argc, const px_val *argv);
/* f(*args, **kwargs) with a tuple/list and a dict (or PX_NULL). */
px_val px_call_ex(px_val f, px_val args, px_val kwargs);
bool px_callable(px_val v);

/* ---- argument parsing for built-ins taking keywords */
typedef struct {
    px_qid name;
    uint8_t flags; /* PX_ARG_* */
    px_val def;    /* default when optional and not given (PX_UNSET: leave unset) */
} px_argspec;
enum { PX_ARG_REQUIRED = 1, PX_ARG_KWONLY = 2, PX_ARG_POSONLY = 4 };
/* Fill out[0..nspec) from positional and keyword arguments; TypeError with
 * CPython-like messages for missing/duplicate/unexpected arguments. */
void px_parse_args(px_qid func, size_t argc, const px_val *argv, px_val kwnames,
                   size_t nspec, const px_argspec *spec, px_val *out);
/* TypeError unless argc in [min,max] and no keywords. */
void px_check_args(px_qid func, size_t argc, px_val kwnames, size_t min, size_t max);

/* ---- attributes */
px_val px_getattr(px_val obj, px_qid name);              /* AttributeError if absent */
px_val px_getattr_opt(px_val obj, px_qid name);          /* PX_NULL if absent */
void px_setattr(px_val obj, px_qid name, px_val value);
void px_delattr(px_val obj, px_qid name);
/* Method lookup without allocating a bound method: dest[0] = function and
 * dest[1] = self for a method, or dest[0] = the attribute and dest[1] =
 * PX_NULL otherwise. Raises AttributeError if absent. */
void px_load_method(px_val obj, px_qid name, px_val dest[2]);
/* Lookup in a type's MRO dicts only (no instance dict, no descriptors). */
px_val px_type_lookup(const px_type *t, px_qid name);
/* The same, with the map entry holding the value (see typecache.c). */
const px_map_entry *px_type_lookup_entry(const px_type *t, px_qid name, px_val *value);
px_val px_bound_method(px_val func, px_val self);
/* A special method as the language looks it up (`with`, ...): on the
 * type, not the instance, bound to obj; PX_NULL if the type lacks it. */
px_val px_special_method(px_val obj, px_qid name);

/* ---- operators */
px_val px_unary(px_unop op, px_val v);
px_val px_binary(px_binop op, px_val lhs, px_val rhs);
bool px_equal(px_val a, px_val b);
bool px_less(px_val a, px_val b);          /* for sorting: a < b */
bool px_truthy(px_val v);
bool px_contains(px_val container, px_val item);
px_int px_hash(px_val v);                  /* TypeError if unhashable */
size_t px_len(px_val v);                   /* TypeError if no len() */
px_val px_subscr_load(px_val obj, px_val index);
void px_subscr_store(px_val obj, px_val index, px_val value);
void px_subscr_delete(px_val obj, px_val index);
px_val px_iter(px_val v);                  /* iter(v) */
px_val px_next(px_val it);                 /* PX_NULL when exhausted */
const char *px_type_name(px_val v);        /* "int", "MyClass", ... for messages */

/* A new attribute in an instance's dict (the name is not there), noting
 * on its class how many its instances get (the room new ones start with). */
void px_inst_add_attr(px_instance *inst, px_qid name, px_val value);

/* ---- types and classes */
bool px_isinstance(px_val v, const px_type *t);
bool px_issubclass(const px_type *sub, const px_type *t);
bool px_is_type_obj(px_val v);             /* v is a type (built-in or class) */
/* The native object inside an instance of a user subclass of built-in t,
 * or v itself; TypeError naming t if v is neither. */
px_val px_native(px_val v, const px_type *t);
/* __build_class__(func, name, *bases, **kw) */
px_val px_build_class(size_t argc, const px_val *argv, px_val kwnames);
/* super() with explicit type and object. */
px_val px_super_new(px_val type, px_val obj);

/* ---- exceptions (objects; raising is in core/error.h) */
px_val px_exc_new(const px_type *type, size_t argc, const px_val *argv);
px_val px_exc_new_msg(const px_type *type, px_val msg);
bool px_is_exception(px_val v);            /* instance of BaseException */
bool px_exc_matches(px_val exc, px_val type_or_tuple);
struct px_code;
/* Record a traceback entry as the exception passes through a frame
 * (its code, globals and current line), outermost first (traceback.c). */
void px_exc_add_traceback(px_val exc, struct px_code *code, px_map *globals, uint32_t line);
/* The traceback chain (traceback.c): push an entry in front of `next`
 * (PX_NULL for none), the number of entries, printing its entries as
 * CPython does (a "  File ..., line N, in f" line each, outermost first). */
px_val px_traceback_push(px_val next, struct px_code *code, px_map *globals, uint32_t line);
size_t px_traceback_depth(px_val tb);
void px_traceback_print_entries(px_out *out, px_val tb);
/* One such line, for an entry kept elsewhere (prints without allocating). */
void px_traceback_print_entry(px_out *out, const struct px_code *code, uint32_t line);
bool px_is_traceback(px_val v);
/* except* (exc_group.c): CHECK_EG_MATCH takes what `type` catches of
 * *rest (None, an exception or a group) and leaves the remainder there;
 * PREP_RERAISE_STAR makes what goes on from the original and the list of
 * what the clauses raised (None when all was handled). */
bool px_is_exc_group(px_val v);
px_val px_exc_group_match(px_val *rest, px_val type);
px_val px_exc_group_prep_reraise(px_val orig, px_val excs);
px_val px_exc_get_cause(px_val exc);
void px_exc_set_cause(px_val exc, px_val cause);   /* also sets __suppress_context__ */
void px_exc_set_context(px_val exc, px_val context);
px_val px_exc_get_context(px_val exc);
px_val px_exc_args(px_val exc);
/* Print "Traceback (most recent call last):" ... as CPython does (with
 * chained causes and contexts). */
void px_exc_print(px_out *out, px_val exc);

/* The builtins module's globals. */
extern const px_map px_builtins_globals;
/* open(), which the io module offers too as the same object. */
extern const px_builtin px_builtin_open;

#endif
