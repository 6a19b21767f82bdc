/* The compiler driver and statement code generation: functions, classes,
 * loops, try/except/finally, with, imports, assignments. Expressions are in
 * compile_expr.c. Block shapes follow the comments in bytecode.h. */
#include "codegen.h"

#include "../runtime.h"
#include "lexer.h"
#include "parser.h"

int px_compile_optimize = 0;
#if PX_HAS_COMPILER_DEBUG
int px_compile_dis = 0;
#endif

PX_NORETURN void(px_cg_error)(px_compiler *c, const void *node, const char *msg) {
    PX_ERRTEXT_FMT(msg);
    px_ast_error(c->mod, node, &px_type_SyntaxError, "%s", msg);
}

void px_cg_set_line(px_compiler *c, const void *node) {
    uint32_t line = ((const px_ast_node *)node)->lineno;
    if (line) {
        c->u->line = line;
    }
}

px_unit *px_cg_unit_push(px_compiler *c, px_unit *u, px_scope *s, px_qid name, uint32_t firstline) {
    px_emit_init(u, c->mod, s, firstline);
    u->parent = c->u;
    u->name = name;
    if (s->nfreevars) {
        u->flags |= PX_CODE_NESTED;
    }
    c->u = u;
    return u;
}

px_code *px_cg_unit_pop(px_compiler *c) {
    px_code *code = px_emit_finish(c->u);
    code->filename = c->mod->filename;
    c->u = c->u->parent;
    return code;
}

/* ---- frame blocks */

static int fb_push(px_compiler *c, px_fblock_kind kind, int cont, int brk) {
    px_unit *u = c->u;
    u->fblocks = px_emit_grow(u->fblocks, &u->fblocks_cap, u->nfblocks + 1, sizeof(px_fblock), 0);
    px_fblock *fb = &u->fblocks[u->nfblocks];
    memset(fb, 0, sizeof *fb);
    fb->kind = kind;
    fb->label_continue = cont;
    fb->label_break = brk;
    fb->outer_handler = u->cur_handler;
    return (int)u->nfblocks++;
}

static void fb_pop(px_compiler *c) { c->u->nfblocks--; }

static void emit_exit_call(px_compiler *c, bool is_async) {
    px_unit *u = c->u;
    px_emit_op(u, PX_OP_LOAD_NONE);
    px_emit_op(u, PX_OP_LOAD_NONE);
    px_emit_op(u, PX_OP_LOAD_NONE);
    px_emit_u(u, PX_OP_CALL, 3);
    if (is_async) {
        px_cg_await(c);
    }
    px_emit_op(u, PX_OP_POP_TOP);
}

static void clear_name(px_compiler *c, px_qid name) {
    px_emit_op(c->u, PX_OP_LOAD_NONE);
    px_cg_name(c, name, PX_AST_STORE);
    px_cg_name(c, name, PX_AST_DEL);
}

/* Emit what leaving block i needs; `preserve` keeps a return value on top. */
static void unwind_block(px_compiler *c, uint32_t i, bool preserve) {
    px_unit *u = c->u;
    px_fblock fb = u->fblocks[i];
    px_handler_set(u, fb.outer_handler);
    switch (fb.kind) {
    case PX_FB_WHILE:
    case PX_FB_TRY_EXCEPT:
        break;
    case PX_FB_POP_VALUE:
        if (preserve) {
            px_emit_u(u, PX_OP_SWAP, 2);
        }
        px_emit_op(u, PX_OP_POP_TOP);
        break;
    case PX_FB_FOR:
    case PX_FB_ASYNC_FOR:
        if (preserve) {
            px_emit_u(u, PX_OP_SWAP, 2);
        }
        px_emit_op(u, PX_OP_POP_TOP);
        break;
    case PX_FB_FINALLY_TRY: {
        /* The finally body runs with only the blocks outside this one; the
         * blocks it pushes overwrite ours, so keep a copy to put back. */
        uint32_t saved = u->nfblocks;
        px_fblock *copy = px_gc_alloc((saved - i) * sizeof(px_fblock), 0);
        memcpy(copy, &u->fblocks[i], (saved - i) * sizeof(px_fblock));
        u->nfblocks = i;
        if (preserve) {
            /* A return inside the finally body drops the value we return. */
            fb_push(c, PX_FB_POP_VALUE, -1, -1);
        }
        const px_ast_stmt *st = fb.node;
        px_cg_stmts(c, (px_ast_stmts *)&st->u.try_.finalbody);
        memcpy(&u->fblocks[i], copy, (saved - i) * sizeof(px_fblock));
        u->nfblocks = saved;
        break;
    }
    case PX_FB_FINALLY_END:
        if (preserve) {
            px_emit_u(u, PX_OP_SWAP, 2);
        }
        px_emit_op(u, PX_OP_POP_TOP); /* the exception */
        if (preserve) {
            px_emit_u(u, PX_OP_SWAP, 2);
        }
        px_emit_op(u, PX_OP_POP_EXCEPT);
        break;
    case PX_FB_HANDLER:
    case PX_FB_HANDLER_NAME:
        if (preserve) {
            px_emit_u(u, PX_OP_SWAP, 2);
        }
        px_emit_op(u, PX_OP_POP_EXCEPT);
        if (fb.kind == PX_FB_HANDLER_NAME) {
            clear_name(c, fb.name);
        }
        break;
    case PX_FB_STAR_HANDLER:
        break; /* nothing leaves it (star_block_left refuses) */
    case PX_FB_WITH:
    case PX_FB_ASYNC_WITH:
        if (preserve) {
            px_emit_u(u, PX_OP_SWAP, 2);
        }
        emit_exit_call(c, fb.kind == PX_FB_ASYNC_WITH);
        break;
    }
}

