/* Feature configuration. A port may provide its own settings in the header
 * named by PX_PORT_CONFIG (set by meson); anything it leaves out gets the
 * default below. */
#ifndef PX_CONFIG_H
#define PX_CONFIG_H

#include <stdint.h>

#ifdef PX_PORT_CONFIG
#include PX_PORT_CONFIG
#endif

/* Value encoding follows the word size unless a port forces it. */
#ifndef PX_NANBOX
#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
#define PX_NANBOX 1
#else
#define PX_NANBOX 0
#endif
#endif

/* Computed-goto dispatch in the VM when the compiler has it. */
#ifndef PX_COMPUTED_GOTO
#if defined(__GNUC__) || defined(__clang__)
#define PX_COMPUTED_GOTO 1
#else
#define PX_COMPUTED_GOTO 0
#endif
#endif

/* ---- Feature switches: 1 builds the feature in, 0 leaves its code out.
 * Each is turned off in CI's minimal build (docs/ports.md). */

/* The float type: float literals (a SyntaxError without it), float(),
 * true division `/` (a TypeError pointing to `//`), a negative power,
 * float formatting, and the modules made of floats (math, cmath), which a
 * build without it must leave out. Ints stay exact (docs/ports.md). */
#ifndef PX_HAS_FLOAT
#define PX_HAS_FLOAT 1
#endif

/* The complex type, imaginary literals (`1j` is a SyntaxError without
 * it) and the cmath module, which a build without it must leave out.
 * Complex numbers are made of floats: off by default without them. */
#ifndef PX_HAS_COMPLEX
#define PX_HAS_COMPLEX PX_HAS_FLOAT
#endif
#if PX_HAS_COMPLEX && !PX_HAS_FLOAT
#error "PX_HAS_COMPLEX=1 needs PX_HAS_FLOAT=1: complex numbers are made of floats (set PX_HAS_COMPLEX 0 too)"
#endif

/* Compiler debugging: the AST dump and the bytecode listing (`-v`). */
#ifndef PX_HAS_COMPILER_DEBUG
#define PX_HAS_COMPILER_DEBUG 1
#endif

/* Big ints (src/objects/bigint.c's digit arithmetic): without them an
 * int is a small int (31 bits on 32-bit targets, 50 with NaN boxing) and
 * a result beyond that is an OverflowError, as in MicroPython without
 * long ints. */
#ifndef PX_HAS_BIGINT
#define PX_HAS_BIGINT 1
#endif

/* The Unicode character tables (src/objects/unicode_db.c, about 27 KB):
 * without them str methods know case and character classes of ASCII only,
 * as MicroPython's do (docs/ports.md). */
#ifndef PX_HAS_UNICODE_TABLES
#define PX_HAS_UNICODE_TABLES 1
#endif

/* The hashes of the names known at build time in a table (4 bytes a name,
 * about 5 KB), or 0: computed from their text when a look-up needs one
 * (a board short of flash; core/qstr.h). */
#ifndef PX_NAMES_STATIC_HASH
#define PX_NAMES_STATIC_HASH 1
#endif

/* Built-in function objects packed (object.h: px_builtin): 16 bytes, not
 * 20, on a 32-bit board (about 870 of them); the same size on a 64-bit
 * host, where the fields would only cost extracting. */
#ifndef PX_PACKED_BUILTINS
#define PX_PACKED_BUILTINS 0
#endif

/* Error text: 1 full messages; 0 terse, the messages of exceptions raised
 * by C code are left out of the image (core/error.h), the exception type
 * stays. A setting for ports short of flash (docs/ports.md). 2 compressed:
 * the same messages as 1 at run time, packed in the image (core/errtext.h;
 * firmware builds only, which generate the table, and gcc with -O). */
#ifndef PX_ERROR_TEXT
#define PX_ERROR_TEXT 1
#endif

/* Python-level recursion limit (frames); the C stack is also checked. */
#ifndef PX_RECURSION_LIMIT
#define PX_RECURSION_LIMIT 1000
#endif

/* Callbacks micropython.schedule (and IRQ dispatch) can queue at once. */
#ifndef PX_SCHED_DEPTH
#define PX_SCHED_DEPTH 16
#endif

/* Words of one chunk of the VM's frame stack (more chunks are added as
 * calls nest): big enough that a deep recursion allocates rarely, small
 * enough for the heap a board has. */
#ifndef PX_FRAME_CHUNK_WORDS
#define PX_FRAME_CHUNK_WORDS 16384
#endif

/* The GC's page: 1 << PX_GC_PAGE_SHIFT bytes (10..12). Each size class
 * of small blocks takes at least one page, so a small heap wants small
 * pages. */
#ifndef PX_GC_PAGE_SHIFT
#define PX_GC_PAGE_SHIFT 12
#endif

/* Syntax-tree nodes at their own kind's size (1): a large statement's
 * tree is 20-25% smaller. Or all at the largest kind's size (0): one size
 * class. On a board's heap of 1 KiB pages the small classes the compact
 * nodes use share pages with long-lived blocks, and those pages cut the
 * free runs that the large blocks compiling needs (the code buffer): the
 * mps2-an385 firmware fits six more test files with 0. */
#ifndef PX_AST_COMPACT
#define PX_AST_COMPACT (PX_GC_PAGE_SHIFT >= 12)
#endif

/* Entries of the GC's mark stack (8 or 16 bytes each); when it is full,
 * marking goes on by scanning pages again, slower but correct. */
#ifndef PX_GC_MARK_STACK
#define PX_GC_MARK_STACK 2048
#endif

/* Bytes of C stack kept free below the RecursionError limit (C code
 * between two checks needs room to raise and unwind); at most half the
 * stack is kept. */
#ifndef PX_STACK_MARGIN
#define PX_STACK_MARGIN (256u << 10)
#endif

#if defined(__GNUC__) || defined(__clang__)
#define PX_NORETURN __attribute__((noreturn))
#define PX_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define PX_LIKELY(x) __builtin_expect(!!(x), 1)
#define PX_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define PX_UNUSED __attribute__((unused))
#else
#define PX_NORETURN _Noreturn
#define PX_PRINTF(f, a)
#define PX_LIKELY(x) (x)
#define PX_UNLIKELY(x) (x)
#define PX_UNUSED
#endif

#endif
