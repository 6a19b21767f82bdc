/* The bare test port (port_bare.c): what a test reads back from it. */
#ifndef PX_TEST_PORT_BARE_H
#define PX_TEST_PORT_BARE_H

#include <stddef.h>

#define BARE_HEAP_SIZE (2u << 20)

/* Everything written to stdout and stderr, NUL-terminated. */
extern char bare_out[4096];
extern size_t bare_out_len;

/* Hand the heap region out again: after px_deinit, px_init asks for it
 * afresh, as at a board's soft reset. */
void bare_heap_reset(void);

#endif
