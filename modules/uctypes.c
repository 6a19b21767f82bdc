/* The uctypes module: C structures laid over memory, described by
 * MicroPython's descriptor dictionaries.
 *
 * Encodings (MicroPython's numbers, so descriptors carry over): a field
 * value is a 32-bit pattern (Python ints, negative ones taken modulo
 * 2**32).
 *  - scalar: bits 0-16 offset, 17-21 bit position, 22-26 bit length,
 *    27-30 type (UINT8 0, INT8 1, UINT16 2, INT16 3, UINT32 4, INT32 5,
 *    UINT64 6, INT64 7, BFUINT8 8 .. BFINT32 13, FLOAT32 14, FLOAT64 15);
 *  - aggregate: a tuple whose first item has the kind in bits 29-30
 *    (STRUCT 0, PTR 1, ARRAY 2; bit 31 set with ARRAY) and the offset
 *    below; (offset, {desc}) is a
 *    structure, (offset|ARRAY, n|TYPE) and (offset|ARRAY, n, {desc})
 *    arrays, (offset|PTR, TYPE) and (offset|PTR, {desc}) pointers.
 * Layouts: LITTLE_ENDIAN 0 and BIG_ENDIAN 1 are packed; NATIVE 2 is the
 * machine's byte order, and sizeof() rounds up to the largest field.
 * Signed bitfields (BFINT*) are sign-extended, as C reads them.
 *
 * A struct object is an address, a descriptor (a dict, or the tuple of an
 * array or pointer field) and a layout. uctypes reaches any address it is
 * given: a wrong one crashes the program, as the documentation warns. */
#include <string.h>

#include "runtime.h"

enum { UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64,
       BFUINT8, BFINT8, BFUINT16, BFINT16, BFUINT32, BFINT32, FLOAT32, FLOAT64 };
enum { AGG_STRUCT, AGG_PTR, AGG_ARRAY };
enum { LAYOUT_LE, LAYOUT_BE, LAYOUT_NATIVE };

#define OFFSET_MASK 0x1FFFFu   /* scalar offsets: 17 bits */
#define AGG_OFFSET_MASK 0x1FFFFFFFu
#define BF_POS_SHIFT 17
#define BF_LEN_SHIFT 22
#define TYPE_SHIFT 27
#define AGG_SHIFT 29
#define COUNT_MASK 0x7FFFFFFu  /* an array's element count beside its type */

typedef struct {
    px_obj base;
    px_val desc;    /* dict, or an array/pointer field's tuple */
    uint8_t *addr;
    uint8_t layout;
} ustruct;

extern const px_type px_type_ustruct;

/* ---- descriptors */

static uint32_t bits32(px_val v) {
    if (!px_is_int(v)) {
        px_raise_type_error("uctypes: descriptor values are ints or tuples, not '%s'", px_type_name(v));
    }
    px_val low = px_binary(PX_BINOP_AND, v, px_int_from_u64(0xFFFFFFFFu));
    return (uint32_t)px_int_to_i64(low);
}

static unsigned scalar_type(uint32_t v) {
    return (v >> TYPE_SHIFT) & 0xF;
}

static size_t scalar_size(unsigned t) {
    static const uint8_t sizes[16] = {1, 1, 2, 2, 4, 4, 8, 8, 1, 1, 2, 2, 4, 4, 4, 8};
    return sizes[t];
}

static PX_NORETURN void bad_desc(void) {
    px_raise_type_error("uctypes: bad structure descriptor");
}

#if !PX_HAS_FLOAT
/* A descriptor may still name a float field by its number: its size is
 * known, its value cannot be made. */
static PX_NORETURN void no_float_field(void) {
    px_raise_type_error("uctypes: FLOAT32 and FLOAT64 fields: " PX_NO_FLOAT);
}
#endif

static px_tuple *agg_tuple(px_val v) {
    if (!px_is_type(v, &px_type_tuple) || px_tuple_ptr(v)->len < 2 || px_tuple_ptr(v)->len > 3) {
        bad_desc();
    }
    return px_tuple_ptr(v);
}

