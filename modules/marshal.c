/* The marshal module: code objects to bytes and back (MicroPython's
 * subset: dumps of a code object, loads of what dumps made).
 *
 * The format is ours and the same on every port and word size:
 *   "PXM" VERSION  body  checksum
 * the body one value, the checksum the FNV-1a hash of magic and body (4
 * bytes, little-endian). Integers in the body are unsigned LEB128 varints
 * (signed ones zigzagged). A value is a tag byte then its payload:
 *   N None, T True, F False, E Ellipsis
 *   i int (zigzag varint, when it fits 64 bits), I int (varint length +
 *   decimal text), f float (8 bytes IEEE-754 little-endian), j complex
 *   (two floats), s str (varint length + UTF-8), b bytes, t tuple and
 *   z frozenset (varint count + values), c code (below).
 * A code object: its name, file name (as str payloads), first line, flags,
 * argcount, posonlycount, kwonlycount, nlocals, ncellvars, nfreevars,
 * ncaches (varints), the bytecode (bytes payload), consts (tuple payload),
 * names, varnames and cell names (str payloads, their counts first for
 * names), the line table (bytes payload) and the exception table (count,
 * then start, end, handler, depth).
 *
 * loads() checks everything it reads: lengths against the data, the
 * checksum, then each code object with px_code_verify before it can run.
 * VERSION changes whenever the bytecode does. */
#include <string.h>

#include "compiler/bytecode.h"
#include "runtime.h"

#define VERSION 1
#define MAX_DEPTH 200 /* nesting of tuples and code objects */

/* ---- writing */

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

static void put_qid(px_strbuf *b, px_qid q) {
    put_blob(b, px_qstr_str(q), px_qstr_len(q));
}

static void put_double(px_strbuf *b, double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    for (int i = 0; i < 8; i++) {
        put_byte(b, (uint8_t)(u >> (8 * i)));
    }
}

static void put_value(px_strbuf *b, px_val v, int depth);

static void put_items(px_strbuf *b, size_t n, const px_val *items, int depth) {
    put_uleb(b, n);
    for (size_t i = 0; i < n; i++) {
        put_value(b, items[i], depth + 1);
    }
}

