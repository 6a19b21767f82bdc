/* Finding the ends of f-/t-string parts by PEP 701's rules (fscan.c). All
 * functions scan s[i..end) and set *err to a PX_FSCAN_* code. */
#ifndef PX_COMPILER_FSCAN_H
#define PX_COMPILER_FSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "lexer.h"

enum {
    PX_FSCAN_OK,
    PX_FSCAN_UNTERMINATED, /* the text ended first */
    PX_FSCAN_NEWLINE,      /* a line ended inside a single-quoted literal */
    PX_FSCAN_FIELD,        /* px_fscan_string: a field is not closed */
    PX_FSCAN_DEEP,         /* literals and fields nested beyond the limit */
};
/* How deep literals and fields may nest in one another (the C stack). */
#define PX_FSCAN_MAX_DEPTH 200

/* The index just past the closing quote of the literal whose opening quote
 * is at s[i], with prefix flags `flags` (PX_STR_*): fields of f-/t-strings
 * are skipped whole. On error, where it stopped. */
size_t px_fscan_string(const char *s, size_t i, size_t end, int flags, int *err);
/* From the start of a field's expression: the index of the first ':', '!'
 * (not '!='), or closing bracket outside brackets and string literals. */
size_t px_fscan_expr(const char *s, size_t i, size_t end, int *err);
/* From just after a field's '{': the index of the '}' that closes it
 * (through its conversion and format spec). q/quote: the enclosing
 * literal's quote character and length. */
size_t px_fscan_field(const char *s, size_t i, size_t end, char q, int quote, int *err);
/* The prefix flags of a string literal whose quote is at s[q], from the
 * letters just before it (none before `start`); 0 if there are none. */
int px_fscan_prefix_before(const char *s, size_t start, size_t q);

#endif
