/* Expression code generation: names by scope, operators, calls, displays,
 * comprehensions (as nested functions), f-strings and t-strings, targets
 * of assignment and del, and conditional jumps. */
#include "codegen.h"

#include "../runtime.h"

/* ---- names */

void px_cg_name(px_compiler *c, px_qid name, px_ast_ctx ctx) {
    px_unit *u = c->u;
    px_scope *s = u->scope;
    px_symbol *sym = px_scope_lookup(s, name);
    px_sym_kind kind = sym ? (px_sym_kind)sym->kind : PX_SYM_GLOBAL_IMPLICIT;
    static const px_opcode name_ops[3] = {PX_OP_LOAD_NAME, PX_OP_STORE_NAME, PX_OP_DELETE_NAME};
    static const px_opcode fast_ops[3] = {PX_OP_LOAD_FAST, PX_OP_STORE_FAST, PX_OP_DELETE_FAST};
    static const px_opcode deref_ops[3] = {PX_OP_LOAD_DEREF, PX_OP_STORE_DEREF, PX_OP_DELETE_DEREF};
    static const px_opcode global_ops[3] = {PX_OP_LOAD_GLOBAL, PX_OP_STORE_GLOBAL, PX_OP_DELETE_GLOBAL};
    bool namespace_scope = s->kind == PX_SCOPE_MODULE || s->kind == PX_SCOPE_CLASS;
    switch (kind) {
    case PX_SYM_LOCAL:
        if (namespace_scope) {
            px_emit_u(u, name_ops[ctx], px_name_index(u, name));
        } else if (ctx == PX_AST_LOAD && (sym->flags & PX_DEF_AUGADD)) {
            px_emit_u(u, PX_OP_LOAD_FAST_ESC, (uint32_t)sym->fast);
        } else {
            px_emit_u(u, fast_ops[ctx], (uint32_t)sym->fast);
        }
        return;
    case PX_SYM_CELL:
    case PX_SYM_FREE:
        if (s->kind == PX_SCOPE_CLASS && kind == PX_SYM_CELL) {
            px_emit_u(u, name_ops[ctx], px_name_index(u, name));
        } else if (s->kind == PX_SCOPE_CLASS && ctx == PX_AST_LOAD) {
            px_emit_uu(u, PX_OP_LOAD_CLASSDEREF, px_name_index(u, name), (uint32_t)sym->cell);
        } else {
            px_emit_u(u, deref_ops[ctx], (uint32_t)sym->cell);
        }
        return;
    case PX_SYM_GLOBAL_IMPLICIT:
        if (namespace_scope) {
            px_emit_u(u, name_ops[ctx], px_name_index(u, name));
            return;
        }
        /* fall through */
    case PX_SYM_GLOBAL_EXPLICIT:
        if (ctx == PX_AST_LOAD) {
            px_emit_cached(u, PX_OP_LOAD_GLOBAL, px_name_index(u, name));
        } else {
            px_emit_u(u, global_ops[ctx], px_name_index(u, name));
        }
        return;
    }
}

bool px_cg_is_const(const px_ast_expr *e) { return e->kind == PX_AST_Constant; }

void px_cg_await(px_compiler *c) {
    px_emit_op(c->u, PX_OP_GET_AWAITABLE);
    px_emit_op(c->u, PX_OP_LOAD_NONE);
    px_emit_op(c->u, PX_OP_YIELD_FROM);
}

static void set_line(px_compiler *c, const px_ast_expr *e) {
    if (e->lineno) {
        c->u->line = e->lineno;
    }
}

/* ---- displays */

/* Displays, calls, defaults and closures with more items than this are
 * built incrementally (BUILD_LIST 0 + LIST_APPEND ...), so the value stack
 * stays small however long the source line: a code object's stack size
 * is a 16-bit count (bytecode.h). */
#define DIRECT_MAX 64

static bool any_starred(px_ast_exprs *l) {
    for (uint32_t i = 0; i < l->len; i++) {
        if (l->items[i]->kind == PX_AST_Starred) {
            return true;
        }
    }
    return false;
}

static bool all_const(px_ast_exprs *l) {
    for (uint32_t i = 0; i < l->len; i++) {
        if (l->items[i]->kind != PX_AST_Constant) {
            return false;
        }
    }
    return true;
}

static px_val const_tuple(px_ast_exprs *l) {
    px_val t = px_tuple_new(l->len, NULL);
    for (uint32_t i = 0; i < l->len; i++) {
        px_tuple_ptr(t)->items[i] = l->items[i]->u.constant.value;
    }
    return t;
}

