/* The struct module's format layouts, shared by struct_format.c (parsing,
 * packing and unpacking items) and struct.c (the module functions, the
 * Struct type and struct.error). Internal to modules/. */
#ifndef PX_MODULES_STRUCTMOD_H
#define PX_MODULES_STRUCTMOD_H

#include "runtime.h"

/* One format code with its repeat count. For 's' and 'p' the count is the
 * length of the one bytes value; for 'x' it is a number of pad bytes;
 * otherwise `count` values of `size` bytes each follow from `offset`. */
enum {
    PX_SK_PAD, PX_SK_CHAR, PX_SK_BOOL, PX_SK_SIGNED, PX_SK_UNSIGNED, PX_SK_POINTER,
    PX_SK_FLOAT, PX_SK_STRING, PX_SK_PASCAL,
};
typedef struct {
    char code;
    uint8_t kind; /* PX_SK_*, from the code */
    uint8_t size;
    size_t count;
    size_t offset;
} px_struct_item;

/* A parsed format. `items` points into `local` for short formats. */
typedef struct {
    char order;      /* '@' native size, alignment and order; '=' native order; '<'; '>' */
    bool little;     /* byte order of the items */
    size_t size;     /* total bytes */
    size_t nvalues;  /* values pack takes and unpack returns */
    size_t nitems, cap;
    px_struct_item *items;
    px_struct_item local[8];
} px_struct_layout;

/* Parse a format (str or bytes); struct.error / TypeError with CPython's
 * messages. The layout may be copied only with px_struct_layout_copy. */
void px_struct_parse(px_val format, px_struct_layout *layout);
/* A layout whose items live in a heap block (for Struct objects). */
px_struct_layout *px_struct_layout_keep(const px_struct_layout *layout);
/* Pack values[0..nvalues) into out[0..size); `what` names the caller in
 * the item-count message ("pack", "pack_into"). */
void px_struct_pack(const px_struct_layout *layout, uint8_t *out, size_t nvalues, const px_val *values,
                    const char *what);
/* The values at data[0..size) as a tuple. */
px_val px_struct_unpack(const px_struct_layout *layout, const uint8_t *data);

/* struct.error (a ValueError: MicroPython's struct raises ValueError). */
extern const px_type px_type_struct_error;
#define px_struct_error(...) px_raise_msg(&px_type_struct_error, __VA_ARGS__)

#endif
