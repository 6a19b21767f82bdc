/* .mpy: code objects to bytes and back (see mpy.h and docs/mpy.md).
 *
 * After the header and the qstr table, everything is one code object.
 * Integers are unsigned LEB128 varints ("vuint"), signed ones zigzagged;
 * a name is the vuint index of its entry in the qstr table. A code object:
 * name, file name, then first line, flags, argcount, posonlycount,
 * kwonlycount, nlocals, ncellvars, nfreevars, ncaches (vuints), the
 * bytecode (vuint length + bytes), the constants (vuint count + values),
 * the names (count + names), varnames (nlocals names), cell names
 * (ncellvars + nfreevars names), the line table (length + bytes) and the
 * exception table (count, then start, end, handler, depth of each).
 * A constant is a tag byte then its payload:
 *   N None, T True, F False, E Ellipsis
 *   i int (zigzag vuint, when it fits 64 bits), I int (vuint length +
 *   decimal text), f float (8 bytes IEEE-754 little-endian), j complex
 *   (two floats), s str (vuint length + UTF-8), b bytes, t tuple and
 *   z frozenset (vuint count + values), c code object (nested).
 * The writing order is the reading order; the format is the same on every
 * port and word size. */
#include <string.h>

#include "../runtime.h"
#include "mpy.h"

#define MAX_DEPTH 200 /* nesting of tuples and code objects */
/* The widest int constant this build reads: every build has big ints, so
 * any width (255 stands for "wider than 254 bits"). A build whose ints
 * stop at the word would set its width here. */
#define INT_BITS_READ 255

/* ---- writing */

typedef struct {
    px_strbuf body;  /* the code object */
    px_val qstrs;    /* dict: interned str -> its index in the table */
    px_val order;    /* list of the table's str, by index */
    unsigned int_bits;
} writer;

static void put_byte(px_strbuf *b, uint8_t v) {
    px_strbuf_add(b, (const char *)&v, 1);
}

static void put_uleb(px_strbuf *b, uint64_t v) {
    do {
        uint8_t byte = v & 0x7F;
        v >>= 7;
        put_byte(b, byte | (v ? 0x80 : 0));
    } while (v);
}

static void put_blob(px_strbuf *b, const void *p, size_t n) {
    put_uleb(b, n);
    px_strbuf_add(b, p, n);
}

static void put_qid(writer *w, px_qid q) {
    px_val key = px_qstr(q);
    px_val index = px_dict_get(w->qstrs, key);
    if (index == PX_NULL) {
        index = px_small((px_int)px_dict_map(w->qstrs)->count);
        px_dict_set(w->qstrs, key, index);
        px_list_append(w->order, key);
    }
    put_uleb(&w->body, (uint64_t)px_small_get(index));
}

#if PX_HAS_FLOAT
static void put_double(px_strbuf *b, double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    for (int i = 0; i < 8; i++) {
        put_byte(b, (uint8_t)(u >> (8 * i)));
    }
}
#endif

/* Bits of a two's-complement int that holds i. */
static unsigned bits_for(int64_t i) {
    uint64_t m = i < 0 ? ~(uint64_t)i : (uint64_t)i;
    unsigned n = 1;
    while (m) {
        n++;
        m >>= 1;
    }
    return n;
}

static void put_value(writer *w, px_val v, int depth);

static void put_items(writer *w, size_t n, const px_val *items, int depth) {
    put_uleb(&w->body, n);
    for (size_t i = 0; i < n; i++) {
        put_value(w, items[i], depth + 1);
    }
}

