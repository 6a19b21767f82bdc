/* The type slots of every user class: each dispatches to the dunder method
 * if the class (or a user base) defines it, and otherwise falls through to
 * the native object of a built-in base, or to object's behaviour. */
#include "rt_internal.h"

static px_val class_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    return px_rt_class_call(px_from_ptr(type), argc, argv, kwnames);
}

/* The built-in type to hand the native object to (a class whose metaclass
 * derives from type is its own native). */
static const px_type *native_type(px_val self, px_val native) {
    if (native == self) {
        return ((const px_class *)px_type_of(self))->native_base;
    }
    return px_type_of(native);
}

static px_val check_str_result(px_val r, const char *what) {
    if (!px_is_str(r)) {
        px_raise_type_error("%s returned non-string (type %s)", what, px_type_name(r));
    }
    return r;
}

static void write_str(px_out *out, px_val s) {
    size_t n;
    const char *d = px_str_data(s, &n);
    px_write(out, d, n);
}

static void inst_print(px_out *out, px_val self, px_print_kind kind) {
    const px_type *t = px_type_of(self);
    px_val native = px_rt_native_of(self);
    if (kind == PX_PRINT_STR) {
        px_val f = px_rt_user_lookup(t, PX_Q(__str__));
        if (f != PX_NULL) {
            write_str(out, check_str_result(px_rt_call_dunder0(f, self), "__str__"));
            return;
        }
        if (native != PX_NULL && (px_is_exception(self) || px_is_str(native))) {
            native_type(self, native)->print(out, native, PX_PRINT_STR);
            return;
        }
    }
    px_val f = px_rt_user_lookup(t, PX_Q(__repr__));
    if (f != PX_NULL) {
        write_str(out, check_str_result(px_rt_call_dunder0(f, self), "__repr__"));
        return;
    }
    if (native != PX_NULL) {
        if (px_is_exception(self) && native != self) {
            px_rt_exc_print_repr(out, px_qstr_str(t->name), native);
            return;
        }
        const px_type *nt = native_type(self, native);
        if (nt->print != NULL) {
            nt->print(out, native, PX_PRINT_REPR);
            return;
        }
    }
    px_rt_default_repr(out, self);
}

static px_val inst_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    const px_type *t = px_type_of(self);
    px_val f = px_rt_user_lookup(t, PX_Q(__call__));
    if (f != PX_NULL) {
        return px_rt_call_bound_kw(f, self, argc, argv, kwnames);
    }
    px_val native = px_rt_native_of(self);
    if (native != PX_NULL) {
        const px_type *nt = native_type(self, native);
        if (nt->call != NULL) {
            return nt->call(native, argc, argv, kwnames);
        }
    }
    px_raise_type_error("'%s' object is not callable", px_qstr_str(t->name));
}

static px_val native_unop(px_unop op, px_val self) {
    px_val native = px_rt_native_of(self);
    if (native == PX_NULL) {
        return PX_NOTIMPL;
    }
    const px_type *nt = native_type(self, native);
    return nt->unop == NULL ? PX_NOTIMPL : nt->unop(op, native);
}

