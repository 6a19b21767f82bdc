/* bytes (immutable, hashable) and bytearray (mutable): construction, repr,
 * indexing, slicing, slice assignment, iteration, operators and the buffer
 * protocol. Methods are in bytes_methods.c, memoryview in bytes_memview.c. */
#include "str_impl.h"
#include "contutil.h"

/* ---- construction */

px_val px_bytes(const void *data, size_t len) {
    px_strobj *o = px_strobj_alloc(&px_type_bytes, len);
    if (len) {
        memcpy(o->data, data, len);
    }
    return px_from_ptr(o);
}

void px_bytearray_resize(px_bytearray_obj *b, size_t len) {
    if (b->alloc == 0 && b->data != NULL) {
        /* over memory it does not own (px_bytearray_at): never grows */
        if (len > b->len) {
            px_raise_value_error("bytearray over fixed memory cannot grow");
        }
        b->len = len;
        return;
    }
    if (len > b->alloc || b->data == NULL) { /* data is never NULL: C calls get a valid pointer */
        size_t cap = b->alloc * 2 > len ? b->alloc * 2 : len;
        if (cap < 8) {
            cap = 8;
        }
        b->data = px_gc_realloc(b->data, cap, PX_GC_LEAF);
        b->alloc = cap;
    }
    if (len > b->len) {
        memset(b->data + b->len, 0, len - b->len);
    }
    b->len = len;
}

px_val px_bytearray(const void *data, size_t len) {
    px_bytearray_obj *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &px_type_bytearray;
    px_bytearray_resize(o, len);
    if (len) {
        memcpy(o->data, data, len);
    }
    return px_from_ptr(o);
}

px_val px_bytearray_at(void *data, size_t len) {
    px_bytearray_obj *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &px_type_bytearray;
    o->data = data; /* alloc 0 with data set: by reference */
    o->len = len;
    return px_from_ptr(o);
}

bool px_is_bytes(px_val v) {
    return px_is_type(v, &px_type_bytes);
}

const uint8_t *px_bytes_data(px_val v, size_t *len) {
    if (!px_is_bytes(v)) {
        if (px_isinstance(v, &px_type_bytes)) {
            return px_bytes_data(px_native(v, &px_type_bytes), len);
        }
        px_raise_type_error("expected bytes, %s found", px_type_name(v));
    }
    px_strobj *s = px_as_ptr(v);
    *len = s->len;
    return (const uint8_t *)s->data;
}

px_val px_bytes_like(px_val like, const void *data, size_t len) {
    return px_is_type(like, &px_type_bytearray) ? px_bytearray(data, len) : px_bytes(data, len);
}

bool px_buffer_try(px_val v, px_buffer *buf, unsigned flags) {
    const px_type *t = px_type_of(v);
    if (t->buffer && t->buffer(v, buf, flags)) {
        return true;
    }
    if (t->flags & PX_TF_HEAPTYPE) {
        if (px_isinstance(v, &px_type_bytes)) {
            return px_buffer_try(px_native(v, &px_type_bytes), buf, flags);
        }
        if (px_isinstance(v, &px_type_bytearray)) {
            return px_buffer_try(px_native(v, &px_type_bytearray), buf, flags);
        }
    }
    return false;
}

void px_get_buffer(px_val v, px_buffer *buf, unsigned flags) {
    if (px_buffer_try(v, buf, flags)) {
        return;
    }
    if (flags & PX_BUF_WRITE) {
        px_raise_type_error("a writable bytes-like object is required, not '%s'", px_type_name(v));
    }
    px_raise_type_error("a bytes-like object is required, not '%s'", px_type_name(v));
}

void px_get_write_buffer(px_val v, px_buffer *buf) {
    if (px_is_str(v)) {
        size_t n;
        buf->data = (void *)px_str_data(v, &n);
        buf->len = n;
        buf->typecode = 'B';
        buf->readonly = true;
        return;
    }
    px_get_buffer(v, buf, PX_BUF_READ);
}

/* buf cut to the length argument argv[2], if given */
static void cut_to_len_arg(size_t argc, const px_val *argv, px_buffer *buf) {
    if (argc > 2 && argv[2] != PX_NONE) {
        px_int k = px_index(argv[2]);
        if (k >= 0 && (size_t)k < buf->len) {
            buf->len = (size_t)k;
        }
    }
}