static void put_code(writer *w, const px_code *c, int depth) {
    px_strbuf *b = &w->body;
    put_qid(w, c->name);
    put_qid(w, c->filename);
    const uint32_t fields[] = {c->firstlineno, c->flags & ~(PX_CODE_LOOPS | PX_CODE_NO_CACHES),     c->argcount,  c->posonlycount,
                               c->kwonlycount, c->nlocals,   c->ncellvars, c->nfreevars,
                               c->ncaches};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        put_uleb(b, fields[i]);
    }
    put_blob(b, c->code, c->code_len);
    put_items(w, c->nconsts, c->consts, depth);
    put_uleb(b, c->nnames);
    for (uint32_t i = 0; i < c->nnames; i++) {
        put_qid(w, c->names[i]);
    }
    for (uint32_t i = 0; i < c->nlocals; i++) {
        put_qid(w, c->varnames[i]);
    }
    for (uint32_t i = 0; i < (uint32_t)c->ncellvars + c->nfreevars; i++) {
        put_qid(w, c->cellnames[i]);
    }
    put_blob(b, c->linetable, c->linetable_len);
    put_uleb(b, c->nexc);
    for (uint32_t i = 0; i < c->nexc; i++) {
        const px_exc_entry *e = &c->exctable[i];
        put_uleb(b, e->start);
        put_uleb(b, e->end);
        put_uleb(b, e->handler);
        put_uleb(b, e->depth);
    }
}

static void put_value(writer *w, px_val v, int depth) {
    px_strbuf *b = &w->body;
    if (depth > MAX_DEPTH) {
        px_raise_value_error("object too deeply nested to marshal");
    }
    if (v == PX_NONE || v == PX_TRUE || v == PX_FALSE || v == PX_ELLIPSIS) {
        put_byte(b, v == PX_NONE ? 'N' : v == PX_TRUE ? 'T' : v == PX_FALSE ? 'F' : 'E');
        return;
    }
    const px_type *t = px_type_of(v);
    if (px_is_small(v) || t == &px_type_int) {
        if (!px_is_small(v)) {
            px_val text = px_int_format(v, 10, false);
            size_t n;
            const char *s = px_str_data(text, &n);
            put_byte(b, 'I');
            put_blob(b, s, n);
            /* 10 digits need at most 34 bits */
            unsigned bits = n > 70 ? INT_BITS_READ : (unsigned)(n * 34 + 9) / 10 + 1;
            w->int_bits = bits > w->int_bits ? bits : w->int_bits;
            return;
        }
        int64_t i = px_int_to_i64(v);
        put_byte(b, 'i');
        put_uleb(b, ((uint64_t)i << 1) ^ (uint64_t)(i >> 63));
        unsigned bits = bits_for(i);
        w->int_bits = bits > w->int_bits ? bits : w->int_bits;
        return;
    }
    if (t == &px_type_str) {
        size_t n;
        const char *s = px_str_data(v, &n);
        put_byte(b, 's');
        put_blob(b, s, n);
#if PX_HAS_FLOAT
    } else if (t == &px_type_float) {
        put_byte(b, 'f');
        put_double(b, px_float_of(v));
#endif
#if PX_HAS_COMPLEX
    } else if (t == &px_type_complex) {
        double re, im;
        px_complex_get(v, &re, &im);
        put_byte(b, 'j');
        put_double(b, re);
        put_double(b, im);
#endif
    } else if (t == &px_type_bytes) {
        size_t n;
        const uint8_t *s = px_bytes_data(v, &n);
        put_byte(b, 'b');
        put_blob(b, s, n);
    } else if (t == &px_type_tuple) {
        put_byte(b, 't');
        put_items(w, px_tuple_ptr(v)->len, px_tuple_ptr(v)->items, depth);
    } else if (t == &px_type_frozenset) {
        const px_map *m = &((px_set *)px_as_ptr(v))->map;
        put_byte(b, 'z');
        put_uleb(b, m->count);
        size_t pos = 0;
        for (px_map_entry *e = px_map_next(m, &pos); e != NULL; e = px_map_next(m, &pos)) {
            put_value(w, e->key, depth + 1);
        }
    } else if (t == &px_type_code) {
        put_byte(b, 'c');
        put_code(w, px_as_ptr(v), depth);
    } else {
        px_raise_value_error("unmarshallable object");
    }
}

