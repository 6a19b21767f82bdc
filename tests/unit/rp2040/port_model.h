/* The machine test's port (port_model.c): what a test reads back. */
#ifndef RP_PORT_MODEL_H
#define RP_PORT_MODEL_H

#include <stddef.h>

#define MODEL_HEAP_SIZE (1u << 20)

/* Everything written to stdout and stderr, NUL-terminated. */
extern char model_out[8192];
extern size_t model_out_len;
/* The next px_init may take the heap again. */
void model_heap_reset(void);

#endif
