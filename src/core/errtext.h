/* Compressed error text (PX_ERROR_TEXT 2, a setting for boards: config.h).
 * The messages the raisers of core/error.h are given as literals are packed
 * at build time (tools/gen_errtext.py: "\001", then bytes where 0x80 + i is
 * word i of px_errtext_words, 0x01 to 0x1f words 128 to 158, and any other
 * byte itself) and expanded when
 * the exception is raised, so the text at run time is the same as with
 * full error text and only raising pays for it. */
#ifndef PX_ERRTEXT_CORE_H
#define PX_ERRTEXT_CORE_H

/* Room for the longest message expanded, its NUL included (the generated
 * table asserts it at build time). */
#define PX_ERRTEXT_MAX 192

/* The dictionary: up to 159 NUL-ended words, one after another (generated). */
extern const char px_errtext_words[];

/* s itself unless it is packed; then its text, expanded into buf. */
const char *px_errtext_expand(const char *s, char buf[PX_ERRTEXT_MAX]);

#endif