/* FNV-1a, 32 bits: catches data damaged in transfer. */
static uint32_t checksum(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

px_val px_mpy_dump(const px_code *code) {
    writer w = {.qstrs = px_dict_new(16), .order = px_list_new(0, NULL)};
    px_strbuf_init(&w.body, 256);
    put_code(&w, code, 0);
    px_strbuf out;
    px_strbuf_init(&out, w.body.len + 64);
    put_byte(&out, 'M');
    put_byte(&out, PX_MPY_VERSION);
    put_byte(&out, PX_MPY_ARCH_SUB);
    put_byte(&out, (uint8_t)w.int_bits);
    size_t nq;
    px_val *names = px_seq_items(w.order, &nq);
    put_uleb(&out, nq);
    for (size_t i = 0; i < nq; i++) {
        size_t n;
        const char *s = px_str_data(names[i], &n);
        put_blob(&out, s, n);
    }
    px_strbuf_add(&out, w.body.data, w.body.len);
    uint32_t h = checksum((const uint8_t *)out.data, out.len);
    for (int i = 0; i < 4; i++) {
        put_byte(&out, (uint8_t)(h >> (8 * i)));
    }
    return px_strbuf_to_bytes(&out);
}

/* ---- reading */

typedef struct {
    const uint8_t *p, *end;
    const char *what;
    px_qid *qstrs;
    size_t nqstrs;
    bool in_place; /* the data outlives the code: blobs are used where they are */
} reader;

static PX_NORETURN void bad(reader *r, const char *why) {
    px_raise_value_error("%s: bad .mpy data (%s)", r->what, why);
}

static uint8_t get_byte(reader *r) {
    if (r->p >= r->end) {
        bad(r, "truncated");
    }
    return *r->p++;
}

static uint64_t get_uleb(reader *r) {
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        uint8_t b = get_byte(r);
        v |= (uint64_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            return v;
        }
    }
    bad(r, "varint too long");
}

static uint32_t get_u32(reader *r, uint32_t max) {
    uint64_t v = get_uleb(r);
    if (v > max) {
        bad(r, "number out of range");
    }
    return (uint32_t)v;
}

static const uint8_t *get_blob(reader *r, size_t *n) {
    uint64_t len = get_uleb(r);
    if (len > (uint64_t)(r->end - r->p)) {
        bad(r, "truncated");
    }
    const uint8_t *s = r->p;
    r->p += len;
    *n = (size_t)len;
    return s;
}

static const char *get_text(reader *r, size_t *n) {
    const char *s = (const char *)get_blob(r, n);
    if (!px_utf8_valid(s, *n)) {
        bad(r, "invalid UTF-8");
    }
    return s;
}

static px_qid get_qid(reader *r) {
    uint64_t i = get_uleb(r);
    if (i >= r->nqstrs) {
        bad(r, "name index out of range");
    }
    return r->qstrs[i];
}

#if PX_HAS_FLOAT
static double get_double(reader *r) {
    if (r->end - r->p < 8) {
        bad(r, "truncated");
    }
    uint64_t u = 0;
    for (int i = 0; i < 8; i++) {
        u |= (uint64_t)r->p[i] << (8 * i);
    }
    r->p += 8;
    double d;
    memcpy(&d, &u, 8);
    return d;
}
#endif

static px_val get_value(reader *r, int depth);

/* A count of things each taking at least one byte: no more than remain. */
static size_t get_count(reader *r) {
    uint64_t n = get_uleb(r);
    if (n > (uint64_t)(r->end - r->p)) {
        bad(r, "truncated");
    }
    return (size_t)n;
}

/* What an empty table of a code object points at (never written). */
static px_val no_items[1];
static px_qid no_qids[1];
static const px_exc_entry no_exc[1];

