/* int (small and big), float, complex, bool. */
#ifndef PX_NUMBERS_H
#define PX_NUMBERS_H

#include "../object.h"

/* ---- int. Values that fit are small ints (immediate); others are
 * px_type_int heap objects (bigint.h). bool is accepted wherever an int is. */
px_val px_int_from_i64(int64_t i);
px_val px_int_from_u64(uint64_t u);
px_val px_int_from_double(double d); /* truncates; OverflowError for inf, ValueError for nan */
bool px_is_int(px_val v);            /* int or bool (or a subclass instance's native) */
/* Exact conversions; OverflowError if out of range, TypeError if not an int. */
int64_t px_int_to_i64(px_val v);
/* For indexing and sizes: __index__ honoured; OverflowError if too big. */
px_int px_index(px_val v);
/* An int from v or its __index__, big ints kept (bin, hex, '%x' % v);
 * TypeError if v has none. */
px_val px_index_int(px_val v);
double px_int_to_double(px_val v);
/* Parse digits in `base` (0 = from prefix) with underscores, sign and
 * surrounding whitespace allowed; ValueError with CPython's message. */
px_val px_int_parse(const char *s, size_t len, int base);
/* Decimal digits of i into buf (no NUL); returns how many. */
size_t px_int_dec(int64_t i, char buf[24]);
/* Decimal (or other base) text of an int. */
px_val px_int_format(px_val v, int base, bool prefix);
/* Arithmetic used by the VM's fast paths when the small-int path overflows. */
px_val px_int_binop(px_binop op, px_val lhs, px_val rhs);
/* The hash for an int that a __hash__ (or a hash slot) returned: the
 * value itself if it fits px_int, else its numeric hash, as CPython does. */
px_int px_hash_from_int(px_val v);

/* A hash as the Python int hash() returns; in a build without big ints
 * wrapped into the small ints (equal objects still hash alike). */
static inline px_val px_hash_to_int(px_int h) {
    return PX_HAS_BIGINT ? px_int_from_i64(h) : px_small(h);
}

/* ---- float */
/* float(v) semantics for int/float/bool as a C double; TypeError
 * otherwise. A build without floats keeps it for arguments that take
 * a real number (seconds, frequencies): there it takes ints only. */
double px_float_of(px_val v);
#if PX_HAS_FLOAT
/* Shortest repr that round-trips (as CPython's repr(float)). */
size_t px_float_repr(char *buf, size_t size, double d);
/* Parse a float literal or float() argument (inf, nan, underscores); ValueError on bad text. */
double px_float_parse(const char *s, size_t len);
px_val px_float_binop(px_binop op, double a, double b);
#else
/* The end of every message that refuses a float-only operation in a
 * build without floats ("...: " PX_NO_FLOAT), so a user learns why. */
#define PX_NO_FLOAT "this build has no floats (PX_HAS_FLOAT=0)"
#endif

/* ---- complex (PX_HAS_COMPLEX; without it no value is a complex) */
#if PX_HAS_COMPLEX
px_val px_complex(double re, double im);
bool px_is_complex(px_val v);
void px_complex_get(px_val v, double *re, double *im);
#else
static inline bool px_is_complex(px_val v) {
    (void)v;
    return false;
}
#endif

/* ---- format spec mini-language for numbers (format(), f-strings, str.format) */
px_val px_format_number(px_val v, const char *spec, size_t spec_len);

/* ---- built-in functions (listed by the builtins module) */
extern const px_builtin px_builtin_divmod, px_builtin_pow, px_builtin_round, px_builtin_bin,
    px_builtin_oct, px_builtin_hex;

#endif
