/* memoryview: a one-dimensional view of another object's buffer with an
 * item format (b B h H i I l L q Q n N f d c ?), sliced with any step
 * without copying. Views of views share the original exporter. */
#include "str_impl.h"
#include "contutil.h"

/* ---- item formats */

size_t px_buffer_item_size(char f) {
    switch (f) {
    case 'b':
    case 'B':
    case 'c':
    case '?':
        return 1;
    case 'h':
    case 'H':
        return sizeof(short);
    case 'i':
    case 'I':
        return sizeof(int);
    case 'l':
    case 'L':
        return sizeof(long);
    case 'q':
    case 'Q':
        return sizeof(long long);
    case 'n':
    case 'N':
        return sizeof(size_t);
#if PX_HAS_FLOAT /* without floats, 'f' and 'd' are unknown formats */
    case 'f':
        return sizeof(float);
    case 'd':
        return sizeof(double);
#endif
    default:
        return 0;
    }
}

static bool format_is_byte(char f) {
    return f == 'B' || f == 'b' || f == 'c';
}

static bool format_is_signed(char f) {
    return f == 'b' || f == 'h' || f == 'i' || f == 'l' || f == 'q' || f == 'n';
}

px_val px_buffer_unpack_item(const uint8_t *p, char f) {
    switch (f) {
    case 'c':
        return px_bytes(p, 1);
    case '?':
        return px_bool(*p != 0);
#if PX_HAS_FLOAT
    case 'f': {
        float x;
        memcpy(&x, p, sizeof x);
        return px_float(x);
    }
    case 'd': {
        double x;
        memcpy(&x, p, sizeof x);
        return px_float(x);
    }
#endif
    default:
        break;
    }
    size_t n = px_buffer_item_size(f);
    uint64_t u = 0;
    /* Native byte order: copy into the low bytes of a same-size integer. */
    if (n == 1) {
        u = *p;
    } else if (n == 2) {
        uint16_t x;
        memcpy(&x, p, 2);
        u = x;
    } else if (n == 4) {
        uint32_t x;
        memcpy(&x, p, 4);
        u = x;
    } else {
        memcpy(&u, p, 8);
    }
    if (format_is_signed(f)) {
        unsigned shift = (unsigned)(64 - 8 * n);
        int64_t s = shift ? (int64_t)(u << shift) >> shift : (int64_t)u;
        return px_int_from_i64(s);
    }
    return px_int_from_u64(u);
}

/* An int as a two's complement 64-bit pattern; false if it does not fit
 * in 64 bits signed or unsigned. */
static bool int_bits(px_val v, uint64_t *out, bool *negative) {
    volatile bool ok = true;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        int64_t s = px_int_to_i64(v);
        *out = (uint64_t)s;
        *negative = s < 0;
        px_try_pop(&j);
        return true;
    }
    /* Too big for int64: perhaps an unsigned value in [2^63, 2^64). */
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_val below = px_int_binop(PX_BINOP_SUB, v, px_int_from_u64(UINT64_MAX));
        int64_t s = px_int_to_i64(below);
        ok = s <= 0;
        *out = (uint64_t)s + UINT64_MAX;
        *negative = false;
        px_try_pop(&j);
    } else {
        ok = false;
    }
    return ok;
}

PX_NORETURN static void bad_type(char f) {
    px_raise_type_error("memoryview: invalid type for format '%c'", f);
}
PX_NORETURN static void bad_value(char f) {
    px_raise_value_error("memoryview: invalid value for format '%c'", f);
}

