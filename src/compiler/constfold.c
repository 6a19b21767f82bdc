/* Constant folding on the AST, node by node: scope analysis calls
 * px_fold_expr after visiting a node's children, so each node is looked at
 * once with its operands already folded. Operations are carried out by the
 * runtime inside a try: anything that raises (1/0) stays unfolded and raises
 * at run time. Results that would be big (long sequences, huge ints) are not
 * folded, to keep code objects small. */
#include "codegen.h"

#include "../runtime.h"

#define FOLD_MAX_ITEMS 256
#define FOLD_MAX_BITS 128

static bool is_number(px_val v) {
    const px_type *t = px_type_of(v);
#if PX_HAS_COMPLEX
    if (t == &px_type_complex) {
        return true;
    }
#endif
#if PX_HAS_FLOAT
    if (t == &px_type_float) {
        return true;
    }
#endif
    return t == &px_type_int || t == &px_type_bool;
}

static bool is_foldable(px_val v) {
    const px_type *t = px_type_of(v);
    return is_number(v) || t == &px_type_str || t == &px_type_bytes || t == &px_type_tuple ||
           t == &px_type_none;
}

/* Bits in a small int's magnitude, or a large number for anything else. */
static unsigned int_bits(px_val v) {
    if (v == PX_TRUE || v == PX_FALSE) {
        return 1;
    }
    if (!px_is_small(v)) {
        return 1000;
    }
    px_int i = px_small_get(v);
    uint64_t m = i < 0 ? (uint64_t)-(i + 1) + 1 : (uint64_t)i;
    unsigned n = 0;
    while (m) {
        n++;
        m >>= 1;
    }
    return n;
}

static bool is_int_like(px_val v) {
    const px_type *t = px_type_of(v);
    return t == &px_type_int || t == &px_type_bool;
}

static size_t seq_len(px_val v) {
    const px_type *t = px_type_of(v);
    if (t == &px_type_str) {
        size_t n;
        px_str_data(v, &n);
        return n;
    }
    if (t == &px_type_bytes) {
        size_t n;
        px_bytes_data(v, &n);
        return n;
    }
    if (t == &px_type_tuple) {
        return px_tuple_ptr(v)->len;
    }
    return 0;
}

static bool is_seq(px_val v) {
    const px_type *t = px_type_of(v);
    return t == &px_type_str || t == &px_type_bytes || t == &px_type_tuple;
}

/* Would `a op b` produce something too big to keep as a constant? */
static bool too_big(px_binop op, px_val a, px_val b) {
    switch (op) {
    case PX_BINOP_MUL:
        if (is_seq(a) && is_int_like(b)) {
            return int_bits(b) > 16 || seq_len(a) * (size_t)(px_is_small(b) ? px_small_get(b) : 0) > FOLD_MAX_ITEMS;
        }
        if (is_seq(b) && is_int_like(a)) {
            return int_bits(a) > 16 || seq_len(b) * (size_t)(px_is_small(a) ? px_small_get(a) : 0) > FOLD_MAX_ITEMS;
        }
        return false;
    case PX_BINOP_POW:
        if (is_int_like(a) && is_int_like(b)) {
            if (!px_is_small(b) || px_small_get(b) < 0) {
                return !px_is_small(b);
            }
            return (uint64_t)int_bits(a) * (uint64_t)px_small_get(b) > FOLD_MAX_BITS;
        }
        return false;
    case PX_BINOP_LSHIFT:
        if (is_int_like(a) && is_int_like(b)) {
            return !px_is_small(b) || px_small_get(b) < 0 ||
                   int_bits(a) + (uint64_t)px_small_get(b) > FOLD_MAX_BITS;
        }
        return false;
    case PX_BINOP_ADD:
        return is_seq(a) && is_seq(b) && seq_len(a) + seq_len(b) > 4096;
    default:
        return false;
    }
}

static void make_const(px_ast_expr *e, px_val v) {
    e->kind = PX_AST_Constant;
    e->ctx = PX_AST_LOAD;
    e->u.constant.value = v;
}

static px_val try_binary(px_binop op, px_val a, px_val b) {
    px_jmp j;
    volatile px_val r = PX_NULL;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        r = px_binary(op, a, b);
        px_try_pop(&j);
    } else {
        r = PX_NULL;
    }
    return r;
}

static px_val try_unary(px_unop op, px_val a) {
    px_jmp j;
    volatile px_val r = PX_NULL;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        r = px_unary(op, a);
        px_try_pop(&j);
    } else {
        r = PX_NULL;
    }
    return r;
}

