/* The io module: in-memory streams (StringIO, BytesIO, with MicroPython's
 * StringIO(alloc_size) form), open() (the port's), UnsupportedOperation,
 * and IOBase and BufferedWriter (io_base.c).
 *
 * Both memory streams keep their contents as bytes (UTF-8 for StringIO)
 * with a byte position. StringIO's tell()/seek() speak characters, as in
 * CPython, and convert by walking the UTF-8; writing overwrites from the
 * position and a position past the end pads with NUL bytes first. */
#include "runtime.h"

typedef struct {
    px_obj base;
    char *data; /* GC leaf block of cap bytes */
    size_t len, cap, pos;
    bool closed;
} px_memio;

extern const px_type px_type_stringio, px_type_bytesio;

static bool is_text(const px_memio *m) {
    return m->base.type == &px_type_stringio;
}

static px_memio *memio_of(px_val v) {
    return (px_memio *)px_as_ptr(v);
}

static px_memio *open_memio(px_val v) {
    px_memio *m = memio_of(v);
    if (m->closed) {
        px_raise_value_error("I/O operation on closed file");
    }
    return m;
}

static void reserve(px_memio *m, size_t need) {
    if (need <= m->cap) {
        return;
    }
    size_t cap = m->cap < 32 ? 32 : m->cap;
    while (cap < need) {
        cap *= 2;
    }
    m->data = px_gc_realloc(m->data, cap, PX_GC_LEAF);
    m->cap = cap;
}

/* The bytes from offset `off` on; an empty stream may have no buffer yet. */
static const char *bytes_at(const px_memio *m, size_t off) {
    return m->data != NULL ? m->data + off : "";
}

/* Byte offset after `chars` characters from byte offset `from` (StringIO). */
static size_t skip_chars(const px_memio *m, size_t from, size_t chars) {
    size_t p = from;
    while (chars > 0 && p < m->len) {
        p++;
        while (p < m->len && ((unsigned char)m->data[p] & 0xC0) == 0x80) {
            p++;
        }
        chars--;
    }
    return p;
}

static size_t count_chars(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return c;
}

static px_val make_result(const px_memio *m, const char *s, size_t n) {
    return is_text(m) ? px_str(s, n) : px_bytes(s, n);
}

/* Overwrite from the position (padding a gap past the end with NULs). */
static void put(px_memio *m, const char *s, size_t n, size_t replace_end) {
    if (n == 0 && replace_end == m->pos) {
        return; /* writing nothing changes nothing, not even past the end (CPython) */
    }
    if (m->pos > m->len) {
        reserve(m, m->pos);
        memset(m->data + m->len, 0, m->pos - m->len);
        m->len = m->pos;
        replace_end = m->pos;
    }
    size_t tail = m->len - replace_end;
    size_t newlen = m->pos + n + tail;
    reserve(m, newlen);
    memmove(m->data + m->pos + n, m->data + replace_end, tail);
    memcpy(m->data + m->pos, s, n);
    m->len = newlen;
    m->pos += n;
}

/* write(v) (argv: NULL), or write(*argv) with argc 2 or 3 (a length). */
static void write_value(px_memio *m, px_val v, size_t argc, const px_val *argv, size_t *units) {
    if (is_text(m)) {
        px_stream_text_write_arg(argc);
        if (!px_is_str(v)) {
            px_raise_type_error("string argument expected, got '%s'", px_type_name(v));
        }
        size_t n;
        const char *s = px_str_data(v, &n);
        size_t chars = px_str_charlen(v);
        put(m, s, n, m->pos > m->len ? m->pos : skip_chars(m, m->pos, chars));
        *units = chars;
        return;
    }
    px_buffer b;
    if (argv != NULL) {
        px_stream_write_arg(argc, argv, &b);
    } else {
        px_get_write_buffer(v, &b);
    }
    size_t end = m->pos + b.len < m->len ? m->pos + b.len : m->len;
    put(m, b.data, b.len, m->pos > m->len ? m->pos : end);
    *units = b.len;
}

