/* struct formats: parsing a format into a layout (sizes, offsets and
 * native alignment as the C compiler lays out a struct on this machine,
 * which is how CPython computes them), and packing and unpacking each
 * item with CPython's range checks and messages. */
#include <float.h>
#include <math.h>
#include <stddef.h>

#include "structmod.h"
#include "objects/bigint.h"

/* ---- native sizes and alignments: the offset of a member after a char,
 * as in the C compiler's own structs (on i386 a long long or double
 * member is 4-aligned although the type alone is 8-aligned). */
struct al_short { char c; short x; };
struct al_int { char c; int x; };
struct al_long { char c; long x; };
struct al_llong { char c; long long x; };
struct al_size { char c; size_t x; };
struct al_float { char c; float x; };
struct al_double { char c; double x; };
struct al_ptr { char c; void *x; };
struct al_bool { char c; _Bool x; };

typedef struct {
    char code;
    uint8_t size, align;
} native_info;

static const native_info native_table[] = {
    {'x', 1, 1},
    {'c', 1, 1},
    {'b', 1, 1},
    {'B', 1, 1},
    {'?', sizeof(_Bool), offsetof(struct al_bool, x)},
    {'h', sizeof(short), offsetof(struct al_short, x)},
    {'H', sizeof(short), offsetof(struct al_short, x)},
    {'e', sizeof(short), offsetof(struct al_short, x)},
    {'i', sizeof(int), offsetof(struct al_int, x)},
    {'I', sizeof(int), offsetof(struct al_int, x)},
    {'l', sizeof(long), offsetof(struct al_long, x)},
    {'L', sizeof(long), offsetof(struct al_long, x)},
    {'q', sizeof(long long), offsetof(struct al_llong, x)},
    {'Q', sizeof(long long), offsetof(struct al_llong, x)},
    {'n', sizeof(size_t), offsetof(struct al_size, x)},
    {'N', sizeof(size_t), offsetof(struct al_size, x)},
    {'f', sizeof(float), offsetof(struct al_float, x)},
    {'d', sizeof(double), offsetof(struct al_double, x)},
    {'P', sizeof(void *), offsetof(struct al_ptr, x)},
    {'s', 1, 1},
    {'p', 1, 1},
};

/* Standard sizes ('=', '<', '>', '!'): no alignment, and no n, N, P. */
static int standard_size(char c) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f':
        return 4;
    case 'q': case 'Q': case 'd':
        return 8;
    default:
        return 0;
    }
}

static bool host_is_little; /* set by every parse, before any packing */

static bool host_little(void) {
    const uint16_t one = 1;
    uint8_t first;
    memcpy(&first, &one, 1);
    return first == 1;
}

/* ---- parsing */

static const size_t SIZE_LIMIT = (size_t)PX_INT_MAX;

static uint8_t kind_of(char code) {
    switch (code) {
    case 'x': return PX_SK_PAD;
    case 'c': return PX_SK_CHAR;
    case '?': return PX_SK_BOOL;
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': return PX_SK_SIGNED;
    case 'P': return PX_SK_POINTER;
    case 'e': case 'f': case 'd': return PX_SK_FLOAT;
    case 's': return PX_SK_STRING;
    case 'p': return PX_SK_PASCAL;
    default: return PX_SK_UNSIGNED;
    }
}

static void add_item(px_struct_layout *L, char code, uint8_t size, size_t count, size_t offset) {
    if (L->nitems == L->cap) {
        px_struct_item *p = px_gc_alloc(2 * L->cap * sizeof *p, PX_GC_LEAF);
        memcpy(p, L->items, L->nitems * sizeof *p);
        L->items = p;
        L->cap *= 2;
    }
    px_struct_item *it = &L->items[L->nitems++];
    it->code = code;
    it->kind = kind_of(code);
    it->size = size;
    it->count = count;
    it->offset = offset;
}

