/* set and frozenset: a px_map of keys (values unused). One set of slots
 * serves both types; operations build results of the left operand's type. */
#include "contutil.h"

bool px_is_set(px_val v) {
    return px_is_type(v, &px_type_set) || px_is_type(v, &px_type_frozenset);
}

/* Every set is allocated with room for a cached hash, used once it is a
 * frozenset (CPython caches it too): hashing a frozenset of frozensets
 * would otherwise walk the whole nesting at every level, quadratic time. */
typedef struct {
    px_set set;
    px_val hash; /* PX_NULL until computed */
} set_block;

static px_set *set_ptr(px_val v) { return px_as_ptr(v); }
static px_map *smap(px_val v) { return &set_ptr(v)->map; }

static px_val alloc_set(const px_type *type) {
    set_block *b = px_gc_alloc(sizeof(set_block), 0);
    b->set.base.type = type;
    px_map_init(&b->set.map, 0);
    return px_from_ptr(&b->set);
}

void px_set_add(px_val set, px_val item) { px_map_set(smap(set), item, PX_NONE); }

void px_set_update(px_val set, px_val iterable) {
    if (px_is_set(iterable) || px_is_dict(iterable)) {
        px_map *src = px_is_dict(iterable) ? px_dict_map(iterable) : smap(iterable);
        size_t pos = 0;
        px_map_entry *e;
        while ((e = px_map_next(src, &pos)) != NULL) {
            px_set_add(set, e->key);
        }
        return;
    }
    size_t n;
    px_val *items = px_seq_items(iterable, &n);
    if (items) {
        for (size_t i = 0; i < n; i++) {
            px_set_add(set, items[i]);
        }
        return;
    }
    px_val it = px_iter(iterable);
    px_val x;
    while ((x = px_next(it)) != PX_NULL) {
        px_set_add(set, x);
    }
}

px_val px_set_new(size_t n, const px_val *items) {
    px_val s = alloc_set(&px_type_set);
    for (size_t i = 0; i < n; i++) {
        px_set_add(s, items[i]);
    }
    return s;
}

px_val px_frozenset_new(size_t n, const px_val *items) {
    px_val s = px_set_new(n, items);
    set_ptr(s)->base.type = &px_type_frozenset;
    return s;
}

/* A set being looked up in a set stands for the frozenset of its items. */
static px_val lookup_key(px_val x) {
    if (px_is_type(x, &px_type_set)) {
        px_val f = alloc_set(&px_type_frozenset);
        px_map_copy(smap(f), smap(x));
        return f;
    }
    return x;
}

bool px_set_contains(px_val set, px_val item) {
    return px_map_find(smap(set), lookup_key(item)) != NULL;
}

static px_val copy_as(const px_type *type, px_val src) {
    px_val s = alloc_set(type);
    px_map_copy(smap(s), smap(src));
    return s;
}

/* Any iterable as a set-like value (sets themselves are used as they are). */
static px_val as_set(px_val v) {
    if (px_is_set(v)) {
        return v;
    }
    px_val s = alloc_set(&px_type_set);
    px_set_update(s, v);
    return s;
}

/* ---- the algebra, each into a fresh set of `type` */

static px_val do_intersection(const px_type *type, px_val a, px_val b) {
    px_val res = alloc_set(type);
    if (smap(a)->count > smap(b)->count) {
        px_val t = a;
        a = b;
        b = t;
    }
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(smap(a), &pos)) != NULL) {
        if (px_map_find(smap(b), e->key)) {
            px_set_add(res, e->key);
        }
    }
    return res;
}

static px_val do_difference(const px_type *type, px_val a, px_val b) {
    px_val res = alloc_set(type);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(smap(a), &pos)) != NULL) {
        if (!px_map_find(smap(b), e->key)) {
            px_set_add(res, e->key);
        }
    }
    return res;
}

static px_val do_symdiff(const px_type *type, px_val a, px_val b) {
    px_val res = do_difference(type, a, b);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(smap(b), &pos)) != NULL) {
        if (!px_map_find(smap(a), e->key)) {
            px_set_add(res, e->key);
        }
    }
    return res;
}

static px_val do_union(const px_type *type, px_val a, px_val b) {
    px_val res = copy_as(type, a);
    px_set_update(res, b);
    return res;
}

