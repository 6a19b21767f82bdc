/* The value representation: the only file that knows the bits of a px_val.
 *
 * Two encodings, chosen by word size (see config.h):
 *
 * NaN-boxing (64-bit hosts), px_val is a uint64_t:
 *   0x0000_0000_0000_0000          PX_NULL (no value; internal only)
 *   0x0000_xxxx_xxxx_xxx0 (<2^48)  object pointer, 8-byte aligned, stored raw
 *   small constants, low 3 bits 110: None, False, True, Ellipsis, ...
 *   0x0002_0000_0000_0000 ..
 *   0xFFF2_0000_0000_0000          a double, stored as its bits + 2^49
 *                                  (all NaNs are made canonical first)
 *   0xFFF8_0000_iiii_iiii          interned string number i
 *   0xFFFC_... .. 0xFFFF_...       small int: low 50 bits, two's complement
 * Object pointers are raw addresses, so static tables can hold them as
 * address constants, and the conservative GC sees them as plain pointers.
 *
 * Tagged word (32-bit MCUs and `gcc -m32`), px_val is a uint32_t:
 *   xxxx...xxx1   small int (31 bits)
 *   xxxx...x010   interned string (index << 3)
 *   xxxx...x110   small constants (the same values as above)
 *   xxxx...xx00   object pointer (floats are boxed objects here)
 *
 * A build without floats (PX_HAS_FLOAT=0) has no float values in either
 * encoding: see px_is_float below.
 *
 * Code elsewhere uses only the inline functions and macros below.
 */
#ifndef PX_VALUE_H
#define PX_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "config.h"

typedef uint32_t px_qid; /* interned string number */

/* What other code may know: the width of px_int (PX_INT_BITS, PX_INT_MIN,
 * PX_INT_MAX), the small-int range, and whether floats are boxed objects
 * (PX_BOXED_FLOATS; then objects/float.c provides px_is_float and friends). */
#if PX_NANBOX
typedef uint64_t px_val;
typedef int64_t px_int; /* holds any small int and then some */
#define PX_SMALL_BITS 50
#define PX_INT_BITS 64
#define PX_INT_MIN INT64_MIN
#define PX_INT_MAX INT64_MAX
#define PX_BOXED_FLOATS 0
#else
typedef uint32_t px_val;
typedef int32_t px_int;
#define PX_SMALL_BITS 31
#define PX_INT_BITS 32
#define PX_INT_MIN INT32_MIN
#define PX_INT_MAX INT32_MAX
#define PX_BOXED_FLOATS 1
#endif

#define PX_SMALL_MIN (-((px_int)1 << (PX_SMALL_BITS - 1)))
#define PX_SMALL_MAX (((px_int)1 << (PX_SMALL_BITS - 1)) - 1)

/* Constants shared by both encodings: low 3 bits 110, never a pointer. */
#define PX_NULL ((px_val)0)
#define PX_NONE ((px_val)0x06)
#define PX_FALSE ((px_val)0x0E)
#define PX_TRUE ((px_val)0x16)
#define PX_ELLIPSIS ((px_val)0x1E)
#define PX_NOTIMPL ((px_val)0x26)
/* Internal markers, never visible to Python code. */
#define PX_DELETE ((px_val)0x2E) /* subscr/setattr: delete instead of store */
#define PX_UNSET ((px_val)0x36)  /* "argument not given" default */

static inline bool px_is_const(px_val v) { return (v & 7) == 6; }
static inline px_val px_bool(bool b) { return b ? PX_TRUE : PX_FALSE; }
static inline bool px_is_bool(px_val v) { return v == PX_TRUE || v == PX_FALSE; }

#if PX_NANBOX

#define PX__PTR_MASK 0xFFFF000000000007ull
#define PX__DBL_OFFSET 0x0002000000000000ull
#define PX__DBL_SPAN 0xFFF0000000000000ull
#define PX__QSTR_TAG 0xFFF8000000000000ull
#define PX__SMALL_TAG 0xFFFC000000000000ull
#define PX__SMALL_PAYLOAD ((1ull << PX_SMALL_BITS) - 1)