void px_struct_parse(px_val format, px_struct_layout *L) {
    size_t n;
    const char *s;
    if (px_is_str(format)) {
        s = px_str_data(format, &n);
    } else if (px_isinstance(format, &px_type_bytes)) {
        s = (const char *)px_bytes_data(px_native(format, &px_type_bytes), &n);
    } else {
        px_raise_type_error("Struct() argument 1 must be a str or bytes object, not %s", px_type_name(format));
    }
    if (memchr(s, 0, n) != NULL) {
        px_struct_error("embedded null character");
    }
    memset(L, 0, sizeof *L);
    L->items = L->local;
    L->cap = sizeof L->local / sizeof L->local[0];
    size_t i = 0;
    L->order = '@';
    if (n > 0 && strchr("@=<>!", s[0]) != NULL) {
        L->order = s[0] == '!' ? '>' : s[0];
        i = 1;
    }
    bool native = L->order == '@';
    host_is_little = host_little();
    L->little = L->order == '<' || (L->order != '>' && host_is_little);
    size_t size = 0;
    while (i < n) {
        char c = s[i];
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            i++;
            continue;
        }
        size_t count = 1;
        if (c >= '0' && c <= '9') {
            count = 0;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (count > (SIZE_LIMIT - 9) / 10) {
                    px_struct_error("total struct size too long");
                }
                count = count * 10 + (size_t)(s[i++] - '0');
            }
            if (i == n) {
                px_struct_error("repeat count given without format specifier");
            }
            c = s[i];
        }
        i++;
        size_t isize = 0, align = 1;
        if (native) {
            for (size_t k = 0; k < sizeof native_table / sizeof native_table[0]; k++) {
                if (native_table[k].code == c) {
                    isize = native_table[k].size;
                    align = native_table[k].align;
                }
            }
        } else {
            isize = (size_t)standard_size(c);
        }
        if (isize == 0) {
            px_struct_error("bad char in struct format");
        }
#if !PX_HAS_FLOAT
        if (kind_of(c) == PX_SK_FLOAT) {
            px_struct_error("bad char in struct format '%c': " PX_NO_FLOAT, c);
        }
#endif
        size = (size + align - 1) / align * align;
        if (count > (SIZE_LIMIT - size) / isize) {
            px_struct_error("total struct size too long");
        }
        if (c == 's' || c == 'p') {
            add_item(L, c, 1, count, size);
            L->nvalues++;
        } else if (count > 0) {
            add_item(L, c, (uint8_t)isize, count, size);
            if (c != 'x') {
                L->nvalues += count;
            }
        }
        size += count * isize;
    }
    L->size = size;
}

px_struct_layout *px_struct_layout_keep(const px_struct_layout *src) {
    px_struct_layout *L = px_gc_alloc(sizeof *L, 0);
    *L = *src;
    L->items = px_gc_alloc((src->nitems ? src->nitems : 1) * sizeof *L->items, PX_GC_LEAF);
    memcpy(L->items, src->items, src->nitems * sizeof *L->items);
    L->cap = src->nitems;
    return L;
}

/* ---- integers */

/* size bytes of v in the given order; the host's own order is a copy of
 * the low bytes of a uint64 (memcpy compiles to one store). */
static void put_uint(uint8_t *p, uint64_t v, size_t size, bool little) {
    if (little == host_is_little && host_is_little) {
        memcpy(p, &v, size);
        return;
    }
    for (size_t k = 0; k < size; k++) {
        p[little ? k : size - 1 - k] = (uint8_t)(v >> (8 * k));
    }
}

static uint64_t get_uint(const uint8_t *p, size_t size, bool little) {
    uint64_t v = 0;
    if (little == host_is_little && host_is_little) {
        memcpy(&v, p, size);
        return v;
    }
    for (size_t k = 0; k < size; k++) {
        v |= (uint64_t)p[little ? k : size - 1 - k] << (8 * k);
    }
    return v;
}