/* List, tuple or set display. */
static void cg_sequence(px_compiler *c, px_ast_expr *e) {
    px_unit *u = c->u;
    px_ast_exprs *elts = &e->u.seq.elts;
    bool is_set = e->kind == PX_AST_Set;
    px_opcode build = is_set ? PX_OP_BUILD_SET : e->kind == PX_AST_List ? PX_OP_BUILD_LIST : PX_OP_BUILD_TUPLE;
    bool starred = any_starred(elts);
    if (!starred && elts->len > 2 && all_const(elts) && build != PX_OP_BUILD_TUPLE) {
        px_emit_u(u, build, 0);
        px_emit_const(u, const_tuple(elts));
        px_emit_u(u, is_set ? PX_OP_SET_UPDATE : PX_OP_LIST_EXTEND, 1);
        return;
    }
    if (!starred && elts->len <= DIRECT_MAX) {
        for (uint32_t i = 0; i < elts->len; i++) {
            px_cg_expr(c, elts->items[i]);
        }
        set_line(c, e);
        px_emit_u(u, build, elts->len);
        return;
    }
    /* Starred items or a long display: build incrementally. */
    px_emit_u(u, is_set ? PX_OP_BUILD_SET : PX_OP_BUILD_LIST, 0);
    for (uint32_t i = 0; i < elts->len; i++) {
        px_ast_expr *x = elts->items[i];
        if (x->kind == PX_AST_Starred) {
            px_cg_expr(c, x->u.starred.value);
            px_emit_u(u, is_set ? PX_OP_SET_UPDATE : PX_OP_LIST_EXTEND, 1);
        } else {
            px_cg_expr(c, x);
            px_emit_u(u, is_set ? PX_OP_SET_ADD : PX_OP_LIST_APPEND, 1);
        }
    }
    if (build == PX_OP_BUILD_TUPLE) {
        px_emit_op(u, PX_OP_LIST_TO_TUPLE);
    }
}

/* Build the `pending` key/value pairs on the stack into a dict; after the
   first one, merge it into the dict already being built. */
static void flush_map(px_unit *u, uint32_t *pending, bool *have_dict) {
    px_emit_u(u, PX_OP_BUILD_MAP, *pending);
    if (*have_dict) {
        px_emit_u(u, PX_OP_DICT_UPDATE, 1);
    }
    *have_dict = true;
    *pending = 0;
}

static void cg_dict(px_compiler *c, px_ast_expr *e) {
    px_unit *u = c->u;
    px_ast_exprs *keys = &e->u.dict.keys, *values = &e->u.dict.values;
    bool have_dict = false;
    uint32_t pending = 0;
    for (uint32_t i = 0; i < keys->len; i++) {
        if (!keys->items[i]) {
            if (pending || !have_dict) {
                flush_map(u, &pending, &have_dict);
            }
            px_cg_expr(c, values->items[i]);
            px_emit_u(u, PX_OP_DICT_UPDATE, 1);
            continue;
        }
        px_cg_expr(c, keys->items[i]);
        px_cg_expr(c, values->items[i]);
        if (++pending == 16 && keys->len > 16) {
            flush_map(u, &pending, &have_dict);
        }
    }
    if (pending || !have_dict) {
        set_line(c, e);
        flush_map(u, &pending, &have_dict);
    }
}

/* ---- calls */

/* Whether a call must go through CALL_EX: *args, **kwargs, or too many
 * arguments to push on the stack. */
static bool call_needs_ex(px_ast_exprs *args, px_ast_keywords *kws) {
    if (args->len + kws->len > DIRECT_MAX || any_starred(args)) {
        return true;
    }
    for (uint32_t i = 0; i < kws->len; i++) {
        if (!kws->items[i]->arg) {
            return true;
        }
    }
    return false;
}

