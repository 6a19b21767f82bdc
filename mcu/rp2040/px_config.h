/* The feature switches of the Raspberry Pi Pico firmware (src/config.h
 * has the defaults; docs/ports.md). */
#define PX_HAS_COMPLEX 0
#define PX_HAS_COMPILER_DEBUG 0
/* frame-stack chunks of 2 KiB, not 64 */
#define PX_FRAME_CHUNK_WORDS 512
/* the compiler's and the interned names' hash indexes up to three
 * quarters full, not half: smaller runs of pages for a module of many
 * names */
#define PX_INDEX_FILL_QUARTERS 3
/* bytecode written in pieces of 512 bytes (small blocks), joined at the
 * code object's exact size when it is done: no doubling buffer that
 * needs a run of free pages while a module compiles */
#define PX_CODE_PIECE 512
/* sys.platform and sys.implementation._machine */
#define PX_SYS_PLATFORM rp2
#define PX_SYS_MACHINE "Raspberry Pi Pico with RP2040"
/* error messages packed in flash, expanded when raised: the same text at
 * run time as full error text (src/core/errtext.h) */
#define PX_ERROR_TEXT 2
/* the hashes of the names known at build time computed when needed, not
 * a table of 5 KB (src/core/qstr.h) */
#define PX_NAMES_STATIC_HASH 0
/* built-in function objects of 16 bytes, not 20 (src/object.h) */
#define PX_PACKED_BUILTINS 1