/* The int value of an item (an int, or an object with __index__). */
static px_val int_value(px_val v) {
    px_val u = px_int_unwrap(v);
    if (u == PX_NULL) {
        const px_type *t = px_type_of(v);
        px_val m = (t->flags & PX_TF_HEAPTYPE) ? px_type_lookup(t, PX_Q(__index__)) : PX_NULL;
        if (m == PX_NULL) {
            px_struct_error("required argument is not an integer");
        }
        u = px_int_unwrap(px_call1(m, v));
        if (u == PX_NULL) {
            px_raise_type_error("__index__ returned non-int");
        }
    }
    return u;
}

/* v as a sign and 64-bit magnitude; false if the magnitude needs more. */
static bool int_parts(px_val v, bool *neg, uint64_t *mag) {
    if (px_is_small(v)) {
        px_int i = px_small_get(v);
        *neg = i < 0;
        *mag = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        return true;
    }
    px_digit buf[2];
    px_bn b;
    px_bn_get(v, &b, buf);
    *neg = b.neg;
    if (b.n > 2) {
        return false;
    }
    *mag = b.n == 0 ? 0 : b.n == 1 ? b.d[0] : ((uint64_t)b.d[1] << 32) | b.d[0];
    return true;
}

/* Bits of an integer item, checked as CPython checks it: first converted
 * to a 64-bit C integer (signed for signed codes and the narrow unsigned
 * ones, which then fail their own range check), then the item's range. */
static uint64_t pack_int(const px_struct_layout *L, char code, size_t size, px_val v) {
    bool neg = false;
    uint64_t mag = 0;
    bool fits = int_parts(int_value(v), &neg, &mag);
    bool big_endian_std = L->order == '>';
    /* the first conversion: what the C integer type used can hold */
    bool wide_unsigned = code == 'I' || code == 'L' || code == 'Q' || code == 'N' ||
                         (code == 'H' && big_endian_std);
    const char *overflow = (big_endian_std && (code == 'q' || code == 'Q')) ? "int too large to convert"
                                                                            : "argument out of range";
    if (code == 'P') {
        /* a pointer: any value a signed or an unsigned pointer-sized int holds */
        if (!fits || (neg && mag > (uint64_t)1 << 63) ||
            (size < 8 && (neg ? mag > (uint64_t)1 << (8 * size - 1) : mag >> (8 * size) != 0))) {
            px_struct_error("int too large to convert");
        }
        return neg ? (uint64_t)0 - mag : mag;
    }
    if (wide_unsigned) {
        if (!fits || neg) {
            px_struct_error("%s", overflow);
        }
    } else if (!fits || mag > (neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1)) {
        px_struct_error("%s", overflow);
    }
    int64_t sv = neg ? (int64_t)((uint64_t)0 - mag) : (int64_t)mag;
    bool is_signed = code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
    /* the item's own range, for items narrower than the conversion */
    if (size < 8) {
        int64_t lo = is_signed ? -((int64_t)1 << (8 * size - 1)) : 0;
        int64_t hi = is_signed ? ((int64_t)1 << (8 * size - 1)) - 1 : ((int64_t)1 << (8 * size)) - 1;
        bool bad = wide_unsigned ? mag > (uint64_t)hi : (sv < lo || sv > hi);
        if (bad) {
            const char *name = NULL;
            if (code == 'b') {
                name = "byte";
            } else if (code == 'B') {
                name = "ubyte";
            } else if (code == 'h' && !big_endian_std) {
                name = "short";
            } else if (code == 'H' && !big_endian_std) {
                name = "ushort";
            }
            if (name != NULL) {
                px_struct_error("%s format requires %lld <= number <= %lld", name, (long long)lo, (long long)hi);
            }
            px_struct_error("'%c' format requires %lld <= number <= %lld", code, (long long)lo, (long long)hi);
        }
    }
    return wide_unsigned ? mag : (uint64_t)sv;
}

/* ---- floats */

#if PX_HAS_FLOAT
/* The double of a float item: a float, an int, or an object with
 * __float__ or __index__. */
