/* obj.__dict__ for instances of user classes: the attributes live in a map
 * embedded in the instance, so __dict__ is a live view of that map. Writes
 * (d[k] = v, del, update, pop, setdefault, clear) go straight to the
 * instance; everything else works on a snapshot dict. */
#include "rt_internal.h"

typedef struct {
    px_obj base;
    px_val inst;
} inst_dict;

extern const px_type px_rt_type_inst_dict;

static px_map *target(px_val self) { return &px_rt_inst(((inst_dict *)px_as_ptr(self))->inst)->dict; }

static px_val snapshot(px_val self) {
    px_map *m = target(self);
    px_val d = px_dict_new(m->count);
    for (uint32_t i = 0; i < m->used; i++) {
        if (m->entries[i].key != PX_NULL) {
            px_dict_set(d, m->entries[i].key, m->entries[i].value);
        }
    }
    return d;
}

px_val px_rt_inst_dict_new(px_val inst) {
    inst_dict *d = px_gc_alloc(sizeof(inst_dict), 0);
    d->base.type = &px_rt_type_inst_dict;
    d->inst = inst;
    return px_from_ptr(d);
}

static px_val key_of(px_val k) { return px_qstr(px_rt_attr_name(k)); }

static px_val idict_subscr(px_val self, px_val index, px_val value) {
    px_map *m = target(self);
    if (value == PX_NULL) {
        px_val v = px_is_str(index) ? px_map_get(m, key_of(index)) : PX_NULL;
        if (v == PX_NULL) {
            px_raise_key_error(index);
        }
        return v;
    }
    if (value == PX_DELETE) {
        if (!px_is_str(index) || px_map_pop(m, key_of(index)) == PX_NULL) {
            px_raise_key_error(index);
        }
        return PX_NONE;
    }
    px_map_set(m, key_of(index), value);
    return PX_NONE;
}

static px_val idict_unop(px_unop op, px_val self) {
    switch (op) {
    case PX_UNOP_LEN:
        return px_small((px_int)target(self)->count);
    case PX_UNOP_BOOL:
        return px_bool(target(self)->count != 0);
    default:
        return PX_NOTIMPL;
    }
}

static px_val idict_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op == PX_BINOP_CONTAINS) {
        return px_bool(px_is_str(rhs) && px_map_get(target(lhs), key_of(rhs)) != PX_NULL);
    }
    px_val l = px_is_type(lhs, &px_rt_type_inst_dict) ? snapshot(lhs) : lhs;
    px_val r = px_is_type(rhs, &px_rt_type_inst_dict) ? snapshot(rhs) : rhs;
    return px_binary(op, l, r);
}

static px_val idict_iter(px_val self) { return px_iter(snapshot(self)); }

static void idict_print(px_out *out, px_val self, px_print_kind kind) {
    px_print(out, snapshot(self), PX_PRINT_REPR);
}

/* other dict methods work on a snapshot */
static px_val idict_getattr(px_val self, px_qid name) { return px_getattr_opt(snapshot(self), name); }

static void copy_into(px_map *m, px_val d) {
    px_map *src = px_dict_map(d);
    for (uint32_t i = 0; i < src->used; i++) {
        if (src->entries[i].key != PX_NULL) {
            px_map_set(m, key_of(src->entries[i].key), src->entries[i].value);
        }
    }
}

static px_val idict_update(size_t argc, const px_val *argv, px_val kwnames) {
    px_val d = px_dict_new(0);
    px_call(px_getattr(d, PX_Q(update)), argc - 1, argv + 1, kwnames);
    copy_into(target(argv[0]), d);
    return PX_NONE;
}
static PX_METHKW(idict_update_obj, &px_rt_type_inst_dict, update, 1, 2, idict_update);

static px_val idict_pop(size_t argc, const px_val *argv) {
    px_map *m = target(argv[0]);
    px_val v = px_is_str(argv[1]) ? px_map_pop(m, key_of(argv[1])) : PX_NULL;
    if (v == PX_NULL) {
        if (argc == 3) {
            return argv[2];
        }
        px_raise_key_error(argv[1]);
    }
    return v;
}
static PX_METHV(idict_pop_obj, &px_rt_type_inst_dict, pop, 2, 3, idict_pop);

static px_val idict_setdefault(size_t argc, const px_val *argv) {
    px_map *m = target(argv[0]);
    px_val k = key_of(argv[1]);
    px_val v = px_map_get(m, k);
    if (v == PX_NULL) {
        v = argc == 3 ? argv[2] : PX_NONE;
        px_map_set(m, k, v);
    }
    return v;
}
static PX_METHV(idict_setdefault_obj, &px_rt_type_inst_dict, setdefault, 2, 3, idict_setdefault);

static px_val idict_clear(px_val self) {
    px_map_clear(target(self));
    return PX_NONE;
}
static PX_METH1(idict_clear_obj, &px_rt_type_inst_dict, clear, idict_clear);

static const px_map_entry idict_methods_table[] = {
    PX_ENTRY_OBJ(clear, &idict_clear_obj),
    PX_ENTRY_OBJ(pop, &idict_pop_obj),
    PX_ENTRY_OBJ(setdefault, &idict_setdefault_obj),
    PX_ENTRY_OBJ(update, &idict_update_obj),
};
static PX_CONST_MAP(idict_methods, idict_methods_table);

const px_type px_rt_type_inst_dict = {
    .base = {&px_type_type},
    .name = PX_Q(dict),
    .flags = PX_TF_UNHASHABLE,
    .base_type = &px_type_object,
    .dict = &idict_methods,
    .print = idict_print,
    .unop = idict_unop,
    .binop = idict_binop,
    .getattr = idict_getattr,
    .subscr = idict_subscr,
    .iter = idict_iter,
};
