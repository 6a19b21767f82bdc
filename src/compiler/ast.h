/* The abstract syntax tree: what the parser produces and the compiler
 * consumes. Node kinds, names and fields mirror CPython's `ast` module.
 *
 * Memory: the parser allocates every node (and every list array) with
 * px_gc_alloc, nodes through px_ast_new() below, or packed into blocks of
 * half a GC page when a module is compiled statement by statement (those
 * blocks are freed once the statement is compiled: px_parse_free_trees).
 * The collector keeps a block for a pointer anywhere inside it, so the
 * whole tree stays alive for as long as the px_ast_mod pointer (or any
 * node pointer) is held somewhere the conservative collector scans: a C
 * local is enough. Constant values and names inside nodes are px_val/px_qid
 * and are kept alive the same way. Otherwise nobody frees nodes; the tree
 * becomes garbage when the compiler is done.
 *
 * Conventions:
 *  - Lists are (len, items) pairs; items[i] is never NULL except where a
 *    field's comment says so (Dict.keys for `**d`, kw_defaults).
 *  - Optional single children are NULL when absent; optional names are
 *    PX_QID_NONE (0).
 *  - Every node starts with PX_AST_HEAD, so any node pointer can be read
 *    as a px_ast_node to find its kind and location.
 *  - Positions are as CPython's: lineno/end_lineno 1-based, col_offset and
 *    end_col_offset 0-based byte offsets into the (UTF-8) line.
 */
#ifndef PX_AST_H
#define PX_AST_H

#include "../object.h"

typedef enum {
    /* mod */
    PX_AST_Module,
    PX_AST_Interactive,
    PX_AST_Expression,
    /* stmt */
    PX_AST_FunctionDef,
    PX_AST_AsyncFunctionDef,
    PX_AST_ClassDef,
    PX_AST_Return,
    PX_AST_Delete,
    PX_AST_Assign,
    PX_AST_AugAssign,
    PX_AST_AnnAssign,
    PX_AST_For,
    PX_AST_AsyncFor,
    PX_AST_While,
    PX_AST_If,
    PX_AST_With,
    PX_AST_AsyncWith,
    PX_AST_Raise,
    PX_AST_Try,
    PX_AST_Assert,
    PX_AST_Import,
    PX_AST_ImportFrom,
    PX_AST_Global,
    PX_AST_Nonlocal,
    PX_AST_Expr,
    PX_AST_Pass,
    PX_AST_Break,
    PX_AST_Continue,
    /* expr */
    PX_AST_BoolOp,
    PX_AST_NamedExpr,
    PX_AST_BinOp,
    PX_AST_UnaryOp,
    PX_AST_Lambda,
    PX_AST_IfExp,
    PX_AST_Dict,
    PX_AST_Set,
    PX_AST_ListComp,
    PX_AST_SetComp,
    PX_AST_DictComp,
    PX_AST_GeneratorExp,
    PX_AST_Await,
    PX_AST_Yield,
    PX_AST_YieldFrom,
    PX_AST_Compare,
    PX_AST_Call,
    PX_AST_FormattedValue,
    PX_AST_JoinedStr,
    PX_AST_TemplateStr,
    PX_AST_Interpolation,
    PX_AST_Constant,
    PX_AST_Attribute,
    PX_AST_Subscript,
    PX_AST_Starred,
    PX_AST_Name,
    PX_AST_List,
    PX_AST_Tuple,
    PX_AST_Slice,
    /* helper nodes */
    PX_AST_arguments,
    PX_AST_arg,
    PX_AST_keyword,
    PX_AST_alias,
    PX_AST_withitem,
    PX_AST_ExceptHandler,
    PX_AST_comprehension,
    PX_AST__COUNT
} px_ast_kind;

#define PX_AST_FIRST_STMT PX_AST_FunctionDef
#define PX_AST_LAST_STMT PX_AST_Continue
#define PX_AST_FIRST_EXPR PX_AST_BoolOp
#define PX_AST_LAST_EXPR PX_AST_Slice

/* expr_context: on Name, Attribute, Subscript, Starred, List, Tuple
 * (in the node head's `ctx`; PX_AST_LOAD everywhere else). */
