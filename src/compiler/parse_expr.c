/* Expressions: recursive descent following Python 3.11's grammar, one
 * function per precedence level; binary operators share one loop. */
#include "parser_impl.h"

/* ---- small helpers */

/* A parenthesised operand: CPython starts the enclosing node at its '('.
 * The last few groups are remembered to find that position. */
static void remember_group(px_parser *P, const px_ast_expr *e, const px_token *open) {
    unsigned k = P->ngroups++ % PX_PARSE_GROUPS;
    P->groups[k] = e;
    P->group_line[k] = open->lineno;
    P->group_col[k] = open->col;
}

px_ast_expr *px_new_expr_after(px_parser *P, px_ast_kind kind, const px_ast_expr *left) {
    px_ast_expr *e = px_new_expr_at(P, kind, left);
    if (left->flags & PX_AST_F_PAREN) {
        for (unsigned k = 0; k < PX_PARSE_GROUPS; k++) {
            if (P->groups[k] == left) {
                e->lineno = P->group_line[k];
                e->col_offset = P->group_col[k];
                break;
            }
        }
    }
    return e;
}

static px_ast_expr *new_binop(px_parser *P, px_ast_expr *left, px_binop op, px_ast_expr *right) {
    px_ast_expr *e = px_new_expr_after(P, PX_AST_BinOp, left);
    e->u.binop.left = left;
    e->u.binop.op = op;
    e->u.binop.right = right;
    px_finish(P, e);
    return e;
}

