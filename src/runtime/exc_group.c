/* BaseExceptionGroup and ExceptionGroup (PEP 654): construction with
 * CPython's checks, message/exceptions, derive, split and subgroup, and
 * the two steps `except*` takes (the CHECK_EG_MATCH and PREP_RERAISE_STAR
 * opcodes). The types themselves are declared with the other exception
 * types (exception.c); ExceptionGroup's second base is in type.c.
 *
 * A group's args are (message, exceptions) as given; `exceptions` is
 * always read back as a tuple. split() and subgroup() build new groups
 * through the group's own derive() (so subclasses keep their type) and
 * copy the original's __traceback__, __cause__, __context__ and __notes__
 * onto them: that shared metadata is how PREP_RERAISE_STAR tells a group
 * re-raised by an except* clause from a new exception raised there. */
#include "rt_internal.h"

bool px_is_exc_group(px_val v) { return px_isinstance(v, &px_type_BaseExceptionGroup); }

static px_val group_exceptions(px_val eg) {
    px_val args = px_exc_args(eg);
    px_val seq = px_tuple_ptr(args)->len > 1 ? px_tuple_ptr(args)->items[1] : PX_NONE;
    return px_is_tuple(seq) ? seq : px_tuple_from_iter(seq);
}

px_val px_exc_group_getattr(px_val self, px_qid name) {
    px_val args = px_exc_args(self);
    switch (name) {
    case PX_Q(message):
        return px_tuple_ptr(args)->len > 0 ? px_tuple_ptr(args)->items[0] : px_qstr(PX_Q(empty));
    case PX_Q(exceptions):
        return group_exceptions(self);
    default:
        return PX_NULL;
    }
}

/* str(): "message (N sub-exceptions)" */
void px_exc_group_print_str(px_out *out, px_val self) {
    size_t n = px_tuple_ptr(group_exceptions(self))->len;
    px_print(out, px_exc_group_getattr(self, PX_Q(message)), PX_PRINT_STR);
    px_printf(out, " (%zu sub-exception%s)", n, n == 1 ? "" : "s");
}

/* BaseExceptionGroup(message, exceptions): BaseExceptionGroup itself
 * becomes an ExceptionGroup when every item is an Exception; an
 * Exception-derived group refuses to hold a BaseException. */
px_val px_exc_group_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (kwnames != PX_NULL && px_tuple_ptr(kwnames)->len > 0) {
        px_raise_type_error("%s() takes no keyword arguments", px_qstr_str(type->name));
    }
    if (argc != 2) {
        px_raise_type_error("BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", argc);
    }
    if (!px_is_str(argv[0])) {
        px_raise_type_error("BaseExceptionGroup.__new__() argument 1 must be str, not %s", px_type_name(argv[0]));
    }
    px_val seq = argv[1];
    if (!px_is_tuple(seq) && !px_is_list(seq) && px_getattr_opt(seq, PX_Q(__getitem__)) == PX_NULL) {
        px_raise_type_error("second argument (exceptions) must be a sequence");
    }
    px_tuple *items = px_tuple_ptr(px_tuple_from_iter(seq));
    if (items->len == 0) {
        px_raise_value_error("second argument (exceptions) must be a non-empty sequence");
    }
    bool all_exceptions = true;
    for (size_t i = 0; i < items->len; i++) {
        if (!px_is_exception(items->items[i])) {
            px_raise_value_error("Item %zu of second argument (exceptions) is not an exception", i);
        }
        all_exceptions = all_exceptions && px_isinstance(items->items[i], &px_type_Exception);
    }
    if (type == &px_type_BaseExceptionGroup && all_exceptions) {
        type = &px_type_ExceptionGroup;
    } else if (!all_exceptions && px_issubclass(type, &px_type_Exception)) {
        px_raise_type_error("Cannot nest BaseExceptions in %s",
                            type == &px_type_ExceptionGroup ? "an ExceptionGroup" : "an Exception subclass");
    }
    return px_exc_make_plain(type, argc, argv);
}

/* ---- what a split matches: a type (or tuple of types), a predicate, or
 * (for PREP_RERAISE_STAR) a set of leaf exceptions, compared by identity */

typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_LEAVES } match_kind;

typedef struct {
    match_kind kind;
    px_val value; /* the type(s), the callable, or a list of leaves */
} matcher;

static bool is_exc_type(px_val v) {
    return px_is_type_obj(v) && px_issubclass(px_as_ptr(v), &px_type_BaseException);
}