typedef enum { PX_AST_LOAD, PX_AST_STORE, PX_AST_DEL } px_ast_ctx;

/* BoolOp operators. */
typedef enum { PX_AST_AND, PX_AST_OR } px_ast_boolop;

/* Compare operators: PX_BINOP_LT..PX_BINOP_GE (object.h) for <, <=, ==,
 * !=, >, >=, and these for the rest. */
enum {
    PX_AST_CMP_IS = PX_BINOP__COUNT,
    PX_AST_CMP_ISNOT,
    PX_AST_CMP_IN,
    PX_AST_CMP_NOTIN,
};

#define PX_AST_HEAD                                                                            \
    uint8_t kind; /* px_ast_kind */                                                            \
    uint8_t ctx;  /* px_ast_ctx (expressions that can be targets) */                           \
    uint16_t flags; /* PX_AST_F_* */                                                           \
    uint32_t lineno, col_offset, end_lineno, end_col_offset

enum {
    PX_AST_F_PAREN = 1, /* the expression was written in parentheses */
};

typedef struct px_ast_node {
    PX_AST_HEAD;
} px_ast_node;

typedef struct px_ast_expr px_ast_expr;
typedef struct px_ast_stmt px_ast_stmt;
typedef struct px_ast_arg px_ast_arg;
typedef struct px_ast_arguments px_ast_arguments;
typedef struct px_ast_keyword px_ast_keyword;
typedef struct px_ast_alias px_ast_alias;
typedef struct px_ast_withitem px_ast_withitem;
typedef struct px_ast_excepthandler px_ast_excepthandler;
typedef struct px_ast_comprehension px_ast_comprehension;

/* Node lists. */
typedef struct { uint32_t len; px_ast_expr **items; } px_ast_exprs;
typedef struct { uint32_t len; px_ast_stmt **items; } px_ast_stmts;
typedef struct { uint32_t len; px_ast_arg **items; } px_ast_args;
typedef struct { uint32_t len; px_ast_keyword **items; } px_ast_keywords;
typedef struct { uint32_t len; px_ast_alias **items; } px_ast_aliases;
typedef struct { uint32_t len; px_ast_withitem **items; } px_ast_withitems;
typedef struct { uint32_t len; px_ast_excepthandler **items; } px_ast_excepthandlers;
typedef struct { uint32_t len; px_ast_comprehension **items; } px_ast_comprehensions;
typedef struct { uint32_t len; px_qid *items; } px_ast_names;

/* ---- expressions */
struct px_ast_expr {
    PX_AST_HEAD;
    union {
        struct { px_ast_boolop op; px_ast_exprs values; } boolop;           /* BoolOp (2+ values) */
        struct { px_ast_expr *target, *value; } namedexpr;                  /* NamedExpr: target is a Name */
        struct { px_ast_expr *left; px_binop op; px_ast_expr *right; } binop; /* op: PX_BINOP_ADD..XOR */
        struct { px_unop op; px_ast_expr *operand; } unaryop;              /* NEG, POS, INVERT, NOT */
        struct { px_ast_arguments *args; px_ast_expr *body; } lambda;
        struct { px_ast_expr *test, *body, *orelse; } ifexp;
        /* Dict: keys.items[i] NULL means values.items[i] is a `**mapping`. */
        struct { px_ast_exprs keys, values; } dict;
        /* Set, List, Tuple (elements may be Starred). */
        struct { px_ast_exprs elts; } seq;
        /* ListComp, SetComp, GeneratorExp. */
        struct { px_ast_expr *elt; px_ast_comprehensions generators; } comp;
        struct { px_ast_expr *key, *value; px_ast_comprehensions generators; } dictcomp;
        /* Await, YieldFrom (value set), Yield (value NULL for a bare yield). */
        struct { px_ast_expr *value; } value;
        /* Compare: ops[i] (PX_BINOP_LT.. or PX_AST_CMP_*) sits between the
         * previous operand and comparators.items[i]; ops has comparators.len entries. */
        struct { px_ast_expr *left; uint8_t *ops; px_ast_exprs comparators; } compare;
        /* Call: args may contain Starred (*a); keywords with arg NONE are **d. */
        struct { px_ast_expr *func; px_ast_exprs args; px_ast_keywords keywords; } call;
        /* FormattedValue: conversion -1 (none), 's', 'r' or 'a';
         * format_spec is a JoinedStr or NULL. */
        struct { px_ast_expr *value; int conversion; px_ast_expr *format_spec; } formatted;
        /* JoinedStr: Constant (str) and FormattedValue parts.
         * TemplateStr: Constant (str) and Interpolation parts. */
        struct { px_ast_exprs values; } joined;
        /* Interpolation: `str` is the source text of the expression (a str
         * value); conversion and format_spec as in FormattedValue. */
        struct { px_ast_expr *value; px_val str; int conversion; px_ast_expr *format_spec; } interp;
        /* Constant: int (small or big), float, complex, str, bytes, None,
         * True, False, Ellipsis — already converted to a value. */
        struct { px_val value; } constant;
        struct { px_ast_expr *value; px_qid attr; } attribute;
        /* Subscript: slice is an expression, a Slice, or a Tuple that may hold Slices. */
        struct { px_ast_expr *value, *slice; } subscript;
        struct { px_ast_expr *value; } starred;
        struct { px_qid id; } name;
        /* Slice: each part may be NULL. */
        struct { px_ast_expr *lower, *upper, *step; } slice;
    } u;
};

