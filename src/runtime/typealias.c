/* `int | None` (a union usable with isinstance/issubclass) and
 * `list[int]` (a generic alias that prints like CPython's and calls the
 * origin type): just enough for annotations evaluated at run time. */
#include "rt_internal.h"

typedef struct {
    px_obj base;
    px_val args; /* tuple of types (None stands for NoneType) */
} union_obj;

typedef struct {
    px_obj base;
    px_val origin;
    px_val args; /* tuple */
} alias_obj;

extern const px_type px_rt_type_union, px_rt_type_alias;

static bool unionable(px_val v) {
    return v == PX_NONE || px_is_type_obj(v) || px_is_type(v, &px_rt_type_union) ||
           px_is_type(v, &px_rt_type_alias);
}

static void add_member(px_val list, px_val v) {
    if (px_is_type(v, &px_rt_type_union)) {
        px_tuple *t = px_tuple_ptr(((union_obj *)px_as_ptr(v))->args);
        for (size_t i = 0; i < t->len; i++) {
            add_member(list, t->items[i]);
        }
        return;
    }
    if (v == px_from_ptr(&px_type_none)) {
        v = PX_NONE;
    }
    px_list *l = px_list_ptr(list);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == v) {
            return;
        }
    }
    px_list_append(list, v);
}

/* type.__or__ / __ror__: PX_NOTIMPL unless both sides can form a union. */
px_val px_rt_union_or(px_val a, px_val b) {
    if (!unionable(a) || !unionable(b) || (a == PX_NONE && b == PX_NONE)) {
        return PX_NOTIMPL;
    }
    px_val l = px_list_new(0, NULL);
    add_member(l, a);
    add_member(l, b);
    if (px_list_ptr(l)->len == 1) {
        return px_list_ptr(l)->items[0];
    }
    union_obj *u = px_gc_alloc(sizeof(union_obj), 0);
    u->base.type = &px_rt_type_union;
    u->args = px_tuple_from_iter(l);
    return px_from_ptr(u);
}

/* The union's members as a tuple of types, for isinstance/issubclass. */
px_val px_rt_union_types(px_val v) {
    if (!px_is_type(v, &px_rt_type_union)) {
        return PX_NULL;
    }
    px_tuple *t = px_tuple_ptr(((union_obj *)px_as_ptr(v))->args);
    px_val r = px_tuple_new(t->len, NULL);
    for (size_t i = 0; i < t->len; i++) {
        px_val m = t->items[i];
        px_tuple_ptr(r)->items[i] = m == PX_NONE ? px_from_ptr(&px_type_none) : m;
    }
    return r;
}

static void print_member(px_out *out, px_val v) {
    if (v == PX_ELLIPSIS) {
        px_write_cstr(out, "...");
    } else if (v == PX_NONE) {
        px_write_cstr(out, "None");
    } else if (px_is_type_obj(v)) {
        const px_type *t = px_as_ptr(v);
        px_val mod = px_rt_class_module(t);
        if (mod != PX_NULL && px_is_str(mod)) {
            px_print(out, mod, PX_PRINT_STR);
            px_write_cstr(out, ".");
        }
        px_write_cstr(out, px_qstr_str(t->name));
    } else {
        px_print(out, v, PX_PRINT_REPR);
    }
}

static void union_print(px_out *out, px_val self, px_print_kind kind) {
    px_tuple *t = px_tuple_ptr(((union_obj *)px_as_ptr(self))->args);
    for (size_t i = 0; i < t->len; i++) {
        if (i > 0) {
            px_write_cstr(out, " | ");
        }
        print_member(out, t->items[i]);
    }
}

static px_val union_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op == PX_BINOP_OR) {
        return px_rt_union_or(lhs, rhs);
    }
    if (op == PX_BINOP_EQ && px_is_type(lhs, &px_rt_type_union) && px_is_type(rhs, &px_rt_type_union)) {
        px_tuple *a = px_tuple_ptr(((union_obj *)px_as_ptr(lhs))->args);
        px_tuple *b = px_tuple_ptr(((union_obj *)px_as_ptr(rhs))->args);
        return px_bool(px_equal(px_set_new(a->len, a->items), px_set_new(b->len, b->items)));
    }
    return PX_NOTIMPL;
}

static px_val union_getattr(px_val self, px_qid name) {
    return name == PX_Q(__args__) ? ((union_obj *)px_as_ptr(self))->args : PX_NULL;
}

const px_type px_rt_type_union = {
    .base = {&px_type_type},
    .name = PX_Q(UnionType),
    .base_type = &px_type_object,
    .print = union_print,
    .binop = union_binop,
    .getattr = union_getattr,
};

/* ---- list[int] */
px_val px_rt_generic_alias(px_val origin, px_val args) {
    alias_obj *a = px_gc_alloc(sizeof(alias_obj), 0);
    a->base.type = &px_rt_type_alias;
    a->origin = origin;
    a->args = px_is_tuple(args) ? args : px_tuple_new(1, &args);
    return px_from_ptr(a);
}

static void alias_print(px_out *out, px_val self, px_print_kind kind) {
    alias_obj *a = px_as_ptr(self);
    print_member(out, a->origin);
    px_write_cstr(out, "[");
    px_tuple *t = px_tuple_ptr(a->args);
    for (size_t i = 0; i < t->len; i++) {
        if (i > 0) {
            px_write_cstr(out, ", ");
        }
        print_member(out, t->items[i]);
    }
    px_write_cstr(out, "]");
}

static px_val alias_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    return px_call(((alias_obj *)px_as_ptr(self))->origin, argc, argv, kwnames);
}

static px_val alias_getattr(px_val self, px_qid name) {
    alias_obj *a = px_as_ptr(self);
    if (name == PX_Q(__origin__)) {
        return a->origin;
    }
    if (name == PX_Q(__args__)) {
        return a->args;
    }
    return px_getattr_opt(a->origin, name);
}

static px_val alias_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op == PX_BINOP_OR) {
        return px_rt_union_or(lhs, rhs);
    }
    if (op == PX_BINOP_EQ && px_is_type(lhs, &px_rt_type_alias) && px_is_type(rhs, &px_rt_type_alias)) {
        alias_obj *a = px_as_ptr(lhs), *b = px_as_ptr(rhs);
        return px_bool(a->origin == b->origin && px_equal(a->args, b->args));
    }
    return PX_NOTIMPL;
}

const px_type px_rt_type_alias = {
    .base = {&px_type_type},
    .name = PX_Q(GenericAlias),
    .base_type = &px_type_object,
    .print = alias_print,
    .call = alias_call,
    .binop = alias_binop,
    .getattr = alias_getattr,
};