static unsigned agg_kind(const px_tuple *t) {
    return (bits32(t->items[0]) >> AGG_SHIFT) & 3;
}

static size_t agg_offset(const px_tuple *t) {
    return bits32(t->items[0]) & AGG_OFFSET_MASK;
}

static size_t struct_size(px_val desc, int layout, size_t *max_align);

/* Bytes an aggregate field takes (its array's, not the pointed-to data). */
static size_t agg_size(const px_tuple *t, int layout, size_t *max_align) {
    size_t n;
    switch (agg_kind(t)) {
    case AGG_STRUCT:
        return struct_size(t->items[1], layout, max_align);
    case AGG_PTR:
        *max_align = sizeof(void *) > *max_align ? sizeof(void *) : *max_align;
        return sizeof(void *);
    case AGG_ARRAY:
        if (t->len == 2) {
            uint32_t v = bits32(t->items[1]);
            size_t item = scalar_size(scalar_type(v));
            *max_align = item > *max_align ? item : *max_align;
            return item * (v & COUNT_MASK);
        }
        n = (size_t)px_index(t->items[1]);
        return n * struct_size(t->items[2], layout, max_align);
    default:
        bad_desc();
    }
}

static size_t struct_size(px_val desc, int layout, size_t *max_align) {
    px_check_stack(" in uctypes.sizeof");
    if (px_is_type(desc, &px_type_tuple)) {
        return agg_size(agg_tuple(desc), layout, max_align);
    }
    if (px_is_int(desc)) {
        px_raise_type_error("can't unambiguously get sizeof scalar");
    }
    if (!px_is_dict(desc)) {
        bad_desc();
    }
    size_t total = 0;
    px_val it = px_iter(px_call_method(desc, PX_Q(values), 0, NULL));
    for (px_val v = px_next(it); v != PX_NULL; v = px_next(it)) {
        size_t end;
        if (px_is_int(v)) {
            uint32_t bits = bits32(v);
            size_t s = scalar_size(scalar_type(bits));
            *max_align = s > *max_align ? s : *max_align;
            end = (bits & OFFSET_MASK) + s;
        } else {
            px_tuple *t = agg_tuple(v);
            end = agg_offset(t) + agg_size(t, layout, max_align);
        }
        total = end > total ? end : total;
    }
    if (layout == LAYOUT_NATIVE && *max_align > 1) {
        total = (total + *max_align - 1) / *max_align * *max_align;
    }
    return total;
}

static size_t size_of(px_val desc, int layout) {
    size_t align = 1;
    return struct_size(desc, layout, &align);
}

/* ---- memory access */

static bool big_endian_host(void) {
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 0;
}

static uint64_t load_bits(const uint8_t *p, size_t n, int layout) {
    uint64_t v = 0;
    bool big = layout == LAYOUT_BE || (layout == LAYOUT_NATIVE && big_endian_host());
    for (size_t i = 0; i < n; i++) {
        v |= (uint64_t)p[big ? n - 1 - i : i] << (8 * i);
    }
    return v;
}

static void store_bits(uint8_t *p, size_t n, int layout, uint64_t v) {
    bool big = layout == LAYOUT_BE || (layout == LAYOUT_NATIVE && big_endian_host());
    for (size_t i = 0; i < n; i++) {
        p[big ? n - 1 - i : i] = (uint8_t)(v >> (8 * i));
    }
}

static int64_t sign_extend(uint64_t v, unsigned bits) {
    if (bits < 64 && (v >> (bits - 1)) & 1) {
        v |= ~(uint64_t)0 << bits;
    }
    return (int64_t)v;
}

