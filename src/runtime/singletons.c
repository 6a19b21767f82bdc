/* The types of None, Ellipsis and NotImplemented. */
#include "rt_internal.h"

static void none_print(px_out *out, px_val self, px_print_kind kind) { px_write_cstr(out, "None"); }
static void ellipsis_print(px_out *out, px_val self, px_print_kind kind) { px_write_cstr(out, "Ellipsis"); }
static void notimpl_print(px_out *out, px_val self, px_print_kind kind) {
    px_write_cstr(out, "NotImplemented");
}

/* Calling the type returns the singleton, as in CPython. */
static px_val singleton_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (argc != 0 || (kwnames != PX_NULL && px_tuple_ptr(kwnames)->len != 0)) {
        px_raise_type_error("%s takes no arguments", px_qstr_str(type->name));
    }
    if (type == &px_type_none) {
        return PX_NONE;
    }
    return type == &px_type_ellipsis ? PX_ELLIPSIS : PX_NOTIMPL;
}

static px_val singleton_unop(px_unop op, px_val self) {
    switch (op) {
    case PX_UNOP_BOOL:
        return px_bool(self != PX_NONE);
    case PX_UNOP_HASH:
        return px_small(px_rt_identity_hash(self));
    default:
        return PX_NOTIMPL;
    }
}

const px_type px_type_none = {
    .base = {&px_type_type},
    .name = PX_Q(NoneType),
    .base_type = &px_type_object,
    .make = singleton_make,
    .print = none_print,
    .unop = singleton_unop,
};

const px_type px_type_ellipsis = {
    .base = {&px_type_type},
    .name = PX_Q(ellipsis),
    .base_type = &px_type_object,
    .make = singleton_make,
    .print = ellipsis_print,
    .unop = singleton_unop,
};

const px_type px_type_notimpl = {
    .base = {&px_type_type},
    .name = PX_Q(NotImplementedType),
    .base_type = &px_type_object,
    .make = singleton_make,
    .print = notimpl_print,
    .unop = singleton_unop,
};
