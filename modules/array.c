/* The array module: array.array, packed arrays of C numbers with the
 * buffer protocol (item format = typecode). This file holds storage,
 * item conversion and the type's slots; the methods and subscripts are
 * in array_methods.c. */
#include <limits.h>
#include <string.h>

#include "array.h"

/* ---- storage */

/* The typecodes array has (memoryview knows a few more formats); 'f'
 * and 'd' only in a build with floats. */
#if PX_HAS_FLOAT
#define TYPECODES "bBhHiIlLqQfd"
#define TYPECODES_TEXT "b, B, h, H, i, I, l, L, q, Q, f or d"
#else
#define TYPECODES "bBhHiIlLqQ"
#define TYPECODES_TEXT "b, B, h, H, i, I, l, L, q or Q; this build has no floats"
#endif
static bool typecode_ok(char tc) {
    return tc != 0 && strchr(TYPECODES, tc) != NULL;
}

px_array *px_array_new(char typecode, size_t len) {
    px_array *a = px_gc_alloc(sizeof *a, 0);
    a->base.type = &px_type_array;
    a->typecode = typecode;
    a->itemsize = (uint8_t)px_buffer_item_size(typecode);
    a->alloc = len < 4 ? 4 : len;
    a->data = px_gc_alloc(a->alloc * a->itemsize, PX_GC_LEAF);
    a->len = len;
    return a;
}

px_array *px_array_of(px_val self) {
    if (!px_is_type(self, &px_type_array)) {
        px_raise_type_error("descriptor requires an 'array.array' object but received a '%s'",
                            px_type_name(self));
    }
    return px_as_ptr(self);
}

uint8_t *px_array_reserve(px_array *a, size_t n) {
    if (n > (SIZE_MAX / a->itemsize) - a->len) {
        px_raise_memory_error();
    }
    if (a->len + n > a->alloc) {
        size_t want = a->alloc + a->alloc / 2;
        if (want < a->len + n) {
            want = a->len + n;
        }
        a->data = px_gc_realloc(a->data, want * a->itemsize, PX_GC_LEAF);
        a->alloc = want;
    }
    return a->data + a->len * a->itemsize;
}

/* ---- item conversion, with CPython's messages (they name the C type
 * each of its staged range checks goes through). */

/* v < lo and v > hi for any int v; small ints compare in C (the common case). */
static bool below(px_val v, long long lo) {
    return px_is_small(v) ? px_small_get(v) < lo : px_less(v, px_int_from_i64(lo));
}
static bool above(px_val v, unsigned long long hi) {
    if (px_is_small(v)) {
        return px_small_get(v) > 0 && (unsigned long long)px_small_get(v) > hi;
    }
    return px_less(px_int_from_u64(hi), v);
}

static void check_range(px_val v, long long lo, long long hi, const char *what) {
    if (below(v, lo)) {
        px_raise_msg(&px_type_OverflowError, "%s is less than minimum", what);
    }
    if (above(v, (unsigned long long)hi)) {
        px_raise_msg(&px_type_OverflowError, "%s is greater than maximum", what);
    }
}

/* The first stage goes through a C long; the narrow typecodes use the
 * 64-bit range on every target so their messages match CPython on 64-bit
 * Linux, the reference the tests compare with. */
static long long as_long(px_val v, long long lo, long long hi) {
    if (below(v, lo) || above(v, (unsigned long long)hi)) {
        px_raise_overflow("Python int too large to convert to C long");
    }
    return px_int_to_i64(v);
}

/* wide: the 64-bit conversion ('Q'), whose messages differ from unsigned long's. */
static unsigned long long as_ulong(px_val v, unsigned long long hi, bool wide) {
    if (below(v, 0)) {
        px_raise_overflow(wide ? "can't convert negative int to unsigned"
                               : "can't convert negative value to unsigned int");
    }
    if (above(v, hi)) {
        px_raise_overflow(wide ? "int too big to convert" : "Python int too large to convert to C unsigned long");
    }
    if (above(v, INT64_MAX)) { /* [2**63, 2**64): the same bits as v - 2**64 */
        v = px_binary(PX_BINOP_SUB, v, px_binary(PX_BINOP_LSHIFT, px_small(1), px_small(64)));
    }
    return (unsigned long long)px_int_to_i64(v);
}