static px_val *get_items(reader *r, size_t n, int depth) {
    if (n == 0) {
        return no_items;
    }
    px_val *items = px_gc_alloc((n + 1) * sizeof(px_val), 0);
    for (size_t i = 0; i < n; i++) {
        items[i] = get_value(r, depth + 1);
    }
    return items;
}

static px_qid *get_qids(reader *r, size_t n) {
    if (n > (size_t)(r->end - r->p)) {
        bad(r, "truncated");
    }
    if (n == 0) {
        return no_qids;
    }
    px_qid *q = px_gc_alloc((n + 1) * sizeof(px_qid), PX_GC_LEAF);
    for (size_t i = 0; i < n; i++) {
        q[i] = get_qid(r);
    }
    return q;
}

/* Bytecode and line tables: copied into the heap, unless the data stays
 * (frozen modules: const data in the binary, flash on a board). */
static const uint8_t *copy_blob(reader *r, size_t *n) {
    const uint8_t *s = get_blob(r, n);
    if (r->in_place) {
        return s;
    }
    uint8_t *copy = px_gc_alloc(*n + 1, PX_GC_LEAF);
    memcpy(copy, s, *n);
    return copy;
}

static px_code *get_code(reader *r, int depth) {
    if (depth > MAX_DEPTH) {
        bad(r, "nested too deeply");
    }
    px_code *c = px_gc_alloc(sizeof *c, 0);
    c->base.type = &px_type_code;
    c->name = get_qid(r);
    c->filename = get_qid(r);
    c->firstlineno = get_u32(r, 0x7FFFFFFF);
    c->flags = (uint16_t)get_u32(r, 0xFF);
    c->argcount = (uint16_t)get_u32(r, 0xFFFF);
    c->posonlycount = (uint16_t)get_u32(r, 0xFFFF);
    c->kwonlycount = (uint16_t)get_u32(r, 0xFFFF);
    c->nlocals = (uint16_t)get_u32(r, 0xFFFF);
    c->ncellvars = (uint16_t)get_u32(r, 0xFFFF);
    c->nfreevars = (uint16_t)get_u32(r, 0xFFFF);
    c->ncaches = (uint16_t)get_u32(r, 0xFFFF);
    size_t n;
    c->code = copy_blob(r, &n);
    if (n > 0xFFFFFF) {
        bad(r, "code too long");
    }
    c->code_len = (uint32_t)n;
    c->nconsts = (uint32_t)get_count(r);
    c->consts = get_items(r, c->nconsts, depth);
    c->nnames = (uint32_t)get_count(r);
    c->names = get_qids(r, c->nnames);
    c->varnames = get_qids(r, c->nlocals);
    c->cellnames = get_qids(r, (size_t)c->ncellvars + c->nfreevars);
    c->linetable = copy_blob(r, &n);
    c->linetable_len = (uint32_t)n;
    size_t nexc = get_count(r);
    if (nexc > 0xFFFF) {
        bad(r, "exception table too long");
    }
    c->exctable = no_exc;
    if (nexc > 0) {
        px_exc_entry *tab = px_gc_alloc((nexc + 1) * sizeof(px_exc_entry), PX_GC_LEAF);
        for (size_t i = 0; i < nexc; i++) {
            tab[i].start = get_u32(r, 0xFFFFFF);
            tab[i].end = get_u32(r, 0xFFFFFF);
            tab[i].handler = get_u32(r, 0xFFFFFF);
            tab[i].depth = get_u32(r, 0xFFFF);
        }
        c->exctable = tab;
    }
    c->nexc = (uint16_t)nexc;
    c->caches = NULL;
    const char *why = px_code_verify(c);
    if (why != NULL) {
        bad(r, why);
    }
    return c;
}

