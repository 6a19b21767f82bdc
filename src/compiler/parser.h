/* The parser: source text to AST (hand-written recursive descent over the
 * lexer's tokens). */
#ifndef PX_PARSER_H
#define PX_PARSER_H

#include "ast.h"
#include "compile.h"

/* Parse `src` (UTF-8; an optional BOM, a `#!` first line and \r\n line
 * endings are accepted). FILE gives a Module, EVAL an Expression, SINGLE
 * an Interactive. Raises SyntaxError / IndentationError as
 * SyntaxError(msg, (filename, lineno, offset, text)) on bad input; never
 * crashes. The source must stay alive while the tree is in use (the mod
 * keeps a pointer to it for later error messages). */
px_ast_mod *px_parse(const char *src, size_t len, px_qid filename, px_compile_mode mode);

/* A module one top-level statement at a time (what px_compile does, so
 * compiling holds the tree of one statement, not of the file): begin
 * gives the parser and an empty Module (for file name and source); each
 * next gives the statements of one top-level statement (several with
 * `;`), false at the end of the text. Errors are raised by next exactly
 * as px_parse raises them for the whole text, in the same order. The
 * source must stay alive while the parser and the trees are in use. */
typedef struct px_parser px_parser;
struct px_lexer;
/* `lx` is the lexer's storage, a few KiB the caller keeps (on its stack:
 * on a board's heap of 1 KiB pages a block that size needs contiguous
 * free pages, which a heap full of small blocks may not have). */
px_parser *px_parse_begin(const char *src, size_t len, px_qid filename, px_ast_mod **mod, struct px_lexer *lx);
bool px_parse_next(px_parser *P, px_ast_stmts *out);
/* Give back the tokens (optional: they are GC blocks). */
void px_parse_end(px_parser *P);
/* The caller is done with the trees px_parse_next gave: their nodes are
 * freed at once, so the next statement's tree reuses their memory instead
 * of new pages (on a small heap, garbage spread over pages cuts up the
 * runs of free pages large blocks need). The first call, before the first
 * px_parse_next, has the parser pack nodes into blocks of half a GC page
 * from then on, which this frees. */
void px_parse_free_trees(px_parser *P);

/* For a REPL: true when `src` is an unfinished statement that more lines
 * could complete (open brackets or triple-quoted string, a trailing
 * backslash, or a compound statement header/body not yet ended by a blank
 * line). */
bool px_parse_needs_more(const char *src, size_t len);

#endif
