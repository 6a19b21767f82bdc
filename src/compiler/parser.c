/* The parser: statements, blocks and the entry points. The whole token
 * stream is lexed first, so any rule may look ahead freely. */
#include <stdarg.h>
#include <stdio.h>

#include "parser_impl.h"

/* ---- shared helpers */

void px_vec_push(px_vec *v, void *item) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4;
        v->items = px_gc_realloc(v->items, v->cap * sizeof(void *), 0);
    }
    v->items[v->len++] = item;
}

bool px_seen_add(px_seen *s, px_qid q) {
    if (s->dict == PX_NULL) {
        for (uint32_t i = 0; i < s->n; i++) {
            if (s->small[i] == q) {
                return false;
            }
        }
        if (s->n < PX_SEEN_SMALL) {
            s->small[s->n++] = q;
            return true;
        }
        s->dict = px_dict_new(2 * PX_SEEN_SMALL);
        for (uint32_t i = 0; i < s->n; i++) {
            px_dict_set(s->dict, px_qstr(s->small[i]), PX_TRUE);
        }
    }
    if (px_dict_get(s->dict, px_qstr(q)) != PX_NULL) {
        return false;
    }
    px_dict_set(s->dict, px_qstr(q), PX_TRUE);
    return true;
}

PX_NORETURN static void verr(px_parser *P, const px_type *type, uint32_t line, uint32_t col, const char *fmt, va_list ap) {
    if (P->lex_exc != PX_NULL && px_at(P) == PX_TOK_END) {
        /* The parser needed the tokens the lexer failed on. */
        px_raise(P->lex_exc);
    }
    char msg[300];
    size_t n = 0;
    PX_ERRTEXT_FMT(fmt);
    if (P->prefix) {
        n = (size_t)snprintf(msg, sizeof msg, "%s", P->prefix);
    }
    vsnprintf(msg + n, sizeof msg - n, fmt, ap);
    px_syntax_error(type, P->lx->filename, P->lx->err_src, P->lx->err_len, line, col, msg);
}

void(px_perr_tok)(px_parser *P, const px_token *tok, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verr(P, &px_type_SyntaxError, tok->lineno, tok->col, fmt, ap);
    va_end(ap);
}

void(px_perr_node)(px_parser *P, const void *node, const char *fmt, ...) {
    const px_ast_node *n = node;
    va_list ap;
    va_start(ap, fmt);
    verr(P, &px_type_SyntaxError, n->lineno, n->col_offset, fmt, ap);
    va_end(ap);
}

PX_PRINTF(3, 4) PX_NORETURN static void indent_error(px_parser *P, const px_token *tok, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verr(P, &px_type_IndentationError, tok->lineno, tok->col, fmt, ap);
    va_end(ap);
}

/* CPython reports this one at the 0-based column. */
PX_NORETURN static void unexpected_indent(px_parser *P, const px_token *t) {
    px_token at = *t;
    if (at.col > 0) {
        at.col--;
    }
    indent_error(P, &at, "unexpected indent");
}

void px_perr_syntax(px_parser *P) {
    px_token *t = px_cur(P);
    if (t->type == PX_TOK_INDENT) {
        unexpected_indent(P, t);
    }
    if (t->type == PX_TOK_END && P->lex_exc != PX_NULL) {
        px_raise(P->lex_exc);
    }
    if (t->type == PX_TOK_END && P->p > 0) {
        /* Report at the end of the last real token. */
        px_token *prev = &P->toks[P->p - 1];
        px_syntax_error(&px_type_SyntaxError, P->lx->filename, P->lx->err_src, P->lx->err_len,
                        prev->end_lineno, prev->end_col, P->prefix ? "f-string: invalid syntax" : "invalid syntax");
    }
    px_perr_tok(P, t, "invalid syntax");
}

void px_expect(px_parser *P, unsigned type) {
    if (!px_accept(P, type)) {
        if (type == PX_TOK_COLON && px_at(P) != PX_TOK_INDENT) {
            px_perr_tok(P, px_cur(P), "expected ':'");
        }
        px_perr_syntax(P);
    }
}

void px_enter(px_parser *P) {
    char here;
    if (++P->depth > PX_PARSE_MAX_DEPTH || (px_st.stack_limit != NULL && &here < px_st.stack_limit)) {
        px_raise_msg(&px_type_RecursionError, "maximum recursion depth exceeded during compilation");
    }
}

/* Bytes of a new node (PX_AST_COMPACT, config.h). */
#if PX_AST_COMPACT
#define EXPR_BYTES(kind) px_ast_expr_size(kind)
#define STMT_BYTES(kind) px_ast_stmt_size(kind)
#else
#define EXPR_BYTES(kind) sizeof(px_ast_expr)
#define STMT_BYTES(kind) sizeof(px_ast_stmt)
#endif

/* Half a GC page: a small block, which needs no run of free pages. */
#define NODE_BLOCK_BYTES (((size_t)1 << PX_GC_PAGE_SHIFT) / 2)
#define NODE_BLOCK_HEAD ((sizeof(px_node_block) + 7) & ~(size_t)7)

void *px_p_node(px_parser *P, size_t size, px_ast_kind kind, uint32_t lineno, uint32_t col_offset) {
    size = (size + 7) & ~(size_t)7;
    if (P->arena == NULL || size > NODE_BLOCK_BYTES - NODE_BLOCK_HEAD) {
        return px_ast_new(size, kind, lineno, col_offset);
    }
    px_node_block *b = *P->arena;
    if (b == NULL || b->used + size > NODE_BLOCK_BYTES) {
        px_node_block *nb = px_gc_alloc(NODE_BLOCK_BYTES, 0);
        nb->next = b;
        nb->used = NODE_BLOCK_HEAD;
        *P->arena = b = nb;
    }
    px_ast_node *n = (px_ast_node *)((char *)b + b->used);
    b->used += size;
    px_ast_place(n, kind, lineno, col_offset);
    return n;
}

