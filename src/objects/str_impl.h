/* Internal to the text area: object layouts and helpers shared by str.c,
 * strmethods.c, strformat.c, unicode.c, bytes*.c and template.c, and by
 * map.c for the hash and bytes of str keys. */
#ifndef PX_STR_IMPL_H
#define PX_STR_IMPL_H

#include "../runtime.h"

/* str and bytes share one layout: bytes inline after the header,
 * NUL-terminated (handy for C calls), allocated as a GC leaf. */
typedef struct px_strobj {
    px_obj base;
    uint32_t hash;  /* 0: not computed yet */
    uint32_t owned; /* > 0: owned by one local variable, with room for this many
                     * bytes; it grows in place (px_text_iadd) */
    size_t len;     /* bytes */
    size_t charlen; /* code points (str only) */
    char data[];
} px_strobj;

typedef struct px_bytearray_obj {
    px_obj base;
    size_t len;
    size_t alloc;
    uint8_t *data; /* GC leaf block */
} px_bytearray_obj;

/* A one-dimensional view: item i is at byte start + i * stride of obj's
 * buffer (stride may be negative or larger than the item). */
typedef struct px_memview_obj {
    px_obj base;
    px_val obj;       /* the exporter (never itself a memoryview) */
    size_t start;     /* byte offset of item 0 */
    size_t count;     /* items */
    ptrdiff_t stride; /* bytes from one item to the next */
    uint8_t itemsize;
    char format; /* struct item code: 'B', 'h', 'd', ... */
    bool at_prefix; /* the format was given as '@' + code */
    bool readonly;
    bool released;
} px_memview_obj;

/* Index and length helpers by code point. */
size_t px_utf8_count(const char *s, size_t len);
/* A str/bytes object with room for len bytes (filled by the caller). */
px_strobj *px_strobj_alloc(const px_type *t, size_t len);
/* Finish a str made by px_strobj_alloc: count code points, intern 0/1-char. */
px_val px_str_finish(px_strobj *s);
/* The same for text whose code point count the caller knows (a piece of
 * ASCII text: charlen == len), which saves counting. */
px_val px_str_finish_n(px_strobj *s, size_t charlen);
/* A new str of len bytes of valid UTF-8 at p holding charlen code points. */
px_val px_str_n(const char *p, size_t len, size_t charlen);
/* Code points of the str value v whose bytes are s[0..len): kept in a heap
 * str, counted for names and subclass instances. */
static inline size_t px_str_cps(px_val v, const char *s, size_t len) {
    if (px_is_obj(v) && ((const px_obj *)px_as_ptr(v))->type == &px_type_str) {
        return ((const px_strobj *)px_as_ptr(v))->charlen;
    }
    if (len <= 1) {
        return len;
    }
    if (len <= 16) { /* a name: counted in line, without a call */
        size_t cont = 0;
        for (size_t i = 0; i < len; i++) {
            cont += ((uint8_t)s[i] & 0xC0) == 0x80;
        }
        return len - cont;
    }
    return px_utf8_count(s, len);
}
/* Copy a piece of text; single characters (joins of characters) without
 * a call. */
static inline void px_text_copy(char *dst, const char *src, size_t n) {
    if (n == 1) {
        *dst = *src;
    } else {
        memcpy(dst, src, n);
    }
}
/* Is v a heap str (exact type) of ASCII text? Names answer false. */
static inline bool px_str_is_ascii_obj(px_val v) {
    if (!px_is_obj(v) || ((const px_obj *)px_as_ptr(v))->type != &px_type_str) {
        return false;
    }
    const px_strobj *s = px_as_ptr(v);
    return s->charlen == s->len;
}

/* Bytes of a str-typed value (qstr, heap str, or subclass instance), or
 * NULL if v is not a str. Inline for names and exact str (every str
 * method's first step); px_str_get_other does the rest. */
const char *px_str_get_other(px_val v, size_t *len);
static inline const char *px_str_get(px_val v, size_t *len) {
    if (px_is_qstr(v)) {
        return px_qstr_data(px_qstr_get(v), len);
    }
    if (px_is_obj(v) && ((const px_obj *)px_as_ptr(v))->type == &px_type_str) {
        const px_strobj *s = px_as_ptr(v);
        *len = s->len;
        return s->data;
    }
    return px_str_get_other(v, len);
}
/* Byte offset of code point number i (i <= charlen). */
size_t px_utf8_offset(const char *s, size_t len, size_t i);
/* Decode the code point at *p (valid UTF-8) and advance. */
uint32_t px_utf8_next(const char **p, const char *end);
/* Encode cp into out (up to 4 bytes); returns the number of bytes. */
size_t px_utf8_encode(uint32_t cp, char *out);
/* Check UTF-8 strictly (no surrogates, shortest forms); on failure gives
 * the offset of the bad byte, how many bytes to skip, and the reason. */
