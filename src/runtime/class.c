/* Creating user classes: __build_class__, type(name, bases, ns) and
 * metaclasses, the C3 MRO, namespace fix-ups (implicit staticmethod
 * __new__, classmethod __init_subclass__, __hash__ = None next to __eq__),
 * __set_name__ and __init_subclass__. */
#include "rt_internal.h"

static size_t kw_count(px_val kwnames) { return kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len; }

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
    px_map_watch(&c->attrs); /* caches rely on class namespaces (typecache.c) */
    px_rt_set_instance_slots(t);
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
            px_rt_call_prepend(((const px_wrapper *)px_as_ptr(f))->func, cls, 0, kwv, nkw > 0 ? kwnames : PX_NULL);
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
    if (!px_is_type(func, &px_type_function)) {
        px_raise_type_error("__build_class__: func must be a function");
    }
    if (!px_is_str(name)) {
        px_raise_type_error("__build_class__: name is not a string");
    }
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