static px_val memio_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec text_spec[] = {
        {PX_Q(initial_value), 0, PX_NONE},
        {PX_Q(newline), 0, PX_NONE},
    };
    static const px_argspec bytes_spec[] = {
        {PX_Q(initial_bytes), 0, PX_NONE},
    };
    px_val a[2];
    if (type == &px_type_stringio) {
        px_parse_args(type->name, argc, argv, kwnames, 2, text_spec, a);
    } else {
        px_parse_args(type->name, argc, argv, kwnames, 1, bytes_spec, a);
    }
    px_memio *m = px_gc_alloc(sizeof *m, 0);
    m->base.type = type;
    if (px_is_small(a[0])) {
        /* StringIO(alloc_size): MicroPython's preallocating form */
        px_int n = px_small_get(a[0]);
        if (n < 0) {
            px_raise_value_error("negative size");
        }
        reserve(m, (size_t)n);
    } else if (a[0] != PX_NONE) {
        if (type == &px_type_stringio && !px_is_str(a[0])) {
            px_raise_type_error("initial_value must be str or None, not %s", px_type_name(a[0]));
        }
        size_t units;
        write_value(m, a[0], 0, NULL, &units);
        m->pos = 0;
    }
    return px_from_ptr(m);
}

static px_val memio_read(size_t argc, const px_val *argv) {
    px_memio *m = open_memio(argv[0]);
    px_int n = argc > 1 && argv[1] != PX_NONE ? px_index(argv[1]) : -1;
    size_t start = m->pos < m->len ? m->pos : m->len, end = m->len;
    if (n >= 0) {
        end = is_text(m) ? skip_chars(m, start, (size_t)n) : (start + (size_t)n < m->len ? start + (size_t)n : m->len);
    }
    m->pos = end > m->pos ? end : m->pos;
    return make_result(m, bytes_at(m, start), end - start);
}

static px_val read_line(px_memio *m, px_int limit) {
    size_t start = m->pos < m->len ? m->pos : m->len, end = start;
    size_t units = 0;
    while (end < m->len && (limit < 0 || units < (size_t)limit)) {
        char c = m->data[end++];
        if (is_text(m)) {
            while (end < m->len && ((unsigned char)m->data[end] & 0xC0) == 0x80) {
                end++;
            }
        }
        units++;
        if (c == '\n') {
            break;
        }
    }
    m->pos = end > m->pos ? end : m->pos;
    return make_result(m, bytes_at(m, start), end - start);
}

static px_val memio_readline(size_t argc, const px_val *argv) {
    px_memio *m = open_memio(argv[0]);
    return read_line(m, argc > 1 && argv[1] != PX_NONE ? px_index(argv[1]) : -1);
}

static px_val memio_readlines(size_t argc, const px_val *argv) {
    px_memio *m = open_memio(argv[0]);
    px_val list = px_list_new(0, NULL);
    while (m->pos < m->len) {
        px_list_append(list, read_line(m, -1));
    }
    return list;
}

static px_val memio_next(px_val self) {
    px_memio *m = open_memio(self);
    return m->pos < m->len ? read_line(m, -1) : PX_NULL;
}

static px_val memio_iter(px_val self) {
    open_memio(self);
    return self;
}

static px_val memio_readinto(px_val self, px_val dest) {
    px_memio *m = open_memio(self);
    px_buffer b;
    px_get_buffer(dest, &b, PX_BUF_WRITE);
    size_t avail = m->pos < m->len ? m->len - m->pos : 0;
    size_t n = b.len < avail ? b.len : avail;
    memcpy(b.data, bytes_at(m, m->pos), n);
    m->pos += n;
    return px_int_from_u64(n);
}

/* write(v[, len]) */
static px_val memio_write(size_t argc, const px_val *argv) {
    px_memio *m = open_memio(argv[0]);
    size_t units;
    write_value(m, argv[1], argc, argv, &units);
    return px_int_from_u64(units);
}

static px_val memio_writelines(px_val self, px_val lines) {
    px_val it = px_iter(lines);
    size_t units;
    for (px_val v = px_next(it); v != PX_NULL; v = px_next(it)) {
        write_value(open_memio(self), v, 0, NULL, &units);
    }
    return PX_NONE;
}

static px_val memio_getvalue(px_val self) {
    px_memio *m = open_memio(self);
    return make_result(m, bytes_at(m, 0), m->len);
}

static px_val memio_tell(px_val self) {
    px_memio *m = open_memio(self);
    if (!is_text(m)) {
        return px_int_from_u64(m->pos);
    }
    size_t in = m->pos < m->len ? m->pos : m->len;
    return px_int_from_u64(count_chars(m->data, in) + (m->pos - in));
}