static double float_value(px_val v) {
    if (!px_is_float(v) && !px_is_int(v)) {
        const px_type *t = px_type_of(v);
        bool ok = (t->flags & PX_TF_HEAPTYPE) &&
                  (px_type_lookup(t, PX_Q(__float__)) != PX_NULL || px_type_lookup(t, PX_Q(__index__)) != PX_NULL);
        if (!ok && !px_isinstance(v, &px_type_float)) {
            px_struct_error("required argument is not a float");
        }
    }
    return px_float_of(v);
}

/* IEEE binary16 bits of x, rounded to nearest even. */
static uint16_t half_bits(double x) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    double a = fabs(x);
    if (isnan(x)) {
        return sign | 0x7e00;
    }
    if (isinf(x)) {
        return sign | 0x7c00;
    }
    if (a < 0x1p-14) {
        /* subnormal: units of 2**-24; 1024 units is the smallest normal */
        return sign | (uint16_t)nearbyint(a * 0x1p24);
    }
    int e;
    frexp(a, &e); /* a = m * 2**e, 0.5 <= m < 1 */
    e -= 1;       /* now 2**e <= a < 2**(e+1) */
    double mant = nearbyint(ldexp(a, 10 - e)); /* 1024 .. 2048 */
    if (mant == 2048) {
        mant = 1024;
        e++;
    }
    if (e > 15) {
        px_raise_overflow("float too large to pack with e format");
    }
    return sign | (uint16_t)((e + 15) << 10) | (uint16_t)((int)mant - 1024);
}

static double half_value(uint16_t h) {
    int e = (h >> 10) & 0x1f, m = h & 0x3ff;
    double v;
    if (e == 0) {
        v = ldexp(m, -24);
    } else if (e == 31) {
        v = m ? NAN : INFINITY;
    } else {
        v = ldexp(m + 1024, e - 25);
    }
    return (h & 0x8000) ? -v : v;
}

static void pack_float(uint8_t *p, char code, const px_struct_layout *L, px_val v) {
    double x = float_value(v);
    if (code == 'e') {
        put_uint(p, half_bits(x), 2, L->little);
    } else if (code == 'f') {
        float f = (float)x;
        if (isinf(f) && !isinf(x)) {
            px_raise_overflow("float too large to pack with f format");
        }
        uint32_t u;
        memcpy(&u, &f, 4);
        put_uint(p, u, 4, L->little);
    } else {
        uint64_t u;
        memcpy(&u, &x, 8);
        put_uint(p, u, 8, L->little);
    }
}

static px_val unpack_float(const uint8_t *p, char code, const px_struct_layout *L) {
    if (code == 'e') {
        return px_float(half_value((uint16_t)get_uint(p, 2, L->little)));
    }
    if (code == 'f') {
        uint32_t u = (uint32_t)get_uint(p, 4, L->little);
        float f;
        memcpy(&f, &u, 4);
        return px_float(f);
    }
    uint64_t u = get_uint(p, 8, L->little);
    double d;
    memcpy(&d, &u, 8);
    return px_float(d);
}
#endif

/* ---- bytes items */

static const uint8_t *bytes_value(px_val v, char code, size_t *len) {
    if (px_isinstance(v, &px_type_bytes) || px_isinstance(v, &px_type_bytearray)) {
        px_buffer buf;
        px_get_buffer(v, &buf, PX_BUF_READ);
        *len = buf.len;
        return buf.data;
    }
    px_struct_error("argument for '%c' must be a bytes object", code);
}

/* ---- whole layouts */

