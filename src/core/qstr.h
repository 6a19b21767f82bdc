/* Interned strings ("names"). Names known at build time live in a const
 * table generated from the *.names files (tools/gen_names.py); names made at
 * run time go into a hash table on the GC heap. A name is a px_qid; its
 * value form is px_qstr(q), a str that needs no allocation. */
#ifndef PX_QSTR_H
#define PX_QSTR_H

#include "value.h"
#include "names.h"

#define PX_QID_NONE ((px_qid)0) /* "no name" */

const char *px_qstr_str(px_qid q);
size_t px_qstr_len(px_qid q);
/* Bytes and length of a name in one step, inline for names known at build
 * time (the str methods' hot path); run-time names take px_qstr_dyn_data. */
const char *px_qstr_dyn_data(px_qid q, size_t *len);
/* The names known at build time, each ending in a NUL, one after the
 * other in px_names_static_text; name q starts at px_names_static_off[q]
 * and its NUL is just before where q + 1 starts (the table has one entry
 * more than there are names). */
extern const uint16_t px_names_static_off[];
extern const char px_names_static_text[];
static inline size_t px_qstr_static_len(px_qid q) {
    return (size_t)(px_names_static_off[q + 1] - px_names_static_off[q] - 1u);
}
static inline const char *px_qstr_data(px_qid q, size_t *len) {
    if (q < PX_QID__STATIC_COUNT) {
        *len = px_qstr_static_len(q);
        return px_names_static_text + px_names_static_off[q];
    }
    return px_qstr_dyn_data(q, len);
}
/* The hash of a name: inline for names known at build time (every
 * namespace look-up hashes its key), from the table of their hashes; with
 * PX_NAMES_STATIC_HASH 0 (a board short of flash) that table is left out
 * and px_qstr_dyn_hash hashes their text at each call. */
uint32_t px_qstr_dyn_hash(px_qid q);
#if PX_NAMES_STATIC_HASH
extern const uint32_t px_names_static_hash[];
static inline uint32_t px_qstr_hash(px_qid q) {
    return q < PX_QID__STATIC_COUNT ? px_names_static_hash[q] : px_qstr_dyn_hash(q);
}
#else
static inline uint32_t px_qstr_hash(px_qid q) { return px_qstr_dyn_hash(q); }
#endif
/* The name for these bytes, interning them if new. */
px_qid px_qstr_intern(const char *s, size_t len);
px_qid px_qstr_intern_cstr(const char *s);
/* The name if already interned, else PX_QID_NONE. */
px_qid px_qstr_find(const char *s, size_t len);
/* The hash used for every str (and bytes) value; the generator computes
 * the same function. Never returns 0 (0 means "not computed"). */
uint32_t px_hash_bytes(const void *data, size_t len);

void px_qstr_init(void);
/* Names interned at run time: their count, and the bytes their table and
 * text take (micropython.qstr_info). They are the names numbered
 * PX_QID__STATIC_COUNT .. PX_QID__STATIC_COUNT + count - 1. */
size_t px_qstr_dynamic(size_t *bytes);

#endif
