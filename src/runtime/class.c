/* User classes: creating them (__build_class__, type(name, bases, ns),
 * metaclasses, C3 MRO), making instances (__new__ then __init__, native
 * objects for built-in bases), and the type slots of every user class,
 * which dispatch to dunder methods and otherwise fall through to the
 * native object. */
#include "rt_internal.h"

/* ---- lookups and calls */
px_val px_rt_user_lookup(const px_type *t, px_qid name) {
    if (!px_rt_is_heap_type(t)) {
        return PX_NULL;
    }
    px_tuple *mro = px_tuple_ptr(t->mro);
    for (size_t i = 0; i < mro->len; i++) {
        const px_type *m = px_as_ptr(mro->items[i]);
        if (px_rt_is_heap_type(m)) {
            px_val v = px_map_get_q(&((const px_class *)m)->attrs, name);
            if (v != PX_NULL) {
                return v;
            }
        }
    }
    return PX_NULL;
}

static size_t kw_count(px_val kwnames) { return kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len; }

/* f(first, *argv, **kw) where argv also holds the keyword values. */
static px_val call_prepend(px_val f, px_val first, size_t argc, const px_val *argv, px_val kwnames) {
    size_t total = argc + kw_count(kwnames);
    px_val small[PX_RT_SMALL_ARGS];
    px_val *args = total + 1 <= PX_RT_SMALL_ARGS ? small : px_gc_alloc((total + 1) * sizeof(px_val), 0);
    args[0] = first;
    if (total > 0) {
        memcpy(args + 1, argv, total * sizeof(px_val));
    }
    return px_call(f, argc + 1, args, kwnames);
}

static px_val call_bound_kw(px_val attr, px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    if (px_is_obj(attr)) {
        const px_type *t = px_type_of(attr);
        if (t == &px_type_function || (t == &px_type_builtin && ((const px_builtin *)px_as_ptr(attr))->owner != NULL)) {
            return call_prepend(attr, self, argc, argv, kwnames);
        }
        if (t == &px_type_staticmethod) {
            return px_call(((const px_wrapper *)px_as_ptr(attr))->func, argc, argv, kwnames);
        }
        if (t == &px_type_classmethod) {
            return call_prepend(((const px_wrapper *)px_as_ptr(attr))->func, px_from_ptr(px_type_of(self)), argc,
                                argv, kwnames);
        }
    }
    return px_call(px_rt_descr_get(attr, self, px_type_of(self)), argc, argv, kwnames);
}

px_val px_rt_call_bound(px_val attr, px_val self, size_t argc, const px_val *argv) {
    return call_bound_kw(attr, self, argc, argv, PX_NULL);
}

px_val px_rt_call_dunder1(px_val attr, px_val self, px_val arg) { return call_bound_kw(attr, self, 1, &arg, PX_NULL); }

static px_val call_dunder0(px_val attr, px_val self) { return call_bound_kw(attr, self, 0, NULL, PX_NULL); }