static bool is_subset(px_val a, px_val b) {
    if (smap(a)->count > smap(b)->count) {
        return false;
    }
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(smap(a), &pos)) != NULL) {
        if (!px_map_find(smap(b), e->key)) {
            return false;
        }
    }
    return true;
}

/* Replace the contents of set s by those of t. */
static void assign(px_val s, px_val t) {
    set_ptr(s)->map = set_ptr(t)->map;
}

/* ---- slots */

static px_val set_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    bool frozen = type == &px_type_frozenset;
    px_check_args(frozen ? PX_Q(frozenset) : PX_Q(set), argc, kwnames, 0, 1);
    if (frozen && argc == 1 && px_is_type(argv[0], &px_type_frozenset)) {
        return argv[0];
    }
    px_val s = alloc_set(frozen ? &px_type_frozenset : &px_type_set);
    if (argc) {
        px_set_update(s, argv[0]);
    }
    return s;
}

static void set_body(px_out *out, px_val self) {
    px_set *s = set_ptr(self);
    bool frozen = s->base.type == &px_type_frozenset;
    if (s->map.count == 0) {
        px_write_cstr(out, frozen ? "frozenset()" : "set()");
        return;
    }
    if (frozen) {
        px_write_cstr(out, "frozenset(");
    }
    px_write(out, "{", 1);
    size_t pos = 0;
    bool first = true;
    px_map_entry *e;
    while ((e = px_map_next(&s->map, &pos)) != NULL) {
        if (!first) {
            px_write(out, ", ", 2);
        }
        first = false;
        px_print(out, e->key, PX_PRINT_REPR);
    }
    px_write(out, "}", 1);
    if (frozen) {
        px_write(out, ")", 1);
    }
}

static void set_print(px_out *out, px_val self, px_print_kind kind) {
    px_cont_print_guarded(out, self, "{...}", set_body);
}

/* Order-independent hash (CPython's frozenset scheme). */
static px_val frozenset_hash(px_val self) {
    set_block *b = px_as_ptr(self);
    bool frozen = px_is_type(self, &px_type_frozenset);
    if (frozen && b->hash != PX_NULL) {
        return b->hash;
    }
    uint64_t h = 0;
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(smap(self), &pos)) != NULL) {
        uint64_t x = px_map_key_hash(e->key);
        h ^= ((x ^ 89869747u) ^ (x << 16)) * 3644798167u;
    }
    h ^= ((uint64_t)smap(self)->count + 1) * 1927868237u;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923u;
    px_val r = px_small((px_int)(h & (uint64_t)PX_SMALL_MAX));
    if (frozen) {
        b->hash = r;
    }
    return r;
}

static px_val set_unop(px_unop op, px_val self) {
    switch (op) {
    case PX_UNOP_BOOL:
        return px_bool(smap(self)->count != 0);
    case PX_UNOP_LEN:
        return px_small((px_int)smap(self)->count);
    case PX_UNOP_HASH:
        if (px_is_type(self, &px_type_set)) {
            px_raise_type_error("unhashable type: 'set'");
        }
        return frozenset_hash(self);
    default:
        return PX_NOTIMPL;
    }
}

static px_val set_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op == PX_BINOP_CONTAINS) {
        return px_bool(px_set_contains(lhs, rhs));
    }
    if (!px_is_set(lhs) || !px_is_set(rhs)) {
        return PX_NOTIMPL;
    }
    const px_type *type = set_ptr(lhs)->base.type;
    bool inplace = op >= PX_BINOP_IADD && op <= PX_BINOP_IXOR && type == &px_type_set;
    px_val res;
    switch (op) {
    case PX_BINOP_OR:
    case PX_BINOP_IOR:
        if (inplace) {
            px_set_update(lhs, rhs);
            return lhs;
        }
        return do_union(type, lhs, rhs);
    case PX_BINOP_AND:
    case PX_BINOP_IAND:
        res = do_intersection(type, lhs, rhs);
        break;
    case PX_BINOP_SUB:
    case PX_BINOP_ISUB:
        res = do_difference(type, lhs, rhs);
        break;
    case PX_BINOP_XOR:
    case PX_BINOP_IXOR:
        res = do_symdiff(type, lhs, rhs);
        break;
    case PX_BINOP_EQ:
        return px_bool(smap(lhs)->count == smap(rhs)->count && is_subset(lhs, rhs));
    case PX_BINOP_NE:
        return px_bool(!(smap(lhs)->count == smap(rhs)->count && is_subset(lhs, rhs)));
    case PX_BINOP_LE:
        return px_bool(is_subset(lhs, rhs));
    case PX_BINOP_LT:
        return px_bool(smap(lhs)->count < smap(rhs)->count && is_subset(lhs, rhs));
    case PX_BINOP_GE:
        return px_bool(is_subset(rhs, lhs));
    case PX_BINOP_GT:
        return px_bool(smap(rhs)->count < smap(lhs)->count && is_subset(rhs, lhs));
    default:
        return PX_NOTIMPL;
    }
    if (inplace) {
        assign(lhs, res);
        return lhs;
    }
    return res;
}