static px_val get_value(reader *r, int depth) {
    if (depth > MAX_DEPTH) {
        bad(r, "nested too deeply");
    }
    uint8_t tag = get_byte(r);
    size_t n;
    switch (tag) {
    case 'N':
        return PX_NONE;
    case 'T':
        return PX_TRUE;
    case 'F':
        return PX_FALSE;
    case 'E':
        return PX_ELLIPSIS;
    case 'i': {
        uint64_t u = get_uleb(r);
        return px_int_from_i64((int64_t)(u >> 1) ^ -(int64_t)(u & 1));
    }
    case 'I': {
        const char *s = get_text(r, &n);
        if (n == 0 || n > 100000) {
            bad(r, "bad int");
        }
        return px_int_parse(s, n, 10);
    }
    case 'f':
#if PX_HAS_FLOAT
        return px_float(get_double(r));
#else
        px_raise_value_error("%s holds a float, which this build does not support", r->what);
#endif
    case 'j': {
#if PX_HAS_COMPLEX
        double re = get_double(r);
        return px_complex(re, get_double(r));
#else
        px_raise_value_error("%s holds a complex number, which this build does not support", r->what);
#endif
    }
    case 's': {
        const char *s = get_text(r, &n);
        return px_str(s, n);
    }
    case 'b': {
        const uint8_t *s = get_blob(r, &n);
        return px_bytes(s, n);
    }
    case 't': {
        n = get_count(r);
        return px_tuple_new(n, get_items(r, n, depth));
    }
    case 'z': {
        n = get_count(r);
        return px_frozenset_new(n, get_items(r, n, depth));
    }
    case 'c':
        return px_from_ptr(get_code(r, depth + 1));
    default:
        bad(r, "unknown constant type");
    }
}

static px_code *load(const uint8_t *p, size_t len, const char *what, bool in_place) {
    reader r = {p, p + len, what, NULL, 0, in_place};
    if (len < 8 || p[0] != 'M') {
        bad(&r, "not a .mpy file");
    }
    if (p[1] != PX_MPY_VERSION || (p[2] & 3) != (PX_MPY_ARCH_SUB & 3)) {
        /* the docs' words first; what to do after */
        const char *whose = p[1] <= 6 ? " (MicroPython's)" : "";
        px_raise_value_error("incompatible .mpy file (%s: version %u.%u%s, this build reads %u.%u); "
                             "compile the source again with px-mpy-cross",
                             what, p[1], p[2] & 3, whose, PX_MPY_VERSION, PX_MPY_ARCH_SUB & 3);
    }
    if (p[2] >> 2 != 0) {
        px_raise_value_error("incompatible .mpy arch (%s: native machine code, this build runs bytecode only)",
                             what);
    }
#if INT_BITS_READ < 255
    if (p[3] > INT_BITS_READ) {
        px_raise_value_error("incompatible .mpy file (%s: needs %u-bit ints, this build has %u)", what, p[3],
                             INT_BITS_READ);
    }
#endif
    size_t body = len - 4;
    uint32_t want = (uint32_t)p[body] | (uint32_t)p[body + 1] << 8 | (uint32_t)p[body + 2] << 16 |
                    (uint32_t)p[body + 3] << 24;
    if (checksum(p, body) != want) {
        bad(&r, "checksum mismatch: damaged or truncated");
    }
    r.p = p + 4;
    r.end = p + body;
    r.nqstrs = get_count(&r);
    r.qstrs = px_gc_alloc((r.nqstrs + 1) * sizeof(px_qid), PX_GC_LEAF);
    for (size_t i = 0; i < r.nqstrs; i++) {
        size_t n;
        const char *s = get_text(&r, &n);
        r.qstrs[i] = px_qstr_intern(s, n);
    }
    px_code *code = get_code(&r, 0);
    if (r.p != r.end) {
        bad(&r, "extra data after the code");
    }
    return code;
}

px_code *px_mpy_load(const uint8_t *data, size_t len, const char *what) {
    return load(data, len, what, false);
}

px_code *px_mpy_load_static(const uint8_t *data, size_t len, const char *what) {
    return load(data, len, what, true);
}