void px_cg_call_args(px_compiler *c, uint32_t npre, px_ast_exprs *args, px_ast_keywords *kws, bool method) {
    px_unit *u = c->u;
    /* the parser rejected repeated keywords */
    if (call_needs_ex(args, kws)) {
        /* f(*a, **k): collect into a tuple and a dict, then CALL_EX. */
        if (method) {
            px_cg_error(c, NULL, "internal error: CALL_EX after LOAD_METHOD");
        }
        px_emit_u(u, PX_OP_BUILD_LIST, npre);
        for (uint32_t i = 0; i < args->len; i++) {
            px_ast_expr *x = args->items[i];
            if (x->kind == PX_AST_Starred) {
                px_cg_expr(c, x->u.starred.value);
                px_emit_u(u, PX_OP_LIST_EXTEND, 1);
            } else {
                px_cg_expr(c, x);
                px_emit_u(u, PX_OP_LIST_APPEND, 1);
            }
        }
        px_emit_op(u, PX_OP_LIST_TO_TUPLE);
        if (kws->len) {
            px_emit_u(u, PX_OP_BUILD_MAP, 0);
            uint32_t pending = 0;
            for (uint32_t i = 0; i <= kws->len; i++) {
                px_ast_keyword *k = i < kws->len ? kws->items[i] : NULL;
                if ((!k || !k->arg || pending == 16) && pending) {
                    px_emit_u(u, PX_OP_BUILD_MAP, pending);
                    px_emit_u(u, PX_OP_DICT_MERGE, 1);
                    pending = 0;
                }
                if (!k) {
                    break;
                }
                if (k->arg) {
                    px_emit_const(u, px_qstr(k->arg));
                    px_cg_expr(c, k->value);
                    pending++;
                } else {
                    px_cg_expr(c, k->value);
                    px_emit_u(u, PX_OP_DICT_MERGE, 1);
                }
            }
            px_emit_u(u, PX_OP_CALL_EX, 1);
        } else {
            px_emit_u(u, PX_OP_CALL_EX, 0);
        }
        return;
    }
    for (uint32_t i = 0; i < args->len; i++) {
        px_cg_expr(c, args->items[i]);
    }
    uint32_t n = npre + args->len;
    if (kws->len) {
        px_val *names = px_gc_alloc(kws->len * sizeof(px_val), 0);
        for (uint32_t i = 0; i < kws->len; i++) {
            px_ast_keyword *k = kws->items[i];
            names[i] = px_qstr(k->arg);
            px_cg_expr(c, k->value);
        }
        px_emit_const(u, px_tuple_new(kws->len, names));
        px_emit_u(u, method ? PX_OP_CALL_METHOD_KW : PX_OP_CALL_KW, n + kws->len);
    } else {
        px_emit_u(u, method ? PX_OP_CALL_METHOD : PX_OP_CALL, n);
    }
}

static void cg_call(px_compiler *c, px_ast_expr *e) {
    px_unit *u = c->u;
    px_ast_expr *f = e->u.call.func;
    if (!call_needs_ex(&e->u.call.args, &e->u.call.keywords) && f->kind == PX_AST_Attribute) {
        px_cg_expr(c, f->u.attribute.value);
        set_line(c, f);
        px_emit_cached(u, PX_OP_LOAD_METHOD, px_name_index(u, f->u.attribute.attr));
        px_cg_call_args(c, 0, &e->u.call.args, &e->u.call.keywords, true);
        return;
    }
    px_cg_expr(c, f);
    px_cg_call_args(c, 0, &e->u.call.args, &e->u.call.keywords, false);
}

/* ---- comparisons */

static void emit_compare_op(px_unit *u, unsigned op) {
    switch (op) {
    case PX_AST_CMP_IS:
        px_emit_u(u, PX_OP_IS_OP, 0);
        break;
    case PX_AST_CMP_ISNOT:
        px_emit_u(u, PX_OP_IS_OP, 1);
        break;
    case PX_AST_CMP_IN:
        px_emit_u(u, PX_OP_CONTAINS_OP, 0);
        break;
    case PX_AST_CMP_NOTIN:
        px_emit_u(u, PX_OP_CONTAINS_OP, 1);
        break;
    default:
        px_emit_u(u, PX_OP_COMPARE_OP, op);
        break;
    }
}

/* `x in [a, b]` needs no list: a tuple of constants does. */
static void cg_compare_operand(px_compiler *c, px_ast_expr *e, unsigned op) {
    if ((op == PX_AST_CMP_IN || op == PX_AST_CMP_NOTIN) && e->kind == PX_AST_List &&
        all_const(&e->u.seq.elts) && !any_starred(&e->u.seq.elts)) {
        px_emit_const(c->u, const_tuple(&e->u.seq.elts));
        return;
    }
    px_cg_expr(c, e);
}

/* One link of a chain `a < b < c`: with the left operand on the stack,
 * comparator i is evaluated and kept under the comparison's result for
 * the next link; the chain leaves for label by jump_op when it is false. */
static void cg_compare_link(px_compiler *c, px_ast_expr *e, uint32_t i, px_opcode jump_op, int label) {
    px_unit *u = c->u;
    cg_compare_operand(c, e->u.compare.comparators.items[i], e->u.compare.ops[i]);
    set_line(c, e);
    px_emit_op(u, PX_OP_DUP_TOP);
    px_emit_op(u, PX_OP_ROT_THREE);
    emit_compare_op(u, e->u.compare.ops[i]);
    px_emit_jump(u, jump_op, label);
}