px_ast_expr *px_new_expr(px_parser *P, px_ast_kind kind, const px_token *at) {
    return px_p_node(P, EXPR_BYTES(kind), kind, at->lineno, at->col);
}

px_ast_expr *px_new_expr_at(px_parser *P, px_ast_kind kind, const void *at_node) {
    const px_ast_node *n = at_node;
    return px_p_node(P, EXPR_BYTES(kind), kind, n->lineno, n->col_offset);
}

void px_finish(px_parser *P, void *node) {
    px_ast_node *n = node;
    /* The end of the last real token (a block ends before its NEWLINE/DEDENT). */
    size_t i = P->p;
    while (i > 0 && (P->toks[i - 1].type == PX_TOK_NEWLINE || P->toks[i - 1].type == PX_TOK_DEDENT ||
                     P->toks[i - 1].type == PX_TOK_INDENT)) {
        i--;
    }
    if (i > 0) {
        px_token *prev = &P->toks[i - 1];
        n->end_lineno = prev->end_lineno;
        n->end_col_offset = prev->end_col;
    }
}

static px_ast_stmt *new_stmt(px_parser *P, px_ast_kind kind, const px_token *at) {
    return px_p_node(P, STMT_BYTES(kind), kind, at->lineno, at->col);
}

static px_ast_expr *star_or_yield(px_parser *P) {
    if (px_at(P) == PX_TOK_KW_YIELD) {
        return px_p_yield_expr(P);
    }
    return px_p_star_expressions(P);
}

static bool at_stmt_end(px_parser *P) {
    unsigned t = px_at(P);
    return t == PX_TOK_NEWLINE || t == PX_TOK_SEMI || t == PX_TOK_END;
}

/* ---- simple statements */

static px_qid dotted_name(px_parser *P) {
    px_token *t = px_cur(P);
    if (t->type != PX_TOK_NAME) {
        px_perr_syntax(P);
    }
    P->p++;
    if (px_at(P) != PX_TOK_DOT) {
        return px_qstr_get(t->u.value);
    }
    px_strbuf b;
    px_strbuf_init(&b, 32);
    px_strbuf_add_cstr(&b, px_qstr_str(px_qstr_get(t->u.value)));
    while (px_accept(P, PX_TOK_DOT)) {
        t = px_cur(P);
        if (t->type != PX_TOK_NAME) {
            px_perr_syntax(P);
        }
        P->p++;
        px_strbuf_add_char(&b, '.');
        px_strbuf_add_cstr(&b, px_qstr_str(px_qstr_get(t->u.value)));
    }
    return px_qstr_intern(b.data, b.len);
}

static px_ast_alias *alias(px_parser *P, bool dotted) {
    px_token *t = px_cur(P);
    px_ast_alias *a = px_p_node(P, sizeof *a, PX_AST_alias, t->lineno, t->col);
    if (dotted) {
        a->name = dotted_name(P);
    } else {
        if (t->type != PX_TOK_NAME) {
            px_perr_syntax(P);
        }
        P->p++;
        a->name = px_qstr_get(t->u.value);
    }
    if (px_accept(P, PX_TOK_KW_AS)) {
        px_token *n = px_cur(P);
        if (n->type != PX_TOK_NAME) {
            px_perr_syntax(P);
        }
        P->p++;
        a->asname = px_qstr_get(n->u.value);
    }
    px_finish(P, a);
    return a;
}

static px_ast_stmt *import_stmt(px_parser *P, px_token *t) {
    px_ast_stmt *s = new_stmt(P, PX_AST_Import, t);
    px_vec names = {0};
    do {
        px_vec_push(&names, alias(P, true));
    } while (px_accept(P, PX_TOK_COMMA));
    s->u.import.names = PX_AS_LIST(px_ast_aliases, px_ast_alias, names);
    return s;
}

