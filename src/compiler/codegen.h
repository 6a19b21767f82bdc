/* The code generator's internal interface, shared by compile.c
 * (statements, functions, classes) and compile_expr.c (expressions). */
#ifndef PX_CODEGEN_H
#define PX_CODEGEN_H

#include "emit.h"
#include "compile.h"
#include "../core/error.h"
#include "../core/state.h"

/* Blocks that need clean-up when return/break/continue leave them. */
typedef enum {
    PX_FB_WHILE,         /* loop without anything on the stack */
    PX_FB_FOR,           /* iterator on the stack */
    PX_FB_ASYNC_FOR,     /* async iterator on the stack */
    PX_FB_TRY_EXCEPT,    /* body of try/except: nothing to undo but the handler */
    PX_FB_FINALLY_TRY,   /* body of try/finally: run the finally body inline */
    PX_FB_FINALLY_END,   /* inside the finally handler: [prev, exc] on the stack */
    PX_FB_HANDLER,       /* inside an except clause: [prev] on the stack */
    PX_FB_HANDLER_NAME,  /* `except E as name`: also clear the name */
    PX_FB_STAR_HANDLER,  /* an except* clause: return/break/continue may not leave it */
    PX_FB_WITH,          /* [exit] on the stack */
    PX_FB_ASYNC_WITH,
    PX_FB_POP_VALUE,     /* a pending return value under an inlined finally body */
} px_fblock_kind;

typedef struct px_fblock {
    px_fblock_kind kind;
    int label_continue;     /* loops */
    int label_break;
    int outer_handler;      /* the handler active outside this block */
    const void *node;       /* Try node for FINALLY_TRY; `name` node for HANDLER_NAME */
    px_qid name;            /* HANDLER_NAME */
} px_fblock;

typedef struct px_compiler {
    const px_ast_mod *mod;
    px_unit *u;
    px_compile_mode mode;
} px_compiler;

/* compile.c */
void px_cg_stmts(px_compiler *c, px_ast_stmts *b);
void px_cg_set_line(px_compiler *c, const void *node);
/* Compile a nested scope (function, lambda, comprehension, class body) into
 * a code object, then emit the code that makes the function object.
 * `extra` is OR-ed into MAKE_FUNCTION's flags (defaults already pushed). */
void px_cg_make_function(px_compiler *c, px_code *code, px_scope *s, uint32_t extra);
/* Open a unit for scope s, compile with `body`, close it. */
px_unit *px_cg_unit_push(px_compiler *c, px_unit *u, px_scope *s, px_qid name, uint32_t firstline);
px_code *px_cg_unit_pop(px_compiler *c);
PX_NORETURN void px_cg_error(px_compiler *c, const void *node, const char *msg);
#ifdef PX__ET /* compressed error text (core/error.h) */
#define px_cg_error(c, node, msg) px_cg_error(c, node, PX__ET(msg))
#endif

/* compile_expr.c */
void px_cg_expr(px_compiler *c, px_ast_expr *e);
/* Load/store/delete a name according to its scope. */
void px_cg_name(px_compiler *c, px_qid name, px_ast_ctx ctx);
/* Store the value on top of the stack into a target expression. */
void px_cg_store(px_compiler *c, px_ast_expr *target);
void px_cg_delete(px_compiler *c, px_ast_expr *target);
/* Jump to `label` if bool(e) == cond; falls through otherwise. */
void px_cg_jump_if(px_compiler *c, px_ast_expr *e, bool cond, int label);
/* Push defaults/kwdefaults for a function; returns MAKE_FUNCTION flags. */
uint32_t px_cg_defaults(px_compiler *c, px_ast_arguments *a);
/* Emit a call given the callee (and self/NULL when `method`) already pushed. */
/* npre positional values are already pushed after the callee. */
void px_cg_call_args(px_compiler *c, uint32_t npre, px_ast_exprs *args, px_ast_keywords *kws, bool method);
bool px_cg_is_const(const px_ast_expr *e);
/* The await sequence: [awaitable] -> [result]. */
void px_cg_await(px_compiler *c);

/* RecursionError when the C stack is nearly used up (deeply nested source). */
static inline void px_cg_check_stack(void) {
    char here;
    if (px_st.stack_limit != NULL && &here < px_st.stack_limit) {
        px_raise_msg(&px_type_RecursionError, "maximum recursion depth exceeded during compilation");
    }
}

/* constfold.c: fold e in place if its (already folded) operands allow. */
void px_fold_expr(px_ast_expr *e);

#endif