static px_val inst_unop(px_unop op, px_val self) {
    const px_type *t = px_type_of(self);
    px_val f;
    switch (op) {
    case PX_UNOP_BOOL: {
        f = px_rt_user_lookup(t, PX_Q(__bool__));
        if (f != PX_NULL) {
            px_val r = px_rt_call_dunder0(f, self);
            if (!px_is_bool(r)) {
                px_raise_type_error("__bool__ should return bool, returned %s", px_type_name(r));
            }
            return r;
        }
        if (px_rt_user_lookup(t, PX_Q(__len__)) != PX_NULL) {
            return px_bool(inst_unop(PX_UNOP_LEN, self) != px_small(0));
        }
        return native_unop(op, self);
    }
    case PX_UNOP_LEN: {
        f = px_rt_user_lookup(t, PX_Q(__len__));
        if (f == PX_NULL) {
            return native_unop(op, self);
        }
        px_val r = px_rt_call_dunder0(f, self);
        if (!px_is_int(r)) {
            px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(r));
        }
        if (px_truthy(px_binary(PX_BINOP_LT, r, px_small(0)))) {
            px_raise_value_error("__len__() should return >= 0");
        }
        if (px_truthy(px_binary(PX_BINOP_GT, r, px_small(PX_SMALL_MAX)))) {
            px_raise_overflow("cannot fit 'int' into an index-sized integer");
        }
        return px_small(px_index(r));
    }
    case PX_UNOP_HASH: {
        f = px_rt_user_lookup(t, PX_Q(__hash__));
        if (f == PX_NONE) {
            px_raise_type_error("unhashable type: '%s'", px_qstr_str(t->name));
        }
        if (f != PX_NULL) {
            px_val r = px_rt_call_dunder0(f, self);
            if (!px_is_int(r)) {
                px_raise_type_error("__hash__ method should return an integer");
            }
            return px_hash_to_int(px_hash_from_int(r));
        }
        px_val r = native_unop(op, self);
        return r == PX_NOTIMPL ? px_small(px_rt_identity_hash(self)) : r;
    }
    default:
        break;
    }
    static const px_qid names[PX_UNOP__COUNT] = {
        [PX_UNOP_NEG] = PX_Q(__neg__),     [PX_UNOP_POS] = PX_Q(__pos__),
        [PX_UNOP_INVERT] = PX_Q(__invert__), [PX_UNOP_ABS] = PX_Q(__abs__),
        [PX_UNOP_INT] = PX_Q(__int__),     [PX_UNOP_FLOAT] = PX_Q(__float__),
        [PX_UNOP_INDEX] = PX_Q(__index__),
    };
    if ((unsigned)op >= PX_UNOP__COUNT || names[op] == 0) {
        return PX_NOTIMPL;
    }
    f = px_rt_user_lookup(t, names[op]);
    if (f == PX_NULL && op == PX_UNOP_INT) {
        f = px_rt_user_lookup(t, PX_Q(__index__));
    }
    if (f == PX_NULL) {
        return native_unop(op, self);
    }
    px_val r = px_rt_call_dunder0(f, self);
    if (op == PX_UNOP_INDEX || op == PX_UNOP_INT) {
        if (!px_is_int(r)) {
            px_raise_type_error("%s returned non-int (type %s)", op == PX_UNOP_INDEX ? "__index__" : "__int__",
                                px_type_name(r));
        }
    } else if (op == PX_UNOP_FLOAT && !px_is_float(r)) {
        px_raise_type_error("%s.__float__ returned non-float (type %s)", px_qstr_str(t->name), px_type_name(r));
    }
    return r;
}

static px_val inst_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op == PX_BINOP_CONTAINS) {
        return px_bool(px_contains(lhs, rhs));
    }
    if (op >= PX_BINOP_LT) {
        return px_rt_compare(op, lhs, rhs);
    }
    return px_binary(op, lhs, rhs);
}

static px_val inst_subscr(px_val self, px_val index, px_val value) {
    const px_type *t = px_type_of(self);
    px_qid name = value == PX_NULL ? PX_Q(__getitem__) : value == PX_DELETE ? PX_Q(__delitem__) : PX_Q(__setitem__);
    px_val f = px_rt_user_lookup(t, name);
    if (f != PX_NULL) {
        if (value == PX_NULL) {
            return px_rt_call_dunder1(f, self, index);
        }
        if (value == PX_DELETE) {
            px_rt_call_dunder1(f, self, index);
            return PX_NONE;
        }
        px_val args[2] = {index, value};
        px_rt_call_bound(f, self, 2, args);
        return PX_NONE;
    }
    px_val native = px_rt_native_of(self);
    if (native != PX_NULL && native != self) {
        const px_type *nt = px_type_of(native);
        if (value == PX_NULL && px_is_dict(native) && px_dict_get(native, index) == PX_NULL) {
            /* dict subclasses: d[k] on a missing key asks __missing__ */
            px_val miss = px_rt_user_lookup(t, PX_Q(__missing__));
            if (miss != PX_NULL) {
                return px_rt_call_dunder1(miss, self, index);
            }
        }
        if (nt->subscr != NULL) {
            return nt->subscr(native, index, value);
        }
    }
    if (native == self && value == PX_NULL) {
        px_val g = px_type_lookup(px_as_ptr(self), PX_Q(__class_getitem__));
        if (g != PX_NULL) {
            return px_call1(px_rt_descr_get(g, PX_NULL, px_as_ptr(self)), index);
        }
    }
    if (value == PX_NULL) {
        px_raise_type_error("'%s' object is not subscriptable", px_qstr_str(t->name));
    }
    if (value == PX_DELETE) {
        px_raise_type_error("'%s' object doesn't support item deletion", px_qstr_str(t->name));
    }
    px_raise_type_error("'%s' object does not support item assignment", px_qstr_str(t->name));
}