static void cg_compare(px_compiler *c, px_ast_expr *e) {
    px_unit *u = c->u;
    px_ast_exprs *rest = &e->u.compare.comparators;
    uint8_t *ops = e->u.compare.ops;
    px_cg_expr(c, e->u.compare.left);
    if (rest->len == 1) {
        cg_compare_operand(c, rest->items[0], ops[0]);
        set_line(c, e);
        emit_compare_op(u, ops[0]);
        return;
    }
    /* a < b < c: each middle operand is evaluated once, short-circuit. */
    int l_cleanup = px_label_new(u), l_end = px_label_new(u);
    for (uint32_t i = 0; i + 1 < rest->len; i++) {
        cg_compare_link(c, e, i, PX_OP_JUMP_IF_FALSE_OR_POP, l_cleanup);
    }
    cg_compare_operand(c, rest->items[rest->len - 1], ops[rest->len - 1]);
    set_line(c, e);
    emit_compare_op(u, ops[rest->len - 1]);
    px_emit_jump(u, PX_OP_JUMP, l_end);
    px_label_place(u, l_cleanup);
    px_emit_op(u, PX_OP_ROT_TWO);
    px_emit_op(u, PX_OP_POP_TOP);
    px_label_place(u, l_end);
}

/* ---- conditional jumps */

void px_cg_jump_if(px_compiler *c, px_ast_expr *e, bool cond, int label) {
    px_unit *u = c->u;
    switch (e->kind) {
    case PX_AST_Constant:
        if (px_truthy(e->u.constant.value) == cond) {
            px_emit_jump(u, PX_OP_JUMP, label);
        }
        return;
    case PX_AST_UnaryOp:
        if (e->u.unaryop.op == PX_UNOP_NOT) {
            px_cg_jump_if(c, e->u.unaryop.operand, !cond, label);
            return;
        }
        break;
    case PX_AST_BoolOp: {
        px_ast_exprs *vs = &e->u.boolop.values;
        bool is_and = e->u.boolop.op == PX_AST_AND;
        /* `and` jumps out early when false, `or` when true. */
        if (is_and != cond) {
            for (uint32_t i = 0; i < vs->len; i++) {
                px_cg_jump_if(c, vs->items[i], cond, label);
            }
        } else {
            int l_skip = px_label_new(u);
            for (uint32_t i = 0; i + 1 < vs->len; i++) {
                px_cg_jump_if(c, vs->items[i], !cond, l_skip);
            }
            px_cg_jump_if(c, vs->items[vs->len - 1], cond, label);
            px_label_place(u, l_skip);
        }
        return;
    }
    case PX_AST_Compare:
        if (e->u.compare.comparators.len == 1 &&
            (e->u.compare.ops[0] == PX_AST_CMP_IS || e->u.compare.ops[0] == PX_AST_CMP_ISNOT) &&
            e->u.compare.comparators.items[0]->kind == PX_AST_Constant &&
            e->u.compare.comparators.items[0]->u.constant.value == PX_NONE) {
            bool is_none = (e->u.compare.ops[0] == PX_AST_CMP_IS) == cond;
            px_cg_expr(c, e->u.compare.left);
            set_line(c, e);
            px_emit_jump(u, is_none ? PX_OP_POP_JUMP_IF_NONE : PX_OP_POP_JUMP_IF_NOT_NONE, label);
            return;
        }
        if (e->u.compare.comparators.len > 1) {
            /* `if a < b < c:` jumps on each comparison (so the loop can
             * take each with its compare, without pushing a bool), each
             * result's truth tested once, as CPython does */
            px_ast_exprs *rest = &e->u.compare.comparators;
            uint8_t *ops = e->u.compare.ops;
            int l_cleanup = px_label_new(u), l_end = px_label_new(u);
            px_cg_expr(c, e->u.compare.left);
            for (uint32_t i = 0; i + 1 < rest->len; i++) {
                cg_compare_link(c, e, i, PX_OP_POP_JUMP_IF_FALSE, l_cleanup); /* [middle] */
            }
            cg_compare_operand(c, rest->items[rest->len - 1], ops[rest->len - 1]);
            set_line(c, e);
            emit_compare_op(u, ops[rest->len - 1]);
            px_emit_jump(u, cond ? PX_OP_POP_JUMP_IF_TRUE : PX_OP_POP_JUMP_IF_FALSE, label);
            px_emit_jump(u, PX_OP_JUMP, l_end);
            px_label_place(u, l_cleanup); /* an earlier comparison was false */
            px_emit_op(u, PX_OP_POP_TOP);
            if (!cond) {
                px_emit_jump(u, PX_OP_JUMP, label);
            }
            px_label_place(u, l_end);
            return;
        }
        break;
    default:
        break;
    }
    px_cg_expr(c, e);
    set_line(c, e);
    px_emit_jump(u, cond ? PX_OP_POP_JUMP_IF_TRUE : PX_OP_POP_JUMP_IF_FALSE, label);
}

/* ---- functions */

