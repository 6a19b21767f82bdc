/* The feature switches of the mps2-an385 firmware (src/config.h has the
 * defaults; docs/ports.md): what a 64 KiB heap and a board without a
 * debugger console cannot afford. */
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
#define PX_SYS_PLATFORM qemu
#define PX_SYS_MACHINE "mps2-an385 with Cortex-M3"
/* 1 KiB GC pages (each size class of small blocks takes a page of its
 * own: 15 pages of 4 KiB would be used up by a dozen classes), a mark
 * stack of 4 KiB and RecursionError 8 KiB before the 32 KiB stack ends */
#define PX_GC_PAGE_SHIFT 10
#define PX_GC_MARK_STACK 512
#define PX_STACK_MARGIN (8u << 10)
/* a 64-entry type cache (2 KiB of RAM, not 8) */
#define PX_TYPE_CACHE_SIZE 64
/* two ways per inline-cache slot, not four: every attribute and global
 * site of every code object costs its ways in a small heap */
#define PX_VM_CACHE_WAYS 1
/* error messages packed in flash, expanded when raised: the same text at
 * run time as full error text (src/core/errtext.h) */
#define PX_ERROR_TEXT 2
/* the hashes of the names known at build time computed when needed, not
 * a table of 5 KB (src/core/qstr.h) */
#define PX_NAMES_STATIC_HASH 0
/* built-in function objects of 16 bytes, not 20 (src/object.h) */
#define PX_PACKED_BUILTINS 1