static px_ast_stmt *from_stmt(px_parser *P, px_token *t) {
    px_ast_stmt *s = new_stmt(P, PX_AST_ImportFrom, t);
    int level = 0;
    for (;;) {
        if (px_accept(P, PX_TOK_DOT)) {
            level++;
        } else if (px_accept(P, PX_TOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    if (px_at(P) != PX_TOK_KW_IMPORT || level == 0) {
        s->u.importfrom.module = dotted_name(P);
    }
    s->u.importfrom.level = level;
    px_expect(P, PX_TOK_KW_IMPORT);
    px_vec names = {0};
    px_token *st = px_cur(P);
    if (px_accept(P, PX_TOK_STAR)) {
        px_ast_alias *a = px_p_node(P, sizeof *a, PX_AST_alias, st->lineno, st->col);
        a->name = px_qstr_intern("*", 1);
        px_finish(P, a);
        px_vec_push(&names, a);
    } else if (px_accept(P, PX_TOK_LPAR)) {
        do {
            if (px_at(P) == PX_TOK_RPAR && names.len > 0) {
                break;
            }
            px_vec_push(&names, alias(P, false));
        } while (px_accept(P, PX_TOK_COMMA));
        px_expect(P, PX_TOK_RPAR);
    } else {
        for (;;) {
            px_vec_push(&names, alias(P, false));
            if (!px_accept(P, PX_TOK_COMMA)) {
                break;
            }
            if (at_stmt_end(P)) {
                px_perr_tok(P, &P->toks[P->p - 1], "trailing comma not allowed without surrounding parentheses");
            }
        }
    }
    s->u.importfrom.names = PX_AS_LIST(px_ast_aliases, px_ast_alias, names);
    return s;
}

static px_ast_stmt *global_stmt(px_parser *P, px_token *t, px_ast_kind kind) {
    px_ast_stmt *s = new_stmt(P, kind, t);
    px_qid buf[8];
    px_qid *names = buf;
    uint32_t n = 0, cap = 8;
    do {
        px_token *nt = px_cur(P);
        if (nt->type != PX_TOK_NAME) {
            px_perr_syntax(P);
        }
        P->p++;
        if (n == cap) {
            px_qid *nn = px_gc_alloc(cap * 2 * sizeof(px_qid), PX_GC_LEAF);
            memcpy(nn, names, n * sizeof(px_qid));
            names = nn;
            cap *= 2;
        }
        names[n++] = px_qstr_get(nt->u.value);
    } while (px_accept(P, PX_TOK_COMMA));
    s->u.global.names.len = n;
    s->u.global.names.items = px_gc_alloc(n * sizeof(px_qid), PX_GC_LEAF);
    memcpy(s->u.global.names.items, names, n * sizeof(px_qid));
    return s;
}

static int augop(unsigned tok) {
    switch (tok) {
    case PX_TOK_PLUSEQUAL: return PX_BINOP_ADD;
    case PX_TOK_MINEQUAL: return PX_BINOP_SUB;
    case PX_TOK_STAREQUAL: return PX_BINOP_MUL;
    case PX_TOK_ATEQUAL: return PX_BINOP_MATMUL;
    case PX_TOK_SLASHEQUAL: return PX_BINOP_TRUEDIV;
    case PX_TOK_DOUBLESLASHEQUAL: return PX_BINOP_FLOORDIV;
    case PX_TOK_PERCENTEQUAL: return PX_BINOP_MOD;
    case PX_TOK_DOUBLESTAREQUAL: return PX_BINOP_POW;
    case PX_TOK_LEFTSHIFTEQUAL: return PX_BINOP_LSHIFT;
    case PX_TOK_RIGHTSHIFTEQUAL: return PX_BINOP_RSHIFT;
    case PX_TOK_AMPEREQUAL: return PX_BINOP_AND;
    case PX_TOK_VBAREQUAL: return PX_BINOP_OR;
    case PX_TOK_CIRCUMFLEXEQUAL: return PX_BINOP_XOR;
    default: return -1;
    }
}

/* First target of `x = ...` that is not assignable: CPython adds a hint
 * when it looks like a mistyped comparison. */
static void check_assign_target(px_parser *P, px_ast_expr *e, bool first) {
    if (e->kind == PX_AST_Yield || e->kind == PX_AST_YieldFrom) {
        px_perr_node(P, e, "assignment to yield expression not possible");
    }
    if (e->kind == PX_AST_Starred) {
        px_perr_node(P, e, "starred assignment target must be in a list or tuple");
    }
    switch ((px_ast_kind)e->kind) {
    case PX_AST_Name: case PX_AST_Attribute: case PX_AST_Subscript: case PX_AST_Tuple: case PX_AST_List:
        break;
    case PX_AST_Compare: case PX_AST_BoolOp: case PX_AST_IfExp: case PX_AST_Lambda:
        if (!(e->flags & PX_AST_F_PAREN)) {
            break;
        }
        /* fall through */
    default:
        if (e->kind == PX_AST_UnaryOp && e->u.unaryop.op == PX_UNOP_NOT && !(e->flags & PX_AST_F_PAREN)) {
            break;
        }
        if (first && !(e->kind == PX_AST_Constant && px_is_const(e->u.constant.value))) {
            px_perr_node(P, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                         px_expr_desc(e));
        }
        break;
    }
    px_set_ctx(P, e, PX_AST_STORE);
}

static px_ast_stmt *expr_stmt(px_parser *P, px_token *t) {
    px_ast_expr *first = star_or_yield(P);
    unsigned next = px_at(P);
    if (next == PX_TOK_COLON) {
        P->p++;
        px_ast_stmt *s = new_stmt(P, PX_AST_AnnAssign, t);
        if (first->kind == PX_AST_Tuple) {
            px_perr_node(P, first, "only single target (not tuple) can be annotated");
        }
        if (first->kind == PX_AST_List) {
            px_perr_node(P, first, "only single target (not list) can be annotated");
        }
        if (first->kind != PX_AST_Name && first->kind != PX_AST_Attribute && first->kind != PX_AST_Subscript) {
            px_perr_node(P, first, "illegal target for annotation");
        }
        px_set_ctx(P, first, PX_AST_STORE);
        s->u.annassign.target = first;
        s->u.annassign.simple = first->kind == PX_AST_Name && !(first->flags & PX_AST_F_PAREN);
        s->u.annassign.annotation = px_p_expression(P);
        if (px_accept(P, PX_TOK_EQUAL)) {
            s->u.annassign.value = star_or_yield(P);
        }
        return s;
    }
    int op = augop(next);
    if (op >= 0) {
        P->p++;
        if (first->kind != PX_AST_Name && first->kind != PX_AST_Attribute && first->kind != PX_AST_Subscript) {
            px_perr_node(P, first, "'%s' is an illegal expression for augmented assignment", px_expr_desc(first));
        }
        px_set_ctx(P, first, PX_AST_STORE);
        px_ast_stmt *s = new_stmt(P, PX_AST_AugAssign, t);
        s->u.augassign.target = first;
        s->u.augassign.op = (px_binop)op;
        s->u.augassign.value = star_or_yield(P);
        return s;
    }
    if (next == PX_TOK_EQUAL) {
        px_vec targets = {0};
        px_ast_expr *value = first;
        while (px_accept(P, PX_TOK_EQUAL)) {
            check_assign_target(P, value, targets.len == 0);
            px_vec_push(&targets, value);
            value = star_or_yield(P);
        }
        px_ast_stmt *s = new_stmt(P, PX_AST_Assign, t);
        s->u.assign.targets = PX_AS_LIST(px_ast_exprs, px_ast_expr, targets);
        s->u.assign.value = value;
        return s;
    }
    if (first->kind == PX_AST_Starred) {
        px_perr_node(P, first, "can't use starred expression here");
    }
    if (next == PX_TOK_COLONEQUAL) {
        if (first->kind != PX_AST_Name) {
            px_perr_node(P, first, "cannot use assignment expressions with %s", px_expr_desc(first));
        }
        px_perr_syntax(P);
    }
    if (first->kind == PX_AST_Name && first->u.name.id == px_qstr_intern("print", 5) &&
        (px_starts_expr(next) && next != PX_TOK_LPAR && next != PX_TOK_LSQB && next != PX_TOK_MINUS &&
         next != PX_TOK_PLUS && next != PX_TOK_TILDE)) {
        px_perr_node(P, first, "Missing parentheses in call to 'print'. Did you mean print(...)?");
    }
    px_ast_stmt *s = new_stmt(P, PX_AST_Expr, t);
    s->u.expr.value = first;
    return s;
}

static px_ast_stmt *simple_stmt(px_parser *P) {
    px_token *t = px_cur(P);
    px_ast_stmt *s;
    switch (t->type) {
    case PX_TOK_KW_PASS:
        P->p++;
        s = new_stmt(P, PX_AST_Pass, t);
        break;
    case PX_TOK_KW_BREAK:
        P->p++;
        s = new_stmt(P, PX_AST_Break, t);
        break;
    case PX_TOK_KW_CONTINUE:
        P->p++;
        s = new_stmt(P, PX_AST_Continue, t);
        break;
    case PX_TOK_KW_RETURN:
        P->p++;
        s = new_stmt(P, PX_AST_Return, t);
        if (!at_stmt_end(P)) {
            s->u.ret.value = px_p_star_expressions(P);
        }
        break;
    case PX_TOK_KW_RAISE:
        P->p++;
        s = new_stmt(P, PX_AST_Raise, t);
        if (!at_stmt_end(P)) {
            s->u.raise.exc = px_p_expression(P);
            if (px_accept(P, PX_TOK_KW_FROM)) {
                s->u.raise.cause = px_p_expression(P);
            }
        }
        break;
    case PX_TOK_KW_GLOBAL:
    case PX_TOK_KW_NONLOCAL:
        P->p++;
        s = global_stmt(P, t, t->type == PX_TOK_KW_GLOBAL ? PX_AST_Global : PX_AST_Nonlocal);
        break;
    case PX_TOK_KW_DEL: {
        P->p++;
        s = new_stmt(P, PX_AST_Delete, t);
        px_vec targets = {0};
        do {
            if (at_stmt_end(P) && targets.len > 0) {
                break;
            }
            px_ast_expr *e = px_at(P) == PX_TOK_STAR ? px_p_target_list(P) : px_p_bitor(P);
            px_set_ctx(P, e, PX_AST_DEL);
            px_vec_push(&targets, e);
        } while (px_accept(P, PX_TOK_COMMA));
        s->u.del.targets = PX_AS_LIST(px_ast_exprs, px_ast_expr, targets);
        break;
    }
    case PX_TOK_KW_ASSERT:
        P->p++;
        s = new_stmt(P, PX_AST_Assert, t);
        s->u.assert_.test = px_p_expression(P);
        if (px_accept(P, PX_TOK_COMMA)) {
            s->u.assert_.msg = px_p_expression(P);
        }
        break;
    case PX_TOK_KW_IMPORT:
        P->p++;
        s = import_stmt(P, t);
        break;
    case PX_TOK_KW_FROM:
        P->p++;
        s = from_stmt(P, t);
        break;
    default:
        if (!px_starts_expr(t->type) && t->type != PX_TOK_STAR && t->type != PX_TOK_KW_YIELD) {
            px_perr_syntax(P);
        }
        s = expr_stmt(P, t);
        break;
    }
    px_finish(P, s);
    return s;
}

static void simple_stmts(px_parser *P, px_vec *out) {
    for (;;) {
        px_vec_push(out, simple_stmt(P));
        if (!px_accept(P, PX_TOK_SEMI)) {
            break;
        }
        if (px_at(P) == PX_TOK_NEWLINE || px_at(P) == PX_TOK_END) {
            break;
        }
    }
    if (!px_accept(P, PX_TOK_NEWLINE) && px_at(P) != PX_TOK_END) {
        px_perr_syntax(P);
    }
}

/* ---- compound statements */

static void statement(px_parser *P, px_vec *out);

/* ':' then an indented block or simple statements on the same line.
 * `what`/`line` name the header for "expected an indented block". */
static px_ast_stmts block(px_parser *P, const char *what, uint32_t line) {
    px_expect(P, PX_TOK_COLON);
    px_vec body = {0};
    if (px_accept(P, PX_TOK_NEWLINE)) {
        if (!px_accept(P, PX_TOK_INDENT)) {
            indent_error(P, px_cur(P), "expected an indented block after %s on line %u", what, (unsigned)line);
        }
        px_enter(P);
        while (!px_accept(P, PX_TOK_DEDENT)) {
            if (px_at(P) == PX_TOK_END) {
                break;
            }
            statement(P, &body);
        }
        px_leave(P);
    } else {
        simple_stmts(P, &body);
    }
    return PX_AS_LIST(px_ast_stmts, px_ast_stmt, body);
}

static px_ast_stmt *if_stmt(px_parser *P, px_token *t, const char *what) {
    P->p++;
    px_ast_stmt *s = new_stmt(P, PX_AST_If, t);
    s->u.cond.test = px_p_named_expression(P);
    s->u.cond.body = block(P, what, t->lineno);
    px_token *e = px_cur(P);
    if (e->type == PX_TOK_KW_ELIF) {
        px_ast_stmt *elif = if_stmt(P, e, "'elif' statement");
        px_ast_stmt **one = px_gc_alloc(sizeof *one, 0);
        one[0] = elif;
        s->u.cond.orelse.len = 1;
        s->u.cond.orelse.items = one;
    } else if (px_accept(P, PX_TOK_KW_ELSE)) {
        s->u.cond.orelse = block(P, "'else' statement", e->lineno);
    }
    px_finish(P, s);
    return s;
}

static px_ast_stmt *while_stmt(px_parser *P, px_token *t) {
    P->p++;
    px_ast_stmt *s = new_stmt(P, PX_AST_While, t);
    s->u.cond.test = px_p_named_expression(P);
    s->u.cond.body = block(P, "'while' statement", t->lineno);
    px_token *e = px_cur(P);
    if (px_accept(P, PX_TOK_KW_ELSE)) {
        s->u.cond.orelse = block(P, "'else' statement", e->lineno);
    }
    px_finish(P, s);
    return s;
}

static px_ast_stmt *for_stmt(px_parser *P, px_token *t, bool is_async) {
    P->p++;
    px_ast_stmt *s = new_stmt(P, is_async ? PX_AST_AsyncFor : PX_AST_For, t);
    s->u.forloop.target = px_p_target_list(P);
    px_set_ctx(P, s->u.forloop.target, PX_AST_STORE);
    px_expect(P, PX_TOK_KW_IN);
    s->u.forloop.iter = px_p_star_expressions(P);
    s->u.forloop.body = block(P, "'for' statement", t->lineno);
    px_token *e = px_cur(P);
    if (px_accept(P, PX_TOK_KW_ELSE)) {
        s->u.forloop.orelse = block(P, "'else' statement", e->lineno);
    }
    px_finish(P, s);
    return s;
}

static px_ast_withitem *with_item(px_parser *P) {
    px_token *t = px_cur(P);
    px_ast_withitem *w = px_p_node(P, sizeof *w, PX_AST_withitem, t->lineno, t->col);
    w->context_expr = px_p_expression(P);
    if (px_accept(P, PX_TOK_KW_AS)) {
        w->optional_vars = px_p_bitor(P);
        px_set_ctx(P, w->optional_vars, PX_AST_STORE);
    }
    px_finish(P, w);
    return w;
}

/* Index of the token closing the bracket at index i, or 0. */
static size_t matching_close(px_parser *P, size_t i) {
    int depth = 0;
    for (; i < P->ntoks; i++) {
        unsigned t = P->toks[i].type;
        if (t == PX_TOK_LPAR || t == PX_TOK_LSQB || t == PX_TOK_LBRACE) {
            depth++;
        } else if (t == PX_TOK_RPAR || t == PX_TOK_RSQB || t == PX_TOK_RBRACE) {
            if (--depth == 0) {
                return i;
            }
        } else if (t == PX_TOK_END) {
            break;
        }
    }
    return 0;
}

static px_ast_stmt *with_stmt(px_parser *P, px_token *t, bool is_async) {
    P->p++;
    px_ast_stmt *s = new_stmt(P, is_async ? PX_AST_AsyncWith : PX_AST_With, t);
    px_vec items = {0};
    size_t close;
    if (px_at(P) == PX_TOK_LPAR && (close = matching_close(P, P->p)) != 0 &&
        P->toks[close + 1].type == PX_TOK_COLON) {
        /* with (a as b, c as d): */
        P->p++;
        do {
            if (px_at(P) == PX_TOK_RPAR && items.len > 0) {
                break;
            }
            px_vec_push(&items, with_item(P));
        } while (px_accept(P, PX_TOK_COMMA));
        px_expect(P, PX_TOK_RPAR);
    } else {
        do {
            px_vec_push(&items, with_item(P));
        } while (px_accept(P, PX_TOK_COMMA));
    }
    s->u.with.items = PX_AS_LIST(px_ast_withitems, px_ast_withitem, items);
    if (px_at(P) != PX_TOK_COLON) {
        px_perr_syntax(P); /* CPython says "expected ':'" only after some keywords */
    }
    s->u.with.body = block(P, "'with' statement", t->lineno);
    px_finish(P, s);
    return s;
}

static px_ast_stmt *try_stmt(px_parser *P, px_token *t) {
    P->p++;
    px_ast_stmt *s = new_stmt(P, PX_AST_Try, t);
    s->u.try_.body = block(P, "'try' statement", t->lineno);
    px_vec handlers = {0};
    px_token *bare = NULL;
    px_token *e;
    while ((e = px_cur(P))->type == PX_TOK_KW_EXCEPT) {
        P->p++;
        if (bare) {
            px_perr_tok(P, bare, "default 'except:' must be last");
        }
        px_ast_excepthandler *h = px_p_node(P, sizeof *h, PX_AST_ExceptHandler, e->lineno, e->col);
        bool star = px_accept(P, PX_TOK_STAR);
        if (handlers.len > 0 && star != s->u.try_.star) {
            px_perr_tok(P, e, "cannot have both 'except' and 'except*' on the same 'try'");
        }
        s->u.try_.star = star;
        if (star && px_at(P) == PX_TOK_COLON) {
            px_perr_tok(P, px_cur(P), "expected one or more exception types");
        }
        if (px_at(P) != PX_TOK_COLON) {
            h->type = px_p_expression(P);
            if (px_at(P) == PX_TOK_COMMA) {
                px_perr_node(P, h->type, "multiple exception types must be parenthesized");
            }
            if (px_accept(P, PX_TOK_KW_AS)) {
                px_token *n = px_cur(P);
                if (n->type != PX_TOK_NAME) {
                    px_perr_syntax(P);
                }
                P->p++;
                h->name = px_qstr_get(n->u.value);
            }
        } else {
            bare = e;
        }
        h->body = block(P, "'except' statement", e->lineno);
        px_finish(P, h);
        px_vec_push(&handlers, h);
    }
    s->u.try_.handlers = PX_AS_LIST(px_ast_excepthandlers, px_ast_excepthandler, handlers);
    e = px_cur(P);
    if (handlers.len > 0 && px_accept(P, PX_TOK_KW_ELSE)) {
        s->u.try_.orelse = block(P, "'else' statement", e->lineno);
    }
    e = px_cur(P);
    if (px_accept(P, PX_TOK_KW_FINALLY)) {
        s->u.try_.finalbody = block(P, "'finally' statement", e->lineno);
    } else if (handlers.len == 0) {
        px_perr_tok(P, e, "expected 'except' or 'finally' block");
    }
    px_finish(P, s);
    return s;
}

static px_ast_stmt *funcdef(px_parser *P, px_token *t, bool is_async, px_vec *decorators) {
    P->p++; /* 'def' */
    px_ast_stmt *s = new_stmt(P, is_async ? PX_AST_AsyncFunctionDef : PX_AST_FunctionDef, t);
    px_token *n = px_cur(P);
    if (n->type != PX_TOK_NAME) {
        px_perr_syntax(P);
    }
    P->p++;
    s->u.funcdef.name = px_qstr_get(n->u.value);
    px_expect(P, PX_TOK_LPAR);
    s->u.funcdef.args = px_p_params(P, false);
    px_expect(P, PX_TOK_RPAR);
    if (px_accept(P, PX_TOK_RARROW)) {
        s->u.funcdef.returns = px_p_expression(P);
    }
    s->u.funcdef.decorator_list = PX_AS_LIST(px_ast_exprs, px_ast_expr, *decorators);
    s->u.funcdef.body = block(P, "function definition", t->lineno);
    px_finish(P, s);
    return s;
}

static px_ast_stmt *classdef(px_parser *P, px_token *t, px_vec *decorators) {
    P->p++; /* 'class' */
    px_ast_stmt *s = new_stmt(P, PX_AST_ClassDef, t);
    px_token *n = px_cur(P);
    if (n->type != PX_TOK_NAME) {
        px_perr_syntax(P);
    }
    P->p++;
    s->u.classdef.name = px_qstr_get(n->u.value);
    if (px_at(P) == PX_TOK_LPAR) {
        /* Parse the bases like a call's arguments. */
        px_ast_expr *name = px_new_expr(P, PX_AST_Name, n);
        px_ast_expr *call = px_p_call_args(P, name);
        s->u.classdef.bases = call->u.call.args;
        s->u.classdef.keywords = call->u.call.keywords;
        for (uint32_t i = 0; i < call->u.call.args.len; i++) {
            if (call->u.call.args.items[i]->kind == PX_AST_GeneratorExp) {
                px_perr_node(P, call->u.call.args.items[i], "invalid syntax");
            }
        }
    }
    s->u.classdef.decorator_list = PX_AS_LIST(px_ast_exprs, px_ast_expr, *decorators);
    s->u.classdef.body = block(P, "class definition", t->lineno);
    px_finish(P, s);
    return s;
}

static px_ast_stmt *compound(px_parser *P) {
    px_vec decorators = {0};
    while (px_at(P) == PX_TOK_AT) {
        P->p++;
        px_vec_push(&decorators, px_p_named_expression(P));
        if (!px_accept(P, PX_TOK_NEWLINE)) {
            px_perr_syntax(P);
        }
    }
    px_token *t = px_cur(P);
    switch (t->type) {
    case PX_TOK_KW_DEF:
        return funcdef(P, t, false, &decorators);
    case PX_TOK_KW_CLASS:
        return classdef(P, t, &decorators);
    case PX_TOK_KW_ASYNC:
        if (px_ahead(P, 1) == PX_TOK_KW_DEF) {
            P->p++;
            return funcdef(P, t, true, &decorators);
        }
        if (decorators.len == 0) {
            if (px_ahead(P, 1) == PX_TOK_KW_FOR) {
                P->p++;
                return for_stmt(P, t, true);
            }
            if (px_ahead(P, 1) == PX_TOK_KW_WITH) {
                P->p++;
                return with_stmt(P, t, true);
            }
        }
        P->p++;
        px_perr_syntax(P);
    default:
        break;
    }
    if (decorators.len > 0) {
        px_perr_syntax(P);
    }
    switch (t->type) {
    case PX_TOK_KW_IF:
        return if_stmt(P, t, "'if' statement");
    case PX_TOK_KW_WHILE:
        return while_stmt(P, t);
    case PX_TOK_KW_FOR:
        return for_stmt(P, t, false);
    case PX_TOK_KW_WITH:
        return with_stmt(P, t, false);
    case PX_TOK_KW_TRY:
        return try_stmt(P, t);
    default:
        px_perr_syntax(P);
    }
}

static void statement(px_parser *P, px_vec *out) {
    switch (px_at(P)) {
    case PX_TOK_KW_DEF: case PX_TOK_KW_CLASS: case PX_TOK_KW_IF: case PX_TOK_KW_WHILE:
    case PX_TOK_KW_FOR: case PX_TOK_KW_WITH: case PX_TOK_KW_TRY: case PX_TOK_AT:
    case PX_TOK_KW_ASYNC:
        px_vec_push(out, compound(P));
        return;
    case PX_TOK_INDENT:
        unexpected_indent(P, px_cur(P));
    case PX_TOK_NEWLINE:
        P->p++;
        return;
    default:
        simple_stmts(P, out);
    }
}

/* ---- entry points */

/* Lex the whole text. A lexer error is kept for later: CPython reports
 * a syntax error before the bad token first, as it reads tokens lazily. */
static void lex_tokens(px_parser *P) {
    px_lexer *lx = P->lx;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        P->toks = px_lex_all(lx, &P->ntoks);
        px_try_pop(&j);
        return;
    }
    /* Only a SyntaxError waits; MemoryError (the token array could not
     * grow) and the like propagate now. */
    if (lx->toks == NULL || !px_isinstance(j.exc, &px_type_SyntaxError)) {
        px_raise(j.exc);
    }
    P->lex_exc = j.exc;
    P->toks = lx->toks;
    P->ntoks = lx->ntoks + 1;
    px_token *end = &P->toks[lx->ntoks];
    memset(end, 0, sizeof *end);
    end->type = PX_TOK_END;
    end->lineno = end->end_lineno = lx->line + lx->line_base;
}

/* An expression (EVAL) or one statement (SINGLE): the whole text. */
static void parse_tokens(px_parser *P, px_compile_mode mode) {
    px_ast_mod *mod = P->mod;
    px_vec body = {0};
    if (mode == PX_COMPILE_EVAL) {
        mod->kind = PX_AST_Expression;
        while (px_accept(P, PX_TOK_NEWLINE)) {
        }
        if (px_at(P) == PX_TOK_END) {
            px_perr_syntax(P);
        }
        mod->expr = px_p_star_expressions(P);
        while (px_accept(P, PX_TOK_NEWLINE)) {
        }
        if (px_at(P) != PX_TOK_END) {
            px_perr_syntax(P);
        }
    } else {
        mod->kind = PX_AST_Interactive;
        while (px_accept(P, PX_TOK_NEWLINE)) {
        }
        if (px_at(P) != PX_TOK_END) {
            statement(P, &body);
        }
        while (px_accept(P, PX_TOK_NEWLINE) || px_accept(P, PX_TOK_DEDENT)) {
        }
        if (px_at(P) != PX_TOK_END) {
            px_perr_tok(P, px_cur(P), "multiple statements found while compiling a single statement");
        }
    }
    if (P->lex_exc != PX_NULL) {
        px_raise(P->lex_exc);
    }
    mod->body = PX_AS_LIST(px_ast_stmts, px_ast_stmt, body);
}

/* What every mode checks first; then the lexer at lx, positioned at the start. */
static px_ast_mod *parse_setup(px_lexer *lx, const char *src, size_t len, px_qid filename) {
    px_ast_mod *mod = px_ast_new(sizeof *mod, PX_AST_Module, 1, 0);
    mod->filename = filename;
    mod->src = src;
    mod->src_len = len;
    if (len > 0x7FFFFFFF) {
        px_raise_memory_error(); /* token positions are 32-bit */
    }
    if (!px_utf8_valid(src, len)) {
        px_syntax_error(&px_type_SyntaxError, filename, NULL, 0, 0, 0,
                        "(unicode error) 'utf-8' codec can't decode source: invalid UTF-8");
    }
    px_lexer_init(lx, src, len, filename);
    return mod;
}

px_parser *px_parse_begin(const char *src, size_t len, px_qid filename, px_ast_mod **modp, px_lexer *lx) {
    px_ast_mod *mod = parse_setup(lx, src, len, filename);
    px_parser *P = px_gc_alloc(sizeof *P, 0);
    P->lx = lx;
    P->mod = mod;
    *modp = mod;
    return P;
}

void px_parse_free_trees(px_parser *P) {
    if (P->arena == NULL) {
        P->arena = px_gc_alloc(sizeof(px_node_block *), 0);
        return;
    }
    for (px_node_block *b = *P->arena, *next; b != NULL; b = next) {
        next = b->next;
        px_gc_free(b);
    }
    *P->arena = NULL;
    /* the remembered groups name freed nodes, whose addresses come again */
    memset(P->groups, 0, sizeof P->groups);
    P->ngroups = 0;
}

bool px_parse_next(px_parser *P, px_ast_stmts *out) {
    /* A window holds one top-level statement, so the tree of the last one
     * is all the parser keeps (and the caller drops it when done). */
    if (!px_window_next(P)) {
        if (P->lex_exc != PX_NULL) {
            px_raise(P->lex_exc);
        }
        return false;
    }
    px_vec body = {0};
    while (P->p < P->stop && px_at(P) != PX_TOK_END) {
        statement(P, &body);
    }
    px_window_release(P);
    *out = PX_AS_LIST(px_ast_stmts, px_ast_stmt, body);
    return true;
}

void px_parse_end(px_parser *P) {
    px_gc_free(P->toks);
    P->toks = NULL;
    P->lx = NULL;
}

px_ast_mod *px_parse(const char *src, size_t len, px_qid filename, px_compile_mode mode) {
    px_ast_mod *mod;
    if (mode == PX_COMPILE_FILE) {
        px_lexer lexer;
        px_parser *P = px_parse_begin(src, len, filename, &mod, &lexer);
        px_vec body = {0};
        px_ast_stmts part;
        while (px_parse_next(P, &part)) {
            for (uint32_t i = 0; i < part.len; i++) {
                px_vec_push(&body, part.items[i]);
            }
        }
        px_parse_end(P);
        mod->body = PX_AS_LIST(px_ast_stmts, px_ast_stmt, body);
        return mod;
    }
    px_lexer *lx = px_gc_alloc(sizeof *lx, 0);
    mod = parse_setup(lx, src, len, filename);
    if (mode == PX_COMPILE_EVAL) {
        while (lx->pos < len && (src[lx->pos] == ' ' || src[lx->pos] == '\t')) {
            lx->pos++;
        }
    }
    px_parser P = {0};
    P.lx = lx;
    P.mod = mod;
    lex_tokens(&P);
    parse_tokens(&P, mode);
    /* The tree holds no pointers into the tokens: give the memory back now. */
    px_gc_free(P.toks);
    px_gc_free(lx);
    return mod;
}

/* Parse a sub-expression (an f-string field) whose text starts at the given
 * line and column of the enclosing source. */
px_ast_expr *px_parse_fstring_expr(px_parser *outer, const char *text, size_t n, uint32_t lineno, uint32_t col) {
    /* On the C stack: a long f-string has a field per few bytes, and a
     * lexer (about 3 KiB) is a large heap block. Nothing keeps it. */
    px_lexer lexer, *lx = &lexer;
    px_lexer_init(lx, text, n, outer->lx->filename);
    lx->err_src = outer->lx->err_src;
    lx->err_len = outer->lx->err_len;
    lx->line_base = lineno - 1;
    lx->col_base = col;
    lx->paren_depth = lx->base_paren = 1;
    lx->parens[0] = '(';
    lx->paren_line[0] = lineno;
    lx->paren_col[0] = col;
    px_parser P = {0};
    P.lx = lx;
    P.mod = outer->mod;
    P.arena = outer->arena;
    P.depth = outer->depth;
    P.prefix = "f-string: ";
    lex_tokens(&P);
    px_ast_expr *e;
    if (px_at(&P) == PX_TOK_KW_YIELD) {
        e = px_p_yield_expr(&P);
    } else {
        e = px_p_star_expressions(&P);
    }
    if (e->kind == PX_AST_Starred) {
        px_perr_node(&P, e, "can't use starred expression here");
    }
    px_accept(&P, PX_TOK_NEWLINE);
    if (px_at(&P) != PX_TOK_END || P.lex_exc != PX_NULL) {
        px_perr_syntax(&P);
    }
    px_gc_free(P.toks);
    return e;
}

/* px_parse_needs_more's look at the tokens of a source that lexes. Not
 * inlined: its locals live in its own frame, not across the caller's
 * setjmp (gcc's -Wclobbered). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static bool tokens_need_more(const char *src, size_t len) {
    px_lexer *lx = px_gc_alloc(sizeof *lx, 0);
    px_lexer_init(lx, src, len, PX_QID_NONE);
    size_t n;
    px_token *toks = px_lex_all(lx, &n);
    bool indented = false;
    for (size_t i = 0; i < n; i++) {
        if (toks[i].type == PX_TOK_INDENT) {
            indented = true;
        }
    }
    /* The last token before the final NEWLINE/DEDENTs/END. */
    size_t k = n;
    while (k > 0 && (toks[k - 1].type == PX_TOK_END || toks[k - 1].type == PX_TOK_NEWLINE ||
                     toks[k - 1].type == PX_TOK_DEDENT)) {
        k--;
    }
    size_t e = len;
    while (e > 0 && (src[e - 1] == ' ' || src[e - 1] == '\t')) {
        e--;
    }
    bool blank_end = e >= 2 && src[e - 1] == '\n' && src[e - 2] == '\n';
    if (k > 0 && toks[k - 1].type == PX_TOK_COLON) {
        return true;
    } else if (indented && !blank_end) {
        return true;
    } else if (k > 0 && !blank_end) {
        /* A decorator line needs the definition after it. */
        size_t s = k - 1;
        while (s > 0 && toks[s - 1].type != PX_TOK_NEWLINE && toks[s - 1].type != PX_TOK_DEDENT &&
               toks[s - 1].type != PX_TOK_INDENT) {
            s--;
        }
        return toks[s].type == PX_TOK_AT;
    }
    return false;
}

bool px_parse_needs_more(const char *src, size_t len) {
    px_jmp j;
    volatile bool more = false;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        more = tokens_need_more(src, len);
        px_try_pop(&j);
    } else {
        px_val exc = j.exc;
        px_val args = px_exc_args(exc);
        size_t n;
        px_val *items = px_seq_items(args, &n);
        if (n >= 1 && px_is_str(items[0])) {
            size_t ml;
            const char *m = px_str_data(items[0], &ml);
            more = (ml >= 29 && memcmp(m, "unterminated triple-quoted st", 29) == 0) ||
                   (ml >= 16 && memcmp(m + ml - 16, "was never closed", 16) == 0) ||
                   (ml >= 28 && memcmp(m, "unexpected EOF while parsing", 28) == 0);
        }
    }
    return more;
}