/* For static initialisers. */
#define PX_OBJ_CONST(p) ((px_val)(uintptr_t)(p))
#define PX_QSTR_CONST(q) ((px_val)(PX__QSTR_TAG | (uint64_t)(q)))
#define PX_SMALL_CONST(i) ((px_val)(PX__SMALL_TAG | ((uint64_t)(int64_t)(i) & PX__SMALL_PAYLOAD)))

static inline bool px_is_obj(px_val v) { return (v & PX__PTR_MASK) == 0 && v != 0; }
static inline bool px_is_small(px_val v) { return (v & PX__SMALL_TAG) == PX__SMALL_TAG; }
static inline bool px_is_qstr(px_val v) { return (v >> 32) == (PX__QSTR_TAG >> 32); }
#if PX_HAS_FLOAT
static inline bool px_is_float(px_val v) { return v - PX__DBL_OFFSET <= PX__DBL_SPAN; }
#endif

static inline px_int px_small_get(px_val v) { return (px_int)(v << (64 - PX_SMALL_BITS)) >> (64 - PX_SMALL_BITS); }
static inline px_val px_small(px_int i) { return PX__SMALL_TAG | ((uint64_t)i & PX__SMALL_PAYLOAD); }
static inline px_qid px_qstr_get(px_val v) { return (px_qid)v; }
static inline px_val px_qstr(px_qid q) { return PX__QSTR_TAG | q; }

#if PX_HAS_FLOAT
static inline double px_float_get(px_val v) {
    uint64_t bits = v - PX__DBL_OFFSET;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}
/* Never allocates on this encoding. */
static inline px_val px_float(double d) {
    uint64_t bits;
    if (d != d) {
        bits = 0x7FF8000000000000ull; /* one canonical NaN */
    } else {
        memcpy(&bits, &d, sizeof bits);
    }
    return bits + PX__DBL_OFFSET;
}
#endif

#else /* tagged 32-bit word */

#define PX_OBJ_CONST(p) ((px_val)(uintptr_t)(p))
#define PX_QSTR_CONST(q) ((px_val)(((uint32_t)(q) << 3) | 2))
#define PX_SMALL_CONST(i) ((px_val)(((uint32_t)(int32_t)(i) << 1) | 1))

static inline bool px_is_obj(px_val v) { return (v & 3) == 0 && v != 0; }
static inline bool px_is_small(px_val v) { return (v & 1) != 0; }
static inline bool px_is_qstr(px_val v) { return (v & 7) == 2; }
static inline px_int px_small_get(px_val v) { return (int32_t)v >> 1; }
static inline px_val px_small(px_int i) { return ((uint32_t)i << 1) | 1; }
static inline px_qid px_qstr_get(px_val v) { return v >> 3; }
static inline px_val px_qstr(px_qid q) { return (q << 3) | 2; }

/* Floats are boxed objects here; these live in objects/float.c. */
#if PX_HAS_FLOAT
bool px_is_float(px_val v);
double px_float_get(px_val v);
px_val px_float(double d); /* allocates */
#endif

#endif

/* Without floats (PX_HAS_FLOAT=0) no value is one; px_float and
 * px_float_get do not exist, so code that would make or read a float
 * must say what it does instead (the build fails otherwise). In the
 * NaN-boxed encoding the double range is then simply never used. */
#if !PX_HAS_FLOAT
static inline bool px_is_float(px_val v) {
    (void)v;
    return false;
}
#endif

/* A float held in the value itself (never true with boxed floats): a
 * cheap test for fast paths that must not touch memory. */
static inline bool px_is_float_imm(px_val v) {
#if PX_BOXED_FLOATS
    (void)v;
    return false;
#else
    return px_is_float(v);
#endif
}

static inline bool px_small_fits(int64_t i) { return i >= PX_SMALL_MIN && i <= PX_SMALL_MAX; }
static inline void *px_as_ptr(px_val v) { return (void *)(uintptr_t)v; }
static inline px_val px_from_ptr(const void *p) { return (px_val)(uintptr_t)p; }

#endif