static px_val load_scalar(const uint8_t *p, unsigned type, int layout) {
    size_t n = scalar_size(type);
    uint64_t v = load_bits(p, n, layout);
#if PX_HAS_FLOAT
    if (type == FLOAT32) {
        uint32_t u = (uint32_t)v;
        float f;
        memcpy(&f, &u, 4);
        return px_float(f);
    }
    if (type == FLOAT64) {
        double d;
        memcpy(&d, &v, 8);
        return px_float(d);
    }
#else
    if (type == FLOAT32 || type == FLOAT64) {
        no_float_field();
    }
#endif
    if (type & 1) {
        return px_int_from_i64(sign_extend(v, (unsigned)n * 8));
    }
    return px_int_from_u64(v);
}

/* The low 64 bits of an int, as C's conversion to an unsigned type. */
static uint64_t low64(px_val v) {
    if (!px_is_int(v)) {
        px_raise_type_error("can't convert %s to int", px_type_name(v));
    }
    if (px_is_small(v)) {
        return (uint64_t)px_small_get(v);
    }
    px_val lo = px_binary(PX_BINOP_AND, v, px_int_from_u64(UINT64_MAX));
    px_val hi = px_binary(PX_BINOP_RSHIFT, lo, px_small(32));
    uint64_t h = (uint64_t)px_int_to_i64(hi);
    uint64_t l = (uint64_t)px_int_to_i64(px_binary(PX_BINOP_AND, lo, px_int_from_u64(0xFFFFFFFFu)));
    return h << 32 | l;
}

static void store_scalar(uint8_t *p, unsigned type, int layout, px_val value) {
    size_t n = scalar_size(type);
    uint64_t v;
#if PX_HAS_FLOAT
    if (type == FLOAT32) {
        float f = (float)px_float_of(value);
        uint32_t u;
        memcpy(&u, &f, 4);
        v = u;
    } else if (type == FLOAT64) {
        double d = px_float_of(value);
        memcpy(&v, &d, 8);
    } else {
        v = low64(value);
    }
#else
    if (type == FLOAT32 || type == FLOAT64) {
        no_float_field();
    }
    v = low64(value);
#endif
    store_bits(p, n, layout, v);
}

/* A scalar field's value (a bitfield's bits). */
static px_val get_field(const ustruct *s, uint32_t bits) {
    unsigned type = scalar_type(bits);
    uint8_t *p = s->addr + (bits & OFFSET_MASK);
    if (type < BFUINT8 || type > BFINT32) {
        return load_scalar(p, type, s->layout);
    }
    unsigned pos = (bits >> BF_POS_SHIFT) & 31, len = (bits >> BF_LEN_SHIFT) & 31;
    uint64_t word = load_bits(p, scalar_size(type), s->layout);
    uint64_t v = (word >> pos) & ((len ? (uint64_t)1 << len : 1) - 1);
    return (type & 1) && len > 0 ? px_int_from_i64(sign_extend(v, len)) : px_int_from_u64(v);
}

static void set_field(const ustruct *s, uint32_t bits, px_val value) {
    unsigned type = scalar_type(bits);
    uint8_t *p = s->addr + (bits & OFFSET_MASK);
    if (type < BFUINT8 || type > BFINT32) {
        store_scalar(p, type, s->layout, value);
        return;
    }
    unsigned pos = (bits >> BF_POS_SHIFT) & 31, len = (bits >> BF_LEN_SHIFT) & 31;
    size_t n = scalar_size(type);
    uint64_t mask = (((uint64_t)1 << len) - 1) << pos;
    uint64_t word = load_bits(p, n, s->layout);
    word = (word & ~mask) | ((low64(value) << pos) & mask);
    store_bits(p, n, s->layout, word);
}

/* ---- struct objects */

static px_val new_struct(void *addr, px_val desc, int layout) {
    ustruct *s = px_gc_alloc(sizeof *s, 0);
    s->base.type = &px_type_ustruct;
    s->desc = desc;
    s->addr = addr;
    s->layout = (uint8_t)layout;
    return px_from_ptr(s);
}

static void *addr_arg(px_val v) {
    uint64_t a = low64(v);
    if (px_is_int(v) && px_less(v, px_small(0))) {
        px_raise_value_error("address must not be negative");
    }
    if (sizeof(void *) < 8 && a > UINTPTR_MAX) {
        px_raise_overflow("address out of range");
    }
    return (void *)(uintptr_t)a;
}