uint32_t px_cg_defaults(px_compiler *c, px_ast_arguments *a) {
    px_unit *u = c->u;
    uint32_t flags = 0;
    if (a->defaults.len) {
        if (all_const(&a->defaults)) {
            px_emit_const(u, const_tuple(&a->defaults));
        } else if (a->defaults.len <= DIRECT_MAX) {
            for (uint32_t i = 0; i < a->defaults.len; i++) {
                px_cg_expr(c, a->defaults.items[i]);
            }
            px_emit_u(u, PX_OP_BUILD_TUPLE, a->defaults.len);
        } else {
            px_emit_u(u, PX_OP_BUILD_LIST, 0);
            for (uint32_t i = 0; i < a->defaults.len; i++) {
                px_cg_expr(c, a->defaults.items[i]);
                px_emit_u(u, PX_OP_LIST_APPEND, 1);
            }
            px_emit_op(u, PX_OP_LIST_TO_TUPLE);
        }
        flags |= 1;
    }
    uint32_t pending = 0;
    bool have_dict = false;
    for (uint32_t i = 0; i < a->kw_defaults.len; i++) {
        if (a->kw_defaults.items[i]) {
            px_emit_const(u, px_qstr(a->kwonlyargs.items[i]->arg));
            px_cg_expr(c, a->kw_defaults.items[i]);
            if (++pending == 16) {
                flush_map(u, &pending, &have_dict);
            }
        }
    }
    if (pending) {
        flush_map(u, &pending, &have_dict);
    }
    if (have_dict) {
        flags |= 2;
    }
    return flags;
}

static void cg_lambda(px_compiler *c, px_ast_expr *e) {
    uint32_t flags = px_cg_defaults(c, e->u.lambda.args);
    px_scope *s = px_scope_child(c->u->scope, e);
    px_unit lu;
    px_cg_unit_push(c, &lu, s, PX_Q(lt_lambda), e->lineno);
    if (s->is_generator) {
        lu.flags |= PX_CODE_GENERATOR;
    }
    if (s->varargs) {
        lu.flags |= PX_CODE_VARARGS;
    }
    if (s->varkeywords) {
        lu.flags |= PX_CODE_VARKEYWORDS;
    }
    for (uint32_t i = 0; i < s->nsyms; i++) {
        px_symbol *sym = &s->syms[i];
        if ((sym->flags & PX_DEF_PARAM) && sym->kind == PX_SYM_CELL) {
            px_emit_u(&lu, PX_OP_LOAD_FAST, (uint32_t)sym->fast);
            px_emit_u(&lu, PX_OP_STORE_DEREF, (uint32_t)sym->cell);
        }
    }
    px_cg_expr(c, e->u.lambda.body);
    if (s->is_generator) {
        px_emit_op(&lu, PX_OP_POP_TOP);
        px_emit_op(&lu, PX_OP_LOAD_NONE);
    }
    px_emit_op(&lu, PX_OP_RETURN_VALUE);
    px_code *code = px_cg_unit_pop(c);
    set_line(c, e);
    px_cg_make_function(c, code, s, flags);
}

/* ---- comprehensions */

static void comp_loop(px_compiler *c, px_ast_expr *e, px_ast_comprehensions *gens, uint32_t i) {
    px_unit *u = c->u;
    px_ast_comprehension *g = gens->items[i];
    if (i == 0) {
        px_emit_u(u, PX_OP_LOAD_FAST, 0); /* the ".0" argument: an iterator */
    } else {
        px_cg_expr(c, g->iter);
        px_emit_op(u, g->is_async ? PX_OP_GET_AITER : PX_OP_GET_ITER);
    }
    int l_top = px_label_new(u), l_end = px_label_new(u);
    int h = -1, outer = u->cur_handler;
    px_label_place(u, l_top);
    set_line(c, e);
    if (g->is_async) {
        h = px_handler_new(u, l_end, u->depth);
        px_handler_set(u, h);
        px_emit_op(u, PX_OP_GET_ANEXT);
        px_emit_op(u, PX_OP_LOAD_NONE);
        px_emit_op(u, PX_OP_YIELD_FROM);
        px_handler_set(u, outer);
    } else {
        px_emit_jump(u, PX_OP_FOR_ITER, l_end);
    }
    px_cg_store(c, g->target);
    for (uint32_t k = 0; k < g->ifs.len; k++) {
        px_cg_jump_if(c, g->ifs.items[k], false, l_top);
    }
    if (i + 1 < gens->len) {
        comp_loop(c, e, gens, i + 1);
    } else {
        uint32_t depth = i + 2; /* the container below i+1 iterators */
        switch (e->kind) {
        case PX_AST_GeneratorExp:
            px_cg_expr(c, e->u.comp.elt);
            set_line(c, e);
            px_emit_op(u, PX_OP_YIELD_VALUE);
            px_emit_op(u, PX_OP_POP_TOP);
            break;
        case PX_AST_ListComp:
            px_cg_expr(c, e->u.comp.elt);
            px_emit_u(u, PX_OP_LIST_APPEND, depth);
            break;
        case PX_AST_SetComp:
            px_cg_expr(c, e->u.comp.elt);
            px_emit_u(u, PX_OP_SET_ADD, depth);
            break;
        default:
            px_cg_expr(c, e->u.dictcomp.key);
            px_cg_expr(c, e->u.dictcomp.value);
            px_emit_u(u, PX_OP_MAP_ADD, depth);
            break;
        }
    }
    set_line(c, e);
    px_emit_jump(u, PX_OP_JUMP, l_top);
    if (g->is_async) {
        px_label_place_handler(u, h); /* [.., aiter, exc] */
        px_emit_op(u, PX_OP_END_ASYNC_FOR);
    } else {
        px_label_place(u, l_end);
    }
}