/* ---- statements */
struct px_ast_stmt {
    PX_AST_HEAD;
    union {
        /* FunctionDef, AsyncFunctionDef. returns: annotation or NULL. */
        struct {
            px_qid name;
            px_ast_arguments *args;
            px_ast_stmts body;
            px_ast_exprs decorator_list;
            px_ast_expr *returns;
        } funcdef;
        struct {
            px_qid name;
            px_ast_exprs bases;
            px_ast_keywords keywords;
            px_ast_stmts body;
            px_ast_exprs decorator_list;
        } classdef;
        struct { px_ast_expr *value; } ret;                   /* Return (value may be NULL) */
        struct { px_ast_exprs targets; } del;                 /* Delete */
        /* Assign: `a = b = value` has targets [a, b]. */
        struct { px_ast_exprs targets; px_ast_expr *value; } assign;
        /* AugAssign: op is the plain operator (PX_BINOP_ADD..XOR); add
         * PX_BINOP_INPLACE_DELTA for the in-place form. */
        struct { px_ast_expr *target; px_binop op; px_ast_expr *value; } augassign;
        /* AnnAssign: value may be NULL; simple is 1 for a bare Name target
         * not in parentheses. */
        struct { px_ast_expr *target, *annotation, *value; int simple; } annassign;
        /* For, AsyncFor. */
        struct { px_ast_expr *target, *iter; px_ast_stmts body, orelse; } forloop;
        /* While, If (an elif is an If alone in orelse). */
        struct { px_ast_expr *test; px_ast_stmts body, orelse; } cond;
        /* With, AsyncWith. */
        struct { px_ast_withitems items; px_ast_stmts body; } with;
        struct { px_ast_expr *exc, *cause; } raise;          /* both may be NULL */
        struct {
            px_ast_stmts body;
            px_ast_excepthandlers handlers;
            px_ast_stmts orelse, finalbody;
            bool star; /* except* clauses (CPython's TryStar) */
        } try_;
        struct { px_ast_expr *test, *msg; } assert_;         /* msg may be NULL */
        struct { px_ast_aliases names; } import;             /* Import */
        /* ImportFrom: module NONE for `from . import x`; level = number of
         * leading dots; names has one alias "*" for a star import. */
        struct { px_qid module; px_ast_aliases names; int level; } importfrom;
        /* Global, Nonlocal. */
        struct { px_ast_names names; } global;
        struct { px_ast_expr *value; } expr;                 /* Expr */
        /* Pass, Break, Continue: no fields. */
    } u;
};

/* ---- helper nodes */
struct px_ast_arg {
    PX_AST_HEAD;
    px_qid arg;
    px_ast_expr *annotation; /* or NULL */
};