static px_val inst_iter(px_val self) {
    const px_type *t = px_type_of(self);
    px_val f = px_rt_user_lookup(t, PX_Q(__iter__));
    if (f == PX_NONE) {
        /* __iter__ = None opts out, even with __getitem__ */
        px_raise_type_error("'%s' object is not iterable", px_qstr_str(t->name));
    }
    if (f != PX_NULL) {
        px_val r = px_rt_call_dunder0(f, self);
        if (px_type_of(r)->next == NULL) {
            px_raise_type_error("iter() returned non-iterator of type '%s'", px_type_name(r));
        }
        return r;
    }
    px_val native = px_rt_native_of(self);
    if (native != PX_NULL && native != self) {
        if (px_type_of(native)->flags & PX_TF_ITERATOR) {
            return self; /* a subclass of map, zip, ...: its own __next__ counts */
        }
        /* a built-in base whose __iter__ is a method of its dict works on
         * self (io.IOBase: iteration calls self.readline()) */
        f = px_type_of(native)->iter == NULL ? px_type_lookup(px_type_of(native), PX_Q(__iter__)) : PX_NULL;
        return f != PX_NULL ? px_rt_call_dunder0(f, self) : px_iter(native);
    }
    if (px_rt_user_lookup(t, PX_Q(__getitem__)) != PX_NULL) {
        return px_rt_seq_iter_new(self);
    }
    px_raise_type_error("'%s' object is not iterable", px_qstr_str(t->name));
}

static px_val inst_next(px_val self) {
    const px_type *t = px_type_of(self);
    px_val f = px_rt_user_lookup(t, PX_Q(__next__));
    px_val native = px_rt_native_of(self);
    if (f == PX_NULL && native != PX_NULL && native != self) {
        /* as for __iter__: a dict method of the built-in base works on self */
        f = px_type_of(native)->next == NULL ? px_type_lookup(px_type_of(native), PX_Q(__next__)) : PX_NULL;
        if (f == PX_NULL) {
            return px_next(native);
        }
    }
    if (f != PX_NULL) {
        px_val volatile r = PX_NULL;
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            r = px_rt_call_dunder0(f, self);
            px_try_pop(&j);
        } else {
            if (!px_isinstance(j.exc, &px_type_StopIteration)) {
                px_raise(j.exc);
            }
            px_val args = px_getattr(j.exc, PX_Q(args));
            px_st.stop_value = px_is_tuple(args) && px_tuple_ptr(args)->len > 0 ? px_tuple_ptr(args)->items[0] : PX_NULL;
            return PX_NULL;
        }
        return r;
    }
    px_raise_type_error("'%s' object is not an iterator", px_qstr_str(t->name));
}

static bool inst_buffer(px_val self, px_buffer *buf, unsigned flags) {
    px_val native = px_rt_native_of(self);
    if (native == PX_NULL || native == self) {
        return false;
    }
    const px_type *nt = px_type_of(native);
    return nt->buffer != NULL && nt->buffer(native, buf, flags);
}

void px_rt_set_instance_slots(px_type *t) {
    t->make = class_make;
    t->print = inst_print;
    t->call = inst_call;
    t->unop = inst_unop;
    t->binop = inst_binop;
    t->subscr = inst_subscr;
    t->iter = inst_iter;
    t->next = inst_next;
    t->buffer = inst_buffer;
}