void px_stream_write_arg(size_t argc, const px_val *argv, px_buffer *buf) {
    px_get_write_buffer(argv[1], buf);
    cut_to_len_arg(argc, argv, buf);
}

void px_stream_readinto_arg(size_t argc, const px_val *argv, px_buffer *buf) {
    px_get_buffer(argv[1], buf, PX_BUF_WRITE);
    cut_to_len_arg(argc, argv, buf);
}

void px_stream_text_write_arg(size_t argc) {
    if (argc > 2) {
        px_raise_type_error("write() of a text stream takes no length");
    }
}

const uint8_t *px_bytes_arg(px_val v, size_t *len) {
    px_buffer buf;
    px_get_buffer(v, &buf, PX_BUF_READ);
    *len = buf.len;
    return buf.data;
}

static bool has_buffer(px_val v) {
    px_buffer buf;
    return px_buffer_try(v, &buf, PX_BUF_READ);
}

static bool is_count(px_val src) {
    return px_is_int(src) || (!has_buffer(src) && px_type_lookup(px_type_of(src), PX_Q(__index__)) != PX_NULL);
}

/* bytes(n), bytearray(n) and a copy of a buffer made at their size at
 * once, not in a buffer that is then copied: bytearray(25600) is one run
 * of 25 pages of a board's 64 KiB heap, not two. PX_NULL for another
 * source. */
static px_val bytes_sized(bool mutable, px_val src) {
    size_t len;
    const uint8_t *d = NULL;
    if (is_count(src)) {
        px_int n = px_index(src);
        if (n < 0) {
            px_raise_value_error("negative count");
        }
        len = (size_t)n;
    } else if (!px_is_type(src, &px_type_memoryview) && has_buffer(src)) {
        d = px_bytes_arg(src, &len);
    } else {
        return PX_NULL;
    }
    if (mutable) {
        px_bytearray_obj *o = px_gc_alloc(sizeof *o, 0);
        o->base.type = &px_type_bytearray;
        px_bytearray_resize(o, len); /* zeroed */
        if (d != NULL && len) {
            memcpy(o->data, d, len);
        }
        return px_from_ptr(o);
    }
    px_strobj *o = px_strobj_alloc(&px_type_bytes, len); /* zeroed */
    if (d != NULL && len) {
        memcpy(o->data, d, len);
    }
    return px_from_ptr(o);
}

/* Fill a byte buffer from an int count, a buffer, or an iterable of ints. */
static void bytes_from_source(px_strbuf *b, px_val src, const char *range_msg, const char *what) {
    if (is_count(src)) {
        px_int n = px_index(src);
        if (n < 0) {
            px_raise_value_error("negative count");
        }
        memset(px_strbuf_extend(b, (size_t)n), 0, (size_t)n);
        return;
    }
    if (px_is_type(src, &px_type_memoryview)) {
        size_t len;
        const uint8_t *d = px_bytes_data(px_memview_tobytes(src), &len);
        px_strbuf_add(b, (const char *)d, len);
        return;
    }
    if (has_buffer(src)) {
        size_t len;
        const uint8_t *d = px_bytes_arg(src, &len);
        px_strbuf_add(b, (const char *)d, len);
        return;
    }
    if (px_str_get(src, &(size_t){0}) != NULL) {
        px_raise_type_error("string argument without an encoding");
    }
    const px_type *t = px_type_of(src);
    if (t->iter == NULL && !(t->flags & PX_TF_HEAPTYPE)) {
        px_raise_type_error("cannot convert '%s' object to %s", px_type_name(src), what);
    }
    px_val it = px_iter(src);
    px_val x;
    while ((x = px_next(it)) != PX_NULL) {
        if (!px_is_int(x)) {
            px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(x));
        }
        px_int v = px_text_byte_int(x);
        if (v < 0) {
            px_raise_value_error("%s", range_msg);
        }
        px_strbuf_add_char(b, (char)v);
    }
}