/* return, break and continue may not leave an except* clause (its part of
 * the exception must reach PREP_RERAISE_STAR): for return, any enclosing
 * clause; for break and continue, one inside their loop. */
static void star_block_left(px_compiler *c, px_ast_stmt *st, uint32_t from) {
    px_unit *u = c->u;
    for (uint32_t i = from; i < u->nfblocks; i++) {
        if (u->fblocks[i].kind == PX_FB_STAR_HANDLER) {
            px_cg_error(c, st, "'break', 'continue' and 'return' cannot appear in an except* block");
        }
    }
}

static void cg_return(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    star_block_left(c, st, 0);
    if (st->u.ret.value) {
        px_cg_expr(c, st->u.ret.value);
    } else {
        px_emit_op(u, PX_OP_LOAD_NONE);
    }
    int saved_handler = u->cur_handler;
    for (uint32_t i = u->nfblocks; i-- > 0;) {
        unwind_block(c, i, true);
        px_cg_set_line(c, st);
    }
    px_emit_op(u, PX_OP_RETURN_VALUE);
    px_handler_set(u, saved_handler);
}

static void cg_break_continue(px_compiler *c, px_ast_stmt *st, bool is_break) {
    px_unit *u = c->u;
    uint32_t loop = u->nfblocks;
    while (loop-- > 0) {
        px_fblock_kind k = u->fblocks[loop].kind;
        if (k == PX_FB_WHILE || k == PX_FB_FOR || k == PX_FB_ASYNC_FOR) {
            break;
        }
    }
    if (loop == (uint32_t)-1) {
        px_cg_error(c, st, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    star_block_left(c, st, loop + 1);
    int saved_handler = u->cur_handler;
    for (uint32_t i = u->nfblocks; i-- > loop + 1;) {
        unwind_block(c, i, false);
        px_cg_set_line(c, st);
    }
    px_fblock fb = u->fblocks[loop];
    if (is_break) {
        unwind_block(c, loop, false);
        px_emit_jump(u, PX_OP_JUMP, fb.label_break);
    } else {
        px_handler_set(u, fb.outer_handler);
        px_emit_jump(u, PX_OP_JUMP, fb.label_continue);
    }
    px_handler_set(u, saved_handler);
}

/* ---- functions and classes */

void px_cg_make_function(px_compiler *c, px_code *code, px_scope *s, uint32_t flags) {
    px_unit *u = c->u;
    if (s->nfreevars) {
        /* Many cells are collected one by one: the stack size is a 16-bit count. */
        bool incremental = s->nfreevars > 64;
        if (incremental) {
            px_emit_u(u, PX_OP_BUILD_LIST, 0);
        }
        for (uint32_t i = 0; i < s->nfreevars; i++) {
            int idx = px_scope_cell_index(u->scope, s->freevars[i]);
            if (idx < 0) {
                px_cg_error(c, s->node, "internal error: missing closure cell");
            }
            px_emit_u(u, PX_OP_LOAD_CLOSURE, (uint32_t)idx);
            if (incremental) {
                px_emit_u(u, PX_OP_LIST_APPEND, 1);
            }
        }
        if (incremental) {
            px_emit_op(u, PX_OP_LIST_TO_TUPLE);
        } else {
            px_emit_u(u, PX_OP_BUILD_TUPLE, s->nfreevars);
        }
        flags |= 4;
    }
    px_emit_u(u, PX_OP_LOAD_CONST, px_const_index(u, px_from_ptr(code)));
    px_emit_u(u, PX_OP_MAKE_FUNCTION, flags);
}

/* Copy arguments captured by inner functions into their cells. */
static void cell_prologue(px_compiler *c) {
    px_scope *s = c->u->scope;
    for (uint32_t i = 0; i < s->nsyms; i++) {
        px_symbol *sym = &s->syms[i];
        if ((sym->flags & PX_DEF_PARAM) && sym->kind == PX_SYM_CELL) {
            px_emit_u(c->u, PX_OP_LOAD_FAST, (uint32_t)sym->fast);
            px_emit_u(c->u, PX_OP_STORE_DEREF, (uint32_t)sym->cell);
        }
    }
}

static uint16_t function_flags(px_scope *s) {
    uint16_t f = 0;
    if (s->is_coroutine && s->is_generator) {
        f |= PX_CODE_ASYNC_GENERATOR;
    } else if (s->is_coroutine) {
        f |= PX_CODE_COROUTINE;
    } else if (s->is_generator) {
        f |= PX_CODE_GENERATOR;
    }
    if (s->varargs) {
        f |= PX_CODE_VARARGS;
    }
    if (s->varkeywords) {
        f |= PX_CODE_VARKEYWORDS;
    }
    return f;
}

static bool is_docstring(px_ast_stmt *st) {
    return st->kind == PX_AST_Expr && st->u.expr.value->kind == PX_AST_Constant &&
           px_is_str(st->u.expr.value->u.constant.value);
}

static void cg_funcdef(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    px_ast_exprs *decos = &st->u.funcdef.decorator_list;
    for (uint32_t i = 0; i < decos->len; i++) {
        px_cg_expr(c, decos->items[i]);
    }
    px_cg_set_line(c, st);
    uint32_t flags = px_cg_defaults(c, st->u.funcdef.args);
    px_scope *s = px_scope_child(u->scope, st);
    px_unit fu;
    px_cg_unit_push(c, &fu, s, st->u.funcdef.name, st->lineno);
    fu.flags |= function_flags(s);
    cell_prologue(c);
    px_ast_stmts body = st->u.funcdef.body;
    if (body.len && is_docstring(body.items[0])) {
        body.items++;
        body.len--;
    }
    px_cg_stmts(c, &body);
    px_emit_op(&fu, PX_OP_LOAD_NONE);
    px_emit_op(&fu, PX_OP_RETURN_VALUE);
    px_code *code = px_cg_unit_pop(c);
    px_cg_set_line(c, st);
    px_cg_make_function(c, code, s, flags);
    for (uint32_t i = decos->len; i-- > 0;) {
        px_emit_u(u, PX_OP_CALL, 1);
    }
    px_cg_name(c, st->u.funcdef.name, PX_AST_STORE);
}

static void cg_classdef(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    px_ast_exprs *decos = &st->u.classdef.decorator_list;
    for (uint32_t i = 0; i < decos->len; i++) {
        px_cg_expr(c, decos->items[i]);
    }
    px_cg_set_line(c, st);
    px_emit_op(u, PX_OP_LOAD_BUILD_CLASS);
    px_scope *s = px_scope_child(u->scope, st);
    px_unit cu;
    px_cg_unit_push(c, &cu, s, st->u.classdef.name, st->lineno);
    cu.flags |= PX_CODE_CLASSBODY;
    px_cg_name(c, PX_Q(__name__), PX_AST_LOAD);
    px_cg_name(c, PX_Q(__module__), PX_AST_STORE);
    px_emit_const(&cu, s->qualname);
    px_cg_name(c, PX_Q(__qualname__), PX_AST_STORE);
    px_ast_stmts body = st->u.classdef.body;
    if (body.len && is_docstring(body.items[0])) {
        body.items++;
        body.len--;
    }
    px_cg_stmts(c, &body);
    if (s->has_class_cell) {
        px_emit_u(&cu, PX_OP_LOAD_CLOSURE, (uint32_t)px_scope_cell_index(s, PX_Q(__class__)));
    } else {
        px_emit_op(&cu, PX_OP_LOAD_NONE);
    }
    px_emit_op(&cu, PX_OP_RETURN_VALUE);
    px_code *code = px_cg_unit_pop(c);
    px_cg_set_line(c, st);
    px_cg_make_function(c, code, s, 0);
    px_emit_const(u, px_qstr(st->u.classdef.name));
    px_cg_call_args(c, 2, &st->u.classdef.bases, &st->u.classdef.keywords, false);
    for (uint32_t i = decos->len; i-- > 0;) {
        px_emit_u(u, PX_OP_CALL, 1);
    }
    px_cg_name(c, st->u.classdef.name, PX_AST_STORE);
}

/* ---- loops and conditionals */

static void cg_if(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    int l_else = px_label_new(u), l_end = px_label_new(u);
    px_cg_jump_if(c, st->u.cond.test, false, l_else);
    px_cg_stmts(c, &st->u.cond.body);
    if (st->u.cond.orelse.len) {
        px_emit_jump(u, PX_OP_JUMP, l_end);
    }
    px_label_place(u, l_else);
    px_cg_stmts(c, &st->u.cond.orelse);
    px_label_place(u, l_end);
}

/* The test is compiled twice, before the loop and at its bottom, so each
 * iteration takes one conditional jump instead of two jumps. */
static void cg_while(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    int l_top = px_label_new(u), l_cont = px_label_new(u), l_else = px_label_new(u),
        l_break = px_label_new(u);
    px_cg_jump_if(c, st->u.cond.test, false, l_else);
    px_label_place(u, l_top);
    fb_push(c, PX_FB_WHILE, l_cont, l_break);
    px_cg_stmts(c, &st->u.cond.body);
    fb_pop(c);
    px_label_place(u, l_cont);
    px_cg_set_line(c, st);
    px_cg_jump_if(c, st->u.cond.test, true, l_top);
    px_label_place(u, l_else);
    px_cg_stmts(c, &st->u.cond.orelse);
    px_label_place(u, l_break);
}

static void cg_for(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    int l_top = px_label_new(u), l_else = px_label_new(u), l_break = px_label_new(u);
    px_cg_expr(c, st->u.forloop.iter);
    px_cg_set_line(c, st);
    px_emit_op(u, PX_OP_GET_ITER);
    px_label_place(u, l_top);
    px_emit_jump(u, PX_OP_FOR_ITER, l_else);
    px_cg_store(c, st->u.forloop.target);
    fb_push(c, PX_FB_FOR, l_top, l_break);
    px_cg_stmts(c, &st->u.forloop.body);
    fb_pop(c);
    px_cg_set_line(c, st);
    px_emit_jump(u, PX_OP_JUMP, l_top);
    px_label_place(u, l_else);
    px_cg_stmts(c, &st->u.forloop.orelse);
    px_label_place(u, l_break);
}

static void cg_async_for(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    int l_top = px_label_new(u), l_exc = px_label_new(u), l_break = px_label_new(u);
    px_cg_expr(c, st->u.forloop.iter);
    px_cg_set_line(c, st);
    px_emit_op(u, PX_OP_GET_AITER);
    px_label_place(u, l_top);
    int outer = u->cur_handler;
    int h = px_handler_new(u, l_exc, u->depth);
    px_handler_set(u, h);
    px_emit_op(u, PX_OP_GET_ANEXT);
    px_emit_op(u, PX_OP_LOAD_NONE);
    px_emit_op(u, PX_OP_YIELD_FROM);
    px_handler_set(u, outer);
    px_cg_store(c, st->u.forloop.target);
    fb_push(c, PX_FB_ASYNC_FOR, l_top, l_break);
    px_cg_stmts(c, &st->u.forloop.body);
    fb_pop(c);
    px_cg_set_line(c, st);
    px_emit_jump(u, PX_OP_JUMP, l_top);
    px_label_place_handler(u, h);
    px_emit_op(u, PX_OP_END_ASYNC_FOR);
    px_cg_stmts(c, &st->u.forloop.orelse);
    px_label_place(u, l_break);
}

/* ---- try */

/* What a try with except or except* clauses begins and ends with: the
 * body under a handler, the else block, then at the handler [exc]
 * PUSH_EXC_INFO -> [prev, exc] under the clean-up handler `hc`, which ends
 * the statement: an exception in the clauses restores the handled one and
 * goes on ([prev, exc2] SWAP 2; POP_EXCEPT; RERAISE). */
typedef struct {
    int outer; /* the handler around the statement */
    int hc;    /* the clean-up handler */
    int d;     /* the stack depth at `try` */
    int l_end;
} try_block;

static try_block try_begin(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    try_block t = {u->cur_handler, -1, 0, px_label_new(u)};
    int h = px_handler_new(u, px_label_new(u), u->depth);
    fb_push(c, PX_FB_TRY_EXCEPT, -1, -1);
    px_handler_set(u, h);
    px_cg_stmts(c, &st->u.try_.body);
    fb_pop(c);
    px_handler_set(u, t.outer);
    px_cg_stmts(c, &st->u.try_.orelse);
    px_emit_jump(u, PX_OP_JUMP, t.l_end);

    px_label_place_handler(u, h); /* [exc] */
    t.d = u->depth - 1;
    t.hc = px_handler_new(u, px_label_new(u), t.d + 1);
    px_handler_set(u, t.hc);
    px_emit_op(u, PX_OP_PUSH_EXC_INFO); /* [prev, exc] */
    return t;
}

static void try_end(px_compiler *c, const try_block *t) {
    px_unit *u = c->u;
    px_handler_set(u, t->outer);
    px_label_place_handler(u, t->hc); /* [prev, exc] */
    px_emit_u(u, PX_OP_SWAP, 2);
    px_emit_op(u, PX_OP_POP_EXCEPT);
    px_emit_op(u, PX_OP_RERAISE);
    px_label_place(u, t->l_end);
}

static void cg_try_except(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    try_block t = try_begin(c, st);
    int outer = t.outer, hc = t.hc, d = t.d, l_end = t.l_end;
    px_ast_excepthandlers *hs = &st->u.try_.handlers;
    for (uint32_t i = 0; i < hs->len; i++) {
        px_ast_excepthandler *eh = hs->items[i];
        int l_next = px_label_new(u);
        px_cg_set_line(c, eh);
        if (eh->type) {
            px_cg_expr(c, eh->type);
            px_emit_op(u, PX_OP_CHECK_EXC_MATCH);
            px_emit_jump(u, PX_OP_POP_JUMP_IF_FALSE, l_next);
        } else if (i + 1 < hs->len) {
            px_cg_error(c, eh, "default 'except:' must be last");
        }
        if (eh->name) {
            px_cg_name(c, eh->name, PX_AST_STORE); /* [prev] */
            int hn = px_handler_new(u, px_label_new(u), d + 1);
            px_handler_set(u, hn);
            int fb = fb_push(c, PX_FB_HANDLER_NAME, -1, -1);
            u->fblocks[fb].outer_handler = outer;
            u->fblocks[fb].name = eh->name;
            px_cg_stmts(c, &eh->body);
            fb_pop(c);
            px_handler_set(u, outer);
            px_emit_op(u, PX_OP_POP_EXCEPT);
            clear_name(c, eh->name);
            px_emit_jump(u, PX_OP_JUMP, l_end);
            /* The handler body raised: clear the name, then clean up. */
            px_handler_set(u, hc);
            px_label_place_handler(u, hn); /* [prev, exc2] */
            clear_name(c, eh->name);
            px_emit_op(u, PX_OP_RERAISE);
        } else {
            px_emit_op(u, PX_OP_POP_TOP); /* [prev] */
            int fb = fb_push(c, PX_FB_HANDLER, -1, -1);
            u->fblocks[fb].outer_handler = outer;
            px_cg_stmts(c, &eh->body);
            fb_pop(c);
            px_handler_set(u, outer);
            px_emit_op(u, PX_OP_POP_EXCEPT);
            px_emit_jump(u, PX_OP_JUMP, l_end);
            px_handler_set(u, hc);
        }
        px_label_place(u, l_next);
    }
    px_emit_op(u, PX_OP_RERAISE); /* no clause matched */
    try_end(c, &t);
}

/* try/except*: each clause takes its part of what is left of the
 * exception (CHECK_EG_MATCH splits it), what a clause raises is collected
 * instead of propagating, and PREP_RERAISE_STAR makes what goes on.
 *   [exc] PUSH_EXC_INFO; COPY 1; BUILD_LIST 0; SWAP 2   [prev, orig, raised, rest]
 *   each: <type> CHECK_EG_MATCH; COPY 1; POP_JUMP_IF_NONE skip
 *         STORE name | POP_TOP; body; clear name; JUMP next
 *   (body raised: [.., rest, exc2] clear name; LIST_APPEND 2; JUMP next)
 *   skip: POP_TOP; next:
 *   LIST_APPEND 1; PREP_RERAISE_STAR                    [prev, result]
 *   None: POP_TOP; POP_EXCEPT   else: SWAP 2; POP_EXCEPT; RERAISE */
static void cg_try_star(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    try_block t = try_begin(c, st);
    int outer = t.outer, hc = t.hc, d = t.d, l_end = t.l_end;
    px_emit_u(u, PX_OP_COPY, 1);
    px_emit_u(u, PX_OP_BUILD_LIST, 0);
    px_emit_u(u, PX_OP_SWAP, 2); /* [prev, orig, raised, rest] */
    px_ast_excepthandlers *hs = &st->u.try_.handlers;
    for (uint32_t i = 0; i < hs->len; i++) {
        px_ast_excepthandler *eh = hs->items[i];
        int l_skip = px_label_new(u), l_next = px_label_new(u);
        px_cg_set_line(c, eh);
        px_cg_expr(c, eh->type);
        px_emit_op(u, PX_OP_CHECK_EG_MATCH); /* [.., rest, match] */
        px_emit_u(u, PX_OP_COPY, 1);
        px_emit_jump(u, PX_OP_POP_JUMP_IF_NONE, l_skip);
        if (eh->name) {
            px_cg_name(c, eh->name, PX_AST_STORE);
        } else {
            px_emit_op(u, PX_OP_POP_TOP);
        }
        int hb = px_handler_new(u, px_label_new(u), d + 4);
        px_handler_set(u, hb);
        fb_push(c, PX_FB_STAR_HANDLER, -1, -1);
        px_cg_stmts(c, &eh->body);
        fb_pop(c);
        px_handler_set(u, hc);
        if (eh->name) {
            clear_name(c, eh->name);
        }
        px_emit_jump(u, PX_OP_JUMP, l_next);
        px_label_place_handler(u, hb); /* [prev, orig, raised, rest, exc2] */
        if (eh->name) {
            clear_name(c, eh->name);
        }
        px_emit_u(u, PX_OP_LIST_APPEND, 2);
        px_emit_jump(u, PX_OP_JUMP, l_next);
        px_label_place(u, l_skip); /* [.., rest, None] */
        px_emit_op(u, PX_OP_POP_TOP);
        px_label_place(u, l_next);
    }
    px_emit_u(u, PX_OP_LIST_APPEND, 1);
    px_emit_op(u, PX_OP_PREP_RERAISE_STAR); /* [prev, result] */
    int l_reraise = px_label_new(u);
    px_emit_u(u, PX_OP_COPY, 1);
    px_emit_jump(u, PX_OP_POP_JUMP_IF_NOT_NONE, l_reraise);
    px_emit_op(u, PX_OP_POP_TOP);
    px_handler_set(u, outer);
    px_emit_op(u, PX_OP_POP_EXCEPT);
    px_emit_jump(u, PX_OP_JUMP, l_end);
    px_handler_set(u, hc);
    px_label_place(u, l_reraise); /* [prev, result]: as the clean-up does */
    try_end(c, &t);
}

static void cg_try_handlers(px_compiler *c, px_ast_stmt *st) {
    if (st->u.try_.star) {
        cg_try_star(c, st);
    } else {
        cg_try_except(c, st);
    }
}

static void cg_try(px_compiler *c, px_ast_stmt *st) {
    if (!st->u.try_.finalbody.len) {
        cg_try_handlers(c, st);
        return;
    }
    px_unit *u = c->u;
    int outer = u->cur_handler;
    int l_end = px_label_new(u);
    int hf = px_handler_new(u, px_label_new(u), u->depth);
    int fb = fb_push(c, PX_FB_FINALLY_TRY, -1, -1);
    u->fblocks[fb].node = st;
    px_handler_set(u, hf);
    if (st->u.try_.handlers.len) {
        cg_try_handlers(c, st);
    } else {
        px_cg_stmts(c, &st->u.try_.body);
    }
    fb_pop(c);
    px_handler_set(u, outer);
    px_cg_stmts(c, &st->u.try_.finalbody);
    px_emit_jump(u, PX_OP_JUMP, l_end);

    px_label_place_handler(u, hf); /* [exc] */
    int d = u->depth - 1;
    int hc = px_handler_new(u, px_label_new(u), d + 1);
    px_handler_set(u, hc);
    px_emit_op(u, PX_OP_PUSH_EXC_INFO); /* [prev, exc] */
    fb = fb_push(c, PX_FB_FINALLY_END, -1, -1);
    u->fblocks[fb].outer_handler = outer;
    px_cg_stmts(c, &st->u.try_.finalbody);
    fb_pop(c);
    px_emit_op(u, PX_OP_RERAISE);
    px_handler_set(u, outer);
    px_label_place_handler(u, hc); /* [prev, exc2] */
    px_emit_u(u, PX_OP_SWAP, 2);
    px_emit_op(u, PX_OP_POP_EXCEPT);
    px_emit_op(u, PX_OP_RERAISE);
    px_label_place(u, l_end);
}

/* ---- with */

static void cg_with(px_compiler *c, px_ast_stmt *st, uint32_t item, bool is_async) {
    px_unit *u = c->u;
    px_ast_withitem *w = st->u.with.items.items[item];
    int outer = u->cur_handler;
    int l_end = px_label_new(u);
    px_cg_expr(c, w->context_expr);
    px_cg_set_line(c, st);
    if (is_async) {
        /* [exit, awaitable]: the VM already applied GET_AWAITABLE. */
        px_emit_op(u, PX_OP_BEFORE_ASYNC_WITH);
        px_emit_op(u, PX_OP_LOAD_NONE);
        px_emit_op(u, PX_OP_YIELD_FROM);
    } else {
        px_emit_op(u, PX_OP_BEFORE_WITH); /* [exit, value] */
    }
    int hw = px_handler_new(u, px_label_new(u), u->depth - 1);
    px_handler_set(u, hw);
    if (w->optional_vars) {
        px_cg_store(c, w->optional_vars);
    } else {
        px_emit_op(u, PX_OP_POP_TOP);
    }
    int fb = fb_push(c, is_async ? PX_FB_ASYNC_WITH : PX_FB_WITH, -1, -1);
    u->fblocks[fb].outer_handler = outer;
    if (item + 1 < st->u.with.items.len) {
        cg_with(c, st, item + 1, is_async);
    } else {
        px_cg_stmts(c, &st->u.with.body);
    }
    fb_pop(c);
    px_handler_set(u, outer);
    px_cg_set_line(c, st);
    emit_exit_call(c, is_async);
    px_emit_jump(u, PX_OP_JUMP, l_end);

    px_label_place_handler(u, hw); /* [exit, exc] */
    int d = u->depth - 1;
    int hc = px_handler_new(u, px_label_new(u), d + 1);
    px_handler_set(u, hc);
    px_emit_op(u, PX_OP_PUSH_EXC_INFO);     /* [exit, prev, exc] */
    px_emit_op(u, PX_OP_WITH_EXCEPT_START); /* [exit, prev, exc, res] */
    if (is_async) {
        px_cg_await(c);
    }
    int l_suppress = px_label_new(u);
    px_emit_jump(u, PX_OP_POP_JUMP_IF_TRUE, l_suppress);
    px_emit_op(u, PX_OP_RERAISE);
    px_label_place(u, l_suppress);
    px_emit_op(u, PX_OP_POP_TOP);
    px_emit_op(u, PX_OP_POP_EXCEPT);
    px_handler_set(u, outer);
    px_emit_op(u, PX_OP_POP_TOP);
    px_emit_jump(u, PX_OP_JUMP, l_end);
    px_label_place_handler(u, hc); /* [exit, prev, exc2] */
    px_emit_u(u, PX_OP_SWAP, 2);
    px_emit_op(u, PX_OP_POP_EXCEPT);
    px_emit_op(u, PX_OP_RERAISE);
    px_label_place(u, l_end);
}

/* ---- import */

static void cg_import(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    for (uint32_t i = 0; i < st->u.import.names.len; i++) {
        px_ast_alias *a = st->u.import.names.items[i];
        px_cg_set_line(c, a);
        px_emit_s(u, PX_OP_LOAD_SMALL_INT, 0);
        px_emit_op(u, PX_OP_LOAD_NONE);
        px_emit_u(u, PX_OP_IMPORT_NAME, px_name_index(u, a->name));
        const char *full = px_qstr_str(a->name);
        const char *dot = strchr(full, '.');
        if (a->asname) {
            /* `import a.b.c as d` binds the submodule: walk down the attributes. */
            while (dot) {
                const char *start = dot + 1;
                dot = strchr(start, '.');
                size_t n = dot ? (size_t)(dot - start) : strlen(start);
                px_emit_u(u, PX_OP_IMPORT_FROM, px_name_index(u, px_qstr_intern(start, n)));
                px_emit_op(u, PX_OP_ROT_TWO);
                px_emit_op(u, PX_OP_POP_TOP);
            }
            px_cg_name(c, a->asname, PX_AST_STORE);
        } else {
            px_qid top = dot ? px_qstr_intern(full, (size_t)(dot - full)) : a->name;
            px_cg_name(c, top, PX_AST_STORE);
        }
    }
}

static void cg_import_from(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    px_ast_aliases *names = &st->u.importfrom.names;
    px_val *items = px_gc_alloc((names->len + 1) * sizeof(px_val), 0);
    for (uint32_t i = 0; i < names->len; i++) {
        items[i] = px_qstr(names->items[i]->name);
    }
    px_emit_s(u, PX_OP_LOAD_SMALL_INT, st->u.importfrom.level);
    px_emit_const(u, px_tuple_new(names->len, items));
    px_qid mod = st->u.importfrom.module ? st->u.importfrom.module : PX_Q(empty);
    px_emit_u(u, PX_OP_IMPORT_NAME, px_name_index(u, mod));
    if (names->len == 1 && names->items[0]->name == PX_Q(star)) {
        px_emit_op(u, PX_OP_IMPORT_STAR);
        return;
    }
    for (uint32_t i = 0; i < names->len; i++) {
        px_ast_alias *a = names->items[i];
        px_cg_set_line(c, a);
        px_emit_u(u, PX_OP_IMPORT_FROM, px_name_index(u, a->name));
        px_cg_name(c, a->asname ? a->asname : a->name, PX_AST_STORE);
    }
    px_emit_op(u, PX_OP_POP_TOP);
}

/* ---- assignment */

static bool has_starred(px_ast_exprs *l) {
    for (uint32_t i = 0; i < l->len; i++) {
        if (l->items[i]->kind == PX_AST_Starred) {
            return true;
        }
    }
    return false;
}

static void cg_assign(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    px_ast_exprs *targets = &st->u.assign.targets;
    px_ast_expr *value = st->u.assign.value;
    /* a, b = x, y: no tuple is built; values are rotated into place. */
    if (targets->len == 1) {
        px_ast_expr *t = targets->items[0];
        if ((t->kind == PX_AST_Tuple || t->kind == PX_AST_List) &&
            (value->kind == PX_AST_Tuple || value->kind == PX_AST_List) &&
            t->u.seq.elts.len == value->u.seq.elts.len && (t->u.seq.elts.len == 2 || t->u.seq.elts.len == 3) &&
            !has_starred(&t->u.seq.elts) && !has_starred(&value->u.seq.elts)) {
            px_ast_exprs *vs = &value->u.seq.elts;
            for (uint32_t i = 0; i < vs->len; i++) {
                px_cg_expr(c, vs->items[i]);
            }
            if (vs->len == 3) {
                px_emit_op(u, PX_OP_ROT_THREE);
            }
            px_emit_op(u, PX_OP_ROT_TWO);
            for (uint32_t i = 0; i < vs->len; i++) {
                px_cg_store(c, t->u.seq.elts.items[i]);
            }
            return;
        }
    }
    px_cg_expr(c, value);
    for (uint32_t i = 0; i < targets->len; i++) {
        if (i + 1 < targets->len) {
            px_emit_op(u, PX_OP_DUP_TOP);
        }
        px_cg_store(c, targets->items[i]);
    }
}

static void cg_augassign(px_compiler *c, px_ast_stmt *st) {
    px_unit *u = c->u;
    px_ast_expr *t = st->u.augassign.target;
    uint32_t op = (uint32_t)st->u.augassign.op + PX_BINOP_INPLACE_DELTA;
    switch (t->kind) {
    case PX_AST_Name: {
        px_scope *s = u->scope;
        px_symbol *sym = px_scope_lookup(s, t->u.name.id);
        if (op == PX_BINOP_IADD && sym != NULL && sym->kind == PX_SYM_LOCAL && s->kind != PX_SCOPE_MODULE &&
            s->kind != PX_SCOPE_CLASS) {
            /* the plain load leaves an owned str owned: it only feeds the add */
            px_emit_u(u, PX_OP_LOAD_FAST, (uint32_t)sym->fast);
            px_cg_expr(c, st->u.augassign.value);
            px_cg_set_line(c, st);
            px_emit_u(u, PX_OP_INPLACE_ADD_FAST, (uint32_t)sym->fast);
            break;
        }
        px_cg_name(c, t->u.name.id, PX_AST_LOAD);
        px_cg_expr(c, st->u.augassign.value);
        px_cg_set_line(c, st);
        px_emit_u(u, PX_OP_BINARY_OP, op);
        px_cg_name(c, t->u.name.id, PX_AST_STORE);
        break;
    }
    case PX_AST_Attribute: {
        uint32_t name = px_name_index(u, t->u.attribute.attr);
        px_cg_expr(c, t->u.attribute.value);
        px_cg_set_line(c, t);
        px_emit_op(u, PX_OP_DUP_TOP);
        px_emit_cached(u, PX_OP_LOAD_ATTR, name);
        px_cg_expr(c, st->u.augassign.value);
        px_cg_set_line(c, st);
        px_emit_u(u, PX_OP_BINARY_OP, op);
        px_emit_op(u, PX_OP_ROT_TWO);
        px_emit_cached(u, PX_OP_STORE_ATTR, name);
        break;
    }
    case PX_AST_Subscript:
        px_cg_expr(c, t->u.subscript.value);
        px_cg_expr(c, t->u.subscript.slice);
        px_cg_set_line(c, t);
        px_emit_op(u, PX_OP_DUP_TOP_TWO);
        px_emit_op(u, PX_OP_BINARY_SUBSCR);
        px_cg_expr(c, st->u.augassign.value);
        px_cg_set_line(c, st);
        px_emit_u(u, PX_OP_BINARY_OP, op);
        px_emit_op(u, PX_OP_ROT_THREE);
        px_emit_op(u, PX_OP_STORE_SUBSCR);
        break;
    default:
        px_cg_error(c, t, "'expression' is an illegal expression for augmented assignment");
    }
}

static void cg_assert(px_compiler *c, px_ast_stmt *st) {
    if (px_compile_optimize >= 1) {
        return;
    }
    px_unit *u = c->u;
    int l_ok = px_label_new(u);
    px_cg_jump_if(c, st->u.assert_.test, true, l_ok);
    px_cg_set_line(c, st);
    px_emit_op(u, PX_OP_LOAD_ASSERTION_ERROR);
    if (st->u.assert_.msg) {
        px_cg_expr(c, st->u.assert_.msg);
        px_cg_set_line(c, st);
        px_emit_u(u, PX_OP_CALL, 1);
    }
    px_emit_u(u, PX_OP_RAISE_VARARGS, 1);
    px_label_place(u, l_ok);
}

static void cg_stmt(px_compiler *c, px_ast_stmt *st) {
    px_cg_check_stack();
    px_unit *u = c->u;
    px_cg_set_line(c, st);
    switch (st->kind) {
    case PX_AST_FunctionDef:
    case PX_AST_AsyncFunctionDef:
        cg_funcdef(c, st);
        break;
    case PX_AST_ClassDef:
        cg_classdef(c, st);
        break;
    case PX_AST_Return:
        cg_return(c, st);
        break;
    case PX_AST_Delete:
        for (uint32_t i = 0; i < st->u.del.targets.len; i++) {
            px_cg_delete(c, st->u.del.targets.items[i]);
        }
        break;
    case PX_AST_Assign:
        cg_assign(c, st);
        break;
    case PX_AST_AugAssign:
        cg_augassign(c, st);
        break;
    case PX_AST_AnnAssign:
        if (st->u.annassign.value) {
            px_cg_expr(c, st->u.annassign.value);
            px_cg_store(c, st->u.annassign.target);
        }
        break;
    case PX_AST_For:
        cg_for(c, st);
        break;
    case PX_AST_AsyncFor:
        cg_async_for(c, st);
        break;
    case PX_AST_While:
        cg_while(c, st);
        break;
    case PX_AST_If:
        cg_if(c, st);
        break;
    case PX_AST_With:
    case PX_AST_AsyncWith:
        cg_with(c, st, 0, st->kind == PX_AST_AsyncWith);
        break;
    case PX_AST_Raise: {
        uint32_t n = 0;
        if (st->u.raise.exc) {
            px_cg_expr(c, st->u.raise.exc);
            n++;
            if (st->u.raise.cause) {
                px_cg_expr(c, st->u.raise.cause);
                n++;
            }
        }
        px_cg_set_line(c, st);
        px_emit_u(u, PX_OP_RAISE_VARARGS, n);
        break;
    }
    case PX_AST_Try:
        cg_try(c, st);
        break;
    case PX_AST_Assert:
        cg_assert(c, st);
        break;
    case PX_AST_Import:
        cg_import(c, st);
        break;
    case PX_AST_ImportFrom:
        cg_import_from(c, st);
        break;
    case PX_AST_Expr: {
        px_ast_expr *e = st->u.expr.value;
        if (c->mode == PX_COMPILE_SINGLE && u->scope->kind == PX_SCOPE_MODULE) {
            px_cg_expr(c, e);
            px_cg_set_line(c, st);
            px_emit_op(u, PX_OP_PRINT_EXPR);
        } else if (e->kind != PX_AST_Constant) {
            px_cg_expr(c, e);
            px_emit_op(u, PX_OP_POP_TOP);
        }
        break;
    }
    case PX_AST_Break:
        cg_break_continue(c, st, true);
        break;
    case PX_AST_Continue:
        cg_break_continue(c, st, false);
        break;
    default: /* Pass, Global, Nonlocal */
        break;
    }
}

void px_cg_stmts(px_compiler *c, px_ast_stmts *b) {
    for (uint32_t i = 0; i < b->len; i++) {
        cg_stmt(c, b->items[i]);
    }
}

/* ---- the driver */

/* Compiling a module a top-level statement at a time runs these phases on
 * each statement in turn; compiling it whole ran each phase on the whole
 * module before the next, so the error reported was the first of the
 * earliest phase. To report the same one, an error in phase k of a
 * statement waits while the statements after it go through the phases
 * before k only (parsing always): an error there replaces it (and lowers
 * the bar), and the one left at the end is raised. */
enum { PH_COLLECT, PH_RESOLVE, PH_LAYOUT, PH_CODE, PH__COUNT };

typedef struct {
    px_compiler *c;
    px_scope_builder *scopes;
    px_ast_stmts *stmts;
} module_job;

static void run_phase(module_job *job, int phase) {
    switch (phase) {
    case PH_COLLECT:
        px_scope_collect(job->scopes, job->stmts);
        break;
    case PH_RESOLVE:
        px_scope_resolve(job->scopes);
        break;
    case PH_LAYOUT:
        px_scope_layout(job->scopes);
        break;
    default:
        px_cg_stmts(job->c, job->stmts);
        break;
    }
}

/* The error of a phase that can wait (a SyntaxError or RecursionError
 * about the text), or PX_NULL; any other exception propagates now. */
static px_val try_phase(module_job *job, int phase) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        run_phase(job, phase);
        px_try_pop(&j);
        return PX_NULL;
    }
    if (!px_isinstance(j.exc, &px_type_SyntaxError) && !px_isinstance(j.exc, &px_type_RecursionError)) {
        px_raise(j.exc);
    }
    return j.exc;
}