static void cg_comprehension(px_compiler *c, px_ast_expr *e) {
    px_unit *u = c->u;
    px_scope *s = px_scope_child(u->scope, e);
    px_ast_comprehensions *gens = e->kind == PX_AST_DictComp ? &e->u.dictcomp.generators
                                                             : &e->u.comp.generators;
    bool genexp = e->kind == PX_AST_GeneratorExp;
    px_unit cu;
    px_cg_unit_push(c, &cu, s, s->name, e->lineno);
    if (genexp) {
        cu.flags |= s->is_coroutine ? PX_CODE_ASYNC_GENERATOR : PX_CODE_GENERATOR;
    } else if (s->is_coroutine) {
        cu.flags |= PX_CODE_COROUTINE;
    }
    if (!genexp) {
        px_emit_u(&cu, e->kind == PX_AST_ListComp  ? PX_OP_BUILD_LIST
                       : e->kind == PX_AST_SetComp ? PX_OP_BUILD_SET
                                                   : PX_OP_BUILD_MAP,
                  0);
    }
    comp_loop(c, e, gens, 0);
    if (genexp) {
        px_emit_op(&cu, PX_OP_LOAD_NONE);
    }
    px_emit_op(&cu, PX_OP_RETURN_VALUE);
    px_code *code = px_cg_unit_pop(c);
    set_line(c, e);
    px_cg_make_function(c, code, s, 0);
    px_cg_expr(c, gens->items[0]->iter);
    set_line(c, e);
    px_emit_op(u, gens->items[0]->is_async ? PX_OP_GET_AITER : PX_OP_GET_ITER);
    px_emit_u(u, PX_OP_CALL, 1);
    if (s->is_coroutine && !genexp) {
        px_cg_await(c);
    }
}

/* ---- f-strings and t-strings */

static uint32_t conversion_bits(int conv) {
    switch (conv) {
    case 's':
        return 1;
    case 'r':
        return 2;
    case 'a':
        return 3;
    default:
        return 0;
    }
}

static void cg_formatted(px_compiler *c, px_ast_expr *e) {
    px_cg_expr(c, e->u.formatted.value);
    uint32_t flags = conversion_bits(e->u.formatted.conversion);
    if (e->u.formatted.format_spec) {
        px_cg_expr(c, e->u.formatted.format_spec);
        flags |= 4;
    }
    set_line(c, e);
    px_emit_u(c->u, PX_OP_FORMAT_VALUE, flags);
}

static void cg_joined(px_compiler *c, px_ast_expr *e) {
    px_ast_exprs *vs = &e->u.joined.values;
    if (vs->len == 0) {
        px_emit_const(c->u, px_qstr(PX_Q(empty)));
        return;
    }
    /* A long string is joined in two levels as it goes (groups of pieces,
     * then groups of groups), so the stack stays small and each character
     * is copied a bounded number of times. */
    uint32_t pieces = 0, groups = 0;
    for (uint32_t i = 0; i < vs->len; i++) {
        px_cg_expr(c, vs->items[i]);
        if (++pieces == DIRECT_MAX && i + 1 < vs->len) {
            px_emit_u(c->u, PX_OP_BUILD_STRING, pieces);
            pieces = 0;
            if (++groups == DIRECT_MAX) {
                px_emit_u(c->u, PX_OP_BUILD_STRING, groups);
                groups = 1;
            }
        }
    }
    if (vs->len > 1 || vs->items[0]->kind == PX_AST_Constant) {
        set_line(c, e);
        px_emit_u(c->u, PX_OP_BUILD_STRING, groups + pieces);
    }
}