static px_val memio_seek(size_t argc, const px_val *argv) {
    px_memio *m = open_memio(argv[0]);
    px_int off = px_index(argv[1]);
    px_int whence = argc > 2 ? px_index(argv[2]) : 0;
    if (whence < 0 || whence > 2) {
        px_raise_value_error("invalid whence (%ld, should be 0, 1 or 2)", (long)whence);
    }
    if (off > 0 && (uint64_t)off > SIZE_MAX / 4) {
        px_raise_overflow("seek position too large"); /* keeps the position arithmetic exact */
    }
    if (is_text(m)) {
        if (whence != 0 && off != 0) {
            px_raise_msg(&px_type_OSError, whence == 1 ? "Can't do nonzero cur-relative seeks"
                                                       : "Can't do nonzero end-relative seeks");
        }
        if (off < 0) {
            px_raise_value_error("Negative seek position %ld", (long)off);
        }
        if (whence == 0) {
            size_t p = skip_chars(m, 0, (size_t)off);
            size_t have = count_chars(m->data, p);
            m->pos = p + ((size_t)off - have); /* past the end: counted in bytes */
        } else if (whence == 2) {
            m->pos = m->len;
        }
        return memio_tell(argv[0]);
    }
    px_int base = whence == 0 ? 0 : whence == 1 ? (px_int)m->pos : (px_int)m->len;
    if (whence == 0 && off < 0) {
        px_raise_value_error("negative seek value %ld", (long)off);
    }
    px_int p = base + off;
    m->pos = p < 0 ? 0 : (size_t)p;
    return px_int_from_u64(m->pos);
}

/* Cut the contents at `size` (default: the position); returns that size. */
static px_val memio_truncate(size_t argc, const px_val *argv) {
    px_memio *m = open_memio(argv[0]);
    px_val ret = memio_tell(argv[0]);
    size_t size = m->pos;
    if (argc > 1 && argv[1] != PX_NONE) {
        px_int n = px_index(argv[1]);
        if (n < 0) {
            px_raise_value_error("negative size value %ld", (long)n);
        }
        size = is_text(m) ? skip_chars(m, 0, (size_t)n) : (size_t)n;
        ret = argv[1];
    }
    if (size < m->len) {
        m->len = size;
    }
    return ret;
}

static px_val memio_close(px_val self) {
    px_memio *m = memio_of(self);
    m->closed = true;
    m->data = NULL;
    m->len = m->cap = m->pos = 0;
    return PX_NONE;
}

static px_val memio_true(px_val self) {
    open_memio(self);
    return PX_TRUE;
}

static px_val memio_false(px_val self) {
    open_memio(self);
    return PX_FALSE;
}

static px_val memio_flush(px_val self) {
    open_memio(self);
    return PX_NONE;
}

static px_val memio_enter(px_val self) {
    open_memio(self);
    return self;
}

static px_val memio_exit(size_t argc, const px_val *argv) {
    return memio_close(argv[0]);
}

static px_val memio_getattr(px_val self, px_qid name) {
    if (name == PX_Q(closed)) {
        return px_bool(memio_of(self)->closed);
    }
    return PX_NULL;
}

/* The stream protocol, so C readers and writers can use memory streams. */
static long stream_read(px_val self, void *buf, size_t n, int *err) {
    px_memio *m = memio_of(self);
    size_t avail = m->pos < m->len ? m->len - m->pos : 0;
    size_t k = n < avail ? n : avail;
    memcpy(buf, bytes_at(m, m->pos), k);
    m->pos += k;
    return (long)k;
}

static long stream_write(px_val self, const void *buf, size_t n, int *err) {
    px_memio *m = memio_of(self);
    size_t end = m->pos + n < m->len ? m->pos + n : m->len;
    put(m, buf, n, m->pos > m->len ? m->pos : end);
    return (long)n;
}

static const px_stream_proto memio_stream = {stream_read, stream_write, NULL, NULL};