static void pack_item(uint8_t *p, char f, px_val v) {
    switch (f) {
    case 'c': {
        if (!px_isinstance(v, &px_type_bytes)) {
            bad_type(f);
        }
        size_t n;
        const uint8_t *d = px_bytes_data(px_native(v, &px_type_bytes), &n);
        if (n != 1) {
            bad_value(f);
        }
        *p = d[0];
        return;
    }
    case '?':
        *p = px_truthy(v);
        return;
#if PX_HAS_FLOAT
    case 'f':
    case 'd': {
        if (!px_is_int(v) && !px_is_float(v)) {
            bad_type(f);
        }
        double d = px_float_of(v);
        if (f == 'f') {
            float x = (float)d;
            memcpy(p, &x, sizeof x);
        } else {
            memcpy(p, &d, sizeof d);
        }
        return;
    }
#endif
    default:
        break;
    }
    if (!px_is_int(v)) {
        bad_type(f);
    }
    uint64_t u;
    bool neg;
    if (!int_bits(v, &u, &neg)) {
        bad_value(f);
    }
    size_t n = px_buffer_item_size(f);
    if (format_is_signed(f)) {
        int64_t s = (int64_t)u, lim = n < 8 ? (int64_t)1 << (8 * n - 1) : 0;
        if ((!neg && u > (uint64_t)INT64_MAX) || (n < 8 && (s < -lim || s >= lim))) {
            bad_value(f);
        }
    } else if (neg || (n < 8 && u >> (8 * n) != 0)) {
        bad_value(f);
    }
    if (n == 1) {
        *p = (uint8_t)u;
    } else if (n == 2) {
        uint16_t x = (uint16_t)u;
        memcpy(p, &x, 2);
    } else if (n == 4) {
        uint32_t x = (uint32_t)u;
        memcpy(p, &x, 4);
    } else {
        memcpy(p, &u, 8);
    }
}

/* ---- the view */

static px_memview_obj *mv_new(void) {
    px_memview_obj *m = px_gc_alloc(sizeof *m, 0);
    m->base.type = &px_type_memoryview;
    return m;
}

static px_memview_obj *mv_checked(px_val self) {
    px_memview_obj *m = px_as_ptr(self);
    if (m->released) {
        px_raise_value_error("operation forbidden on released memoryview object");
    }
    return m;
}

static bool mv_contiguous(const px_memview_obj *m) {
    return m->count <= 1 || m->stride == (ptrdiff_t)m->itemsize;
}

/* Address of item 0, checking the view still fits its exporter (a
 * bytearray may have shrunk under it: the view then shrinks too). */
static uint8_t *mv_base(px_memview_obj *m, size_t *count) {
    px_buffer buf;
    px_get_buffer(m->obj, &buf, PX_BUF_READ);
    size_t n = m->count;
    if (n) {
        if (m->stride >= 0) {
            while (n && m->start + (n - 1) * (size_t)m->stride + m->itemsize > buf.len) {
                n--;
            }
        } else if (m->start + m->itemsize > buf.len) {
            px_raise_msg(&px_type_BufferError, "memoryview: underlying buffer was resized");
        }
    }
    *count = n;
    return (uint8_t *)buf.data + m->start;
}

static uint8_t *mv_item_ptr(uint8_t *base, const px_memview_obj *m, size_t i) {
    return base + (ptrdiff_t)i * m->stride;
}

/* The bytes of the view in order, as a new bytes object. */
static px_val mv_to_bytes(px_memview_obj *m) {
    size_t n;
    uint8_t *base = mv_base(m, &n);
    if (mv_contiguous(m)) {
        return px_bytes(base, n * m->itemsize);
    }
    px_strbuf b;
    px_strbuf_init(&b, n * m->itemsize);
    for (size_t i = 0; i < n; i++) {
        px_strbuf_add(&b, (const char *)mv_item_ptr(base, m, i), m->itemsize);
    }
    return px_strbuf_to_bytes(&b);
}

static px_val mv_from(px_val obj) {
    if (px_is_type(obj, &px_type_memoryview)) {
        px_memview_obj *src = mv_checked(obj);
        px_memview_obj *m = mv_new();
        *m = *src;
        return px_from_ptr(m);
    }
    const px_type *t = px_type_of(obj);
    px_buffer buf;
    bool ok = t->buffer && t->buffer(obj, &buf, PX_BUF_READ);
    if (!ok && (t->flags & PX_TF_HEAPTYPE) &&
        (px_isinstance(obj, &px_type_bytes) || px_isinstance(obj, &px_type_bytearray))) {
        px_get_buffer(obj, &buf, PX_BUF_READ);
        ok = true;
    }
    if (!ok) {
        px_raise_type_error("memoryview: a bytes-like object is required, not '%s'", px_type_name(obj));
    }
    char f = px_buffer_item_size(buf.typecode) ? buf.typecode : 'B';
    px_memview_obj *m = mv_new();
    m->obj = obj;
    m->itemsize = (uint8_t)px_buffer_item_size(f);
    m->format = f;
    m->count = buf.len / m->itemsize;
    m->stride = (ptrdiff_t)m->itemsize;
    m->readonly = buf.readonly;
    return px_from_ptr(m);
}