/* The integer value of v for typecode tc, range-checked. */
static unsigned long long int_item(char tc, px_val v) {
    if (!px_is_int(v)) {
        px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
    }
    switch (tc) {
    case 'b':
        as_long(v, INT64_MIN, INT64_MAX);
        check_range(v, SHRT_MIN, SHRT_MAX, "signed short integer");
        check_range(v, SCHAR_MIN, SCHAR_MAX, "signed char");
        break;
    case 'B':
        as_long(v, INT64_MIN, INT64_MAX);
        check_range(v, 0, UCHAR_MAX, "unsigned byte integer");
        break;
    case 'h':
        as_long(v, INT64_MIN, INT64_MAX);
        check_range(v, SHRT_MIN, SHRT_MAX, "signed short integer");
        break;
    case 'H':
        as_long(v, INT64_MIN, INT64_MAX);
        check_range(v, INT_MIN, INT_MAX, "signed integer");
        check_range(v, 0, USHRT_MAX, "unsigned short");
        break;
    case 'i':
        as_long(v, INT64_MIN, INT64_MAX);
        check_range(v, INT_MIN, INT_MAX, "signed integer");
        break;
    case 'I':
        if (as_ulong(v, UINT64_MAX, false) > UINT_MAX) {
            px_raise_overflow("unsigned int is greater than maximum");
        }
        break;
    case 'l':
        break;
    case 'L':
        return as_ulong(v, ULONG_MAX, false);
    case 'q':
        if (below(v, LLONG_MIN) || above(v, LLONG_MAX)) {
            px_raise_overflow("int too big to convert");
        }
        break;
    default: /* 'Q' */
        return as_ulong(v, UINT64_MAX, true);
    }
    return (unsigned long long)(tc == 'l' ? as_long(v, LONG_MIN, LONG_MAX) : px_int_to_i64(v));
}

void px_array_pack(const px_array *a, uint8_t *p, px_val v) {
    char tc = a->typecode;
#if PX_HAS_FLOAT
    if (tc == 'f' || tc == 'd') {
        if (!px_is_int(v) && !px_is_float(v)) {
            px_raise_type_error("must be real number, not %s", px_type_name(v));
        }
        double d = px_float_of(v);
        if (tc == 'f') {
            float f = (float)d;
            memcpy(p, &f, sizeof f);
        } else {
            memcpy(p, &d, sizeof d);
        }
        return;
    }
#endif
    unsigned long long u = int_item(tc, v);
    /* Store through the C type of the typecode: native size and order. */
    switch (tc) {
    case 'b': { signed char x = (signed char)(long long)u; memcpy(p, &x, sizeof x); break; }
    case 'B': { unsigned char x = (unsigned char)u; memcpy(p, &x, sizeof x); break; }
    case 'h': { short x = (short)(long long)u; memcpy(p, &x, sizeof x); break; }
    case 'H': { unsigned short x = (unsigned short)u; memcpy(p, &x, sizeof x); break; }
    case 'i': { int x = (int)(long long)u; memcpy(p, &x, sizeof x); break; }
    case 'I': { unsigned x = (unsigned)u; memcpy(p, &x, sizeof x); break; }
    case 'l': { long x = (long)(long long)u; memcpy(p, &x, sizeof x); break; }
    case 'L': { unsigned long x = (unsigned long)u; memcpy(p, &x, sizeof x); break; }
    case 'q': { long long x = (long long)u; memcpy(p, &x, sizeof x); break; }
    default: memcpy(p, &u, sizeof u); break;
    }
}

px_val px_array_unpack(const px_array *a, const uint8_t *p) {
    return px_buffer_unpack_item(p, a->typecode);
}