bool px_starts_expr(unsigned t) {
    switch (t) {
    case PX_TOK_NAME: case PX_TOK_NUMBER: case PX_TOK_STRING: case PX_TOK_LPAR:
    case PX_TOK_LSQB: case PX_TOK_LBRACE: case PX_TOK_MINUS: case PX_TOK_PLUS:
    case PX_TOK_TILDE: case PX_TOK_KW_NOT: case PX_TOK_KW_LAMBDA: case PX_TOK_KW_AWAIT:
    case PX_TOK_KW_NONE: case PX_TOK_KW_TRUE: case PX_TOK_KW_FALSE: case PX_TOK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

const char *px_expr_desc(const px_ast_expr *e) {
    switch ((px_ast_kind)e->kind) {
    case PX_AST_Attribute: return "attribute";
    case PX_AST_Subscript: return "subscript";
    case PX_AST_Starred: return "starred";
    case PX_AST_Name: return "name";
    case PX_AST_List: return "list";
    case PX_AST_Tuple: return "tuple";
    case PX_AST_Lambda: return "lambda";
    case PX_AST_Call: return "function call";
    case PX_AST_BoolOp: case PX_AST_BinOp: case PX_AST_UnaryOp: return "expression";
    case PX_AST_GeneratorExp: return "generator expression";
    case PX_AST_Yield: case PX_AST_YieldFrom: return "yield expression";
    case PX_AST_Await: return "await expression";
    case PX_AST_ListComp: return "list comprehension";
    case PX_AST_SetComp: return "set comprehension";
    case PX_AST_DictComp: return "dict comprehension";
    case PX_AST_Dict: return "dict literal";
    case PX_AST_Set: return "set display";
    case PX_AST_JoinedStr: case PX_AST_FormattedValue: return "f-string expression";
    case PX_AST_TemplateStr: case PX_AST_Interpolation: return "t-string expression";
    case PX_AST_Constant: {
        px_val v = e->u.constant.value;
        return v == PX_NONE ? "None" : v == PX_TRUE ? "True" : v == PX_FALSE ? "False"
             : v == PX_ELLIPSIS ? "ellipsis" : "literal";
    }
    case PX_AST_Compare: return "comparison";
    case PX_AST_IfExp: return "conditional expression";
    case PX_AST_NamedExpr: return "named expression";
    default: return "expression";
    }
}

void px_set_ctx(px_parser *P, px_ast_expr *e, px_ast_ctx ctx) {
    switch ((px_ast_kind)e->kind) {
    case PX_AST_Name:
    case PX_AST_Attribute:
    case PX_AST_Subscript:
        e->ctx = (uint8_t)ctx;
        return;
    case PX_AST_Starred:
        if (ctx == PX_AST_DEL) {
            px_perr_node(P, e, "cannot delete starred");
        }
        e->ctx = (uint8_t)ctx;
        px_set_ctx(P, e->u.starred.value, ctx);
        return;
    case PX_AST_Tuple:
    case PX_AST_List: {
        e->ctx = (uint8_t)ctx;
        bool starred = false;
        for (uint32_t i = 0; i < e->u.seq.elts.len; i++) {
            px_ast_expr *x = e->u.seq.elts.items[i];
            if (x->kind == PX_AST_Starred && ctx == PX_AST_STORE) {
                if (starred) {
                    px_perr_node(P, e, "multiple starred expressions in assignment");
                }
                starred = true;
            }
            px_set_ctx(P, x, ctx);
        }
        return;
    }
    default:
        if (ctx == PX_AST_DEL) {
            px_perr_node(P, e, "cannot delete %s", px_expr_desc(e));
        }
        px_perr_node(P, e, "cannot assign to %s", px_expr_desc(e));
    }
}

/* ---- comprehensions */

static px_ast_comprehensions comp_for(px_parser *P) {
    px_vec gens = {0};
    for (;;) {
        px_token *t = px_cur(P);
        bool is_async = false;
        if (px_at(P) == PX_TOK_KW_ASYNC && px_ahead(P, 1) == PX_TOK_KW_FOR) {
            P->p++;
            is_async = true;
        }
        if (!px_accept(P, PX_TOK_KW_FOR)) {
            break;
        }
        px_ast_comprehension *c = px_p_node(P, sizeof *c, PX_AST_comprehension, t->lineno, t->col);
        c->is_async = is_async;
        c->target = px_p_target_list(P);
        px_set_ctx(P, c->target, PX_AST_STORE);
        px_expect(P, PX_TOK_KW_IN);
        c->iter = px_p_disjunction(P);
        px_vec ifs = {0};
        while (px_accept(P, PX_TOK_KW_IF)) {
            px_vec_push(&ifs, px_p_disjunction(P));
        }
        c->ifs = PX_AS_LIST(px_ast_exprs, px_ast_expr, ifs);
        px_finish(P, c);
        px_vec_push(&gens, c);
    }
    return PX_AS_LIST(px_ast_comprehensions, px_ast_comprehension, gens);
}

static bool at_comp_for(px_parser *P) {
    return px_at(P) == PX_TOK_KW_FOR || (px_at(P) == PX_TOK_KW_ASYNC && px_ahead(P, 1) == PX_TOK_KW_FOR);
}

static px_ast_expr *comprehension(px_parser *P, px_ast_kind kind, const px_token *open, px_ast_expr *elt) {
    if (elt->kind == PX_AST_Starred) {
        px_perr_node(P, elt, "iterable unpacking cannot be used in comprehension");
    }
    px_ast_expr *e = px_new_expr(P, kind, open);
    e->u.comp.elt = elt;
    e->u.comp.generators = comp_for(P);
    return e;
}

/* ---- atoms */

/* `*bitor` at a STAR token: the starred item of displays, star_expressions and targets. */
static px_ast_expr *starred_bitor(px_parser *P) {
    px_token *t = px_cur(P);
    P->p++;
    px_ast_expr *e = px_new_expr(P, PX_AST_Starred, t);
    e->u.starred.value = px_p_bitor(P);
    px_finish(P, e);
    return e;
}

static px_ast_expr *star_named_expression(px_parser *P) {
    return px_at(P) == PX_TOK_STAR ? starred_bitor(P) : px_p_named_expression(P);
}

/* Elements of a display after the first, up to the closing token. */
static void display_items(px_parser *P, px_vec *items, unsigned close) {
    while (px_accept(P, PX_TOK_COMMA)) {
        if (px_at(P) == close) {
            break;
        }
        px_vec_push(items, star_named_expression(P));
    }
    px_expect(P, close);
}

static px_ast_expr *paren_atom(px_parser *P) {
    px_token *open = px_cur(P);
    P->p++;
    if (px_accept(P, PX_TOK_RPAR)) {
        px_ast_expr *e = px_new_expr(P, PX_AST_Tuple, open);
        px_finish(P, e);
        return e;
    }
    px_ast_expr *first;
    if (px_at(P) == PX_TOK_KW_YIELD) {
        first = px_p_yield_expr(P);
        px_expect(P, PX_TOK_RPAR);
        first->flags |= PX_AST_F_PAREN;
        return first;
    }
    first = star_named_expression(P);
    if (at_comp_for(P)) {
        px_ast_expr *e = comprehension(P, PX_AST_GeneratorExp, open, first);
        px_expect(P, PX_TOK_RPAR);
        px_finish(P, e);
        return e;
    }
    if (px_at(P) == PX_TOK_COMMA) {
        px_vec items = {0};
        px_vec_push(&items, first);
        display_items(P, &items, PX_TOK_RPAR);
        px_ast_expr *e = px_new_expr(P, PX_AST_Tuple, open);
        e->u.seq.elts = PX_AS_LIST(px_ast_exprs, px_ast_expr, items);
        px_finish(P, e);
        e->flags |= PX_AST_F_PAREN;
        return e;
    }
    if (first->kind == PX_AST_Starred) {
        px_perr_node(P, first, "cannot use starred expression here");
    }
    px_expect(P, PX_TOK_RPAR);
    first->flags |= PX_AST_F_PAREN;
    remember_group(P, first, open);
    return first;
}

static px_ast_expr *list_atom(px_parser *P) {
    px_token *open = px_cur(P);
    P->p++;
    px_ast_expr *e;
    if (px_accept(P, PX_TOK_RSQB)) {
        e = px_new_expr(P, PX_AST_List, open);
        px_finish(P, e);
        return e;
    }
    px_ast_expr *first = star_named_expression(P);
    if (at_comp_for(P)) {
        e = comprehension(P, PX_AST_ListComp, open, first);
        px_expect(P, PX_TOK_RSQB);
    } else {
        px_vec items = {0};
        px_vec_push(&items, first);
        display_items(P, &items, PX_TOK_RSQB);
        e = px_new_expr(P, PX_AST_List, open);
        e->u.seq.elts = PX_AS_LIST(px_ast_exprs, px_ast_expr, items);
    }
    px_finish(P, e);
    return e;
}

static px_ast_expr *brace_atom(px_parser *P) {
    px_token *open = px_cur(P);
    P->p++;
    px_ast_expr *e;
    if (px_accept(P, PX_TOK_RBRACE)) {
        e = px_new_expr(P, PX_AST_Dict, open);
        px_finish(P, e);
        return e;
    }
    px_ast_expr *key = NULL, *value;
    if (px_accept(P, PX_TOK_DOUBLESTAR)) {
        value = px_p_bitor(P);
        if (at_comp_for(P)) {
            px_perr_node(P, value, "dict unpacking cannot be used in dict comprehension");
        }
    } else {
        key = star_named_expression(P);
        if (!px_accept(P, PX_TOK_COLON)) {
            /* a set */
            if (at_comp_for(P)) {
                e = comprehension(P, PX_AST_SetComp, open, key);
                px_expect(P, PX_TOK_RBRACE);
            } else {
                px_vec items = {0};
                px_vec_push(&items, key);
                display_items(P, &items, PX_TOK_RBRACE);
                e = px_new_expr(P, PX_AST_Set, open);
                e->u.seq.elts = PX_AS_LIST(px_ast_exprs, px_ast_expr, items);
            }
            px_finish(P, e);
            return e;
        }
        if (key->kind == PX_AST_Starred) {
            px_perr_node(P, key, "cannot use a starred expression in a dictionary value");
        }
        value = px_p_expression(P);
        if (at_comp_for(P)) {
            e = px_new_expr(P, PX_AST_DictComp, open);
            e->u.dictcomp.key = key;
            e->u.dictcomp.value = value;
            e->u.dictcomp.generators = comp_for(P);
            px_expect(P, PX_TOK_RBRACE);
            px_finish(P, e);
            return e;
        }
    }
    px_vec keys = {0}, values = {0};
    px_vec_push(&keys, key);
    px_vec_push(&values, value);
    while (px_accept(P, PX_TOK_COMMA)) {
        if (px_at(P) == PX_TOK_RBRACE) {
            break;
        }
        if (px_accept(P, PX_TOK_DOUBLESTAR)) {
            px_vec_push(&keys, NULL);
            px_vec_push(&values, px_p_bitor(P));
        } else {
            px_vec_push(&keys, px_p_expression(P));
            if (!px_accept(P, PX_TOK_COLON)) {
                px_perr_syntax(P);
            }
            px_vec_push(&values, px_p_expression(P));
        }
    }
    px_expect(P, PX_TOK_RBRACE);
    e = px_new_expr(P, PX_AST_Dict, open);
    e->u.dict.keys = PX_AS_LIST(px_ast_exprs, px_ast_expr, keys);
    e->u.dict.values = PX_AS_LIST(px_ast_exprs, px_ast_expr, values);
    px_finish(P, e);
    return e;
}

static px_ast_expr *constant(px_parser *P, px_val v) {
    px_ast_expr *e = px_new_expr(P, PX_AST_Constant, px_cur(P));
    e->u.constant.value = v;
    P->p++;
    px_finish(P, e);
    return e;
}

static px_ast_expr *atom(px_parser *P) {
    px_token *t = px_cur(P);
    switch (t->type) {
    case PX_TOK_NAME: {
        px_ast_expr *e = px_new_expr(P, PX_AST_Name, t);
        e->u.name.id = px_qstr_get(t->u.value);
        P->p++;
        px_finish(P, e);
        return e;
    }
    case PX_TOK_NUMBER:
        return constant(P, t->u.value);
    case PX_TOK_KW_NONE:
        return constant(P, PX_NONE);
    case PX_TOK_KW_TRUE:
        return constant(P, PX_TRUE);
    case PX_TOK_KW_FALSE:
        return constant(P, PX_FALSE);
    case PX_TOK_ELLIPSIS:
        return constant(P, PX_ELLIPSIS);
    case PX_TOK_STRING:
        return px_p_strings(P);
    case PX_TOK_LPAR:
        return paren_atom(P);
    case PX_TOK_LSQB:
        return list_atom(P);
    case PX_TOK_LBRACE:
        return brace_atom(P);
    default:
        px_perr_syntax(P);
    }
}

/* ---- trailers: calls, subscripts, attributes */

px_ast_expr *px_p_call_args(px_parser *P, px_ast_expr *func) {
    px_token *open = px_cur(P);
    P->p++;
    px_vec args = {0}, kws = {0};
    bool seen_kw = false, seen_dstar = false;
    px_seen kw_seen = {0};
    while (px_at(P) != PX_TOK_RPAR) {
        px_token *t = px_cur(P);
        if (px_accept(P, PX_TOK_STAR)) {
            if (seen_dstar) {
                px_perr_tok(P, t, "iterable argument unpacking follows keyword argument unpacking");
            }
            px_ast_expr *s = px_new_expr(P, PX_AST_Starred, t);
            s->u.starred.value = px_p_expression(P);
            px_finish(P, s);
            if (at_comp_for(P)) {
                px_perr_node(P, s, "iterable unpacking cannot be used in comprehension");
            }
            px_vec_push(&args, s);
        } else if (px_accept(P, PX_TOK_DOUBLESTAR)) {
            px_ast_keyword *k = px_p_node(P, sizeof *k, PX_AST_keyword, t->lineno, t->col);
            k->value = px_p_expression(P);
            px_finish(P, k);
            px_vec_push(&kws, k);
            seen_dstar = true;
        } else if (t->type == PX_TOK_NAME && px_ahead(P, 1) == PX_TOK_EQUAL) {
            px_ast_keyword *k = px_p_node(P, sizeof *k, PX_AST_keyword, t->lineno, t->col);
            k->arg = px_qstr_get(t->u.value);
            if (!px_seen_add(&kw_seen, k->arg)) {
                px_perr_tok(P, t, "keyword argument repeated: %s", px_qstr_str(k->arg));
            }
            P->p += 2;
            k->value = px_p_expression(P);
            px_finish(P, k);
            px_vec_push(&kws, k);
            seen_kw = true;
        } else {
            px_ast_expr *e = px_p_named_expression(P);
            if (at_comp_for(P)) {
                /* CPython spans the call's parentheses */
                e = comprehension(P, PX_AST_GeneratorExp, open, e);
                px_finish(P, e);
                if (px_at(P) == PX_TOK_RPAR) {
                    e->end_lineno = px_cur(P)->end_lineno;
                    e->end_col_offset = px_cur(P)->end_col;
                }
                if (args.len + kws.len > 0 || px_at(P) != PX_TOK_RPAR) {
                    if (!(px_at(P) == PX_TOK_COMMA && px_ahead(P, 1) == PX_TOK_RPAR && args.len + kws.len == 0)) {
                        px_perr_node(P, e->u.comp.elt, "Generator expression must be parenthesized");
                    }
                }
            } else if (px_at(P) == PX_TOK_EQUAL) {
                px_perr_node(P, e, "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (seen_dstar) {
                px_perr_node(P, e, "positional argument follows keyword argument unpacking");
            }
            if (seen_kw) {
                px_perr_node(P, e, "positional argument follows keyword argument");
            }
            px_vec_push(&args, e);
        }
        if (!px_accept(P, PX_TOK_COMMA)) {
            break;
        }
    }
    px_expect(P, PX_TOK_RPAR);
    px_ast_expr *c = px_new_expr_after(P, PX_AST_Call, func);
    c->u.call.func = func;
    c->u.call.args = PX_AS_LIST(px_ast_exprs, px_ast_expr, args);
    c->u.call.keywords = PX_AS_LIST(px_ast_keywords, px_ast_keyword, kws);
    px_finish(P, c);
    return c;
}

static px_ast_expr *slice_item(px_parser *P) {
    px_token *t = px_cur(P);
    px_ast_expr *lower = NULL;
    if (px_at(P) != PX_TOK_COLON) {
        if (px_at(P) == PX_TOK_STAR) {
            return star_named_expression(P);
        }
        lower = px_p_named_expression(P);
        if (px_at(P) != PX_TOK_COLON) {
            return lower;
        }
    }
    px_ast_expr *s = px_new_expr(P, PX_AST_Slice, t);
    s->u.slice.lower = lower;
    P->p++; /* ':' */
    if (px_at(P) != PX_TOK_COLON && px_at(P) != PX_TOK_COMMA && px_at(P) != PX_TOK_RSQB) {
        s->u.slice.upper = px_p_expression(P);
    }
    if (px_accept(P, PX_TOK_COLON)) {
        if (px_at(P) != PX_TOK_COMMA && px_at(P) != PX_TOK_RSQB) {
            s->u.slice.step = px_p_expression(P);
        }
    }
    px_finish(P, s);
    return s;
}

static px_ast_expr *subscript_trailer(px_parser *P, px_ast_expr *value) {
    P->p++; /* '[' */
    px_token *t = px_cur(P);
    px_ast_expr *index = slice_item(P);
    if (px_at(P) == PX_TOK_COMMA || index->kind == PX_AST_Starred) {
        px_vec items = {0};
        px_vec_push(&items, index);
        while (px_accept(P, PX_TOK_COMMA)) {
            if (px_at(P) == PX_TOK_RSQB) {
                break;
            }
            px_vec_push(&items, slice_item(P));
        }
        index = px_new_expr(P, PX_AST_Tuple, t);
        index->u.seq.elts = PX_AS_LIST(px_ast_exprs, px_ast_expr, items);
        px_finish(P, index);
    }
    px_expect(P, PX_TOK_RSQB);
    px_ast_expr *e = px_new_expr_after(P, PX_AST_Subscript, value);
    e->u.subscript.value = value;
    e->u.subscript.slice = index;
    px_finish(P, e);
    return e;
}

static px_ast_expr *primary(px_parser *P) {
    px_ast_expr *e = atom(P);
    for (;;) {
        switch (px_at(P)) {
        case PX_TOK_DOT: {
            P->p++;
            px_token *name = px_cur(P);
            if (name->type != PX_TOK_NAME) {
                px_perr_syntax(P);
            }
            P->p++;
            px_ast_expr *a = px_new_expr_after(P, PX_AST_Attribute, e);
            a->u.attribute.value = e;
            a->u.attribute.attr = px_qstr_get(name->u.value);
            px_finish(P, a);
            e = a;
            break;
        }
        case PX_TOK_LPAR:
            e = px_p_call_args(P, e);
            break;
        case PX_TOK_LSQB:
            e = subscript_trailer(P, e);
            break;
        default:
            return e;
        }
    }
}

/* ---- operators */

static px_ast_expr *factor(px_parser *P);

static px_ast_expr *power(px_parser *P) {
    px_token *t = px_cur(P);
    px_ast_expr *e;
    if (px_accept(P, PX_TOK_KW_AWAIT)) {
        e = px_new_expr(P, PX_AST_Await, t);
        e->u.value.value = primary(P);
        px_finish(P, e);
    } else {
        e = primary(P);
    }
    if (px_accept(P, PX_TOK_DOUBLESTAR)) {
        px_enter(P);
        px_ast_expr *r = factor(P);
        px_leave(P);
        e = new_binop(P, e, PX_BINOP_POW, r);
    }
    return e;
}

static px_ast_expr *factor(px_parser *P) {
    px_token *t = px_cur(P);
    px_unop op;
    switch (t->type) {
    case PX_TOK_MINUS: op = PX_UNOP_NEG; break;
    case PX_TOK_PLUS: op = PX_UNOP_POS; break;
    case PX_TOK_TILDE: op = PX_UNOP_INVERT; break;
    default: return power(P);
    }
    P->p++;
    px_enter(P);
    px_ast_expr *e = px_new_expr(P, PX_AST_UnaryOp, t);
    e->u.unaryop.op = op;
    e->u.unaryop.operand = factor(P);
    px_leave(P);
    px_finish(P, e);
    return e;
}

/* Binary levels from loosest to tightest: | ^ & shifts arith term. */
enum { LV_OR, LV_XOR, LV_AND, LV_SHIFT, LV_ARITH, LV_TERM, LV__COUNT };

static int binop_of(unsigned tok, int *level) {
    switch (tok) {
    case PX_TOK_VBAR: *level = LV_OR; return PX_BINOP_OR;
    case PX_TOK_CIRCUMFLEX: *level = LV_XOR; return PX_BINOP_XOR;
    case PX_TOK_AMPER: *level = LV_AND; return PX_BINOP_AND;
    case PX_TOK_LEFTSHIFT: *level = LV_SHIFT; return PX_BINOP_LSHIFT;
    case PX_TOK_RIGHTSHIFT: *level = LV_SHIFT; return PX_BINOP_RSHIFT;
    case PX_TOK_PLUS: *level = LV_ARITH; return PX_BINOP_ADD;
    case PX_TOK_MINUS: *level = LV_ARITH; return PX_BINOP_SUB;
    case PX_TOK_STAR: *level = LV_TERM; return PX_BINOP_MUL;
    case PX_TOK_SLASH: *level = LV_TERM; return PX_BINOP_TRUEDIV;
    case PX_TOK_DOUBLESLASH: *level = LV_TERM; return PX_BINOP_FLOORDIV;
    case PX_TOK_PERCENT: *level = LV_TERM; return PX_BINOP_MOD;
    case PX_TOK_AT: *level = LV_TERM; return PX_BINOP_MATMUL;
    default: return -1;
    }
}

/* Precedence climbing over the left-associative binary levels. */
static px_ast_expr *binary(px_parser *P, int min_level) {
    px_ast_expr *left = factor(P);
    for (;;) {
        int level;
        int op = binop_of(px_at(P), &level);
        if (op < 0 || level < min_level) {
            return left;
        }
        P->p++;
        px_enter(P);
        px_ast_expr *right = binary(P, level + 1);
        px_leave(P);
        left = new_binop(P, left, (px_binop)op, right);
    }
}

px_ast_expr *px_p_bitor(px_parser *P) {
    return binary(P, LV_OR);
}

static int cmpop(px_parser *P) {
    switch (px_at(P)) {
    case PX_TOK_LESS: P->p++; return PX_BINOP_LT;
    case PX_TOK_LESSEQUAL: P->p++; return PX_BINOP_LE;
    case PX_TOK_EQEQUAL: P->p++; return PX_BINOP_EQ;
    case PX_TOK_NOTEQUAL: P->p++; return PX_BINOP_NE;
    case PX_TOK_GREATER: P->p++; return PX_BINOP_GT;
    case PX_TOK_GREATEREQUAL: P->p++; return PX_BINOP_GE;
    case PX_TOK_KW_IN: P->p++; return PX_AST_CMP_IN;
    case PX_TOK_KW_NOT:
        if (px_ahead(P, 1) == PX_TOK_KW_IN) {
            P->p += 2;
            return PX_AST_CMP_NOTIN;
        }
        return -1;
    case PX_TOK_KW_IS:
        P->p++;
        if (px_accept(P, PX_TOK_KW_NOT)) {
            return PX_AST_CMP_ISNOT;
        }
        return PX_AST_CMP_IS;
    default:
        return -1;
    }
}

static px_ast_expr *comparison(px_parser *P) {
    px_ast_expr *left = px_p_bitor(P);
    int op = cmpop(P);
    if (op < 0) {
        return left;
    }
    px_vec comps = {0};
    uint8_t opsbuf[16];
    uint8_t *ops = opsbuf;
    uint32_t cap = 16;
    while (op >= 0) {
        if (comps.len == cap) {
            uint8_t *n = px_gc_alloc(cap * 2, PX_GC_LEAF);
            memcpy(n, ops, cap);
            ops = n;
            cap *= 2;
        }
        ops[comps.len] = (uint8_t)op;
        px_vec_push(&comps, px_p_bitor(P));
        op = cmpop(P);
    }
    px_ast_expr *e = px_new_expr_after(P, PX_AST_Compare, left);
    e->u.compare.left = left;
    e->u.compare.ops = px_gc_alloc(comps.len, PX_GC_LEAF);
    memcpy(e->u.compare.ops, ops, comps.len);
    e->u.compare.comparators = PX_AS_LIST(px_ast_exprs, px_ast_expr, comps);
    px_finish(P, e);
    return e;
}

static px_ast_expr *inversion(px_parser *P) {
    px_token *t = px_cur(P);
    if (px_accept(P, PX_TOK_KW_NOT)) {
        px_enter(P);
        px_ast_expr *e = px_new_expr(P, PX_AST_UnaryOp, t);
        e->u.unaryop.op = PX_UNOP_NOT;
        e->u.unaryop.operand = inversion(P);
        px_leave(P);
        px_finish(P, e);
        return e;
    }
    return comparison(P);
}

static px_ast_expr *boolop(px_parser *P, px_ast_boolop op) {
    unsigned tok = op == PX_AST_OR ? PX_TOK_KW_OR : PX_TOK_KW_AND;
    px_ast_expr *first = op == PX_AST_OR ? boolop(P, PX_AST_AND) : inversion(P);
    if (px_at(P) != tok) {
        return first;
    }
    px_vec values = {0};
    px_vec_push(&values, first);
    while (px_accept(P, tok)) {
        px_vec_push(&values, op == PX_AST_OR ? boolop(P, PX_AST_AND) : inversion(P));
    }
    px_ast_expr *e = px_new_expr_after(P, PX_AST_BoolOp, first);
    e->u.boolop.op = op;
    e->u.boolop.values = PX_AS_LIST(px_ast_exprs, px_ast_expr, values);
    px_finish(P, e);
    return e;
}

px_ast_expr *px_p_disjunction(px_parser *P) {
    return boolop(P, PX_AST_OR);
}

/* ---- lambda and parameters */

static px_ast_arg *param(px_parser *P, bool lambda) {
    px_token *t = px_cur(P);
    if (t->type != PX_TOK_NAME) {
        px_perr_syntax(P);
    }
    P->p++;
    px_ast_arg *a = px_p_node(P, sizeof *a, PX_AST_arg, t->lineno, t->col);
    a->arg = px_qstr_get(t->u.value);
    if (!lambda && px_accept(P, PX_TOK_COLON)) {
        a->annotation = px_p_expression(P);
    }
    px_finish(P, a);
    return a;
}

static px_ast_arg *param_star_annotation(px_parser *P) {
    px_token *t = px_cur(P);
    P->p += 2; /* name ':' */
    px_ast_arg *a = px_p_node(P, sizeof *a, PX_AST_arg, t->lineno, t->col);
    a->arg = px_qstr_get(t->u.value);
    px_token *st = px_cur(P);
    P->p++;
    px_ast_expr *e = px_new_expr(P, PX_AST_Starred, st);
    e->u.starred.value = px_p_expression(P);
    px_finish(P, e);
    a->annotation = e;
    px_finish(P, a);
    return a;
}

static void check_dup(px_parser *P, px_seen *seen, px_ast_arg *a) {
    if (!px_seen_add(seen, a->arg)) {
        px_perr_node(P, a, "duplicate argument '%s' in function definition", px_qstr_str(a->arg));
    }
}

px_ast_arguments *px_p_params(px_parser *P, bool lambda) {
    unsigned end = lambda ? PX_TOK_COLON : PX_TOK_RPAR;
    px_token *t0 = px_cur(P);
    px_ast_arguments *A = px_p_node(P, sizeof *A, PX_AST_arguments, t0->lineno, t0->col);
    px_vec posonly = {0}, args = {0}, kwonly = {0}, kwdefs = {0}, defaults = {0};
    px_seen seen = {0};
    bool star = false, slash = false;
    while (px_at(P) != end) {
        px_token *t = px_cur(P);
        if (px_accept(P, PX_TOK_SLASH)) {
            if (star) {
                px_perr_tok(P, t, "/ must be ahead of *");
            }
            if (slash) {
                px_perr_tok(P, t, "/ may appear only once");
            }
            if (args.len == 0) {
                px_perr_tok(P, t, "at least one argument must precede /");
            }
            slash = true;
            posonly = args;
            args = (px_vec){0};
        } else if (px_accept(P, PX_TOK_STAR)) {
            if (star) {
                px_perr_tok(P, t, "* argument may appear only once");
            }
            star = true;
            if (px_at(P) == PX_TOK_NAME && !lambda && px_ahead(P, 1) == PX_TOK_COLON && px_ahead(P, 2) == PX_TOK_STAR) {
                /* *args: *Ts (PEP 646) */
                A->vararg = param_star_annotation(P);
                check_dup(P, &seen, A->vararg);
            } else if (px_at(P) == PX_TOK_NAME) {
                A->vararg = param(P, lambda);
                check_dup(P, &seen, A->vararg);
            } else if (px_at(P) == end || (px_at(P) == PX_TOK_COMMA && (px_ahead(P, 1) == end || px_ahead(P, 1) == PX_TOK_DOUBLESTAR))) {
                px_perr_tok(P, t, "named arguments must follow bare *");
            }
        } else if (px_accept(P, PX_TOK_DOUBLESTAR)) {
            A->kwarg = param(P, lambda);
            check_dup(P, &seen, A->kwarg);
            px_accept(P, PX_TOK_COMMA);
            if (px_at(P) != end) {
                px_perr_syntax(P);
            }
            break;
        } else {
            px_ast_arg *a = param(P, lambda);
            check_dup(P, &seen, a);
            px_ast_expr *def = NULL;
            if (px_accept(P, PX_TOK_EQUAL)) {
                def = px_p_expression(P);
            }
            if (star) {
                px_vec_push(&kwonly, a);
                px_vec_push(&kwdefs, def);
            } else {
                px_vec_push(&args, a);
                if (def) {
                    px_vec_push(&defaults, def);
                } else if (defaults.len > 0) {
                    px_perr_node(P, a, "non-default argument follows default argument");
                }
            }
        }
        if (!px_accept(P, PX_TOK_COMMA)) {
            break;
        }
    }
    if (px_at(P) != end) {
        if (lambda) {
            px_perr_syntax(P);
        }
        px_expect(P, end);
    }
    A->posonlyargs = PX_AS_LIST(px_ast_args, px_ast_arg, posonly);
    A->args = PX_AS_LIST(px_ast_args, px_ast_arg, args);
    A->kwonlyargs = PX_AS_LIST(px_ast_args, px_ast_arg, kwonly);
    A->kw_defaults = PX_AS_LIST(px_ast_exprs, px_ast_expr, kwdefs);
    A->defaults = PX_AS_LIST(px_ast_exprs, px_ast_expr, defaults);
    return A;
}

static px_ast_expr *lambdef(px_parser *P) {
    px_token *t = px_cur(P);
    P->p++;
    px_ast_expr *e = px_new_expr(P, PX_AST_Lambda, t);
    e->u.lambda.args = px_p_params(P, true);
    if (!px_accept(P, PX_TOK_COLON)) {
        px_perr_syntax(P);
    }
    e->u.lambda.body = px_p_expression(P);
    px_finish(P, e);
    return e;
}

/* ---- expression entry points */

/* Inside brackets, an expression directly followed by another one is
 * most likely a missing comma (CPython's hint; not after NAME STRING). */
static void check_missing_comma(px_parser *P, px_ast_expr *e, size_t start) {
    px_token *t = px_cur(P);
    if (t->level == 0) {
        return;
    }
    switch (t->type) {
    case PX_TOK_NAME: case PX_TOK_NUMBER: case PX_TOK_STRING: case PX_TOK_LBRACE: case PX_TOK_TILDE:
    case PX_TOK_KW_NONE: case PX_TOK_KW_TRUE: case PX_TOK_KW_FALSE: case PX_TOK_ELLIPSIS:
    case PX_TOK_KW_LAMBDA: case PX_TOK_KW_AWAIT:
        break;
    default:
        return;
    }
    if (P->p == start + 1 && P->toks[start].type == PX_TOK_NAME && t->type == PX_TOK_STRING) {
        return;
    }
    px_perr_node(P, e, "invalid syntax. Perhaps you forgot a comma?");
}

px_ast_expr *px_p_expression(px_parser *P) {
    px_enter(P);
    px_ast_expr *e;
    size_t start = P->p;
    if (px_at(P) == PX_TOK_KW_LAMBDA) {
        e = lambdef(P);
    } else {
        e = px_p_disjunction(P);
        check_missing_comma(P, e, start);
        if (px_accept(P, PX_TOK_KW_IF)) {
            px_ast_expr *test = px_p_disjunction(P);
            if (!px_accept(P, PX_TOK_KW_ELSE)) {
                px_perr_node(P, e, "expected 'else' after 'if' expression");
            }
            px_ast_expr *x = px_new_expr_after(P, PX_AST_IfExp, e);
            x->u.ifexp.body = e;
            x->u.ifexp.test = test;
            x->u.ifexp.orelse = px_p_expression(P);
            px_finish(P, x);
            e = x;
        }
    }
    px_leave(P);
    return e;
}

px_ast_expr *px_p_named_expression(px_parser *P) {
    px_token *t = px_cur(P);
    if (t->type == PX_TOK_NAME && px_ahead(P, 1) == PX_TOK_COLONEQUAL) {
        px_ast_expr *target = atom(P);
        target->ctx = PX_AST_STORE;
        P->p++;
        px_ast_expr *e = px_new_expr(P, PX_AST_NamedExpr, t);
        e->u.namedexpr.target = target;
        e->u.namedexpr.value = px_p_expression(P);
        px_finish(P, e);
        return e;
    }
    px_ast_expr *e = px_p_expression(P);
    if (px_at(P) == PX_TOK_COLONEQUAL) {
        px_perr_node(P, e, "cannot use assignment expressions with %s", px_expr_desc(e));
    }
    return e;
}

static px_ast_expr *star_expression(px_parser *P) {
    return px_at(P) == PX_TOK_STAR ? starred_bitor(P) : px_p_expression(P);
}

/* A comma-separated list of `item`s: the item alone, or a Tuple. */
static px_ast_expr *comma_list(px_parser *P, px_ast_expr *(*item)(px_parser *), bool stop_at_in) {
    px_token *t = px_cur(P);
    px_ast_expr *first = item(P);
    if (px_at(P) != PX_TOK_COMMA) {
        return first;
    }
    px_vec items = {0};
    px_vec_push(&items, first);
    while (px_accept(P, PX_TOK_COMMA)) {
        unsigned n = px_at(P);
        if (!(px_starts_expr(n) || n == PX_TOK_STAR) || (stop_at_in && n == PX_TOK_KW_IN)) {
            break;
        }
        px_vec_push(&items, item(P));
    }
    px_ast_expr *e = px_new_expr(P, PX_AST_Tuple, t);
    e->u.seq.elts = PX_AS_LIST(px_ast_exprs, px_ast_expr, items);
    px_finish(P, e);
    return e;
}

px_ast_expr *px_p_star_expressions(px_parser *P) {
    return comma_list(P, star_expression, false);
}

static px_ast_expr *target_item(px_parser *P) {
    return px_at(P) == PX_TOK_STAR ? starred_bitor(P) : px_p_bitor(P);
}

px_ast_expr *px_p_target_list(px_parser *P) {
    return comma_list(P, target_item, true);
}

px_ast_expr *px_p_yield_expr(px_parser *P) {
    px_token *t = px_cur(P);
    P->p++; /* 'yield' */
    px_ast_expr *e;
    if (px_accept(P, PX_TOK_KW_FROM)) {
        e = px_new_expr(P, PX_AST_YieldFrom, t);
        e->u.value.value = px_p_expression(P);
    } else {
        e = px_new_expr(P, PX_AST_Yield, t);
        if (px_starts_expr(px_at(P)) || px_at(P) == PX_TOK_STAR) {
            e->u.value.value = px_p_star_expressions(P);
        }
    }
    px_finish(P, e);
    return e;
}