bool px_utf8_check(const char *s, size_t len, size_t *bad, size_t *skip, const char **why);
/* Decoding error handlers: the mode for a name (LookupError if unknown),
 * and what a mode appends for one undecodable byte. */
enum { PX_DECODE_STRICT, PX_DECODE_REPLACE, PX_DECODE_IGNORE, PX_DECODE_BACKSLASH, PX_DECODE_SURROGATE };
int px_decode_error_mode(const char *errors);
void px_decode_error_byte(px_strbuf *b, uint8_t c, int mode);
/* Decode bytes to a str with errors = "strict", "replace", "ignore",
 * "backslashreplace" or "surrogateescape". */
px_val px_utf8_decode(const char *s, size_t len, const char *errors);
/* Is the code point printable (as str.isprintable / repr decide)? */
bool px_unicode_printable(uint32_t cp);
bool px_unicode_isspace(uint32_t cp);
/* The ASCII part of isspace, inline for the hot loops (split, strip). */
static inline bool px_ascii_isspace(uint8_t c) {
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
}

/* repr of text into a sink: str (quote chosen as CPython), bytes (b'') */
void px_str_repr_out(px_out *out, const char *s, size_t len, bool ascii_only);
void px_bytes_repr_out(px_out *out, const uint8_t *s, size_t len);

/* Single-character str for a code point: a name for U+0000..U+00FF (kept in
 * px_str_chars once made, so iteration, indexing and chr() of such text
 * allocate nothing), a new heap str above. Names are immediates: the table
 * needs no GC root. */
extern px_val px_str_chars[256];
px_val px_str_from_cp_slow(uint32_t cp);
static inline px_val px_str_from_cp(uint32_t cp) {
    if (cp < 256 && px_str_chars[cp] != PX_NULL) {
        return px_str_chars[cp];
    }
    return px_str_from_cp_slow(cp);
}

/* Format a str with a spec (fill/align/width/precision, type 's'). */
px_val px_format_str(const char *s, size_t len, const char *spec, size_t spec_len);

/* Argument helpers shared by str and bytes methods. */
/* An int meant as a byte value: the value, or -1 for any int out of range. */
px_int px_text_byte_int(px_val v);
/* Resolve optional start/end arguments (None allowed) against len. */
void px_text_range(size_t argc, const px_val *argv, size_t first, size_t len, size_t *start, size_t *end);
/* Find needle in hay[0..hlen) (bytes), first (dir > 0) or last; -1 if absent. */
ptrdiff_t px_text_find(const char *hay, size_t hlen, const char *needle, size_t nlen, int dir);
size_t px_text_count(const char *hay, size_t hlen, const char *needle, size_t nlen);
/* Split s at each sep (maxsplit < 0: no limit), from the right if `right`;
 * mk(self, piece, n) makes each piece (str, or bytes like self). */
px_val px_text_split_sep(px_val self, const char *s, size_t len, const char *sep, size_t slen, px_int maxsplit,
                         bool right, px_val (*mk)(px_val self, const void *data, size_t len));
/* Append s with the first `count` (all if < 0) occurrences of old (olen > 0)
 * replaced by nw; returns the offset where the unreplaced tail begins. */
size_t px_text_replace_into(px_strbuf *b, const char *s, size_t len, const char *old, size_t olen, const char *nw,
                            size_t nlen, px_int count);

/* Append s with tabs expanded to columns of `tab` (columns count code
 * points when utf8, else bytes). */
void px_text_expandtabs(px_strbuf *b, const char *s, size_t len, px_int tab, bool utf8);

extern const px_map px_str_dict;
extern const px_map px_bytes_dict, px_bytearray_dict;

/* str.encode(encoding, errors) with argv[0] the str (method calling convention). */
px_val px_str_encode(size_t argc, const px_val *argv, px_val kwnames);
/* Decode bytes in a named encoding (utf-8, ascii, latin-1). */
px_val px_bytes_decode(const char *s, size_t len, px_val encoding, px_val errors);
/* New bytes or bytearray, the same type as `like`. */
px_val px_bytes_like(px_val like, const void *data, size_t len);
/* Bytes of a bytes-like argument (bytes, bytearray, memoryview, buffer). */
const uint8_t *px_bytes_arg(px_val v, size_t *len);
void px_bytearray_resize(px_bytearray_obj *b, size_t len);