static void cg_template(px_compiler *c, px_ast_expr *e) {
    px_unit *u = c->u;
    px_ast_exprs *vs = &e->u.joined.values;
    bool want_str = true;
    uint32_t n = 0;
    for (uint32_t i = 0; i < vs->len; i++) {
        px_ast_expr *x = vs->items[i];
        if (x->kind == PX_AST_Constant) {
            px_cg_expr(c, x);
            if (!want_str) {
                px_emit_u(u, PX_OP_BUILD_STRING, 2); /* adjacent strings */
            }
            want_str = false;
            continue;
        }
        if (want_str) {
            px_emit_const(u, px_qstr(PX_Q(empty)));
        }
        px_cg_expr(c, x->u.interp.value);
        px_emit_const(u, x->u.interp.str);
        uint32_t flags = conversion_bits(x->u.interp.conversion);
        if (x->u.interp.format_spec) {
            px_cg_expr(c, x->u.interp.format_spec);
            flags |= 4;
        }
        set_line(c, x);
        px_emit_u(u, PX_OP_BUILD_INTERPOLATION, flags);
        n++;
        want_str = true;
    }
    if (want_str) {
        px_emit_const(u, px_qstr(PX_Q(empty)));
    }
    set_line(c, e);
    px_emit_u(u, PX_OP_BUILD_TEMPLATE, n);
}

/* ---- expressions */

static void cg_expr_inner(px_compiler *c, px_ast_expr *e) {
    px_unit *u = c->u;
    switch (e->kind) {
    case PX_AST_BoolOp: {
        px_ast_exprs *vs = &e->u.boolop.values;
        int l_end = px_label_new(u);
        px_opcode op = e->u.boolop.op == PX_AST_AND ? PX_OP_JUMP_IF_FALSE_OR_POP : PX_OP_JUMP_IF_TRUE_OR_POP;
        for (uint32_t i = 0; i + 1 < vs->len; i++) {
            px_cg_expr(c, vs->items[i]);
            px_emit_jump(u, op, l_end);
        }
        px_cg_expr(c, vs->items[vs->len - 1]);
        px_label_place(u, l_end);
        break;
    }
    case PX_AST_NamedExpr:
        px_cg_expr(c, e->u.namedexpr.value);
        px_emit_op(u, PX_OP_DUP_TOP);
        px_cg_store(c, e->u.namedexpr.target);
        break;
    case PX_AST_BinOp:
        px_cg_expr(c, e->u.binop.left);
        px_cg_expr(c, e->u.binop.right);
        px_emit_u(u, PX_OP_BINARY_OP, (uint32_t)e->u.binop.op);
        break;
    case PX_AST_UnaryOp:
        px_cg_expr(c, e->u.unaryop.operand);
        px_emit_u(u, PX_OP_UNARY_OP, (uint32_t)e->u.unaryop.op);
        break;
    case PX_AST_Lambda:
        cg_lambda(c, e);
        break;
    case PX_AST_IfExp: {
        int l_else = px_label_new(u), l_end = px_label_new(u);
        px_cg_jump_if(c, e->u.ifexp.test, false, l_else);
        px_cg_expr(c, e->u.ifexp.body);
        px_emit_jump(u, PX_OP_JUMP, l_end);
        px_label_place(u, l_else);
        px_cg_expr(c, e->u.ifexp.orelse);
        px_label_place(u, l_end);
        break;
    }
    case PX_AST_Dict:
        cg_dict(c, e);
        break;
    case PX_AST_Set:
    case PX_AST_List:
    case PX_AST_Tuple:
        cg_sequence(c, e);
        break;
    case PX_AST_ListComp:
    case PX_AST_SetComp:
    case PX_AST_DictComp:
    case PX_AST_GeneratorExp:
        cg_comprehension(c, e);
        break;
    case PX_AST_Await:
        px_cg_expr(c, e->u.value.value);
        set_line(c, e);
        px_cg_await(c);
        break;
    case PX_AST_Yield:
        if (e->u.value.value) {
            px_cg_expr(c, e->u.value.value);
        } else {
            px_emit_op(u, PX_OP_LOAD_NONE);
        }
        set_line(c, e);
        px_emit_op(u, PX_OP_YIELD_VALUE);
        break;
    case PX_AST_YieldFrom:
        px_cg_expr(c, e->u.value.value);
        set_line(c, e);
        px_emit_op(u, PX_OP_GET_YIELD_FROM_ITER);
        px_emit_op(u, PX_OP_LOAD_NONE);
        px_emit_op(u, PX_OP_YIELD_FROM);
        break;
    case PX_AST_Compare:
        cg_compare(c, e);
        break;
    case PX_AST_Call:
        cg_call(c, e);
        break;
    case PX_AST_FormattedValue:
        cg_formatted(c, e);
        break;
    case PX_AST_JoinedStr:
        cg_joined(c, e);
        break;
    case PX_AST_TemplateStr:
        cg_template(c, e);
        break;
    case PX_AST_Constant:
        px_emit_const(u, e->u.constant.value);
        break;
    case PX_AST_Attribute:
        px_cg_expr(c, e->u.attribute.value);
        set_line(c, e);
        px_emit_cached(u, PX_OP_LOAD_ATTR, px_name_index(u, e->u.attribute.attr));
        break;
    case PX_AST_Subscript:
        px_cg_expr(c, e->u.subscript.value);
        px_cg_expr(c, e->u.subscript.slice);
        set_line(c, e);
        px_emit_op(u, PX_OP_BINARY_SUBSCR);
        break;
    case PX_AST_Starred:
        px_cg_error(c, e, "can't use starred expression here");
    case PX_AST_Name:
        px_cg_name(c, e->u.name.id, PX_AST_LOAD);
        break;
    case PX_AST_Slice: {
        uint32_t n = 2;
        px_ast_expr *parts[3] = {e->u.slice.lower, e->u.slice.upper, e->u.slice.step};
        for (int i = 0; i < 2; i++) {
            if (parts[i]) {
                px_cg_expr(c, parts[i]);
            } else {
                px_emit_op(u, PX_OP_LOAD_NONE);
            }
        }
        if (parts[2]) {
            px_cg_expr(c, parts[2]);
            n = 3;
        }
        px_emit_u(u, PX_OP_BUILD_SLICE, n);
        break;
    }
    default:
        px_cg_error(c, e, "invalid syntax");
    }
}

