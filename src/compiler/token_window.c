/* The token window: a module is lexed one top-level statement at a time,
 * so compiling holds the tokens (and the syntax tree) of the largest
 * statement, not of the whole file (docs/architecture.md, "Compiling a
 * module").
 *
 * Where a top-level statement ends is decided from the tokens alone: after
 * a NEWLINE or DEDENT that leaves indentation level 0, the statement is
 * over unless the next token is an INDENT, one of the keywords that
 * continue a compound statement (else, elif, except, finally), or the line
 * just ended was a decorator. That next token is lexed already; it stays
 * in the window (at P->stop) so a rule that looks at it to end a statement
 * ("expected 'except' or 'finally' block") sees the real token, as it did
 * when the whole file was lexed first. The grammar never consumes it: no
 * statement goes on past such a boundary. */
#include "parser_impl.h"

/* A window keeps this many tokens' room between statements. */
enum { WINDOW_MIN = 16 }; /* a small block (half a board's page), most statements' size */

/* One more token at the end of the window, grown by half again as needed. */
static px_token *window_slot(px_parser *P) {
    /* +1: room for the sentinel written after the window. */
    if (P->ntoks + 2 > P->cap) {
        size_t cap = P->cap ? P->cap + P->cap / 2 : WINDOW_MIN;
        P->toks = px_gc_realloc(P->toks, cap * sizeof(px_token), 0);
        P->cap = cap;
    }
    return &P->toks[P->ntoks];
}

/* Lex one token into the window. A SyntaxError ends the text there: the
 * token becomes END and the error waits in P->lex_exc, since CPython
 * reports a syntax error before the bad token first. */
static unsigned window_lex(px_parser *P) {
    px_token *t = window_slot(P);
    px_lexer *lx = P->lx;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_lexer_next(lx, t);
        px_try_pop(&j);
    } else {
        if (!px_isinstance(j.exc, &px_type_SyntaxError)) {
            px_raise(j.exc); /* MemoryError and the like propagate now */
        }
        P->lex_exc = j.exc;
        t = &P->toks[P->ntoks];
        memset(t, 0, sizeof *t);
        t->type = PX_TOK_END;
        t->lineno = t->end_lineno = lx->line + lx->line_base;
    }
    P->ntoks++;
    return t->type;
}

static bool continues_statement(unsigned type) {
    return type == PX_TOK_KW_ELSE || type == PX_TOK_KW_ELIF || type == PX_TOK_KW_EXCEPT ||
           type == PX_TOK_KW_FINALLY;
}

bool px_window_next(px_parser *P) {
    if (P->ntoks > 0) {
        /* The previous window's last token begins this one. */
        P->toks[0] = P->toks[P->ntoks - 1];
        P->ntoks = 1;
    } else {
        window_lex(P);
    }
    P->p = 0;
    unsigned type = P->toks[0].type;
    if (type == PX_TOK_END) {
        P->stop = 0;
        return false;
    }
    int depth = 0;          /* INDENTs not yet matched by DEDENTs */
    bool line_start = true; /* the next token begins a logical line */
    bool decorator = false; /* the current logical line (at level 0) begins with '@' */
    bool ended = false;     /* a statement may have ended before the next token */
    for (;;) {
        if (ended && type != PX_TOK_INDENT && !continues_statement(type)) {
            break;
        }
        ended = false;
        if (type == PX_TOK_END) {
            break;
        }
        if (type == PX_TOK_INDENT) {
            depth++;
        } else if (type == PX_TOK_DEDENT) {
            depth--;
            ended = depth == 0;
        } else if (type == PX_TOK_NEWLINE) {
            ended = depth == 0 && !decorator;
            line_start = true;
        } else if (line_start) {
            line_start = false;
            if (depth == 0) {
                decorator = type == PX_TOK_AT;
            }
        }
        type = window_lex(P);
    }
    P->stop = P->ntoks - 1;
    /* A sentinel past the window, never reached by the grammar (see the
     * top of the file): reading it ends the text instead of the buffer. */
    px_token *sentinel = &P->toks[P->ntoks];
    *sentinel = P->toks[P->stop];
    sentinel->type = PX_TOK_END;
    return true;
}

void px_window_release(px_parser *P) {
    if (P->cap <= WINDOW_MIN) {
        return;
    }
    px_token *small = px_gc_alloc(WINDOW_MIN * sizeof(px_token), 0);
    small[0] = P->toks[P->stop];
    px_gc_free(P->toks);
    P->toks = small;
    P->cap = WINDOW_MIN;
    P->ntoks = 1;
    P->stop = P->p = 0;
}