void px_struct_pack(const px_struct_layout *L, uint8_t *out, size_t nvalues, const px_val *values,
                    const char *what) {
    if (nvalues != L->nvalues) {
        px_struct_error("%s expected %zu items for packing (got %zu)", what, L->nvalues, nvalues);
    }
    memset(out, 0, L->size); /* pad bytes and alignment gaps */
    size_t vi = 0;
    for (size_t k = 0; k < L->nitems; k++) {
        const px_struct_item *it = &L->items[k];
        uint8_t *p = out + it->offset;
        char c = it->code;
        switch (it->kind) {
        case PX_SK_PAD:
            continue;
        case PX_SK_STRING:
        case PX_SK_PASCAL: {
            size_t len;
            const uint8_t *b = bytes_value(values[vi++], c, &len);
            size_t room = c == 'p' && it->count > 0 ? it->count - 1 : it->count;
            if (len > room) {
                len = room;
            }
            if (c == 'p' && it->count > 0) {
                *p++ = (uint8_t)(len < 255 ? len : 255);
            }
            memcpy(p, b, len);
            continue;
        }
        default:
            break;
        }
        for (size_t j = 0; j < it->count; j++, p += it->size) {
            px_val v = values[vi++];
            switch (it->kind) {
            case PX_SK_CHAR: {
                if (!px_is_bytes(v) || px_len(v) != 1) {
                    px_struct_error("char format requires a bytes object of length 1");
                }
                size_t one;
                *p = px_bytes_data(v, &one)[0];
                break;
            }
            case PX_SK_BOOL:
                *p = px_truthy(v);
                break;
#if PX_HAS_FLOAT
            case PX_SK_FLOAT:
                pack_float(p, c, L, v);
                break;
#endif
            case PX_SK_SIGNED:
            case PX_SK_UNSIGNED:
                if (px_is_small(v) && it->size < 8) {
                    /* the common case: a small int that fits the item */
                    int64_t i = px_small_get(v);
                    unsigned bits = 8 * it->size;
                    bool ok = it->kind == PX_SK_SIGNED ? i >= -((int64_t)1 << (bits - 1)) && i < ((int64_t)1 << (bits - 1))
                                                       : i >= 0 && i < ((int64_t)1 << bits);
                    if (ok) {
                        put_uint(p, (uint64_t)i, it->size, L->little);
                        break;
                    }
                }
                put_uint(p, pack_int(L, c, it->size, v), it->size, L->little);
                break;
            default:
                put_uint(p, pack_int(L, c, it->size, v), it->size, L->little);
                break;
            }
        }
    }
}

px_val px_struct_unpack(const px_struct_layout *L, const uint8_t *data) {
    px_val result = px_tuple_new(L->nvalues, NULL);
    px_val *out = px_tuple_ptr(result)->items;
    size_t vi = 0;
    for (size_t k = 0; k < L->nitems; k++) {
        const px_struct_item *it = &L->items[k];
        const uint8_t *p = data + it->offset;
        switch (it->kind) {
        case PX_SK_PAD:
            continue;
        case PX_SK_STRING:
            out[vi++] = px_bytes(p, it->count);
            continue;
        case PX_SK_PASCAL: {
            size_t len = it->count > 0 ? p[0] : 0;
            if (it->count > 0 && len >= it->count) {
                len = it->count - 1;
            }
            out[vi++] = px_bytes(p + 1, len);
            continue;
        }
        default:
            break;
        }
        for (size_t j = 0; j < it->count; j++, p += it->size) {
            px_val v;
            switch (it->kind) {
            case PX_SK_CHAR:
                v = px_bytes(p, 1);
                break;
            case PX_SK_BOOL:
                v = px_bool(*p != 0);
                break;
#if PX_HAS_FLOAT
            case PX_SK_FLOAT:
                v = unpack_float(p, it->code, L);
                break;
#endif
            case PX_SK_SIGNED: {
                uint64_t u = get_uint(p, it->size, L->little);
                unsigned shift = 64 - 8 * it->size;
                /* sign-extend through the top bits */
                v = px_int_from_i64(shift ? (int64_t)(u << shift) >> shift : (int64_t)u);
                break;
            }
            default:
                v = px_int_from_u64(get_uint(p, it->size, L->little));
                break;
            }
            out[vi++] = v;
        }
    }
    return result;
}