static px_val bytes_construct(bool mutable, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(source), 0, PX_UNSET},
        {PX_Q(encoding), 0, PX_UNSET},
        {PX_Q(errors), 0, PX_UNSET},
    };
    px_val a[3];
    px_parse_args(mutable ? PX_Q(bytearray) : PX_Q(bytes), argc, argv, kwnames, 3, spec, a);
    px_strbuf b;
    px_strbuf_init(&b, 16);
    if (a[0] == PX_UNSET) {
        if (a[1] != PX_UNSET || a[2] != PX_UNSET) {
            px_raise_type_error(a[1] != PX_UNSET ? "encoding without a string argument"
                                                 : "errors without a string argument");
        }
    } else if (px_str_get(a[0], &(size_t){0}) != NULL) {
        if (a[1] == PX_UNSET) {
            px_raise_type_error("string argument without an encoding");
        }
        px_val args[3] = {a[0], a[1], a[2] == PX_UNSET ? px_qstr(PX_Q(empty)) : a[2]};
        if (a[2] == PX_UNSET) {
            args[2] = px_str_cstr("strict");
        }
        px_val enc = px_str_encode(3, args, PX_NULL);
        if (!mutable) {
            return enc;
        }
        size_t len;
        const uint8_t *d = px_bytes_data(enc, &len);
        return px_bytearray(d, len);
    } else {
        if (a[1] != PX_UNSET || a[2] != PX_UNSET) {
            px_raise_type_error(a[1] != PX_UNSET ? "encoding without a string argument"
                                                 : "errors without a string argument");
        }
        if (!mutable && px_is_bytes(a[0])) {
            return a[0];
        }
        px_val conv = mutable ? PX_NULL : px_special_method(a[0], PX_Q(__bytes__));
        if (conv != PX_NULL) {
            px_val r = px_call0(conv);
            if (!px_isinstance(r, &px_type_bytes)) {
                px_raise_type_error("__bytes__ returned non-bytes (type %s)", px_type_name(r));
            }
            return r;
        }
        px_val sized = bytes_sized(mutable, a[0]);
        if (sized != PX_NULL) {
            return sized;
        }
        bytes_from_source(&b, a[0], mutable ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)",
                          mutable ? "bytearray" : "bytes");
    }
    return mutable ? px_bytearray(b.data, b.len) : px_bytes(b.data, b.len);
}

static px_val bytes_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    return bytes_construct(false, argc, argv, kwnames);
}

static px_val bytearray_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    return bytes_construct(true, argc, argv, kwnames);
}

/* ---- repr */