static px_val mv_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(object), PX_ARG_REQUIRED, PX_UNSET}};
    px_val a[1];
    px_parse_args(PX_Q(memoryview), argc, argv, kwnames, 1, spec, a);
    return mv_from(a[0]);
}

static void mv_print(px_out *out, px_val self, px_print_kind kind) {
    px_memview_obj *m = px_as_ptr(self);
    px_printf(out, "<%smemory at 0x%lx>", m->released ? "released " : "", (unsigned long)(uintptr_t)m);
}

static bool mv_buffer(px_val self, px_buffer *buf, unsigned flags) {
    px_memview_obj *m = mv_checked(self);
    if (((flags & PX_BUF_WRITE) && m->readonly) || !mv_contiguous(m)) {
        return false;
    }
    size_t n;
    buf->data = mv_base(m, &n);
    buf->len = n * m->itemsize;
    buf->typecode = m->format;
    buf->readonly = m->readonly;
    return true;
}

/* ---- items and slices */

static size_t mv_index(px_val index, size_t n) {
    px_int i = px_seq_index_arg(index);
    if (i < 0) {
        i += (px_int)n;
    }
    if (i < 0 || (size_t)i >= n) {
        px_raise_index_error("index out of bounds on dimension 1");
    }
    return (size_t)i;
}

static bool is_index(px_val v) {
    return px_is_int(v) || px_type_lookup(px_type_of(v), PX_Q(__index__)) != PX_NULL;
}

static px_val mv_subscr(px_val self, px_val index, px_val value) {
    px_memview_obj *m = mv_checked(self);
    size_t n;
    uint8_t *base = mv_base(m, &n);
    bool slice = px_is_slice(index);
    if (!slice && !is_index(index)) {
        if (index == PX_ELLIPSIS && value == PX_NULL) {
            return self;
        }
        px_raise_type_error("memoryview: invalid slice key");
    }
    if (value == PX_NULL) {
        if (!slice) {
            return px_buffer_unpack_item(mv_item_ptr(base, m, mv_index(index, n)), m->format);
        }
        px_int start, stop, step;
        size_t count;
        px_slice_indices(index, n, &start, &stop, &step, &count);
        px_memview_obj *v = mv_new();
        *v = *m;
        v->start = m->start + (size_t)((ptrdiff_t)start * m->stride);
        v->count = count;
        v->stride = m->stride * (ptrdiff_t)step;
        return px_from_ptr(v);
    }
    if (m->readonly) {
        px_raise_type_error("cannot modify read-only memory");
    }
    if (value == PX_DELETE) {
        px_raise_type_error("cannot delete memory");
    }
    if (!slice) {
        pack_item(mv_item_ptr(base, m, mv_index(index, n)), m->format, value);
        return PX_NONE;
    }
    px_int start, stop, step;
    size_t count;
    px_slice_indices(index, n, &start, &stop, &step, &count);
    /* The source must have the same format and length; copy it first since
     * it may overlap the destination. */
    px_memview_obj *src = px_as_ptr(mv_from(value));
    if (src->format != m->format || src->count != count) {
        px_raise_value_error("memoryview assignment: lvalue and rvalue have different structures");
    }
    size_t sl;
    const uint8_t *s = px_bytes_data(mv_to_bytes(src), &sl);
    for (size_t i = 0; i < count && (i + 1) * m->itemsize <= sl; i++) {
        memcpy(base + (start + (px_int)i * step) * m->stride, s + i * m->itemsize, m->itemsize);
    }
    return PX_NONE;
}