static matcher matcher_of(px_val cond) {
    if (is_exc_type(cond)) {
        return (matcher){MATCH_TYPE, cond};
    }
    if (px_is_tuple(cond)) {
        px_tuple *t = px_tuple_ptr(cond);
        bool all = true;
        for (size_t i = 0; i < t->len && all; i++) {
            all = is_exc_type(t->items[i]);
        }
        if (all) {
            return (matcher){MATCH_TYPE, cond};
        }
    } else if (px_callable(cond) && !px_is_type_obj(cond)) {
        return (matcher){MATCH_PREDICATE, cond};
    }
    px_raise_type_error("expected a function, exception type or tuple of exception types");
}

static bool matches(const matcher *m, px_val exc) {
    switch (m->kind) {
    case MATCH_TYPE:
        return px_exc_matches(exc, m->value);
    case MATCH_PREDICATE:
        return px_truthy(px_call1(m->value, exc));
    default: {
        px_list *leaves = px_list_ptr(m->value);
        for (size_t i = 0; i < leaves->len; i++) {
            if (leaves->items[i] == exc) {
                return true;
            }
        }
        return false;
    }
    }
}

static void copy_metadata(px_val from, px_val to) {
    static const px_qid names[] = {PX_Q(__traceback__), PX_Q(__cause__), PX_Q(__context__)};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        px_setattr(to, names[i], px_getattr(from, names[i]));
    }
    px_val notes = px_getattr_opt(from, PX_Q(__notes__));
    if (notes != PX_NULL) {
        px_setattr(to, PX_Q(__notes__), notes);
    }
}

static px_val derive_from(px_val eg, px_val list) {
    px_val g = px_call_method(eg, PX_Q(derive), 1, &list);
    if (!px_is_exc_group(g)) {
        px_raise_type_error("derive must return an instance of BaseExceptionGroup");
    }
    copy_metadata(eg, g);
    return g;
}

/* Split exc into what matches and what does not (either may be PX_NULL).
 * A group that matches as a whole is returned as it is. */
static void split(px_val exc, const matcher *m, px_val *match, px_val *rest) {
    px_check_stack("split");
    if (m->kind != MATCH_LEAVES && matches(m, exc)) {
        *match = exc;
        *rest = PX_NULL;
        return;
    }
    if (!px_is_exc_group(exc)) {
        bool hit = m->kind == MATCH_LEAVES && matches(m, exc);
        *match = hit ? exc : PX_NULL;
        *rest = hit ? PX_NULL : exc;
        return;
    }
    px_tuple *items = px_tuple_ptr(group_exceptions(exc));
    px_val ml = px_list_new(0, NULL), rl = px_list_new(0, NULL);
    for (size_t i = 0; i < items->len; i++) {
        px_val im, ir;
        split(items->items[i], m, &im, &ir);
        if (im != PX_NULL) {
            px_list_append(ml, im);
        }
        if (ir != PX_NULL) {
            px_list_append(rl, ir);
        }
    }
    *match = px_list_ptr(ml)->len ? derive_from(exc, ml) : PX_NULL;
    *rest = px_list_ptr(rl)->len ? derive_from(exc, rl) : PX_NULL;
}

static px_val or_none(px_val v) { return v == PX_NULL ? PX_NONE : v; }

/* split and subgroup are declared on object so that they receive the
 * instance of a subclass itself (not its built-in part) and its own
 * derive() is called; they check self themselves. */
static void check_self(px_val self, const char *method) {
    if (!px_is_exc_group(self)) {
        px_raise_type_error("descriptor '%s' for 'BaseExceptionGroup' objects doesn't apply to a '%s' object", method,
                            px_type_name(self));
    }
}

static px_val eg_derive(px_val self, px_val excs) {
    px_val args[2] = {px_exc_group_getattr(self, PX_Q(message)), excs};
    return px_exc_new(&px_type_BaseExceptionGroup, 2, args);
}

static px_val eg_split(px_val self, px_val cond) {
    check_self(self, "split");
    matcher m = matcher_of(cond);
    px_val pair[2];
    split(self, &m, &pair[0], &pair[1]);
    pair[0] = or_none(pair[0]);
    pair[1] = or_none(pair[1]);
    return px_tuple_new(2, pair);
}

static px_val eg_subgroup(px_val self, px_val cond) {
    check_self(self, "subgroup");
    matcher m = matcher_of(cond);
    px_val match, rest;
    split(self, &m, &match, &rest);
    return or_none(match);
}