/* Methods live on a shared base so the runtime checks `self`. */
extern const px_type px_type_memio_base;
#define M1(c, name, f) static PX_METH1(c, &px_type_memio_base, name, f)
#define MV(c, name, lo, hi, f) static PX_METHV(c, &px_type_memio_base, name, lo, hi, f)
M1(m_close, close, memio_close);
M1(m_enter, __enter__, memio_enter);
MV(m_exit, __exit__, 1, 4, memio_exit);
M1(m_flush, flush, memio_flush);
M1(m_getvalue, getvalue, memio_getvalue);
M1(m_isatty, isatty, memio_false);
MV(m_read, read, 1, 2, memio_read);
M1(m_readable, readable, memio_true);
MV(m_readline, readline, 1, 2, memio_readline);
MV(m_readlines, readlines, 1, 2, memio_readlines);
MV(m_seek, seek, 2, 3, memio_seek);
M1(m_seekable, seekable, memio_true);
M1(m_tell, tell, memio_tell);
MV(m_truncate, truncate, 1, 2, memio_truncate);
M1(m_writable, writable, memio_true);
static PX_METHV(m_write, &px_type_memio_base, write, 2, 3, memio_write);
static PX_METH2(m_writelines, &px_type_memio_base, writelines, memio_writelines);
static PX_METH2(m_readinto, &px_type_bytesio, readinto, memio_readinto);

static const px_map_entry base_methods[] = {
    PX_ENTRY_OBJ(__enter__, &m_enter),     PX_ENTRY_OBJ(__exit__, &m_exit),       PX_ENTRY_OBJ(close, &m_close),
    PX_ENTRY_OBJ(flush, &m_flush),         PX_ENTRY_OBJ(getvalue, &m_getvalue),   PX_ENTRY_OBJ(isatty, &m_isatty),
    PX_ENTRY_OBJ(read, &m_read),           PX_ENTRY_OBJ(readable, &m_readable),   PX_ENTRY_OBJ(readline, &m_readline),
    PX_ENTRY_OBJ(readlines, &m_readlines), PX_ENTRY_OBJ(seek, &m_seek),           PX_ENTRY_OBJ(seekable, &m_seekable),
    PX_ENTRY_OBJ(tell, &m_tell),           PX_ENTRY_OBJ(truncate, &m_truncate),   PX_ENTRY_OBJ(writable, &m_writable),
    PX_ENTRY_OBJ(write, &m_write),         PX_ENTRY_OBJ(writelines, &m_writelines),
};
static PX_CONST_MAP(base_dict, base_methods);
static const px_map_entry bytesio_methods[] = {
    PX_ENTRY_OBJ(readinto, &m_readinto),
};
static PX_CONST_MAP(bytesio_dict, bytesio_methods);

/* Under IOBase (io_base.c), whose methods it overrides but for fileno. */
extern const px_type px_type_io_iobase, px_type_io_bufwriter;
const px_type px_type_memio_base = {
    .base = {&px_type_type},
    .name = PX_Q(_MemIO),
    .base_type = &px_type_io_iobase,
    .dict = &base_dict,
};

#define MEMIO_TYPE(cname, pyname, dictp)                                                                           \
    const px_type cname = {                                                                                       \
        .base = {&px_type_type},                                                                                  \
        .name = PX_Q(pyname),                                                                                     \
        .flags = PX_TF_ITERATOR | PX_TF_BASETYPE,                                                                 \
        .base_type = &px_type_memio_base,                                                                         \
        .dict = dictp,                                                                                            \
        .make = memio_make,                                                                                       \
        .getattr = memio_getattr,                                                                                 \
        .iter = memio_iter,                                                                                       \
        .next = memio_next,                                                                                       \
        .proto = &memio_stream,                                                                                   \
    }
MEMIO_TYPE(px_type_stringio, StringIO, NULL);
MEMIO_TYPE(px_type_bytesio, BytesIO, &bytesio_dict);

static const px_map_entry io_table[] = {
    PX_ENTRY_OBJ(BufferedWriter, &px_type_io_bufwriter),
    PX_ENTRY_OBJ(BytesIO, &px_type_bytesio),
    PX_ENTRY_OBJ(IOBase, &px_type_io_iobase),
    PX_ENTRY_OBJ(StringIO, &px_type_stringio),
    PX_ENTRY_OBJ(UnsupportedOperation, &px_type_UnsupportedOperation),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(io))),
    PX_ENTRY_OBJ(open, &px_builtin_open), /* io.open is open, one object */
};
static PX_CONST_MAP(io_globals, io_table);
PX_MODULE_DEF(io, io_globals, PX_MODULE_EXTENSIBLE, NULL);
