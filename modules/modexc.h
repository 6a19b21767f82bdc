/* A module's own exception type (struct.error, binascii.Error, ...)
 * deriving from a built-in exception type. Built-in types do not inherit
 * slots, so the new type's slots call the base type's. Use at file scope:
 *
 *     PX_MODULE_EXCEPTION(px_type_struct_error, error, px_type_ValueError);
 *
 * Internal to modules/. */
#ifndef PX_MODULES_MODEXC_H
#define PX_MODULES_MODEXC_H

#include "runtime.h"

#define PX_MODULE_EXCEPTION(cname, pyname, basetype)                                               \
    static px_val cname##_make(const px_type *t, size_t argc, const px_val *argv, px_val kwnames) {\
        return (basetype).make(t, argc, argv, kwnames);                                            \
    }                                                                                              \
    static void cname##_print(px_out *out, px_val self, px_print_kind kind) {                      \
        (basetype).print(out, self, kind);                                                         \
    }                                                                                              \
    static px_val cname##_getattr(px_val self, px_qid name) {                                      \
        return (basetype).getattr(self, name);                                                     \
    }                                                                                              \
    static bool cname##_setattr(px_val self, px_qid name, px_val value) {                          \
        return (basetype).setattr(self, name, value);                                              \
    }                                                                                              \
    const px_type cname = {                                                                        \
        .base = {&px_type_type},                                                                   \
        .name = PX_Q(pyname),                                                                      \
        .flags = PX_TF_BASETYPE | PX_TF_EXCEPTION,                                                 \
        .base_type = &(basetype),                                                                  \
        .make = cname##_make,                                                                      \
        .print = cname##_print,                                                                    \
        .getattr = cname##_getattr,                                                                \
        .setattr = cname##_setattr,                                                                \
    }

#endif