static px_val struct_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(struct), argc, kwnames, 2, 3);
    int layout = LAYOUT_NATIVE;
    if (argc > 2) {
        px_int l = px_index(argv[2]);
        if (l < 0 || l > 2) {
            px_raise_value_error("uctypes: bad layout type %ld", (long)l);
        }
        layout = (int)l;
    }
    if (!px_is_dict(argv[1]) && !px_is_type(argv[1], &px_type_tuple)) {
        bad_desc();
    }
    return new_struct(addr_arg(argv[0]), argv[1], layout);
}

static ustruct *ustruct_of(px_val v) {
    return px_as_ptr(v);
}

/* The value of an aggregate field: a struct object over it. */
static px_val get_aggregate(const ustruct *s, const px_tuple *t) {
    uint8_t *p = s->addr + agg_offset(t);
    if (agg_kind(t) == AGG_STRUCT) {
        if (!px_is_dict(t->items[1])) {
            bad_desc();
        }
        return new_struct(p, t->items[1], s->layout);
    }
    return new_struct(p, px_from_ptr((void *)t), s->layout);
}

static px_val ustruct_getattr(px_val self, px_qid name) {
    const ustruct *s = ustruct_of(self);
    if (!px_is_dict(s->desc)) {
        return PX_NULL;
    }
    px_val v = px_dict_get(s->desc, px_qstr(name));
    if (v == PX_NULL) {
        return PX_NULL;
    }
    if (px_is_int(v)) {
        return get_field(s, bits32(v));
    }
    return get_aggregate(s, agg_tuple(v));
}

static bool ustruct_setattr(px_val self, px_qid name, px_val value) {
    const ustruct *s = ustruct_of(self);
    px_val v = px_is_dict(s->desc) ? px_dict_get(s->desc, px_qstr(name)) : PX_NULL;
    if (v == PX_NULL) {
        return false;
    }
    if (value == PX_DELETE || !px_is_int(v)) {
        px_raise_type_error("uctypes: only scalar fields can be assigned");
    }
    set_field(s, bits32(v), value);
    return true;
}

/* Element i of an array or pointer field: (address, scalar type or -1,
 * element descriptor). */
static uint8_t *element(const ustruct *s, px_val index, int *scalar, px_val *edesc) {
    if (!px_is_type(s->desc, &px_type_tuple)) {
        px_raise_type_error("struct: cannot index");
    }
    px_tuple *t = px_tuple_ptr(s->desc);
    unsigned kind = agg_kind(t);
    px_int i = px_index(index);
    size_t size;
    *scalar = -1;
    *edesc = PX_NULL;
    if (t->len == 2 && px_is_int(t->items[1])) {
        uint32_t v = bits32(t->items[1]);
        *scalar = (int)scalar_type(v);
        size = scalar_size((unsigned)*scalar);
        if (kind == AGG_ARRAY && (i < 0 || (size_t)i >= (v & COUNT_MASK))) {
            px_raise_index_error("struct: index out of range");
        }
    } else {
        *edesc = t->items[t->len - 1];
        size = size_of(*edesc, s->layout);
        if (kind == AGG_ARRAY && (i < 0 || i >= px_index(t->items[1]))) {
            px_raise_index_error("struct: index out of range");
        }
    }
    uint8_t *base = s->addr;
    if (kind == AGG_PTR) {
        base = (uint8_t *)(uintptr_t)load_bits(s->addr, sizeof(void *), s->layout);
    } else if (kind != AGG_ARRAY) {
        px_raise_type_error("struct: cannot index");
    }
    return base + i * (px_int)size;
}