void px_array_append(px_array *a, px_val v) {
    uint8_t *p = px_array_reserve(a, 1);
    px_array_pack(a, p, v); /* may raise: len grows only after */
    a->len++;
}

void px_array_extend(px_array *a, px_val iterable) {
    if (px_is_type(iterable, &px_type_array)) {
        px_array *b = px_as_ptr(iterable);
        if (b->typecode != a->typecode) {
            px_raise_type_error("can only extend with array of same kind");
        }
        size_t n = b->len; /* b may be a */
        uint8_t *p = px_array_reserve(a, n);
        memmove(p, b->data, n * a->itemsize);
        a->len += n;
        return;
    }
    px_val it = px_iter(iterable);
    for (px_val v; (v = px_next(it)) != PX_NULL;) {
        px_array_append(a, v);
    }
}

void px_array_frombytes(px_array *a, px_val obj) {
    px_buffer buf;
    px_get_buffer(obj, &buf, PX_BUF_READ);
    if (buf.typecode != 'B' && buf.typecode != 'b' && buf.typecode != 'c') {
        px_raise_type_error("a bytes-like object is required"); /* as CPython: items of one byte */
    }
    if (buf.len % a->itemsize) {
        px_raise_value_error("bytes length not a multiple of item size");
    }
    size_t n = buf.len / a->itemsize;
    const void *src = buf.data;
    if (n > a->alloc - a->len) { /* growing moves a->data, which buf may view */
        void *copy = px_gc_alloc(buf.len, PX_GC_LEAF);
        memcpy(copy, buf.data, buf.len);
        src = copy;
    }
    memmove(px_array_reserve(a, n), src, buf.len);
    a->len += n;
}

px_int px_array_find(const px_array *a, px_val v, size_t start, size_t stop) {
    for (size_t i = start; i < stop && i < a->len; i++) {
        if (px_equal(px_array_unpack(a, a->data + i * a->itemsize), v)) {
            return (px_int)i;
        }
    }
    return -1;
}

/* ---- slots */

static px_val array_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    (void)type;
    if (kwnames != PX_NULL && px_len(kwnames) != 0) {
        px_raise_type_error("array.array() takes no keyword arguments");
    }
    if (argc < 1 || argc > 2) {
        px_raise_type_error(argc ? "array() takes at most 2 arguments (%u given)"
                                 : "array() takes at least 1 argument (%u given)",
                            (unsigned)argc);
    }
    if (!px_is_str(argv[0])) {
        px_raise_type_error("array() argument 1 must be a unicode character, not %s", px_type_name(argv[0]));
    }
    size_t n;
    const char *s = px_str_data(argv[0], &n);
    if (px_str_charlen(argv[0]) != 1) {
        px_raise_type_error("array() argument 1 must be a unicode character, not a string of length %u",
                            (unsigned)px_str_charlen(argv[0]));
    }
    if (n != 1 || !typecode_ok(s[0])) {
        px_raise_value_error("bad typecode (must be " TYPECODES_TEXT ")");
    }
    px_array *a = px_array_new(s[0], 0);
    if (argc == 2) {
        px_val init = argv[1];
        if (px_is_str(init)) {
            px_raise_type_error("cannot use a str to initialize an array with typecode '%c'", s[0]);
        }
        if (px_isinstance(init, &px_type_bytes) || px_isinstance(init, &px_type_bytearray)) {
            px_array_frombytes(a, init);
        } else if (px_is_type(init, &px_type_array)) {
            px_array *b = px_as_ptr(init);
            for (size_t i = 0; i < b->len; i++) {
                px_array_append(a, px_array_unpack(b, b->data + i * b->itemsize));
            }
        } else {
            px_array_extend(a, init);
        }
    }
    return px_from_ptr(a);
}