/* bytearray's repr escapes ' even inside "" quotes (as CPython does). */
static void repr_out(px_out *out, const uint8_t *s, size_t len, bool always_escape_sq) {
    bool has_sq = memchr(s, '\'', len) != NULL;
    bool has_dq = memchr(s, '"', len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    px_write(out, "b", 1);
    px_write(out, &q, 1);
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        char esc[4];
        size_t n = 0;
        if (c == (uint8_t)q || c == '\\' || (c == '\'' && always_escape_sq)) {
            esc[0] = '\\';
            esc[1] = (char)c;
            n = 2;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            esc[0] = '\\';
            esc[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
            n = 2;
        } else if (c < 0x20 || c >= 0x7F) {
            esc[0] = '\\';
            esc[1] = 'x';
            esc[2] = "0123456789abcdef"[c >> 4];
            esc[3] = "0123456789abcdef"[c & 15];
            n = 4;
        }
        if (n) {
            px_write(out, (const char *)s + run, i - run);
            px_write(out, esc, n);
            run = i + 1;
        }
    }
    px_write(out, (const char *)s + run, len - run);
    px_write(out, &q, 1);
}

void px_bytes_repr_out(px_out *out, const uint8_t *s, size_t len) {
    repr_out(out, s, len, false);
}

static void bytes_print(px_out *out, px_val self, px_print_kind kind) {
    size_t len;
    const uint8_t *d = px_bytes_data(self, &len);
    px_bytes_repr_out(out, d, len);
}

static void bytearray_print(px_out *out, px_val self, px_print_kind kind) {
    px_bytearray_obj *b = px_as_ptr(self);
    px_write_cstr(out, "bytearray(");
    repr_out(out, b->data, b->len, true);
    px_write_cstr(out, ")");
}

/* ---- buffers */

static bool bytes_buffer(px_val self, px_buffer *buf, unsigned flags) {
    if (flags & PX_BUF_WRITE) {
        return false;
    }
    px_strobj *s = px_as_ptr(self);
    buf->data = s->data;
    buf->len = s->len;
    buf->typecode = 'B';
    buf->readonly = true;
    return true;
}

static bool bytearray_buffer(px_val self, px_buffer *buf, unsigned flags) {
    px_bytearray_obj *b = px_as_ptr(self);
    buf->data = b->data;
    buf->len = b->len;
    buf->typecode = 'B';
    buf->readonly = false;
    return true;
}

/* ---- length, hash, truth */

static size_t any_len(px_val self) {
    if (px_is_bytes(self)) {
        return ((px_strobj *)px_as_ptr(self))->len;
    }
    return ((px_bytearray_obj *)px_as_ptr(self))->len;
}

static uint8_t *any_data(px_val self, size_t *len) {
    if (px_is_bytes(self)) {
        px_strobj *s = px_as_ptr(self);
        *len = s->len;
        return (uint8_t *)s->data;
    }
    px_bytearray_obj *b = px_as_ptr(self);
    *len = b->len;
    return b->data;
}

static px_val bytes_unop(px_unop op, px_val self) {
    switch (op) {
    case PX_UNOP_LEN:
        return px_small((px_int)any_len(self));
    case PX_UNOP_BOOL:
        return px_bool(any_len(self) != 0);
    case PX_UNOP_HASH: {
        if (px_is_bytes(self)) {
            px_strobj *s = px_as_ptr(self);
            if (s->hash == 0) {
                s->hash = px_hash_bytes(s->data, s->len);
            }
            return px_small((px_int)(s->hash & (uint32_t)PX_SMALL_MAX));
        }
        px_raise_type_error("unhashable type: '%s'", px_type_name(self));
    }
    default:
        return PX_NOTIMPL;
    }
}

/* ---- indexing and slicing */

static px_val slice_of(px_val self, px_val index) {
    size_t len;
    uint8_t *d = any_data(self, &len);
    px_int start, stop, step;
    size_t count;
    px_slice_indices(index, len, &start, &stop, &step, &count);
    if (step == 1) {
        return px_bytes_like(self, d + start, count);
    }
    px_strbuf b;
    px_strbuf_init(&b, count);
    for (size_t i = 0; i < count; i++) {
        px_strbuf_add_char(&b, (char)d[start + (px_int)i * step]);
    }
    return px_bytes_like(self, b.data, b.len);
}

static size_t item_index(px_val self, px_val index, size_t len) {
    if (!px_is_int(index) && !(px_type_of(index)->flags & PX_TF_HEAPTYPE)) {
        px_raise_type_error("%s indices must be integers or slices, not %s",
                            px_is_bytes(self) ? "byte" : px_type_name(self), px_type_name(index));
    }
    px_int i = px_seq_index_arg(index);
    if (i < 0) {
        i += (px_int)len;
    }
    if (i < 0 || (size_t)i >= len) {
        if (px_is_type(self, &px_type_bytearray)) {
            px_raise_index_error("bytearray index out of range");
        }
        px_raise_index_error("index out of range");
    }
    return (size_t)i;
}

static uint8_t byte_value(px_val v) {
    if (!px_is_int(v)) {
        px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
    }
    px_int i = px_text_byte_int(v);
    if (i < 0) {
        px_raise_value_error("byte must be in range(0, 256)");
    }
    return (uint8_t)i;
}

/* bytearray[a:b] = value / del bytearray[a:b] */
static void bytearray_set_slice(px_bytearray_obj *ba, px_val index, px_val value) {
    px_int start, stop, step;
    size_t count;
    px_slice_indices(index, ba->len, &start, &stop, &step, &count);
    const uint8_t *src = NULL;
    size_t slen = 0;
    if (value != PX_DELETE) {
        if (px_is_int(value)) {
            px_raise_type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        px_strbuf tmp;
        px_strbuf_init(&tmp, 16);
        bytes_from_source(&tmp, value, "byte must be in range(0, 256)", "bytearray");
        src = (const uint8_t *)tmp.data;
        slen = tmp.len;
    }
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        size_t a = (size_t)start, b = (size_t)stop;
        size_t tail = ba->len - b;
        size_t newlen = ba->len - (b - a) + slen;
        if (slen > b - a) {
            px_bytearray_resize(ba, newlen);
            memmove(ba->data + a + slen, ba->data + b, tail);
        } else {
            memmove(ba->data + a + slen, ba->data + b, tail);
            ba->len = newlen;
        }
        if (slen) {
            memcpy(ba->data + a, src, slen);
        }
        return;
    }
    if (value == PX_DELETE || slen == 0) {
        /* Remove the selected positions, keeping the others in order
         * (assigning empty bytes to an extended slice deletes, as CPython). */
        size_t w = 0;
        for (size_t r = 0; r < ba->len; r++) {
            bool sel = false;
            px_int off = (px_int)r - start;
            if (off % step == 0) {
                px_int k = off / step;
                sel = k >= 0 && (size_t)k < count;
            }
            if (!sel) {
                ba->data[w++] = ba->data[r];
            }
        }
        ba->len = w;
        return;
    }
    if (slen != count) {
        px_raise_value_error("attempt to assign bytes of size %zu to extended slice of size %zu", slen, count);
    }
    for (size_t i = 0; i < count; i++) {
        ba->data[start + (px_int)i * step] = src[i];
    }
}

static px_val bytes_subscr(px_val self, px_val index, px_val value) {
    if (value == PX_NULL) {
        if (px_is_slice(index)) {
            return slice_of(self, index);
        }
        size_t len;
        uint8_t *d = any_data(self, &len);
        return px_small(d[item_index(self, index, len)]);
    }
    if (px_is_bytes(self)) {
        px_seq_refuse_store(index, value, "bytes");
    }
    px_bytearray_obj *ba = px_as_ptr(self);
    if (px_is_slice(index)) {
        bytearray_set_slice(ba, index, value);
        return PX_NONE;
    }
    size_t i = item_index(self, index, ba->len);
    if (value == PX_DELETE) {
        memmove(ba->data + i, ba->data + i + 1, ba->len - i - 1);
        ba->len--;
    } else {
        ba->data[i] = byte_value(value);
    }
    return PX_NONE;
}

/* ---- iteration */

typedef struct {
    px_obj base;
    px_val obj;
    size_t i;
} bytes_iter_obj;

static px_val bytes_iter_next(px_val self) {
    bytes_iter_obj *it = px_as_ptr(self);
    size_t len;
    uint8_t *d = any_data(it->obj, &len);
    if (it->i >= len) {
        return PX_NULL;
    }
    return px_small(d[it->i++]);
}

static px_val iter_self(px_val self) {
    return self;
}

static const px_type bytes_iterator_type = {
    .base = {&px_type_type},
    .name = PX_Q(bytes_iterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = iter_self,
    .next = bytes_iter_next,
};

static px_val bytes_iter(px_val self) {
    bytes_iter_obj *it = px_gc_alloc(sizeof *it, 0);
    it->base.type = &bytes_iterator_type;
    it->obj = self;
    return px_from_ptr(it);
}

/* ---- operators */

static bool is_bytes_family(px_val v) {
    return px_is_bytes(v) || px_is_type(v, &px_type_bytearray);
}

static px_val repeat(px_val self, px_val n) {
    size_t len;
    uint8_t *d = any_data(self, &len);
    int64_t k = px_cont_index(n);
    if (k < 0 || len == 0) {
        k = 0;
    }
    if (len && (uint64_t)k > (SIZE_MAX / 2) / len) {
        px_raise_memory_error();
    }
    px_strbuf b;
    px_strbuf_init(&b, len * (size_t)k);
    for (int64_t i = 0; i < k; i++) {
        px_strbuf_add(&b, (const char *)d, len);
    }
    if (px_is_type(self, &px_type_bytearray)) {
        return px_bytearray(b.data, b.len);
    }
    return px_bytes(b.data, b.len);
}

static bool user_class(px_val v) { return (px_type_of(v)->flags & PX_TF_HEAPTYPE) != 0; }

static px_val bytes_binop(px_binop op, px_val lhs, px_val rhs) {
    bool lb = is_bytes_family(lhs);
    bool rb = is_bytes_family(rhs) || (!lb ? false : has_buffer(rhs));
    switch (op) {
    case PX_BINOP_ADD:
    case PX_BINOP_IADD: {
        if (!lb) {
            return PX_NOTIMPL;
        }
        if (!rb) {
            if (px_type_of(rhs)->flags & PX_TF_HEAPTYPE) {
                return PX_NOTIMPL;
            }
            px_raise_type_error("can't concat %s to %s", px_type_name(rhs), px_type_name(lhs));
        }
        size_t la, lr;
        const uint8_t *a = any_data(lhs, &la);
        const uint8_t *b = px_bytes_arg(rhs, &lr);
        if (op == PX_BINOP_IADD && px_is_type(lhs, &px_type_bytearray)) {
            px_bytearray_obj *ba = px_as_ptr(lhs);
            /* rhs may alias lhs: copy it out first */
            px_val copy = px_bytes(b, lr);
            px_bytearray_resize(ba, la + lr);
            memcpy(ba->data + la, ((px_strobj *)px_as_ptr(copy))->data, lr);
            return lhs;
        }
        px_strbuf s;
        px_strbuf_init(&s, la + lr);
        px_strbuf_add(&s, (const char *)a, la);
        px_strbuf_add(&s, (const char *)b, lr);
        return px_bytes_like(lhs, s.data, s.len);
    }
    case PX_BINOP_MUL:
    case PX_BINOP_IMUL:
        if (lb && px_cont_is_index(rhs)) {
            px_val r = repeat(lhs, rhs);
            if (op == PX_BINOP_IMUL && px_is_type(lhs, &px_type_bytearray)) {
                px_bytearray_obj *ba = px_as_ptr(lhs), *rb2 = px_as_ptr(r);
                *ba = *rb2;
                ba->base.type = &px_type_bytearray;
                return lhs;
            }
            return r;
        }
        if (px_cont_is_index(lhs) && is_bytes_family(rhs)) {
            return repeat(rhs, lhs);
        }
        /* a user class may still answer with __rmul__/__mul__ */
        if ((lb && !user_class(rhs)) || (is_bytes_family(rhs) && !lb && !user_class(lhs))) {
            px_raise_type_error("can't multiply sequence by non-int of type '%s'", px_type_name(lb ? rhs : lhs));
        }
        return PX_NOTIMPL;
    case PX_BINOP_MOD:
    case PX_BINOP_IMOD:
        if (lb) {
            return px_bytes_modulo(lhs, rhs);
        }
        return PX_NOTIMPL;
    case PX_BINOP_EQ:
    case PX_BINOP_NE:
    case PX_BINOP_LT:
    case PX_BINOP_LE:
    case PX_BINOP_GT:
    case PX_BINOP_GE: {
        /* bytes and bytearray compare with each other; a memoryview
         * compares itemwise through its own slot. */
        if (!lb || !is_bytes_family(rhs)) {
            return PX_NOTIMPL;
        }
        size_t la, lr;
        const uint8_t *a = any_data(lhs, &la);
        const uint8_t *b = px_bytes_arg(rhs, &lr);
        int c = memcmp(a, b, la < lr ? la : lr);
        if (c == 0) {
            c = la < lr ? -1 : la > lr;
        }
        bool r = op == PX_BINOP_EQ   ? c == 0
                 : op == PX_BINOP_NE ? c != 0
                 : op == PX_BINOP_LT ? c < 0
                 : op == PX_BINOP_LE ? c <= 0
                 : op == PX_BINOP_GT ? c > 0
                                     : c >= 0;
        return px_bool(r);
    }
    case PX_BINOP_CONTAINS: {
        size_t la;
        const uint8_t *a = any_data(lhs, &la);
        if (px_is_int(rhs)) {
            uint8_t v = byte_value(rhs);
            return px_bool(la && memchr(a, v, la) != NULL);
        }
        size_t lr;
        const uint8_t *b = px_bytes_arg(rhs, &lr);
        return px_bool(px_text_find((const char *)a, la, (const char *)b, lr, 1) >= 0);
    }
    default:
        return PX_NOTIMPL;
    }
}

/* ---- the types */

const px_type px_type_bytes = {
    .base = {&px_type_type},
    .name = PX_Q(bytes),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &px_bytes_dict,
    .make = bytes_make,
    .print = bytes_print,
    .unop = bytes_unop,
    .binop = bytes_binop,
    .subscr = bytes_subscr,
    .iter = bytes_iter,
    .buffer = bytes_buffer,
};

const px_type px_type_bytearray = {
    .base = {&px_type_type},
    .name = PX_Q(bytearray),
    .flags = PX_TF_BASETYPE | PX_TF_UNHASHABLE,
    .base_type = &px_type_object,
    .dict = &px_bytearray_dict,
    .make = bytearray_make,
    .print = bytearray_print,
    .unop = bytes_unop,
    .binop = bytes_binop,
    .subscr = bytes_subscr,
    .iter = bytes_iter,
    .buffer = bytearray_buffer,
};