/* Dunder methods forwarding to the slots (str_dunders.c). */
px_val px_text_d_len(px_val self);
px_val px_text_d_hash(px_val self);
px_val px_text_d_iter(px_val self);
px_val px_text_d_getitem(px_val self, px_val index);
px_val px_text_d_setitem(px_val self, px_val index, px_val value);
px_val px_text_d_delitem(px_val self, px_val index);
px_val px_text_d_repr(px_val self);
px_val px_text_d_str(px_val self);
px_val px_text_d_add(px_val a, px_val b);
px_val px_text_d_iadd(px_val a, px_val b);
px_val px_text_d_mul(px_val a, px_val b);
px_val px_text_d_rmul(px_val a, px_val b);
px_val px_text_d_mod(px_val a, px_val b);
px_val px_text_d_eq(px_val a, px_val b);
px_val px_text_d_ne(px_val a, px_val b);
px_val px_text_d_lt(px_val a, px_val b);
px_val px_text_d_le(px_val a, px_val b);
px_val px_text_d_gt(px_val a, px_val b);
px_val px_text_d_ge(px_val a, px_val b);
px_val px_text_d_contains(px_val a, px_val b);

/* The dunders shared by str, bytes and bytearray, as method objects owned
 * by type T named P##name, and their table entries (sorted). */
#define PX_TEXT_DUNDERS(T, P)                                                   \
    static PX_METH2(P##__add__, T, __add__, px_text_d_add);                     \
    static PX_METH2(P##__contains__, T, __contains__, px_text_d_contains);      \
    static PX_METH2(P##__eq__, T, __eq__, px_text_d_eq);                        \
    static PX_METH2(P##__ge__, T, __ge__, px_text_d_ge);                        \
    static PX_METH2(P##__getitem__, T, __getitem__, px_text_d_getitem);         \
    static PX_METH2(P##__gt__, T, __gt__, px_text_d_gt);                        \
    static PX_METH1(P##__hash__, T, __hash__, px_text_d_hash);                  \
    static PX_METH1(P##__iter__, T, __iter__, px_text_d_iter);                  \
    static PX_METH2(P##__le__, T, __le__, px_text_d_le);                        \
    static PX_METH1(P##__len__, T, __len__, px_text_d_len);                     \
    static PX_METH2(P##__lt__, T, __lt__, px_text_d_lt);                        \
    static PX_METH2(P##__mod__, T, __mod__, px_text_d_mod);                     \
    static PX_METH2(P##__mul__, T, __mul__, px_text_d_mul);                     \
    static PX_METH2(P##__ne__, T, __ne__, px_text_d_ne);                        \
    static PX_METH1(P##__repr__, T, __repr__, px_text_d_repr);                  \
    static PX_METH2(P##__rmul__, T, __rmul__, px_text_d_rmul);                  \
    static PX_METH1(P##__str__, T, __str__, px_text_d_str);

#define PX_TEXT_DUNDER_ENTRIES1(P)                                                                  \
    PX_ENTRY_OBJ(__add__, &P##__add__), PX_ENTRY_OBJ(__contains__, &P##__contains__),               \
        PX_ENTRY_OBJ(__eq__, &P##__eq__)
#define PX_TEXT_DUNDER_ENTRIES2(P)                                                                  \
    PX_ENTRY_OBJ(__ge__, &P##__ge__), PX_ENTRY_OBJ(__getitem__, &P##__getitem__),                   \
        PX_ENTRY_OBJ(__gt__, &P##__gt__), PX_ENTRY_OBJ(__hash__, &P##__hash__),                     \
        PX_ENTRY_OBJ(__iter__, &P##__iter__), PX_ENTRY_OBJ(__le__, &P##__le__),                     \
        PX_ENTRY_OBJ(__len__, &P##__len__), PX_ENTRY_OBJ(__lt__, &P##__lt__),                       \
        PX_ENTRY_OBJ(__mod__, &P##__mod__), PX_ENTRY_OBJ(__mul__, &P##__mul__),                     \
        PX_ENTRY_OBJ(__ne__, &P##__ne__), PX_ENTRY_OBJ(__repr__, &P##__repr__),                     \
        PX_ENTRY_OBJ(__rmul__, &P##__rmul__), PX_ENTRY_OBJ(__str__, &P##__str__)

/* str method objects defined in str_codec.c, listed in str's table. */
extern const px_builtin px_str_m_encode, px_str_m_format, px_str_m_format_map, px_str_m_translate,
    px_str_m_format_dunder;
extern const px_wrapper px_str_m_maketrans;

/* bytes.hex(sep, bytes_per_sep) with argv[0] bytes or bytearray (method convention). */
px_val px_bytes_hex(size_t argc, const px_val *argv, px_val kwnames);
/* The bytes a memoryview shows, in order (a copy). */
px_val px_memview_tobytes(px_val view);

/* bytes % args (bytearray % args gives a bytearray). */
px_val px_bytes_modulo(px_val fmt, px_val args);

/* Methods shared by str.format and format_map. */
px_val px_str_vformat(const char *fmt, size_t len, size_t argc, const px_val *argv, px_val kwargs);

#endif