static px_val ustruct_subscr(px_val self, px_val index, px_val value) {
    const ustruct *s = ustruct_of(self);
    int scalar;
    px_val edesc;
    uint8_t *p = element(s, index, &scalar, &edesc);
    if (value == PX_NULL) {
        return scalar >= 0 ? load_scalar(p, (unsigned)scalar, s->layout) : new_struct(p, edesc, s->layout);
    }
    if (value == PX_DELETE || scalar < 0) {
        px_raise_type_error("uctypes: only scalar elements can be assigned");
    }
    if (scalar >= BFUINT8 && scalar <= BFINT32) {
        px_raise_type_error("uctypes: arrays of bitfields are not supported");
    }
    store_scalar(p, (unsigned)scalar, s->layout, value);
    return PX_NONE;
}

/* The structure's bytes, where it lies. */
static bool ustruct_buffer(px_val self, px_buffer *buf, unsigned flags) {
    const ustruct *s = ustruct_of(self);
    buf->data = s->addr;
    buf->len = size_of(s->desc, s->layout);
    buf->typecode = 'B';
    buf->readonly = false;
    return true;
}

static px_val ustruct_binop(px_binop op, px_val lhs, px_val rhs) {
    /* equal to bytes-like data with the same contents (arrays of bytes
     * compare with bytes, as in the ELF example of the documentation) */
    if ((op != PX_BINOP_EQ && op != PX_BINOP_NE) || !px_is_type(lhs, &px_type_ustruct) || px_is_str(rhs) ||
        px_type_of(rhs)->buffer == NULL) {
        return PX_NOTIMPL;
    }
    px_buffer a, b;
    px_get_buffer(lhs, &a, PX_BUF_READ);
    px_get_buffer(rhs, &b, PX_BUF_READ);
    bool eq = a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
    return px_bool(op == PX_BINOP_EQ ? eq : !eq);
}

static void ustruct_print(px_out *out, px_val self, px_print_kind kind) {
    const ustruct *s = ustruct_of(self);
    const char *what = "STRUCT";
    if (px_is_type(s->desc, &px_type_tuple)) {
        unsigned k = px_tuple_ptr(s->desc)->len >= 2 ? agg_kind(px_tuple_ptr(s->desc)) : 3;
        what = k == AGG_PTR ? "PTR" : k == AGG_ARRAY ? "ARRAY" : "ERROR";
    }
    px_printf(out, "<struct %s 0x%lx>", what, (unsigned long)(uintptr_t)s->addr);
}

const px_type px_type_ustruct = {
    .base = {&px_type_type},
    .name = PX_Q(struct),
    .base_type = &px_type_object,
    .make = struct_make,
    .print = ustruct_print,
    .getattr = ustruct_getattr,
    .setattr = ustruct_setattr,
    .subscr = ustruct_subscr,
    .binop = ustruct_binop,
    .buffer = ustruct_buffer,
};

/* ---- functions */

static px_val uc_sizeof(size_t argc, const px_val *argv) {
    px_val desc = argv[0];
    int layout = LAYOUT_NATIVE;
    if (px_is_type(desc, &px_type_ustruct)) {
        layout = ustruct_of(desc)->layout;
        desc = ustruct_of(desc)->desc;
    } else if (argc > 1) {
        px_int l = px_index(argv[1]);
        if (l < 0 || l > 2) {
            px_raise_value_error("uctypes: bad layout type %ld", (long)l);
        }
        layout = (int)l;
    }
    return px_int_from_u64(size_of(desc, layout));
}

static px_val uc_addressof(px_val obj) {
    if (px_is_str(obj) || px_type_of(obj)->buffer == NULL) {
        px_raise_type_error("object with buffer protocol required");
    }
    px_buffer b;
    px_get_buffer(obj, &b, PX_BUF_READ);
    return px_int_from_u64((uintptr_t)b.data);
}

static size_t size_arg(px_val v) {
    px_int n = px_index(v);
    if (n < 0) {
        px_raise_value_error("negative size");
    }
    return (size_t)n;
}

static px_val uc_bytes_at(px_val addr, px_val size) {
    size_t n = size_arg(size);
    return px_bytes(n ? addr_arg(addr) : "", n);
}

static px_val uc_bytearray_at(px_val addr, px_val size) {
    size_t n = size_arg(size);
    void *p = addr_arg(addr);
    if (p == NULL) {
        px_raise_value_error("bytearray_at: NULL address");
    }
    return px_bytearray_at(p, n);
}