void px_cg_expr(px_compiler *c, px_ast_expr *e) {
    px_cg_check_stack();
    px_unit *u = c->u;
    uint32_t saved = u->line;
    set_line(c, e);
    cg_expr_inner(c, e);
    u->line = saved;
}

/* ---- targets */

static void cg_unpack(px_compiler *c, px_ast_expr *t) {
    px_unit *u = c->u;
    px_ast_exprs *elts = &t->u.seq.elts;
    uint32_t star = elts->len;
    for (uint32_t i = 0; i < elts->len; i++) {
        if (elts->items[i]->kind == PX_AST_Starred) {
            if (star != elts->len) {
                px_cg_error(c, elts->items[i], "multiple starred expressions in assignment");
            }
            star = i;
        }
    }
    set_line(c, t);
    if (star == elts->len) {
        px_emit_u(u, PX_OP_UNPACK_SEQUENCE, elts->len);
    } else {
        px_emit_uu(u, PX_OP_UNPACK_EX, star, elts->len - star - 1);
    }
    for (uint32_t i = 0; i < elts->len; i++) {
        px_ast_expr *x = elts->items[i];
        px_cg_store(c, x->kind == PX_AST_Starred ? x->u.starred.value : x);
    }
}

void px_cg_store(px_compiler *c, px_ast_expr *t) {
    px_unit *u = c->u;
    uint32_t saved = u->line;
    switch (t->kind) {
    case PX_AST_Name:
        px_cg_name(c, t->u.name.id, PX_AST_STORE);
        break;
    case PX_AST_Attribute:
        px_cg_expr(c, t->u.attribute.value);
        set_line(c, t);
        px_emit_cached(u, PX_OP_STORE_ATTR, px_name_index(u, t->u.attribute.attr));
        break;
    case PX_AST_Subscript:
        px_cg_expr(c, t->u.subscript.value);
        px_cg_expr(c, t->u.subscript.slice);
        set_line(c, t);
        px_emit_op(u, PX_OP_STORE_SUBSCR);
        break;
    case PX_AST_Tuple:
    case PX_AST_List:
        cg_unpack(c, t);
        break;
    case PX_AST_Starred:
        px_cg_error(c, t, "starred assignment target must be in a list or tuple");
    default:
        px_cg_error(c, t, "cannot assign to expression");
    }
    u->line = saved;
}

void px_cg_delete(px_compiler *c, px_ast_expr *t) {
    px_unit *u = c->u;
    set_line(c, t);
    switch (t->kind) {
    case PX_AST_Name:
        px_cg_name(c, t->u.name.id, PX_AST_DEL);
        break;
    case PX_AST_Attribute:
        px_cg_expr(c, t->u.attribute.value);
        set_line(c, t);
        px_emit_u(u, PX_OP_DELETE_ATTR, px_name_index(u, t->u.attribute.attr));
        break;
    case PX_AST_Subscript:
        px_cg_expr(c, t->u.subscript.value);
        px_cg_expr(c, t->u.subscript.slice);
        set_line(c, t);
        px_emit_op(u, PX_OP_DELETE_SUBSCR);
        break;
    case PX_AST_Tuple:
    case PX_AST_List:
        for (uint32_t i = 0; i < t->u.seq.elts.len; i++) {
            px_cg_delete(c, t->u.seq.elts.items[i]);
        }
        break;
    default:
        px_cg_error(c, t, "cannot delete expression");
    }
}
