/* The lexer: UTF-8 source text to Python tokens, with INDENT/DEDENT from
 * indentation, implicit line joining inside brackets and backslash
 * continuations. Numbers are converted to values here; string tokens
 * keep their prefix and body range and are decoded by the parser
 * (px_lex_decode_string), which also splits f-strings. */
#ifndef PX_LEXER_H
#define PX_LEXER_H

#include "../object.h"

/* X(name, text): operators and keywords carry their text. */
#define PX_TOKENS(X)                                                                           \
    X(END, "end of input") X(NEWLINE, "newline") X(INDENT, "indent") X(DEDENT, "dedent")      \
    X(NAME, "name") X(NUMBER, "number") X(STRING, "string")                                    \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(LBRACE, "{") X(RBRACE, "}")          \
    X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(DOT, ".") X(ELLIPSIS, "...") X(AT, "@")        \
    X(RARROW, "->") X(EQUAL, "=") X(COLONEQUAL, ":=")                                          \
    X(PLUS, "+") X(MINUS, "-") X(STAR, "*") X(SLASH, "/") X(DOUBLESLASH, "//")                \
    X(PERCENT, "%") X(DOUBLESTAR, "**") X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>")                \
    X(AMPER, "&") X(VBAR, "|") X(CIRCUMFLEX, "^") X(TILDE, "~")                                \
    X(LESS, "<") X(GREATER, ">") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=")       \
    X(GREATEREQUAL, ">=")                                                                      \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") X(ATEQUAL, "@=")                  \
    X(SLASHEQUAL, "/=") X(DOUBLESLASHEQUAL, "//=") X(PERCENTEQUAL, "%=")                       \
    X(DOUBLESTAREQUAL, "**=") X(LEFTSHIFTEQUAL, "<<=") X(RIGHTSHIFTEQUAL, ">>=")              \
    X(AMPEREQUAL, "&=") X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=")                            \
    X(KW_FALSE, "False") X(KW_NONE, "None") X(KW_TRUE, "True") X(KW_AND, "and")               \
    X(KW_AS, "as") X(KW_ASSERT, "assert") X(KW_ASYNC, "async") X(KW_AWAIT, "await")           \
    X(KW_BREAK, "break") X(KW_CLASS, "class") X(KW_CONTINUE, "continue") X(KW_DEF, "def")     \
    X(KW_DEL, "del") X(KW_ELIF, "elif") X(KW_ELSE, "else") X(KW_EXCEPT, "except")             \
    X(KW_FINALLY, "finally") X(KW_FOR, "for") X(KW_FROM, "from") X(KW_GLOBAL, "global")       \
    X(KW_IF, "if") X(KW_IMPORT, "import") X(KW_IN, "in") X(KW_IS, "is")                        \
    X(KW_LAMBDA, "lambda") X(KW_NONLOCAL, "nonlocal") X(KW_NOT, "not") X(KW_OR, "or")         \
    X(KW_PASS, "pass") X(KW_RAISE, "raise") X(KW_RETURN, "return") X(KW_TRY, "try")           \
    X(KW_WHILE, "while") X(KW_WITH, "with") X(KW_YIELD, "yield")

typedef enum {
#define PX__TOK_ENUM(name, text) PX_TOK_##name,
    PX_TOKENS(PX__TOK_ENUM)
#undef PX__TOK_ENUM
    PX_TOK__COUNT
} px_tok;

#define PX_TOK_FIRST_KW PX_TOK_KW_FALSE

/* String token prefix flags. */
enum {
    PX_STR_RAW = 1,
    PX_STR_BYTES = 2,
    PX_STR_F = 4,
    PX_STR_T = 8,
};

