/* The array module's object, shared by array.c (type, slots, items) and
 * array_methods.c (the methods, subscripts). Internal to modules/. */
#ifndef PX_MODULES_ARRAY_H
#define PX_MODULES_ARRAY_H

#include "runtime.h"

/* Items are stored packed in native C types and byte order, so the data
 * is the buffer handed to memoryview, bytes(), file.write(), ... */
typedef struct {
    px_obj base;     /* &px_type_array */
    char typecode;   /* b B h H i I l L q Q f d */
    uint8_t itemsize;
    size_t len;      /* items */
    size_t alloc;    /* items the data block can hold */
    uint8_t *data;   /* PX_GC_LEAF block, never NULL */
} px_array;

extern const px_type px_type_array;
extern const px_map px_array_dict;

px_array *px_array_new(char typecode, size_t len);
/* self, checked to be an array (TypeError otherwise). */
px_array *px_array_of(px_val self);
/* Make room for n more items (len unchanged); returns where they go. */
uint8_t *px_array_reserve(px_array *a, size_t n);
/* Pack v into the item at p, with CPython's OverflowError/TypeError. */
void px_array_pack(const px_array *a, uint8_t *p, px_val v);
px_val px_array_unpack(const px_array *a, const uint8_t *p);
void px_array_append(px_array *a, px_val v);
/* Append every item of an iterable (an array must have the same typecode). */
void px_array_extend(px_array *a, px_val iterable);
/* Append raw bytes whose length must be a multiple of the item size. */
void px_array_frombytes(px_array *a, px_val buffer_obj);
/* The subscr slot: items and slices (load, store from an array, delete). */
px_val px_array_subscr(px_val self, px_val index, px_val value);
/* Index of the first item equal to v in [start, stop), or -1. */
px_int px_array_find(const px_array *a, px_val v, size_t start, size_t stop);

#endif