/* ---- iteration */

typedef struct {
    px_obj base;
    px_val view;
    size_t i;
} mv_iter_obj;

static px_val mv_iter_next(px_val self) {
    mv_iter_obj *it = px_as_ptr(self);
    px_memview_obj *m = mv_checked(it->view);
    size_t n;
    uint8_t *base = mv_base(m, &n);
    if (it->i >= n) {
        return PX_NULL;
    }
    return px_buffer_unpack_item(mv_item_ptr(base, m, it->i++), m->format);
}

static const px_type mv_iter_type = {
    .base = {&px_type_type},
    .name = PX_Q(memory_iterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = px_cont_iter_self,
    .next = mv_iter_next,
};

static px_val mv_iter(px_val self) {
    mv_checked(self);
    mv_iter_obj *it = px_gc_alloc(sizeof *it, 0);
    it->base.type = &mv_iter_type;
    it->view = self;
    return px_from_ptr(it);
}

/* ---- operators */

static px_val mv_unop(px_unop op, px_val self) {
    px_memview_obj *m = px_as_ptr(self);
    switch (op) {
    case PX_UNOP_LEN:
    case PX_UNOP_BOOL: {
        size_t n;
        mv_base(mv_checked(self), &n);
        return op == PX_UNOP_LEN ? px_small((px_int)n) : px_bool(n != 0);
    }
    case PX_UNOP_HASH: {
        mv_checked(self);
        if (!m->readonly) {
            px_raise_value_error("cannot hash writable memoryview object");
        }
        if (!format_is_byte(m->format)) {
            px_raise_value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        }
        /* Equal to the hash of the same bytes. */
        return px_small(px_hash(mv_to_bytes(m)));
    }
    default:
        return PX_NOTIMPL;
    }
}

static bool has_buffer(px_val v) {
    const px_type *t = px_type_of(v);
    px_buffer buf;
    if (px_is_type(v, &px_type_memoryview)) {
        return true;
    }
    if (t->buffer) {
        return t->buffer(v, &buf, PX_BUF_READ);
    }
    return (t->flags & PX_TF_HEAPTYPE) && (px_isinstance(v, &px_type_bytes) || px_isinstance(v, &px_type_bytearray));
}

/* Views are equal when they have the same length and equal items, whatever
 * their formats; a released view equals only itself. */
static bool mv_equal(px_val a, px_val b) {
    px_memview_obj *x = px_as_ptr(a);
    px_memview_obj *y = px_as_ptr(px_is_type(b, &px_type_memoryview) ? b : mv_from(b));
    if (x->released || y->released) {
        return x == y;
    }
    size_t nx, ny;
    uint8_t *bx = mv_base(x, &nx), *by = mv_base(y, &ny);
    if (nx != ny) {
        return false;
    }
    bool raw = x->format == y->format && x->format != 'f' && x->format != 'd' && x->format != '?';
    for (size_t i = 0; i < nx; i++) {
        const uint8_t *p = mv_item_ptr(bx, x, i), *q = mv_item_ptr(by, y, i);
        if (raw ? memcmp(p, q, x->itemsize) != 0 : !px_equal(px_buffer_unpack_item(p, x->format), px_buffer_unpack_item(q, y->format))) {
            return false;
        }
    }
    return true;
}

static px_val mv_binop(px_binop op, px_val lhs, px_val rhs) {
    switch (op) {
    case PX_BINOP_EQ:
    case PX_BINOP_NE: {
        px_val self = px_is_type(lhs, &px_type_memoryview) ? lhs : rhs;
        px_val other = self == lhs ? rhs : lhs;
        if (!has_buffer(other)) {
            return PX_NOTIMPL;
        }
        return px_bool(mv_equal(self, other) == (op == PX_BINOP_EQ));
    }
    case PX_BINOP_CONTAINS: {
        px_val it = mv_iter(lhs), x;
        while ((x = px_next(it)) != PX_NULL) {
            if (px_equal(x, rhs)) {
                return PX_TRUE;
            }
        }
        return PX_FALSE;
    }
    default:
        return PX_NOTIMPL;
    }
}

/* ---- attributes */

static px_val int_tuple1(px_int v) {
    px_val item = px_small(v);
    return px_tuple_new(1, &item);
}

static px_val mv_getattr(px_val self, px_qid name) {
    px_memview_obj *m = px_as_ptr(self);
    if (name == PX_Q(obj)) {
        return m->released ? PX_NONE : m->obj;
    }
    mv_checked(self);
    size_t n;
    switch (name) {
    case PX_Q(readonly):
        return px_bool(m->readonly);
    case PX_Q(nbytes):
        mv_base(m, &n);
        return px_small((px_int)(n * m->itemsize));
    case PX_Q(itemsize):
        return px_small(m->itemsize);
    case PX_Q(format): {
        char f[2] = {'@', m->format};
        return m->at_prefix ? px_str(f, 2) : px_str(f + 1, 1);
    }
    case PX_Q(ndim):
        return px_small(1);
    case PX_Q(shape):
        mv_base(m, &n);
        return int_tuple1((px_int)n);
    case PX_Q(strides):
        return int_tuple1((px_int)m->stride);
    case PX_Q(suboffsets):
        return px_tuple_new(0, NULL);
    case PX_Q(c_contiguous):
    case PX_Q(f_contiguous):
    case PX_Q(contiguous):
        return px_bool(mv_contiguous(m));
    default:
        return PX_NULL;
    }
}

/* ---- methods */

static px_val mv_tobytes(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(order), 0, PX_NONE}};
    px_val a[1];
    px_parse_args(PX_Q(tobytes), argc - 1, argv + 1, kwnames, 1, spec, a);
    return mv_to_bytes(mv_checked(argv[0]));
}

