/* Source text to code object: lexer -> parser (AST) -> scope analysis ->
 * bytecode with constant folding and line tables. */
#ifndef PX_COMPILE_H
#define PX_COMPILE_H

#include "../object.h"
#include "bytecode.h"

typedef enum {
    PX_COMPILE_FILE,   /* a module: statements */
    PX_COMPILE_EVAL,   /* one expression; the code returns its value */
    PX_COMPILE_SINGLE, /* one REPL statement: expression results go to PRINT_EXPR */
} px_compile_mode;

/* Raises SyntaxError (with filename, lineno, offset, text) on bad input. */
px_code *px_compile(const char *src, size_t len, px_qid filename, px_compile_mode mode);

/* Optimisation level (micropython.opt_level, -O): 0 keeps assert
 * statements and makes __debug__ True; >= 1 drops asserts. */
extern int px_compile_optimize;
#if PX_HAS_COMPILER_DEBUG
/* When nonzero, px_compile prints a listing of every code object it makes
 * to stdout (the hook behind the -v option). */
extern int px_compile_dis;

/* Print the code object's instructions (for -v and debugging). */
void px_code_disassemble(px_out *out, const px_code *code);
#endif

#endif