static PX_METH2(eg_derive_obj, &px_type_BaseExceptionGroup, derive, eg_derive);
static PX_METH2(eg_split_obj, &px_type_object, split, eg_split);
static PX_METH2(eg_subgroup_obj, &px_type_object, subgroup, eg_subgroup);

static const px_map_entry eg_methods[] = {
    PX_ENTRY_OBJ(derive, &eg_derive_obj),
    PX_ENTRY_OBJ(split, &eg_split_obj),
    PX_ENTRY_OBJ(subgroup, &eg_subgroup_obj),
};
PX_CONST_MAP(px_exc_group_dict, eg_methods);

/* ---- except* */

/* CHECK_EG_MATCH: what of `rest` (None, a bare exception or a group) the
 * clause's type catches, and what stays for the next clauses. A bare
 * exception that matches is caught wrapped in ExceptionGroup('', [exc]). */
px_val px_exc_group_match(px_val *rest, px_val type) {
    px_tuple *types = px_is_tuple(type) ? px_tuple_ptr(type) : NULL;
    for (size_t i = 0; i < (types ? types->len : 1); i++) {
        px_val t = types ? types->items[i] : type;
        if (!is_exc_type(t)) {
            px_raise_type_error("catching classes that do not inherit from BaseException is not allowed");
        }
        if (px_issubclass(px_as_ptr(t), &px_type_BaseExceptionGroup)) {
            px_raise_type_error("catching ExceptionGroup with except* is not allowed. Use except instead.");
        }
    }
    matcher m = {MATCH_TYPE, type};
    px_val exc = *rest;
    if (exc == PX_NONE) {
        return PX_NONE;
    }
    if (!px_is_exc_group(exc)) {
        if (!px_exc_matches(exc, type)) {
            return PX_NONE;
        }
        px_val args[2] = {px_qstr(PX_Q(empty)), px_tuple_new(1, &exc)};
        px_val wrapped = px_exc_new(&px_type_BaseExceptionGroup, 2, args);
        px_setattr(wrapped, PX_Q(__traceback__), px_getattr(exc, PX_Q(__traceback__)));
        *rest = PX_NONE;
        return wrapped;
    }
    px_val match, left;
    split(exc, &m, &match, &left);
    *rest = or_none(left);
    return or_none(match);
}

static void collect_leaves(px_val exc, px_val into) {
    if (!px_is_exc_group(exc)) {
        px_list_append(into, exc);
        return;
    }
    px_check_stack("except*");
    px_tuple *items = px_tuple_ptr(group_exceptions(exc));
    for (size_t i = 0; i < items->len; i++) {
        collect_leaves(items->items[i], into);
    }
}

static bool same_metadata(px_val a, px_val b) {
    return px_getattr(a, PX_Q(__traceback__)) == px_getattr(b, PX_Q(__traceback__)) &&
           px_getattr(a, PX_Q(__cause__)) == px_getattr(b, PX_Q(__cause__)) &&
           px_getattr(a, PX_Q(__context__)) == px_getattr(b, PX_Q(__context__));
}

/* PREP_RERAISE_STAR: after the clauses, `excs` holds what each raised and,
 * last, what none caught (None where nothing). What they re-raised of the
 * original and what was not caught go on as the original's projection
 * onto those leaves; exceptions raised anew are grouped with it. The
 * result is None when everything was handled. */
px_val px_exc_group_prep_reraise(px_val orig, px_val excs) {
    px_list *l = px_list_ptr(excs);
    if (!px_is_exc_group(orig)) {
        /* a bare exception: at most one clause ran, so one thing to raise */
        for (size_t i = 0; i < l->len; i++) {
            if (l->items[i] != PX_NONE) {
                return l->items[i];
            }
        }
        return PX_NONE;
    }
    px_val raised = px_list_new(0, NULL), kept = px_list_new(0, NULL);
    for (size_t i = 0; i < l->len; i++) {
        px_val e = l->items[i];
        if (e == PX_NONE) {
            continue;
        }
        if (px_is_exc_group(e) && same_metadata(e, orig)) {
            collect_leaves(e, kept);
        } else {
            px_list_append(raised, e);
        }
    }
    px_val keep = PX_NULL, unused;
    if (px_list_ptr(kept)->len) {
        matcher m = {MATCH_LEAVES, kept};
        split(orig, &m, &keep, &unused);
    }
    if (px_list_ptr(raised)->len == 0) {
        return or_none(keep);
    }
    if (keep != PX_NULL) {
        px_list_append(raised, keep);
    }
    px_val args[2] = {px_qstr(PX_Q(empty)), raised};
    return px_exc_new(&px_type_BaseExceptionGroup, 2, args);
}