struct px_ast_arguments {
    PX_AST_HEAD;
    px_ast_args posonlyargs; /* before `/` */
    px_ast_args args;
    px_ast_arg *vararg;      /* *args or NULL */
    px_ast_args kwonlyargs;
    px_ast_exprs kw_defaults; /* one per kwonlyarg; NULL item = required */
    px_ast_arg *kwarg;       /* **kwargs or NULL */
    px_ast_exprs defaults;   /* for the last defaults.len of posonlyargs + args */
};

struct px_ast_keyword {
    PX_AST_HEAD;
    px_qid arg; /* PX_QID_NONE for **mapping */
    px_ast_expr *value;
};

struct px_ast_alias {
    PX_AST_HEAD;
    px_qid name;   /* the full dotted name ("a.b.c"), or "*" */
    px_qid asname; /* or PX_QID_NONE */
};

struct px_ast_withitem {
    PX_AST_HEAD;
    px_ast_expr *context_expr;
    px_ast_expr *optional_vars; /* target of `as`, or NULL */
};

struct px_ast_excepthandler {
    PX_AST_HEAD;
    px_ast_expr *type; /* NULL for a bare except */
    px_qid name;       /* `as` name or PX_QID_NONE */
    px_ast_stmts body;
};

struct px_ast_comprehension {
    PX_AST_HEAD;
    px_ast_expr *target, *iter;
    px_ast_exprs ifs;
    int is_async;
};

/* ---- modules: Module and Interactive use body, Expression uses expr.
 * The source and file name are kept so later passes can raise a
 * SyntaxError pointing into the text (px_ast_error). */
typedef struct px_ast_mod {
    PX_AST_HEAD;
    px_ast_stmts body;
    px_ast_expr *expr;
    px_qid filename;
    const char *src; /* the text that was parsed (not copied) */
    size_t src_len;
} px_ast_mod;

/* The bytes a node of this kind needs: nodes are allocated at their own
 * kind's size, not the union's largest (an expression at least a
 * Constant's, which any may become in place). Only the head and the
 * kind's own union member may be touched. */
size_t px_ast_expr_size(unsigned kind);
size_t px_ast_stmt_size(unsigned kind);
/* Allocate a zeroed node of `size` bytes with the given kind and position. */
void *px_ast_new(size_t size, px_ast_kind kind, uint32_t lineno, uint32_t col_offset);
/* Set up a node in zeroed memory the caller has (the parser's node blocks). */
void px_ast_place(void *mem, px_ast_kind kind, uint32_t lineno, uint32_t col_offset);
/* Name of a node kind ("FunctionDef", "Name", ...). */
const char *px_ast_kind_name(unsigned kind);
static inline bool px_ast_is_stmt(const void *n) {
    unsigned k = ((const px_ast_node *)n)->kind;
    return k >= PX_AST_FIRST_STMT && k <= PX_AST_LAST_STMT;
}
static inline bool px_ast_is_expr(const void *n) {
    unsigned k = ((const px_ast_node *)n)->kind;
    return k >= PX_AST_FIRST_EXPR && k <= PX_AST_LAST_EXPR;
}

#if PX_HAS_COMPILER_DEBUG
/* Print a tree roughly like Python's ast.dump() (for debugging and tests). */
void px_ast_dump(px_out *out, const void *node);
/* The same with positions (ast.dump(..., include_attributes=True)). */
void px_ast_dump_positions(px_out *out, const void *node);
#endif

/* Raise `type` (SyntaxError or a subclass) with a printf-formatted message
 * and the location of `node` (may be NULL: no line) in mod's source, as
 * SyntaxError(msg, (filename, lineno, offset, text)) with a 1-based offset. */
PX_NORETURN void px_ast_error(const px_ast_mod *mod, const void *node, const px_type *type,
                              const char *fmt, ...) PX_PRINTF(4, 5);
#ifdef PX__ET /* compressed error text (core/error.h) */
#define px_ast_error(mod, node, type, fmt, ...) px_ast_error(mod, node, type, PX__ET(fmt), ##__VA_ARGS__)
#endif

#endif
