/* Internal to the parser (parser.c, parse_expr.c, parse_str.c): the
 * parser state and helpers shared between its files. */
#ifndef PX_PARSER_IMPL_H
#define PX_PARSER_IMPL_H

#include "../runtime.h"
#include "ast.h"
#include "lexer.h"
#include "parser.h"

/* Nesting of recursive grammar rules before "too deeply nested". */
#ifndef PX_PARSE_MAX_DEPTH
#define PX_PARSE_MAX_DEPTH 2000
#endif

#define PX_PARSE_GROUPS 32

typedef struct px_parser {
    px_lexer *lx;
    /* The tokens being parsed: the whole text (px_lex_all), or for a
     * module the window of one top-level statement (token_window.c). */
    px_token *toks;
    size_t ntoks;
    size_t cap;          /* window: room in toks */
    size_t stop;         /* window: index of the token that begins the next statement (or END) */
    size_t p;            /* current token index */
    px_ast_mod *mod;     /* for the file name and source */
    int depth;           /* recursion guard */
    const char *prefix;  /* message prefix ("f-string: ") for errors in sub-parses */
    const px_token *str_first; /* first token of the string literal being parsed */
    const px_ast_expr *groups[PX_PARSE_GROUPS]; /* recent parenthesised expressions */
    uint32_t group_line[PX_PARSE_GROUPS], group_col[PX_PARSE_GROUPS];
    unsigned ngroups;
    px_val lex_exc;      /* a lexer error after the last token, raised when the parser gets there */
    const px_token *pos_tok; /* parse_str.c: last position computed in a string token */
    size_t pos_off;
    uint32_t pos_line, pos_col;
    /* When the caller frees each statement's tree (px_parse_free_trees):
     * the blocks its nodes are packed into, newest first (an f-string's
     * sub-parser shares its outer parser's). NULL: each node is a block
     * of its own, left to the collector. */
    struct px_node_block **arena;
} px_parser;

/* A block of nodes: a header, then nodes packed at 8-byte steps. */
typedef struct px_node_block {
    struct px_node_block *next;
    size_t used; /* bytes from the block's start */
} px_node_block;

/* A node of `size` bytes for P's tree (zeroed, as px_ast_new's). */
void *px_p_node(px_parser *P, size_t size, px_ast_kind kind, uint32_t lineno, uint32_t col_offset);

/* A growable list of node pointers. */
typedef struct {
    uint32_t len, cap;
    void **items;
} px_vec;
void px_vec_push(px_vec *v, void *item);

/* A set of names for duplicate checks (parameters, keyword arguments):
 * a scan while small, a dict beyond, so a generated call with 100,000
 * keywords parses in linear time. Zero-initialise. */
#define PX_SEEN_SMALL 8
typedef struct {
    px_qid small[PX_SEEN_SMALL];
    uint32_t n;
    px_val dict; /* PX_NULL (0) until more than PX_SEEN_SMALL names */
} px_seen;
/* Adds q; false if it was already there. */
bool px_seen_add(px_seen *s, px_qid q);
#define PX_AS_LIST(type, elem, v) ((type){(v).len, (elem **)(v).items})

static inline px_token *px_cur(px_parser *P) {
    return &P->toks[P->p];
}
static inline unsigned px_at(px_parser *P) {
    return P->toks[P->p].type;
}
static inline unsigned px_ahead(px_parser *P, size_t k) {
    size_t i = P->p + k;
    return i < P->ntoks ? P->toks[i].type : PX_TOK_END;
}
static inline bool px_accept(px_parser *P, unsigned type) {
    if (P->toks[P->p].type == type) {
        if (type != PX_TOK_END) {
            P->p++;
        }
        return true;
    }
    return false;
}

PX_NORETURN void px_perr_tok(px_parser *P, const px_token *tok, const char *fmt, ...) PX_PRINTF(3, 4);
PX_NORETURN void px_perr_node(px_parser *P, const void *node, const char *fmt, ...) PX_PRINTF(3, 4);
#ifdef PX__ET /* compressed error text (core/error.h) */
#define px_perr_tok(P, tok, fmt, ...) px_perr_tok(P, tok, PX__ET(fmt), ##__VA_ARGS__)
#define px_perr_node(P, node, fmt, ...) px_perr_node(P, node, PX__ET(fmt), ##__VA_ARGS__)
#endif
PX_NORETURN void px_perr_syntax(px_parser *P); /* "invalid syntax" at the current token */
void px_expect(px_parser *P, unsigned type);
void px_enter(px_parser *P);
static inline void px_leave(px_parser *P) {
    P->depth--;
}

/* New nodes positioned at a token; px_finish sets the end from the last consumed token. */
px_ast_expr *px_new_expr(px_parser *P, px_ast_kind kind, const px_token *at);
px_ast_expr *px_new_expr_at(px_parser *P, px_ast_kind kind, const void *at_node);
/* A node starting where `left` does (at its '(' if it was parenthesised). */
px_ast_expr *px_new_expr_after(px_parser *P, px_ast_kind kind, const px_ast_expr *left);
void px_finish(px_parser *P, void *node);

/* Expressions (parse_expr.c). */
px_ast_expr *px_p_expression(px_parser *P);
px_ast_expr *px_p_named_expression(px_parser *P);
px_ast_expr *px_p_star_expressions(px_parser *P);
px_ast_expr *px_p_yield_expr(px_parser *P);
px_ast_expr *px_p_disjunction(px_parser *P);
px_ast_expr *px_p_bitor(px_parser *P);
px_ast_expr *px_p_target_list(px_parser *P); /* for-loop and comprehension targets (unchecked) */
px_ast_arguments *px_p_params(px_parser *P, bool lambda);
bool px_starts_expr(unsigned type);
/* `(args)` after func: a Call node (also used for class bases). */
px_ast_expr *px_p_call_args(px_parser *P, px_ast_expr *func);
/* Check and set the context of an assignment / del target. */
void px_set_ctx(px_parser *P, px_ast_expr *e, px_ast_ctx ctx);
const char *px_expr_desc(const px_ast_expr *e);

/* Parse an f-string field's expression text found at lineno/col of the source. */
px_ast_expr *px_parse_fstring_expr(px_parser *outer, const char *text, size_t n, uint32_t lineno, uint32_t col);

/* The token window (token_window.c): replace P->toks with the tokens of
 * the next top-level statement of the module being lexed by P->lx, from
 * its first token through the first token of the statement after it (or
 * END), at P->stop, which the next call keeps as its first token. Sets
 * P->p = 0; false when only END is left. A lexer SyntaxError ends the
 * window with END and is kept in P->lex_exc, as px_lex_all's caller does. */
bool px_window_next(px_parser *P);
/* After the window's statement is parsed (the tree holds no pointers into
 * tokens): give back the room a long statement made it grow to, before
 * that statement is compiled. Keeps the token at P->stop. */
void px_window_release(px_parser *P);

/* Strings (parse_str.c): the adjacent STRING tokens at the cursor. */
px_ast_expr *px_p_strings(px_parser *P);

#endif