static px_val set_iter(px_val self) {
    return px_map_iter_new(&px_type_set_iter, self, smap(self), false);
}

/* ---- methods */

static px_val set_add_m(px_val self, px_val x) {
    px_set_add(self, x);
    return PX_NONE;
}

static px_val set_clear(px_val self) {
    px_map_clear(smap(self));
    return PX_NONE;
}

static px_val set_copy(px_val self) {
    return copy_as(set_ptr(self)->base.type, self);
}

static px_val frozenset_copy(px_val self) { return self; }

static px_val set_discard(px_val self, px_val x) {
    px_map_pop(smap(self), lookup_key(x));
    return PX_NONE;
}

static px_val set_remove(px_val self, px_val x) {
    if (px_map_pop(smap(self), lookup_key(x)) == PX_NULL) {
        px_raise_key_error(x);
    }
    return PX_NONE;
}

static px_val set_pop(px_val self) {
    px_map *m = smap(self);
    if (m->count == 0) {
        px_raise_msg(&px_type_KeyError, "pop from an empty set");
    }
    /* the oldest element: {1, 2, 3}.pop() is 1, as in CPython */
    px_set *set = set_ptr(self);
    if (set->pop_base != ~(uintptr_t)m->entries) {
        set->pop_base = ~(uintptr_t)m->entries;
        set->pop_from = 0;
    }
    return px_map_pop_first(m, &set->pop_from);
}

/* The n-ary forms: self op others[0] op others[1] ... */
typedef px_val (*setop)(const px_type *, px_val, px_val);

static px_val fold(size_t argc, const px_val *argv, setop f) {
    const px_type *type = set_ptr(argv[0])->base.type;
    px_val res = copy_as(type, argv[0]);
    for (size_t i = 1; i < argc; i++) {
        res = f(type, res, as_set(argv[i]));
    }
    return res;
}

static px_val set_union(size_t argc, const px_val *argv) {
    const px_type *type = set_ptr(argv[0])->base.type;
    px_val res = copy_as(type, argv[0]);
    for (size_t i = 1; i < argc; i++) {
        px_set_update(res, argv[i]);
    }
    return res;
}

static px_val set_intersection(size_t argc, const px_val *argv) {
    return fold(argc, argv, do_intersection);
}

static px_val set_difference(size_t argc, const px_val *argv) {
    return fold(argc, argv, do_difference);
}

static px_val set_symdiff(px_val self, px_val other) {
    return do_symdiff(set_ptr(self)->base.type, self, as_set(other));
}

static px_val set_update_m(size_t argc, const px_val *argv) {
    for (size_t i = 1; i < argc; i++) {
        px_set_update(argv[0], argv[i]);
    }
    return PX_NONE;
}

static px_val set_intersection_update(size_t argc, const px_val *argv) {
    assign(argv[0], set_intersection(argc, argv));
    return PX_NONE;
}

static px_val set_difference_update(size_t argc, const px_val *argv) {
    assign(argv[0], set_difference(argc, argv));
    return PX_NONE;
}

static px_val set_symdiff_update(px_val self, px_val other) {
    assign(self, set_symdiff(self, other));
    return PX_NONE;
}

static px_val set_isdisjoint(px_val self, px_val other) {
    px_val it = px_iter(other);
    px_val x;
    while ((x = px_next(it)) != PX_NULL) {
        if (px_map_find(smap(self), x)) {
            return PX_FALSE;
        }
    }
    return PX_TRUE;
}