void px_rt_class_update_flags(px_class *cls) {
    px_type *t = &cls->type;
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
static bool native_reinitialisable(const px_type *nb) {
    return nb == &px_type_list || nb == &px_type_dict || nb == &px_type_set || nb == &px_type_bytearray;
}

/* object.__new__ for a user class: the instance and its native object. */
static px_val instance_new(const px_type *t, size_t argc, const px_val *argv, px_val kwnames, bool user_init) {
    const px_class *c = (const px_class *)t;
    px_instance *inst = px_gc_alloc(sizeof(px_instance), 0);
    inst->base.type = t;
    px_map_init(&inst->dict, 0);
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
    return t->make(t, argc - 1, argv + 1, kwnames);
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

px_val px_rt_class_call(px_val cls, size_t argc, const px_val *argv, px_val kwnames) {
    const px_type *t = px_as_ptr(cls);
    px_val newf = px_type_lookup(t, PX_Q(__new__));
    px_val init = px_type_lookup(t, PX_Q(__init__));
    bool default_new = newf == PX_NULL || newf == px_from_ptr(&px_rt_object_new);
    bool user_init = init != PX_NULL && init != px_from_ptr(&px_rt_object_init) &&
                     px_rt_user_lookup(t, PX_Q(__init__)) != PX_NULL;
    px_val obj;
    if (default_new) {
        obj = instance_new(t, argc, argv, kwnames, user_init);
    } else {
        obj = call_prepend(px_rt_descr_get(newf, PX_NULL, t), cls, argc, argv, kwnames);
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
    px_val r = call_bound_kw(init, obj, argc, argv, kwnames);
    if (r != PX_NONE) {
        px_raise_type_error("__init__() should return None, not '%s'", px_type_name(r));
    }
    return obj;
}

static px_val class_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    return px_rt_class_call(px_from_ptr(type), argc, argv, kwnames);
}

/* The built-in type to hand the native object to. */
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
            write_str(out, check_str_result(call_dunder0(f, self), "__str__"));
            return;
        }
        if (native != PX_NULL && (px_is_exception(self) || px_is_str(native))) {
            native_type(self, native)->print(out, native, PX_PRINT_STR);
            return;
        }
    }
    px_val f = px_rt_user_lookup(t, PX_Q(__repr__));
    if (f != PX_NULL) {
        write_str(out, check_str_result(call_dunder0(f, self), "__repr__"));
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
        return call_bound_kw(f, self, argc, argv, kwnames);
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
            px_val r = call_dunder0(f, self);
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
        px_val r = call_dunder0(f, self);
        if (!px_is_int(r)) {
            px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(r));
        }
        if (px_truthy(px_binary(PX_BINOP_LT, r, px_small(0)))) {
            px_raise_value_error("__len__() should return >= 0");
        }
        return px_small(px_index(r));
    }
    case PX_UNOP_HASH: {
        f = px_rt_user_lookup(t, PX_Q(__hash__));
        if (f == PX_NONE) {
            px_raise_type_error("unhashable type: '%s'", px_qstr_str(t->name));
        }
        if (f != PX_NULL) {
            px_val r = call_dunder0(f, self);
            if (!px_is_int(r)) {
                px_raise_type_error("__hash__ method should return an integer");
            }
            return px_small(px_hash(r));
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
    px_val r = call_dunder0(f, self);
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
    if (f != PX_NULL) {
        px_val r = call_dunder0(f, self);
        if (px_type_of(r)->next == NULL) {
            px_raise_type_error("iter() returned non-iterator of type '%s'", px_type_name(r));
        }
        return r;
    }
    px_val native = px_rt_native_of(self);
    if (native != PX_NULL && native != self) {
        return px_iter(native);
    }
    if (px_rt_user_lookup(t, PX_Q(__getitem__)) != PX_NULL) {
        return px_rt_seq_iter_new(self);
    }
    px_raise_type_error("'%s' object is not iterable", px_qstr_str(t->name));
}

static px_val inst_next(px_val self) {
    const px_type *t = px_type_of(self);
    px_val f = px_rt_user_lookup(t, PX_Q(__next__));
    if (f != PX_NULL) {
        px_val volatile r = PX_NULL;
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            r = call_dunder0(f, self);
            px_try_pop(&j);
        } else {
            if (!px_isinstance(j.exc, &px_type_StopIteration)) {
                px_raise(j.exc);
            }
            return PX_NULL;
        }
        return r;
    }
    px_val native = px_rt_native_of(self);
    if (native != PX_NULL && native != self) {
        return px_next(native);
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

/* ---- creating classes */
static void mro_error(px_val bases) {
    px_strbuf b;
    px_strbuf_init(&b, 64);
    px_strbuf_add_cstr(&b, "Cannot create a consistent method resolution\norder (MRO) for bases ");
    px_tuple *bt = px_tuple_ptr(bases);
    for (size_t i = 0; i < bt->len; i++) {
        if (i > 0) {
            px_strbuf_add_cstr(&b, ", ");
        }
        px_strbuf_add_cstr(&b, px_qstr_str(((const px_type *)px_as_ptr(bt->items[i]))->name));
    }
    px_raise(px_exc_new_msg(&px_type_TypeError, px_strbuf_to_str(&b)));
}

/* C3 linearisation of cls over its bases. */
static px_val compute_mro(const px_type *cls, px_val bases) {
    px_tuple *bt = px_tuple_ptr(bases);
    size_t nseq = bt->len + 1;
    const px_type ***seqs = px_gc_alloc(nseq * sizeof(*seqs), 0);
    size_t *lens = px_gc_alloc(nseq * sizeof(size_t), PX_GC_LEAF);
    size_t *pos = px_gc_alloc(nseq * sizeof(size_t), PX_GC_LEAF);
    size_t total = 1;
    for (size_t i = 0; i < bt->len; i++) {
        const px_type *b = px_as_ptr(bt->items[i]);
        const px_type *tmp[64];
        size_t n = px_rt_is_heap_type(b) ? px_tuple_ptr(b->mro)->len : px_rt_mro(b, tmp, 64);
        seqs[i] = px_gc_alloc(n * sizeof(px_type *), 0);
        lens[i] = px_rt_mro(b, seqs[i], n);
        total += lens[i];
    }
    seqs[bt->len] = px_gc_alloc(bt->len * sizeof(px_type *) + 1, 0);
    for (size_t i = 0; i < bt->len; i++) {
        seqs[bt->len][i] = px_as_ptr(bt->items[i]);
    }
    lens[bt->len] = bt->len;
    const px_type **out = px_gc_alloc(total * sizeof(px_type *), 0);
    size_t nout = 0;
    out[nout++] = cls;
    for (;;) {
        bool any = false;
        const px_type *cand = NULL;
        for (size_t i = 0; i < nseq && cand == NULL; i++) {
            if (pos[i] >= lens[i]) {
                continue;
            }
            any = true;
            const px_type *h = seqs[i][pos[i]];
            bool in_tail = false;
            for (size_t k = 0; k < nseq && !in_tail; k++) {
                for (size_t m = pos[k] + 1; m < lens[k]; m++) {
                    if (seqs[k][m] == h) {
                        in_tail = true;
                        break;
                    }
                }
            }
            if (!in_tail) {
                cand = h;
            }
        }
        if (!any) {
            break;
        }
        if (cand == NULL) {
            mro_error(bases);
        }
        out[nout++] = cand;
        for (size_t i = 0; i < nseq; i++) {
            if (pos[i] < lens[i] && seqs[i][pos[i]] == cand) {
                pos[i]++;
            }
        }
    }
    px_val mro = px_tuple_new(nout, NULL);
    for (size_t i = 0; i < nout; i++) {
        px_tuple_ptr(mro)->items[i] = px_from_ptr(out[i]);
    }
    return mro;
}

static bool is_plain_function(px_val v) { return px_is_type(v, &px_type_function); }

static px_val wrap(const px_type *wt, px_val func) {
    px_wrapper *w = px_gc_alloc(sizeof(px_wrapper), 0);
    w->base.type = wt;
    w->func = func;
    return px_from_ptr(w);
}

static const px_type *base_native(const px_type *b) {
    if (px_rt_is_heap_type(b)) {
        return ((const px_class *)b)->native_base;
    }
    return b == &px_type_object ? NULL : b;
}

px_val px_rt_type_new(const px_type *meta, px_val name, px_val bases, px_val ns, size_t nkw, const px_val *kwv,
                      px_val kwnames) {
    if (!px_is_str(name)) {
        px_raise_type_error("type.__new__() argument 1 must be str, not %s", px_type_name(name));
    }
    if (!px_is_tuple(bases)) {
        px_raise_type_error("type.__new__() argument 2 must be tuple, not %s", px_type_name(bases));
    }
    if (!px_is_dict(ns)) {
        px_raise_type_error("type.__new__() argument 3 must be dict, not %s", px_type_name(ns));
    }
    px_tuple *bt = px_tuple_ptr(bases);
    if (bt->len == 0) {
        px_val obj = px_from_ptr(&px_type_object);
        bases = px_tuple_new(1, &obj);
        bt = px_tuple_ptr(bases);
    }
    const px_type *nb = NULL;
    uint16_t flags = PX_TF_HEAPTYPE | PX_TF_BASETYPE;
    for (size_t i = 0; i < bt->len; i++) {
        px_val bv = bt->items[i];
        if (!px_is_type_obj(bv)) {
            px_raise_type_error("bases must be types");
        }
        const px_type *b = px_as_ptr(bv);
        if (!(b->flags & PX_TF_BASETYPE)) {
            px_raise_type_error("type '%s' is not an acceptable base type", px_qstr_str(b->name));
        }
        for (size_t k = 0; k < i; k++) {
            if (bt->items[k] == bv) {
                px_raise_type_error("duplicate base class %s", px_qstr_str(b->name));
            }
        }
        const px_type *bn = base_native(b);
        if (bn != NULL) {
            if (nb == NULL || px_issubclass(bn, nb)) {
                nb = bn;
            } else if (!px_issubclass(nb, bn)) {
                px_raise_type_error("multiple bases have instance lay-out conflict");
            }
        }
        flags |= b->flags & PX_TF_EXCEPTION;
    }
    px_class *c = px_gc_alloc(sizeof(px_class), 0);
    px_type *t = &c->type;
    t->base.type = meta;
    t->name = px_str_to_qid(name);
    t->flags = flags;
    t->base_type = px_as_ptr(bt->items[0]);
    t->bases = bases;
    c->native_base = nb;
    t->mro = compute_mro(t, bases);

    /* the namespace */
    px_map *src = px_dict_map(ns);
    px_map_init(&c->attrs, src->count + 2);
    bool has_eq = false, has_hash = false, has_module = false;
    for (uint32_t i = 0; i < src->used; i++) {
        px_map_entry *e = &src->entries[i];
        if (e->key == PX_NULL) {
            continue;
        }
        if (!px_is_str(e->key)) {
            continue;
        }
        px_qid k = px_str_to_qid(e->key);
        px_val v = e->value;
        switch (k) {
        case PX_Q(__qualname__):
            if (!px_is_str(v)) {
                px_raise_type_error("type __qualname__ must be a str, not %s", px_type_name(v));
            }
            c->qualname = v;
            continue;
        case PX_Q(__new__):
            if (is_plain_function(v)) {
                v = wrap(&px_type_staticmethod, v);
            }
            break;
        case PX_Q(__init_subclass__):
        case PX_Q(__class_getitem__):
            if (is_plain_function(v)) {
                v = wrap(&px_type_classmethod, v);
            }
            break;
        case PX_Q(__eq__):
            has_eq = true;
            break;
        case PX_Q(__hash__):
            has_hash = true;
            break;
        case PX_Q(__module__):
            has_module = true;
            break;
        default:
            break;
        }
        px_map_set_q(&c->attrs, k, v);
    }
    if (c->qualname == PX_NULL) {
        c->qualname = name;
    }
    if (has_eq && !has_hash) {
        px_map_set_q(&c->attrs, PX_Q(__hash__), PX_NONE);
    }
    if (!has_module) {
        px_map *g = px_vm_globals();
        px_val mod = g != NULL ? px_map_get_q(g, PX_Q(__name__)) : PX_NULL;
        px_map_set_q(&c->attrs, PX_Q(__module__), mod != PX_NULL ? mod : px_qstr(PX_Q(__main__)));
    }
    t->dict = &c->attrs;
    t->make = class_make;
    t->print = inst_print;
    t->call = inst_call;
    t->unop = inst_unop;
    t->binop = inst_binop;
    t->subscr = inst_subscr;
    t->iter = inst_iter;
    t->next = inst_next;
    t->buffer = inst_buffer;
    px_rt_class_update_flags(c);
    px_val cls = px_from_ptr(c);

    /* __set_name__ on descriptors in the namespace */
    for (uint32_t i = 0; i < c->attrs.used; i++) {
        px_map_entry *e = &c->attrs.entries[i];
        if (e->key != PX_NULL && px_is_type(e->value, &px_type_property)) {
            ((px_property *)px_as_ptr(e->value))->name = px_qstr_get(e->key);
        }
        if (e->key == PX_NULL || !px_rt_is_instance(e->value)) {
            continue;
        }
        px_val f = px_rt_user_lookup(px_type_of(e->value), PX_Q(__set_name__));
        if (f != PX_NULL) {
            px_val args[2] = {cls, e->key};
            px_rt_call_bound(f, e->value, 2, args);
        }
    }

    /* super().__init_subclass__(**kw) */
    px_tuple *mro = px_tuple_ptr(t->mro);
    for (size_t i = 1; i < mro->len; i++) {
        const px_type *m = px_as_ptr(mro->items[i]);
        px_val f = m->dict != NULL ? px_map_get_q(m->dict, PX_Q(__init_subclass__)) : PX_NULL;
        if (f == PX_NULL) {
            continue;
        }
        if (px_is_type(f, &px_type_classmethod)) {
            call_prepend(((const px_wrapper *)px_as_ptr(f))->func, cls, 0, kwv, nkw > 0 ? kwnames : PX_NULL);
        } else {
            px_call(px_rt_descr_get(f, PX_NULL, t), 0, kwv, nkw > 0 ? kwnames : PX_NULL);
        }
        break;
    }
    return cls;
}

/* __build_class__(func, name, *bases, metaclass=..., **kw) */
px_val px_build_class(size_t argc, const px_val *argv, px_val kwnames) {
    if (argc < 2) {
        px_raise_type_error("__build_class__: not enough arguments");
    }
    px_val func = argv[0], name = argv[1];
    px_val bases = px_tuple_new(argc - 2, argv + 2);
    size_t nkw = kw_count(kwnames);
    px_val meta = PX_NULL;
    px_val *kwv = px_gc_alloc((nkw + 1) * sizeof(px_val), 0);
    px_val *kwk = px_gc_alloc((nkw + 1) * sizeof(px_val), 0);
    size_t nrest = 0;
    for (size_t i = 0; i < nkw; i++) {
        px_val k = px_tuple_ptr(kwnames)->items[i];
        if (px_str_to_qid(k) == PX_Q(metaclass)) {
            meta = argv[argc + i];
        } else {
            kwk[nrest] = k;
            kwv[nrest++] = argv[argc + i];
        }
    }
    px_val kwn = px_tuple_new(nrest, kwk);
    bool explicit_meta = meta != PX_NULL;
    if (!explicit_meta) {
        meta = px_from_ptr(&px_type_type);
    }
    if (px_is_type_obj(meta)) {
        /* the most derived metaclass of the bases */
        for (size_t i = 0; i < argc - 2; i++) {
            const px_type *bm = px_type_of(argv[2 + i]);
            const px_type *m = px_as_ptr(meta);
            if (px_issubclass(bm, m)) {
                meta = px_from_ptr(bm);
            } else if (!px_issubclass(m, bm)) {
                px_raise_type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                    "subclass of the metaclasses of all its bases");
            }
        }
    }
    px_val ns;
    px_val prep = px_rt_is_heap_type(px_as_ptr(meta)) || !px_is_type_obj(meta) ? px_getattr_opt(meta, PX_Q(__prepare__))
                                                                               : PX_NULL;
    if (prep != PX_NULL) {
        px_val *pa = px_gc_alloc((2 + nrest) * sizeof(px_val), 0);
        pa[0] = name;
        pa[1] = bases;
        memcpy(pa + 2, kwv, nrest * sizeof(px_val));
        ns = px_call(prep, 2, pa, nrest > 0 ? kwn : PX_NULL);
    } else {
        ns = px_dict_new(0);
    }
    px_val cell = px_vm_run_class_body(func, ns);
    px_val cls;
    if (meta == px_from_ptr(&px_type_type)) {
        cls = px_rt_type_new(&px_type_type, name, bases, ns, nrest, kwv, kwn);
    } else {
        px_val *ma = px_gc_alloc((3 + nrest) * sizeof(px_val), 0);
        ma[0] = name;
        ma[1] = bases;
        ma[2] = ns;
        memcpy(ma + 3, kwv, nrest * sizeof(px_val));
        cls = px_call(meta, 3, ma, nrest > 0 ? kwn : PX_NULL);
    }
    if (px_is_type(cell, &px_type_cell)) {
        ((px_cell *)px_as_ptr(cell))->value = cls;
    }
    return cls;
}