static px_val mv_tolist(px_val self) {
    px_memview_obj *m = mv_checked(self);
    size_t n;
    uint8_t *base = mv_base(m, &n);
    px_val list = px_list_new(n, NULL);
    for (size_t i = 0; i < n; i++) {
        px_list_ptr(list)->items[i] = px_buffer_unpack_item(mv_item_ptr(base, m, i), m->format);
    }
    return list;
}

static px_val mv_hex(size_t argc, const px_val *argv, px_val kwnames) {
    px_val args[3];
    size_t k = px_cont_kw_count(kwnames);
    if (argc + k > 3) {
        px_raise_type_error("hex() takes at most 2 arguments (%zu given)", argc + k - 1);
    }
    memcpy(args, argv, (argc + k) * sizeof *args);
    args[0] = mv_to_bytes(mv_checked(argv[0]));
    return px_bytes_hex(argc, args, kwnames);
}

static px_val mv_release(px_val self) {
    ((px_memview_obj *)px_as_ptr(self))->released = true;
    return PX_NONE;
}

static px_val mv_toreadonly(px_val self) {
    px_memview_obj *m = mv_checked(self), *v = mv_new();
    *v = *m;
    v->readonly = true;
    return px_from_ptr(v);
}

static px_val mv_cast(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(format), PX_ARG_REQUIRED, PX_UNSET}, {PX_Q(shape), 0, PX_UNSET}};
    px_val a[2];
    px_parse_args(PX_Q(cast), argc - 1, argv + 1, kwnames, 2, spec, a);
    px_memview_obj *m = mv_checked(argv[0]);
    size_t fl;
    const char *f = px_str_get(a[0], &fl);
    if (f == NULL) {
        px_raise_type_error("cast() argument 'format' must be str, not %s", px_type_name(a[0]));
    }
    bool at = fl == 2 && f[0] == '@';
    if (at) {
        f++;
        fl--;
    }
    if (fl != 1 || px_buffer_item_size(f[0]) == 0) {
        px_raise_value_error("memoryview: destination format must be a native single character format "
                             "prefixed with an optional '@'");
    }
    char to = f[0];
    if (!mv_contiguous(m)) {
        px_raise_type_error("memoryview: casts are restricted to C-contiguous views");
    }
    if (!format_is_byte(to) && !format_is_byte(m->format)) {
        px_raise_type_error("memoryview: cannot cast between two non-byte formats");
    }
    size_t n;
    mv_base(m, &n);
    size_t nbytes = n * m->itemsize, size = px_buffer_item_size(to);
    size_t count = nbytes / size;
    if (a[1] != PX_UNSET) {
        size_t dims;
        px_val *shape = px_cont_items(a[1], &dims);
        if (!px_is_list(a[1]) && !px_is_tuple(a[1])) {
            px_raise_type_error("shape must be a list or a tuple");
        }
        if (dims != 1) {
            px_raise_msg(&px_type_NotImplementedError, "memoryview: only one-dimensional shapes are supported");
        }
        px_int want = px_index(shape[0]);
        if (want < 0 || (size_t)want * size != nbytes) {
            px_raise_type_error("memoryview: product(shape) * itemsize != buffer size");
        }
    } else if (nbytes % size != 0) {
        px_raise_type_error("memoryview: length is not a multiple of itemsize");
    }
    px_memview_obj *v = mv_new();
    *v = *m;
    v->format = to;
    v->at_prefix = at;
    v->itemsize = (uint8_t)size;
    v->count = count;
    v->stride = (ptrdiff_t)size;
    return px_from_ptr(v);
}