static px_val set_issubset(px_val self, px_val other) {
    return px_bool(is_subset(self, as_set(other)));
}

static px_val set_issuperset(px_val self, px_val other) {
    return px_bool(is_subset(as_set(other), self));
}

#define ST &px_type_set
#define SET_OPS(T, P)                                                                           \
    static PX_METH2(P##and, T, __and__, px_cont_and_op);                                        \
    static PX_METH2(P##or, T, __or__, px_cont_or_op);                                          \
    static PX_METH2(P##rand, T, __rand__, px_cont_rand_op);                                     \
    static PX_METH2(P##ror, T, __ror__, px_cont_ror_op);                                        \
    static PX_METH2(P##rsub, T, __rsub__, px_cont_rsub_op);                                     \
    static PX_METH2(P##rxor, T, __rxor__, px_cont_rxor_op);                                     \
    static PX_METH2(P##sub, T, __sub__, px_cont_sub_op);                                        \
    static PX_METH2(P##xor, T, __xor__, px_cont_xor_op);
SET_OPS(ST, s_op_)
static PX_METH2(s_op_iand, ST, __iand__, px_cont_iand_op);
static PX_METH2(s_op_ior, ST, __ior__, px_cont_ior_op);
static PX_METH2(s_op_isub, ST, __isub__, px_cont_isub_op);
static PX_METH2(s_op_ixor, ST, __ixor__, px_cont_ixor_op);
static PX_METH2(s_contains, ST, __contains__, px_cont_contains_fn);
static PX_METH1(s_len, ST, __len__, px_cont_len_fn);
static PX_METH2(s_add, ST, add, set_add_m);
static PX_METH1(s_clear, ST, clear, set_clear);
static PX_METH1(s_copy, ST, copy, set_copy);
static PX_METHV(s_difference, ST, difference, 1, PX_ARGS_MAX, set_difference);
static PX_METHV(s_difference_update, ST, difference_update, 1, PX_ARGS_MAX, set_difference_update);
static PX_METH2(s_discard, ST, discard, set_discard);
static PX_METHV(s_intersection, ST, intersection, 1, PX_ARGS_MAX, set_intersection);
static PX_METHV(s_intersection_update, ST, intersection_update, 1, PX_ARGS_MAX, set_intersection_update);
static PX_METH2(s_isdisjoint, ST, isdisjoint, set_isdisjoint);
static PX_METH2(s_issubset, ST, issubset, set_issubset);
static PX_METH2(s_issuperset, ST, issuperset, set_issuperset);
static PX_METH1(s_pop, ST, pop, set_pop);
static PX_METH2(s_remove, ST, remove, set_remove);
static PX_METH2(s_symdiff, ST, symmetric_difference, set_symdiff);
static PX_METH2(s_symdiff_update, ST, symmetric_difference_update, set_symdiff_update);
static PX_METHV(s_union, ST, union, 1, PX_ARGS_MAX, set_union);
static PX_METHV(s_update, ST, update, 1, PX_ARGS_MAX, set_update_m);

static const px_map_entry set_methods[] = {
    PX_ENTRY_OBJ(__and__, &s_op_and),
    PX_ENTRY_OBJ(__contains__, &s_contains),
    PX_ENTRY_OBJ(__iand__, &s_op_iand),
    PX_ENTRY_OBJ(__ior__, &s_op_ior),
    PX_ENTRY_OBJ(__isub__, &s_op_isub),
    PX_ENTRY_OBJ(__ixor__, &s_op_ixor),
    PX_ENTRY_OBJ(__len__, &s_len),
    PX_ENTRY_OBJ(__or__, &s_op_or),
    PX_ENTRY_OBJ(__rand__, &s_op_rand),
    PX_ENTRY_OBJ(__ror__, &s_op_ror),
    PX_ENTRY_OBJ(__rsub__, &s_op_rsub),
    PX_ENTRY_OBJ(__rxor__, &s_op_rxor),
    PX_ENTRY_OBJ(__sub__, &s_op_sub),
    PX_ENTRY_OBJ(__xor__, &s_op_xor),
    PX_ENTRY_OBJ(add, &s_add),
    PX_ENTRY_OBJ(clear, &s_clear),
    PX_ENTRY_OBJ(copy, &s_copy),
    PX_ENTRY_OBJ(difference, &s_difference),
    PX_ENTRY_OBJ(difference_update, &s_difference_update),
    PX_ENTRY_OBJ(discard, &s_discard),
    PX_ENTRY_OBJ(intersection, &s_intersection),
    PX_ENTRY_OBJ(intersection_update, &s_intersection_update),
    PX_ENTRY_OBJ(isdisjoint, &s_isdisjoint),
    PX_ENTRY_OBJ(issubset, &s_issubset),
    PX_ENTRY_OBJ(issuperset, &s_issuperset),
    PX_ENTRY_OBJ(pop, &s_pop),
    PX_ENTRY_OBJ(remove, &s_remove),
    PX_ENTRY_OBJ(symmetric_difference, &s_symdiff),
    PX_ENTRY_OBJ(symmetric_difference_update, &s_symdiff_update),
    PX_ENTRY_OBJ(union, &s_union),
    PX_ENTRY_OBJ(update, &s_update),
};
static PX_CONST_MAP(set_dict, set_methods);

#define FT &px_type_frozenset
SET_OPS(FT, f_op_)
static PX_METH2(f_contains, FT, __contains__, px_cont_contains_fn);
static PX_METH1(f_len, FT, __len__, px_cont_len_fn);
static PX_METH1(f_copy, FT, copy, frozenset_copy);
static PX_METHV(f_difference, FT, difference, 1, PX_ARGS_MAX, set_difference);
static PX_METHV(f_intersection, FT, intersection, 1, PX_ARGS_MAX, set_intersection);
static PX_METH2(f_isdisjoint, FT, isdisjoint, set_isdisjoint);
static PX_METH2(f_issubset, FT, issubset, set_issubset);
static PX_METH2(f_issuperset, FT, issuperset, set_issuperset);
static PX_METH2(f_symdiff, FT, symmetric_difference, set_symdiff);
static PX_METHV(f_union, FT, union, 1, PX_ARGS_MAX, set_union);

static const px_map_entry frozenset_methods[] = {
    PX_ENTRY_OBJ(__and__, &f_op_and),
    PX_ENTRY_OBJ(__contains__, &f_contains),
    PX_ENTRY_OBJ(__len__, &f_len),
    PX_ENTRY_OBJ(__or__, &f_op_or),
    PX_ENTRY_OBJ(__rand__, &f_op_rand),
    PX_ENTRY_OBJ(__ror__, &f_op_ror),
    PX_ENTRY_OBJ(__rsub__, &f_op_rsub),
    PX_ENTRY_OBJ(__rxor__, &f_op_rxor),
    PX_ENTRY_OBJ(__sub__, &f_op_sub),
    PX_ENTRY_OBJ(__xor__, &f_op_xor),
    PX_ENTRY_OBJ(copy, &f_copy),
    PX_ENTRY_OBJ(difference, &f_difference),
    PX_ENTRY_OBJ(intersection, &f_intersection),
    PX_ENTRY_OBJ(isdisjoint, &f_isdisjoint),
    PX_ENTRY_OBJ(issubset, &f_issubset),
    PX_ENTRY_OBJ(issuperset, &f_issuperset),
    PX_ENTRY_OBJ(symmetric_difference, &f_symdiff),
    PX_ENTRY_OBJ(union, &f_union),
};
static PX_CONST_MAP(frozenset_dict, frozenset_methods);

const px_type px_type_set = {
    .base = {&px_type_type},
    .name = PX_Q(set),
    .flags = PX_TF_BASETYPE | PX_TF_UNHASHABLE,
    .base_type = &px_type_object,
    .bases = PX_NULL,
    .mro = PX_NULL,
    .dict = &set_dict,
    .make = set_make,
    .print = set_print,
    .unop = set_unop,
    .binop = set_binop,
    .iter = set_iter,
};

const px_type px_type_frozenset = {
    .base = {&px_type_type},
    .name = PX_Q(frozenset),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .bases = PX_NULL,
    .mro = PX_NULL,
    .dict = &frozenset_dict,
    .make = set_make,
    .print = set_print,
    .unop = set_unop,
    .binop = set_binop,
    .iter = set_iter,
};