typedef struct px_token {
    uint8_t type;    /* px_tok */
    uint8_t sflags;  /* STRING: PX_STR_* */
    uint8_t quote;   /* STRING: quote length, 1 or 3 */
    uint8_t level;   /* bracket nesting depth at the token (capped at 255) */
    uint32_t lineno, col, end_lineno, end_col; /* 1-based lines, 0-based byte columns */
    uint32_t start;             /* byte offset of the token in the source */
    union {
        px_val value;           /* NAME: px_qstr(id); NUMBER: the value */
        struct {
            uint32_t body, body_end; /* STRING: byte range between the quotes */
        } s;
    } u;
} px_token;
/* Tokens stay small (32 bytes on 64-bit hosts): a file is lexed whole. */

typedef struct px_lexer {
    const char *src;
    size_t len;
    size_t pos;
    px_qid filename;
    uint32_t line;       /* current line number */
    size_t line_start;   /* offset of the current line's first byte */
    uint32_t line_base;  /* added to line numbers (f-string sub-parses) */
    uint32_t col_base;   /* added to columns on the first line (f-string sub-parses) */
    const char *err_src; /* text errors quote (the whole file for sub-parses) */
    size_t err_len;
    bool at_bol;         /* at the beginning of a logical line */
    bool line_has_token; /* a token was produced on this logical line */
    int pending;         /* >0: INDENTs to emit, <0: DEDENTs to emit */
    int indent_depth;
    uint32_t indents[101];
    uint32_t alt_indents[101]; /* the same with tabs as 1 column (TabError check) */
    int paren_depth;
    int base_paren;      /* brackets open before the text starts (f-string expressions) */
    char parens[201];
    uint32_t paren_line[201], paren_col[201];
    px_token *toks;      /* px_lex_all: tokens so far (valid after an error too) */
    size_t ntoks;
} px_lexer;

/* After init, a caller may set paren_depth = base_paren = 1 (parens[0]
 * = '(') to lex text as if inside brackets (f-string expressions). */
void px_lexer_init(px_lexer *lx, const char *src, size_t len, px_qid filename);
/* Next token; raises SyntaxError/IndentationError on bad input. */
void px_lexer_next(px_lexer *lx, px_token *tok);
/* All tokens up to and including END (GC-allocated array). If it raises,
 * lx->toks[0..lx->ntoks) are the tokens before the error, with room for
 * one more. */
px_token *px_lex_all(px_lexer *lx, size_t *count);
/* String prefix letters s[0..n) ("rb", "f", ...): PX_STR_* flags, or -1
 * if they are not a prefix. */
int px_lex_string_prefix(const char *s, size_t n);
/* The text of the i-th keyword ("False", "None", ... "yield"), or NULL
 * past the last: what the REPL offers to complete. */
const char *px_lex_keyword(size_t i);

/* Decode a string token's body (escapes unless raw). For str bodies the
 * result is appended as UTF-8; bytes bodies must be ASCII. Errors point
 * at the token. `text`/`n` is the body (or a piece of an f-string body). */
struct px_strbuf;
void px_lex_decode(px_lexer *lx, const px_token *tok, const char *text, size_t n, bool raw,
                   bool bytes, struct px_strbuf *out);

/* Raise SyntaxError (or `type`) at a 1-based line and 0-based byte column
 * of the lexer's source. */
PX_NORETURN void px_lex_error_at(px_lexer *lx, const px_type *type, uint32_t lineno, uint32_t col,
                                 const char *fmt, ...) PX_PRINTF(5, 6);
#ifdef PX__ET /* compressed error text (core/error.h) */
#define px_lex_error_at(lx, type, lineno, col, fmt, ...) \
    px_lex_error_at(lx, type, lineno, col, PX__ET(fmt), ##__VA_ARGS__)
#endif
/* Same, for any source text (also used by ast.c and the parser). */
PX_NORETURN void px_syntax_error(const px_type *type, px_qid filename, const char *src, size_t len,
                                 uint32_t lineno, uint32_t col, const char *msg);

/* Token names for messages ("'('", "name"). */
const char *px_tok_text(unsigned type);

#endif