static void array_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    px_array *a = px_as_ptr(self);
    px_printf(out, "array('%c'", a->typecode);
    if (a->len) {
        px_write(out, ", [", 3);
        for (size_t i = 0; i < a->len; i++) {
            if (i) {
                px_write(out, ", ", 2);
            }
            px_print(out, px_array_unpack(a, a->data + i * a->itemsize), PX_PRINT_REPR);
        }
        px_write(out, "]", 1);
    }
    px_write(out, ")", 1);
}

static px_val array_unop(px_unop op, px_val self) {
    px_array *a = px_as_ptr(self);
    switch (op) {
    case PX_UNOP_BOOL:
        return px_bool(a->len != 0);
    case PX_UNOP_LEN:
        return px_small((px_int)a->len);
    default:
        return PX_NOTIMPL;
    }
}

static px_array *concat(px_array *a, px_array *b) {
    if (a->typecode != b->typecode) {
        px_raise_type_error("bad argument type for built-in operation");
    }
    px_array *r = px_array_new(a->typecode, a->len + b->len);
    memcpy(r->data, a->data, a->len * a->itemsize);
    memcpy(r->data + a->len * a->itemsize, b->data, b->len * b->itemsize);
    return r;
}

/* a * n into dst (which may be a: in-place repeat). */
static px_val repeat(px_array *dst, px_array *a, px_val times) {
    if (!px_cont_is_index(times)) {
        px_raise_type_error("can't multiply sequence by non-int of type '%s'", px_type_name(times));
    }
    px_int n = px_cont_index(times); /* CPython's "cannot fit 'int'" when huge */
    size_t len = a->len, size = len * a->itemsize;
    if (n <= 0 || len == 0) {
        dst->len = 0;
        return px_from_ptr(dst);
    }
    if ((size_t)n > SIZE_MAX / size / 2) {
        px_raise_memory_error();
    }
    px_array_reserve(dst, len * (size_t)n - dst->len); /* may raise: dst intact */
    if (dst != a) {
        memcpy(dst->data, a->data, size);
    }
    for (px_int i = 1; i < n; i++) {
        memcpy(dst->data + (size_t)i * size, dst->data, size);
    }
    dst->len = len * (size_t)n;
    return px_from_ptr(dst);
}

/* CPython's order: the first differing item decides, then the lengths. */
static px_val compare(px_binop op, px_array *a, px_array *b) {
    if (a->len != b->len && (op == PX_BINOP_EQ || op == PX_BINOP_NE)) {
        return px_bool(op == PX_BINOP_NE);
    }
    size_t i = 0;
    px_val x = PX_NULL, y = PX_NULL;
    for (; i < a->len && i < b->len; i++) {
        x = px_array_unpack(a, a->data + i * a->itemsize);
        y = px_array_unpack(b, b->data + i * b->itemsize);
        if (!px_equal(x, y)) {
            break;
        }
    }
    if (i < a->len && i < b->len) {
        if (op == PX_BINOP_EQ || op == PX_BINOP_NE) {
            return px_bool(op == PX_BINOP_NE);
        }
        return px_binary(op, x, y);
    }
    size_t la = a->len, lb = b->len;
    switch (op) {
    case PX_BINOP_LT: return px_bool(la < lb);
    case PX_BINOP_LE: return px_bool(la <= lb);
    case PX_BINOP_EQ: return px_bool(la == lb);
    case PX_BINOP_NE: return px_bool(la != lb);
    case PX_BINOP_GT: return px_bool(la > lb);
    default: return px_bool(la >= lb);
    }
}