static void compile_module(px_compiler *c, px_parser *P, px_scope_builder *scopes) {
    px_val waiting = PX_NULL;
    int bar = PH__COUNT; /* phases below this one still run */
    px_ast_stmts stmts;
    module_job job = {c, scopes, &stmts};
    px_parse_free_trees(P);
    while (px_parse_next(P, &stmts)) {
        for (int phase = 0; phase < bar; phase++) {
            px_val e = try_phase(&job, phase);
            if (e != PX_NULL) {
                waiting = e;
                bar = phase;
            }
        }
        /* The statement's tree and scopes are garbage from here on. */
        px_scope_forget(scopes);
        px_parse_free_trees(P);
        px_gc_free(stmts.items);
    }
    px_parse_end(P);
    if (waiting != PX_NULL) {
        px_raise(waiting);
    }
}

px_code *px_compile(const char *src, size_t len, px_qid filename, px_compile_mode mode) {
    px_ast_mod *mod;
    px_scope *top;
    px_parser *P = NULL;
    px_scope_builder *scopes = NULL;
    px_lexer lexer; /* a module's: see px_parse_begin */
    if (mode == PX_COMPILE_FILE) {
        P = px_parse_begin(src, len, filename, &mod, &lexer);
        top = px_scope_begin(mod, &scopes);
    } else {
        mod = px_parse(src, len, filename, mode);
        top = px_scope_analyze(mod);
    }
    px_compiler c = {mod, NULL, mode};
    px_unit u;
    px_cg_unit_push(&c, &u, top, PX_Q(lt_module), 1);
    u.flags |= PX_CODE_MODULE;
    if (mode == PX_COMPILE_EVAL) {
        px_cg_expr(&c, mod->expr);
        px_emit_op(&u, PX_OP_RETURN_VALUE);
    } else {
        if (P != NULL) {
            compile_module(&c, P, scopes);
        } else {
            px_cg_stmts(&c, &mod->body);
        }
        px_emit_op(&u, PX_OP_LOAD_NONE);
        px_emit_op(&u, PX_OP_RETURN_VALUE);
    }
    px_code *code = px_cg_unit_pop(&c);
#if PX_HAS_COMPILER_DEBUG
    if (px_compile_dis) {
        px_code_disassemble(&px_out_stdout, code);
    }
#endif
    return code;
}