static px_val mv_enter(px_val self) {
    mv_checked(self);
    return self;
}

static px_val mv_exit(size_t argc, const px_val *argv) {
    return mv_release(argv[0]);
}

static px_val mv_setitem(px_val self, px_val index, px_val value) {
    return mv_subscr(self, index, value);
}

static px_val mv_delitem(px_val self, px_val index) {
    return mv_subscr(self, index, PX_DELETE);
}

static PX_METH2(mv_m_delitem, &px_type_memoryview, __delitem__, mv_delitem);
static PX_METH3(mv_m_setitem, &px_type_memoryview, __setitem__, mv_setitem);
static PX_METH1(mv_m_enter, &px_type_memoryview, __enter__, mv_enter);
static PX_METHV(mv_m_exit, &px_type_memoryview, __exit__, 1, 4, mv_exit);
static PX_METHKW(mv_m_cast, &px_type_memoryview, cast, 1, 3, mv_cast);
static PX_METHKW(mv_m_hex, &px_type_memoryview, hex, 1, 3, mv_hex);
static PX_METH1(mv_m_release, &px_type_memoryview, release, mv_release);
static PX_METHKW(mv_m_tobytes, &px_type_memoryview, tobytes, 1, 2, mv_tobytes);
static PX_METH1(mv_m_tolist, &px_type_memoryview, tolist, mv_tolist);
static PX_METH1(mv_m_toreadonly, &px_type_memoryview, toreadonly, mv_toreadonly);

static const px_map_entry mv_methods[] = {
    PX_ENTRY_OBJ(__delitem__, &mv_m_delitem),
    PX_ENTRY_OBJ(__enter__, &mv_m_enter),
    PX_ENTRY_OBJ(__exit__, &mv_m_exit),
    PX_ENTRY_OBJ(__setitem__, &mv_m_setitem),
    PX_ENTRY_OBJ(cast, &mv_m_cast),
    PX_ENTRY_OBJ(hex, &mv_m_hex),
    PX_ENTRY_OBJ(release, &mv_m_release),
    PX_ENTRY_OBJ(tobytes, &mv_m_tobytes),
    PX_ENTRY_OBJ(tolist, &mv_m_tolist),
    PX_ENTRY_OBJ(toreadonly, &mv_m_toreadonly),
};
static PX_CONST_MAP(mv_dict, mv_methods);

const px_type px_type_memoryview = {
    .base = {&px_type_type},
    .name = PX_Q(memoryview),
    .flags = 0,
    .base_type = &px_type_object,
    .dict = &mv_dict,
    .make = mv_make,
    .print = mv_print,
    .unop = mv_unop,
    .binop = mv_binop,
    .getattr = mv_getattr,
    .subscr = mv_subscr,
    .iter = mv_iter,
    .buffer = mv_buffer,
};

px_val px_memview_tobytes(px_val view) {
    return mv_to_bytes(mv_checked(view));
}