static PX_FUNV(uc_sizeof_obj, sizeof, 1, 2, uc_sizeof);
static PX_FUN1(uc_addressof_obj, addressof, uc_addressof);
static PX_FUN2(uc_bytes_at_obj, bytes_at, uc_bytes_at);
static PX_FUN2(uc_bytearray_at_obj, bytearray_at, uc_bytearray_at);

/* The constants as Python ints: the 32-bit patterns above, read as signed
 * 32-bit numbers (so ARRAY and the BF and FLOAT types are negative). */
#define SIGNED32(u) ((int32_t)((u) & 0x80000000u ? (int64_t)(u)-0x100000000 : (int64_t)(u)))
#define TYPE_CONST(t) PX_SMALL_CONST(SIGNED32((uint32_t)(t) << TYPE_SHIFT | ((t) >= 8 ? 0x80000000u : 0)))
#define AGG_CONST(k) PX_SMALL_CONST(SIGNED32((uint32_t)(k) << AGG_SHIFT | ((k) >= 2 ? 0x80000000u : 0)))

/* Sorted by name bytes. */
static const px_map_entry uctypes_table[] = {
    PX_ENTRY(ARRAY, AGG_CONST(AGG_ARRAY)),
    PX_ENTRY(BFINT16, TYPE_CONST(BFINT16)),
    PX_ENTRY(BFINT32, TYPE_CONST(BFINT32)),
    PX_ENTRY(BFINT8, TYPE_CONST(BFINT8)),
    PX_ENTRY(BFUINT16, TYPE_CONST(BFUINT16)),
    PX_ENTRY(BFUINT32, TYPE_CONST(BFUINT32)),
    PX_ENTRY(BFUINT8, TYPE_CONST(BFUINT8)),
    PX_ENTRY(BF_LEN, PX_SMALL_CONST(BF_LEN_SHIFT)),
    PX_ENTRY(BF_POS, PX_SMALL_CONST(BF_POS_SHIFT)),
    PX_ENTRY(BIG_ENDIAN, PX_SMALL_CONST(LAYOUT_BE)),
#if PX_HAS_FLOAT
    PX_ENTRY(FLOAT32, TYPE_CONST(FLOAT32)),
    PX_ENTRY(FLOAT64, TYPE_CONST(FLOAT64)),
#endif
    PX_ENTRY(INT16, TYPE_CONST(INT16)),
    PX_ENTRY(INT32, TYPE_CONST(INT32)),
    PX_ENTRY(INT64, TYPE_CONST(INT64)),
    PX_ENTRY(INT8, TYPE_CONST(INT8)),
    PX_ENTRY(LITTLE_ENDIAN, PX_SMALL_CONST(LAYOUT_LE)),
    PX_ENTRY(NATIVE, PX_SMALL_CONST(LAYOUT_NATIVE)),
    PX_ENTRY(PTR, AGG_CONST(AGG_PTR)),
    PX_ENTRY(UINT16, TYPE_CONST(UINT16)),
    PX_ENTRY(UINT32, TYPE_CONST(UINT32)),
    PX_ENTRY(UINT64, TYPE_CONST(UINT64)),
    PX_ENTRY(UINT8, TYPE_CONST(UINT8)),
    PX_ENTRY(VOID, TYPE_CONST(UINT8)),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(uctypes))),
    PX_ENTRY_OBJ(addressof, &uc_addressof_obj),
    PX_ENTRY_OBJ(bytearray_at, &uc_bytearray_at_obj),
    PX_ENTRY_OBJ(bytes_at, &uc_bytes_at_obj),
    PX_ENTRY_OBJ(sizeof, &uc_sizeof_obj),
    PX_ENTRY_OBJ(struct, &px_type_ustruct),
};
static PX_CONST_MAP(uctypes_globals, uctypes_table);
PX_MODULE_DEF(uctypes, uctypes_globals, 0, NULL);