static px_val array_binop(px_binop op, px_val lhs, px_val rhs) {
    bool left = px_is_type(lhs, &px_type_array), right = px_is_type(rhs, &px_type_array);
    switch (op) {
    case PX_BINOP_ADD:
    case PX_BINOP_IADD:
        if (!left) {
            return PX_NOTIMPL;
        }
        if (!right) {
            px_raise_type_error(op == PX_BINOP_ADD ? "can only append array (not \"%s\") to array"
                                                   : "can only extend array with array (not \"%s\")",
                                px_type_name(rhs));
        }
        if (op == PX_BINOP_IADD) {
            px_array_extend(px_as_ptr(lhs), rhs);
            return lhs;
        }
        return px_from_ptr(concat(px_as_ptr(lhs), px_as_ptr(rhs)));
    case PX_BINOP_MUL:
        if (left) {
            return repeat(px_array_new(((px_array *)px_as_ptr(lhs))->typecode, 0), px_as_ptr(lhs), rhs);
        }
        if (!px_cont_is_index(lhs) && (px_type_of(lhs)->flags & PX_TF_HEAPTYPE)) {
            return PX_NOTIMPL; /* a user class may still have __rmul__ */
        }
        return repeat(px_array_new(((px_array *)px_as_ptr(rhs))->typecode, 0), px_as_ptr(rhs), lhs);
    case PX_BINOP_IMUL:
        return left ? repeat(px_as_ptr(lhs), px_as_ptr(lhs), rhs) : PX_NOTIMPL;
    case PX_BINOP_LT:
    case PX_BINOP_LE:
    case PX_BINOP_EQ:
    case PX_BINOP_NE:
    case PX_BINOP_GT:
    case PX_BINOP_GE:
        if (!left || !right) {
            return PX_NOTIMPL;
        }
        return compare(op, px_as_ptr(lhs), px_as_ptr(rhs));
    case PX_BINOP_CONTAINS: {
        px_array *a = px_as_ptr(lhs);
        return px_bool(px_array_find(a, rhs, 0, a->len) >= 0);
    }
    default:
        return PX_NOTIMPL;
    }
}

/* ---- iteration */

typedef struct {
    px_obj base;
    px_array *array;
    size_t i;
} array_iter_obj;

static px_val array_iter_next(px_val self) {
    array_iter_obj *it = px_as_ptr(self);
    px_array *a = it->array;
    if (it->i >= a->len) {
        return PX_NULL;
    }
    return px_array_unpack(a, a->data + it->i++ * a->itemsize);
}

static px_val iter_self(px_val self) {
    return self;
}

static const px_type array_iter_type = {
    .base = {&px_type_type},
    .name = PX_Q(arrayiterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = iter_self,
    .next = array_iter_next,
};

static px_val array_iter(px_val self) {
    array_iter_obj *it = px_gc_alloc(sizeof *it, 0);
    it->base.type = &array_iter_type;
    it->array = px_as_ptr(self);
    return px_from_ptr(it);
}

/* ---- attributes and the buffer */

static px_val array_getattr(px_val self, px_qid name) {
    px_array *a = px_as_ptr(self);
    switch (name) {
    case PX_Q(typecode):
        return px_str(&a->typecode, 1);
    case PX_Q(itemsize):
        return px_small(a->itemsize);
    default:
        return PX_NULL;
    }
}

static bool array_buffer(px_val self, px_buffer *buf, unsigned flags) {
    (void)flags;
    px_array *a = px_as_ptr(self);
    buf->data = a->data;
    buf->len = a->len * a->itemsize;
    buf->typecode = a->typecode;
    buf->readonly = false;
    return true;
}

const px_type px_type_array = {
    .base = {&px_type_type},
    .name = PX_Q(array_dot_array), /* as CPython names it in messages and repr */
    .flags = PX_TF_UNHASHABLE | PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .bases = PX_NULL,
    .mro = PX_NULL,
    .dict = &px_array_dict,
    .make = array_make,
    .print = array_print,
    .unop = array_unop,
    .binop = array_binop,
    .getattr = array_getattr,
    .subscr = px_array_subscr,
    .iter = array_iter,
    .buffer = array_buffer,
};

static const px_map_entry array_globals[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(array))),
    PX_ENTRY_OBJ(array, &px_type_array),
};
static PX_CONST_MAP(array_globals_map, array_globals);
PX_MODULE_DEF(array, array_globals_map, PX_MODULE_EXTENSIBLE, NULL);
