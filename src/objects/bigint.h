/* Arbitrary-precision integers: the heap form of px_type_int.
 *
 * A big int is sign + magnitude, the magnitude an array of 32-bit digits
 * (little-endian, most significant digit non-zero) stored inline in one
 * leaf block: the only pointer in it is the static type, so the collector
 * never needs to scan it. Every int that fits a small int is a small int,
 * so a big int is never zero and never in the small range.
 *
 * Arithmetic works on px_bn views (digits + length + sign) which may point
 * into a big int, into a caller's buffer (for small ints) or into fresh
 * leaf blocks; px_bn_to_val() turns a result back into a normalised value.
 */
#ifndef PX_BIGINT_H
#define PX_BIGINT_H

#include "../object.h"

typedef uint32_t px_digit;
typedef uint64_t px_ddigit;
#define PX_DIGIT_BITS 32

typedef struct px_bigint {
    px_obj base; /* &px_type_int */
    uint32_t neg;
    uint32_t len;
    px_digit d[];
} px_bigint;

typedef struct {
    px_digit *d;
    size_t n; /* 0 means zero */
    bool neg;
} px_bn;

/* ---- magnitudes (natural numbers as digit arrays) */
/* n zeroed digits in a leaf block shaped as a big int not yet published
 * (type NULL): px_bn_to_val takes such a block over instead of copying. */
px_digit *px_nat_alloc(size_t n);
/* The same with the digits not zeroed, for a caller that writes each
 * digit before anything reads it. */
px_digit *px_nat_alloc_raw(size_t n);
size_t px_nat_norm(const px_digit *d, size_t n);
int px_nat_cmp(const px_digit *a, size_t an, const px_digit *b, size_t bn);
/* r = a + b; r has room for max(an,bn)+1; returns the normalised length. */
size_t px_nat_add(px_digit *r, const px_digit *a, size_t an, const px_digit *b, size_t bn);
/* r = a - b with a >= b; r has room for an. */
size_t px_nat_sub(px_digit *r, const px_digit *a, size_t an, const px_digit *b, size_t bn);
/* r = a * b; r zeroed with room for an+bn. Karatsuba above a threshold. */
size_t px_nat_mul(px_digit *r, const px_digit *a, size_t an, const px_digit *b, size_t bn);
size_t px_nat_mul_school(px_digit *r, const px_digit *a, size_t an, const px_digit *b, size_t bn);
/* q = a / b, r = a % b (bn > 0); q room an-bn+1 (or 1), r room bn. Lengths out. */
void px_nat_divmod(const px_digit *a, size_t an, const px_digit *b, size_t bn, px_digit *q,
                   size_t *qn, px_digit *r, size_t *rn);
/* In place a = a * m + add; returns new length (a has room for one more digit). */
size_t px_nat_muladd1(px_digit *a, size_t an, px_digit m, px_digit add);
/* In place a = a / m; returns the remainder; *an updated. */
px_digit px_nat_div1(px_digit *a, size_t *an, px_digit m);
size_t px_nat_bitlen(const px_digit *a, size_t an);

/* ---- signed views. Without big ints (PX_HAS_BIGINT=0, bigint_word.c)
 * every view fits 64 bits and a result beyond the small ints raises
 * px_int_too_big()'s OverflowError. */
#if !PX_HAS_BIGINT
PX_NORETURN void px_int_too_big(void);
#endif
/* View of an int value (small, big, bool or int-subclass native); `buf` holds
 * small ones. Returns false if v is not an int. */
bool px_bn_get(px_val v, px_bn *out, px_digit buf[2]);
px_val px_bn_to_val(const px_bn *x);
void px_bn_from_i64(px_bn *out, int64_t i, px_digit buf[2]);
px_bn px_bn_add(const px_bn *a, const px_bn *b, bool negate_b);
px_bn px_bn_mul(const px_bn *a, const px_bn *b);
/* Floor division and modulo (Python signs); b non-zero. q or r may be NULL. */
void px_bn_divmod(const px_bn *a, const px_bn *b, px_bn *q, px_bn *r);
px_bn px_bn_shl(const px_bn *a, size_t s);
px_bn px_bn_shr(const px_bn *a, size_t s); /* floor */
/* '&', '|', '^' in two's complement semantics. */
px_bn px_bn_bitop(const px_bn *a, const px_bn *b, char op);
int px_bn_cmp(const px_bn *a, const px_bn *b);
/* Nearest double (round half even); *overflow set when out of range. */
double px_bn_to_double(const px_bn *a, bool *overflow);
#if PX_HAS_FLOAT
/* a / b correctly rounded; *overflow set when out of range. b non-zero. */
double px_bn_truediv(const px_bn *a, const px_bn *b, bool *overflow);
px_bn px_bn_from_double(double d); /* d finite, truncated */
#endif
/* Digits in base 2..36 (lowercase) into a fresh GC block; *len set. */
char *px_bn_to_str(const px_bn *a, int base, size_t *len);
/* Digits only (no sign, prefix or underscores), all valid for base. */
px_bn px_bn_from_digits(const char *s, size_t len, int base);


/* ---- shared inside the numbers area */
/* CPython's numeric hash (modulus 2^61-1, or 2^31-1 where px_int has 32
 * bits): the same values as CPython's hash(); equal numbers hash alike. */
px_int px_num_hash_bn(const px_bn *a);
px_int px_num_hash_double(double d);
px_int px_num_hash_fold(int64_t h);
/* The int inside v (small, big, bool->small, subclass native) or PX_NULL. */
px_val px_int_unwrap(px_val v);
/* Exact comparison of an int with a double: -1, 0, 1, or 2 for NaN. */
int px_int_cmp_double(px_val i, double d);
/* int ** int and pow(a, b, m) (m PX_NULL for none). */
px_val px_int_pow(px_val a, px_val b, px_val m);
px_val px_int_divmod(px_val a, px_val b); /* tuple (q, r) */
/* Built-in types' helpers for messages. */
#if PX_HAS_FLOAT
px_val px_float_divmod(double a, double b);
#endif
px_val px_complex_binop(px_binop op, double ar, double ai, double br, double bi);
/* A float literal with optional sign, no surrounding space; false if malformed. */
#if PX_HAS_FLOAT
bool px_float_parse_text(const char *s, size_t n, double *out);
#endif
/* Digits of |v| in base 2..36 (lowercase) in a fresh block; *neg set. */
char *px_int_digits(px_val v, int base, size_t *len, bool *neg);
/* repr of a float without the ".0" of integral values (complex parts). */
#if PX_HAS_FLOAT
size_t px_float_repr_nodot(char *buf, size_t size, double d);
/* Correctly rounded round(x, ndigits) for floats. */
double px_float_round(double x, px_int ndigits);
#endif
/* A str's text for int()/float()/complex(): Unicode decimal digits become
 * ASCII digits, Unicode spaces ' ', other non-ASCII '?' (as CPython does);
 * s itself when all ASCII, else a fresh block; *len updated. */
const char *px_num_to_ascii(const char *s, size_t *len);
/* Narrow [*i, *end) of s past leading and trailing ASCII whitespace (number parsing). */
void px_num_strip(const char *s, size_t *i, size_t *end);
/* Value of a digit character in bases up to 36; 99 for a non-digit. */
int px_digit_value(char c);
/* __format__(self, spec) shared by int, float and complex (the mini-language). */
px_val px_num_format_meth(px_val self, px_val spec);

#endif