static void put_code(px_strbuf *b, const px_code *c, int depth) {
    put_qid(b, c->name);
    put_qid(b, c->filename);
    const uint32_t fields[] = {c->firstlineno, c->flags,     c->argcount,  c->posonlycount,
                               c->kwonlycount, c->nlocals,   c->ncellvars, c->nfreevars,
                               c->ncaches};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        put_uleb(b, fields[i]);
    }
    put_blob(b, c->code, c->code_len);
    put_items(b, c->nconsts, c->consts, depth);
    put_uleb(b, c->nnames);
    for (uint32_t i = 0; i < c->nnames; i++) {
        put_qid(b, c->names[i]);
    }
    for (uint32_t i = 0; i < c->nlocals; i++) {
        put_qid(b, c->varnames[i]);
    }
    for (uint32_t i = 0; i < (uint32_t)c->ncellvars + c->nfreevars; i++) {
        put_qid(b, c->cellnames[i]);
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

static PX_NORETURN void unmarshallable(void) {
    px_raise_value_error("unmarshallable object");
}

static void put_value(px_strbuf *b, px_val v, int depth) {
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
            return;
        }
        int64_t i = px_int_to_i64(v);
        put_byte(b, 'i');
        put_uleb(b, ((uint64_t)i << 1) ^ (uint64_t)(i >> 63));
        return;
    }
    if (t == &px_type_float) {
        put_byte(b, 'f');
        put_double(b, px_float_of(v));
#if PX_HAS_COMPLEX
    } else if (t == &px_type_complex) {
        double re, im;
        px_complex_get(v, &re, &im);
        put_byte(b, 'j');
        put_double(b, re);
        put_double(b, im);
#endif
    } else if (t == &px_type_str) {
        size_t n;
        const char *s = px_str_data(v, &n);
        put_byte(b, 's');
        put_blob(b, s, n);
    } else if (t == &px_type_bytes) {
        size_t n;
        const uint8_t *s = px_bytes_data(v, &n);
        put_byte(b, 'b');
        put_blob(b, s, n);
    } else if (t == &px_type_tuple) {
        put_byte(b, 't');
        put_items(b, px_tuple_ptr(v)->len, px_tuple_ptr(v)->items, depth);
    } else if (t == &px_type_frozenset) {
        const px_map *m = &((px_set *)px_as_ptr(v))->map;
        put_byte(b, 'z');
        put_uleb(b, m->count);
        size_t pos = 0;
        for (px_map_entry *e = px_map_next(m, &pos); e != NULL; e = px_map_next(m, &pos)) {
            put_value(b, e->key, depth + 1);
        }
    } else if (t == &px_type_code) {
        put_byte(b, 'c');
        put_code(b, px_as_ptr(v), depth);
    } else {
        unmarshallable();
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

static px_val marshal_dumps(px_val value) {
    if (!px_is_type(value, &px_type_code)) {
        unmarshallable(); /* as MicroPython: code objects only at the top */
    }
    px_strbuf b;
    px_strbuf_init(&b, 256);
    px_strbuf_add(&b, "PXM", 3);
    put_byte(&b, VERSION);
    put_value(&b, value, 0);
    uint32_t h = checksum((const uint8_t *)b.data, b.len);
    for (int i = 0; i < 4; i++) {
        put_byte(&b, (uint8_t)(h >> (8 * i)));
    }
    return px_strbuf_to_bytes(&b);
}

/* ---- reading */

typedef struct {
    const uint8_t *p, *end;
} reader;

static PX_NORETURN void bad(const char *why) {
    px_raise_value_error("bad marshal data (%s)", why);
}

static uint8_t get_byte(reader *r) {
    if (r->p >= r->end) {
        bad("truncated");
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
    bad("varint too long");
}

static uint32_t get_u32(reader *r, uint32_t max) {
    uint64_t v = get_uleb(r);
    if (v > max) {
        bad("number out of range");
    }
    return (uint32_t)v;
}

static const uint8_t *get_blob(reader *r, size_t *n) {
    uint64_t len = get_uleb(r);
    if (len > (uint64_t)(r->end - r->p)) {
        bad("truncated");
    }
    const uint8_t *s = r->p;
    r->p += len;
    *n = (size_t)len;
    return s;
}

static const char *get_text(reader *r, size_t *n) {
    const char *s = (const char *)get_blob(r, n);
    if (!px_utf8_valid(s, *n)) {
        bad("invalid UTF-8");
    }
    return s;
}

static px_qid get_qid(reader *r) {
    size_t n;
    const char *s = get_text(r, &n);
    return px_qstr_intern(s, n);
}

static double get_double(reader *r) {
    if (r->end - r->p < 8) {
        bad("truncated");
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

static px_val get_value(reader *r, int depth);

/* A count of things each taking at least one byte: no more than remain. */
static size_t get_count(reader *r) {
    uint64_t n = get_uleb(r);
    if (n > (uint64_t)(r->end - r->p)) {
        bad("truncated");
    }
    return (size_t)n;
}

static px_val *get_items(reader *r, size_t n, int depth) {
    px_val *items = px_gc_alloc((n + 1) * sizeof(px_val), 0);
    for (size_t i = 0; i < n; i++) {
        items[i] = get_value(r, depth + 1);
    }
    return items;
}

static px_qid *get_qids(reader *r, size_t n) {
    if (n > (size_t)(r->end - r->p)) {
        bad("truncated");
    }
    px_qid *q = px_gc_alloc((n + 1) * sizeof(px_qid), PX_GC_LEAF);
    for (size_t i = 0; i < n; i++) {
        q[i] = get_qid(r);
    }
    return q;
}

static px_val get_code(reader *r, int depth) {
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
    const uint8_t *code = get_blob(r, &n);
    if (n > 0xFFFFFF) {
        bad("code too long");
    }
    uint8_t *copy = px_gc_alloc(n + 1, PX_GC_LEAF);
    memcpy(copy, code, n);
    c->code = copy;
    c->code_len = (uint32_t)n;
    c->nconsts = (uint32_t)get_count(r);
    c->consts = get_items(r, c->nconsts, depth);
    c->nnames = (uint32_t)get_count(r);
    c->names = get_qids(r, c->nnames);
    c->varnames = get_qids(r, c->nlocals);
    c->cellnames = get_qids(r, (size_t)c->ncellvars + c->nfreevars);
    const uint8_t *lt = get_blob(r, &n);
    uint8_t *ltcopy = px_gc_alloc(n + 1, PX_GC_LEAF);
    memcpy(ltcopy, lt, n);
    c->linetable = ltcopy;
    c->linetable_len = (uint32_t)n;
    size_t nexc = get_count(r);
    if (nexc > 0xFFFF) {
        bad("exception table too long");
    }
    px_exc_entry *tab = px_gc_alloc((nexc + 1) * sizeof(px_exc_entry), PX_GC_LEAF);
    for (size_t i = 0; i < nexc; i++) {
        tab[i].start = get_u32(r, 0xFFFFFF);
        tab[i].end = get_u32(r, 0xFFFFFF);
        tab[i].handler = get_u32(r, 0xFFFFFF);
        tab[i].depth = get_u32(r, 0xFFFF);
    }
    c->nexc = (uint16_t)nexc;
    c->exctable = tab;
    c->caches = NULL;
    const char *why = px_code_verify(c);
    if (why != NULL) {
        bad(why);
    }
    return px_from_ptr(c);
}

static px_val get_value(reader *r, int depth) {
    if (depth > MAX_DEPTH) {
        bad("nested too deeply");
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
            bad("bad int");
        }
        return px_int_parse(s, n, 10);
    }
    case 'f':
        return px_float(get_double(r));
    case 'j': {
#if PX_HAS_COMPLEX
        double re = get_double(r);
        return px_complex(re, get_double(r));
#else
        px_raise_value_error("marshal data holds a complex number, which this build does not support");
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
        return get_code(r, depth);
    default:
        bad("unknown type code");
    }
}

static px_val marshal_loads(px_val data) {
    if (px_is_str(data) || px_type_of(data)->buffer == NULL) {
        px_raise_type_error("a bytes-like object is required, not '%s'", px_type_name(data));
    }
    px_buffer buf;
    px_get_buffer(data, &buf, PX_BUF_READ);
    const uint8_t *p = buf.data;
    if (buf.len < 8 || memcmp(p, "PXM", 3) != 0) {
        bad("not marshal data");
    }
    if (p[3] != VERSION) {
        px_raise_value_error("incompatible marshal data: version %u, this build reads version %u", p[3], VERSION);
    }
    size_t body = buf.len - 4;
    uint32_t want = (uint32_t)p[body] | (uint32_t)p[body + 1] << 8 | (uint32_t)p[body + 2] << 16 |
                    (uint32_t)p[body + 3] << 24;
    if (checksum(p, body) != want) {
        bad("checksum mismatch: damaged");
    }
    reader r = {p + 4, p + body}; /* no Python code runs while reading: data stays as it is */
    px_val v = get_value(&r, 0);
    if (r.p != r.end) {
        bad("extra data after the value");
    }
    return v;
}

static PX_FUN1(marshal_dumps_obj, dumps, marshal_dumps);
static PX_FUN1(marshal_loads_obj, loads, marshal_loads);

static const px_map_entry marshal_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(marshal))),
    PX_ENTRY_OBJ(dumps, &marshal_dumps_obj),
    PX_ENTRY_OBJ(loads, &marshal_loads_obj),
};
static PX_CONST_MAP(marshal_globals, marshal_table);
PX_MODULE_DEF(marshal, marshal_globals, 0, NULL);