static void fold_binop(px_ast_expr *e) {
    px_ast_expr *l = e->u.binop.left, *r = e->u.binop.right;
    if (l->kind != PX_AST_Constant || r->kind != PX_AST_Constant) {
        return;
    }
    px_val a = l->u.constant.value, b = r->u.constant.value;
    if (!is_foldable(a) || !is_foldable(b) || a == PX_NONE || b == PX_NONE) {
        return;
    }
    px_binop op = e->u.binop.op;
    if (op == PX_BINOP_MATMUL || too_big(op, a, b)) {
        return;
    }
    /* str % x formats at run time (and may depend on __format__ of x). */
    if (op == PX_BINOP_MOD && !is_number(a)) {
        return;
    }
    px_val v = try_binary(op, a, b);
    if (v != PX_NULL && v != PX_NOTIMPL && is_foldable(v)) {
        make_const(e, v);
    }
}

static void fold_unary(px_ast_expr *e) {
    px_ast_expr *o = e->u.unaryop.operand;
    if (o->kind != PX_AST_Constant) {
        return;
    }
    px_val a = o->u.constant.value;
    if (!is_foldable(a)) {
        return;
    }
    if (e->u.unaryop.op == PX_UNOP_NOT) {
        make_const(e, px_bool(!px_truthy(a)));
        return;
    }
    if (!is_number(a)) {
        return;
    }
    px_val v = try_unary(e->u.unaryop.op, a);
    if (v != PX_NULL && v != PX_NOTIMPL && is_foldable(v)) {
        make_const(e, v);
    }
}

static void fold_compare(px_ast_expr *e) {
    if (e->u.compare.left->kind != PX_AST_Constant) {
        return;
    }
    for (uint32_t i = 0; i < e->u.compare.comparators.len; i++) {
        if (e->u.compare.comparators.items[i]->kind != PX_AST_Constant ||
            e->u.compare.ops[i] > PX_BINOP_GE) {
            return; /* `is` and `in` stay as written */
        }
    }
    px_val left = e->u.compare.left->u.constant.value;
    if (!is_number(left) && px_type_of(left) != &px_type_str) {
        return;
    }
    px_val result = PX_TRUE;
    for (uint32_t i = 0; i < e->u.compare.comparators.len; i++) {
        px_val right = e->u.compare.comparators.items[i]->u.constant.value;
        if (!is_number(right) && px_type_of(right) != &px_type_str) {
            return;
        }
        px_val v = try_binary((px_binop)e->u.compare.ops[i], left, right);
        if (v != PX_TRUE && v != PX_FALSE) {
            return;
        }
        if (v == PX_FALSE) {
            result = PX_FALSE;
            break;
        }
        left = right;
    }
    make_const(e, result);
}

static void fold_boolop(px_ast_expr *e) {
    px_ast_exprs *vs = &e->u.boolop.values;
    for (uint32_t i = 0; i < vs->len; i++) {
        if (vs->items[i]->kind != PX_AST_Constant || !is_foldable(vs->items[i]->u.constant.value)) {
            return;
        }
    }
    bool is_and = e->u.boolop.op == PX_AST_AND;
    px_val v = PX_NULL;
    for (uint32_t i = 0; i < vs->len; i++) {
        v = vs->items[i]->u.constant.value;
        if (px_truthy(v) != is_and) {
            break;
        }
    }
    make_const(e, v);
}

static void fold_tuple(px_ast_expr *e) {
    px_ast_exprs *elts = &e->u.seq.elts;
    if (e->ctx != PX_AST_LOAD) {
        return;
    }
    for (uint32_t i = 0; i < elts->len; i++) {
        if (elts->items[i]->kind != PX_AST_Constant) {
            return;
        }
    }
    px_val t = px_tuple_new(elts->len, NULL);
    for (uint32_t i = 0; i < elts->len; i++) {
        px_tuple_ptr(t)->items[i] = elts->items[i]->u.constant.value;
    }
    make_const(e, t);
}

void px_fold_expr(px_ast_expr *e) {
    switch (e->kind) {
    case PX_AST_BinOp:
        fold_binop(e);
        break;
    case PX_AST_UnaryOp:
        fold_unary(e);
        break;
    case PX_AST_Compare:
        fold_compare(e);
        break;
    case PX_AST_BoolOp:
        fold_boolop(e);
        break;
    case PX_AST_Tuple:
        fold_tuple(e);
        break;
    case PX_AST_Call: {
        /* MicroPython's const(x): the constant itself. */
        px_ast_expr *f = e->u.call.func;
        if (f->kind == PX_AST_Name && f->u.name.id == PX_Q(const) && e->u.call.args.len == 1 &&
            e->u.call.keywords.len == 0 && e->u.call.args.items[0]->kind == PX_AST_Constant) {
            make_const(e, e->u.call.args.items[0]->u.constant.value);
        }
        break;
    }
    case PX_AST_Name:
        if (e->ctx == PX_AST_LOAD && e->u.name.id == PX_Q(__debug__)) {
            make_const(e, px_bool(px_compile_optimize == 0));
        }
        break;
    default:
        break;
    }
}
