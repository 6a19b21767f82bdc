/* Scope analysis: one symbol table per module, class, function, lambda and
 * comprehension, telling the code generator where each name lives
 * (fast local, cell, free cell, global, or the class/module namespace). */
#ifndef PX_SCOPE_H
#define PX_SCOPE_H

#include "ast.h"

typedef enum {
    PX_SCOPE_MODULE,
    PX_SCOPE_CLASS,
    PX_SCOPE_FUNCTION,
    PX_SCOPE_LAMBDA,
    PX_SCOPE_COMPREHENSION, /* list/set/dict comprehension or generator expression */
} px_scope_kind;

/* Where a name lives, after resolution. */
typedef enum {
    PX_SYM_LOCAL,           /* fast local (function) or namespace (module/class) */
    PX_SYM_GLOBAL_EXPLICIT, /* `global x` */
    PX_SYM_GLOBAL_IMPLICIT, /* not bound anywhere enclosing */
    PX_SYM_FREE,            /* a cell from an enclosing function */
    PX_SYM_CELL,            /* local, captured by an inner scope */
} px_sym_kind;

/* Flags collected while walking the tree. */
enum {
    PX_DEF_LOCAL = 1 << 0,    /* bound here */
    PX_DEF_PARAM = 1 << 1,
    PX_DEF_GLOBAL = 1 << 2,   /* global statement */
    PX_DEF_NONLOCAL = 1 << 3, /* nonlocal statement */
    PX_DEF_USE = 1 << 4,      /* read here */
    PX_DEF_COMP_ITER = 1 << 5, /* comprehension iteration variable */
    PX_DEF_WALRUS_OUT = 1 << 6, /* walrus target in a comprehension, bound outside */
    PX_DEF_AUGADD = 1 << 7,   /* target of `x += ...` (fast locals: LOAD_FAST_ESC) */
};

/* 12 bytes on a 32-bit board (a module of many names keeps a table of
 * them while it compiles; with an int32 each and the nonlocal statement's
 * node it was 20). A code object has at most 65,535 locals and cells
 * (bytecode.h), so their slots fit 16 bits. */
typedef struct {
    px_qid name;
    uint16_t flags;
    uint8_t kind;   /* px_sym_kind */
    uint16_t fast;  /* slot in locals, or PX_SYM_NO_SLOT */
    uint16_t cell;  /* slot in cells (cellvars then freevars), or PX_SYM_NO_SLOT */
} px_symbol;
#define PX_SYM_NO_SLOT 0xFFFFu

/* A `nonlocal` statement's node, for the error when its name has no binding. */
typedef struct {
    px_qid name;
    const void *node;
} px_nonlocal_decl;

typedef struct px_scope {
    uint8_t kind;               /* px_scope_kind */
    bool is_generator;          /* contains yield / is a generator expression */
    bool is_coroutine;          /* async def, or a comprehension using await/async for */
    bool has_class_cell;        /* class body: a method uses super or __class__ */
    bool child_free;            /* some inner scope has free variables */
    const void *node;           /* the AST node that opened it */
    px_qid name;
    px_val qualname;            /* str */
    struct px_scope *parent;
    struct px_scope **children;
    uint32_t nchildren, children_cap;
    px_symbol *syms;
    uint32_t nsyms, syms_cap;
    /* Resolved layout (function-like scopes use varnames; every scope may
     * have cells). */
    px_qid *varnames;
    uint32_t nvarnames;
    px_qid *cellvars;
    uint32_t ncellvars, cellvars_cap;
    px_qid *freevars;
    uint32_t nfreevars, freevars_cap;
    uint16_t argcount, posonlycount, kwonlycount;
    bool varargs, varkeywords;
    px_nonlocal_decl *nonlocals;
    uint32_t nnonlocals, nonlocals_cap;
    /* Hashed lookup indexes for large scopes (scope.c), created on first use. */
    struct px_scope_index *sym_index, *child_index, *cell_index, *free_index;
} px_scope;

/* Analyse a whole module; raises SyntaxError for scoping errors. */
px_scope *px_scope_analyze(const px_ast_mod *mod);

/* The same a top-level statement at a time (px_compile): begin gives the
 * module scope; for each statement, collect (pass 1: the names it uses
 * and binds, the scopes it opens), resolve and layout (passes 2 and 3 for
 * the scopes it opened), then, once its code is made, forget the scopes
 * it opened. The module's names and `const()` values carry over. Each
 * pass raises SyntaxError as px_scope_analyze does. */
typedef struct px_scope_builder px_scope_builder;
px_scope *px_scope_begin(const px_ast_mod *mod, px_scope_builder **builder);
void px_scope_collect(px_scope_builder *b, px_ast_stmts *stmts);
void px_scope_resolve(px_scope_builder *b);
void px_scope_layout(px_scope_builder *b);
void px_scope_forget(px_scope_builder *b);
/* The scope opened by `node` (a def, lambda, class or comprehension) inside s. */
px_scope *px_scope_child(const px_scope *s, const void *node);
/* The symbol for a name in s, or NULL. */
px_symbol *px_scope_lookup(const px_scope *s, px_qid name);
/* Index of a free or cell variable in s's cells array, or -1. */
int px_scope_cell_index(const px_scope *s, px_qid name);

#endif
