/* io.IOBase and io.BufferedWriter.
 *
 * IOBase is the base of streams written in Python. A class deriving from
 * it and defining readinto(buf), write(buf) and ioctl(request, arg), as
 * MicroPython's stream classes do, is a stream to the C side too: its
 * stream protocol (core/stream.h) calls those methods, so select.poll asks
 * ioctl(MP_STREAM_POLL, events) at every wait (what asyncio's waits and
 * its ThreadSafeFlag rely on), and a fileno() the class defines gives the
 * descriptor to wait on. The methods IOBase itself has are CPython's:
 * close/closed, flush, the with statement, iteration over readline(),
 * readlines, writelines, and fileno/seek/tell/truncate raising
 * UnsupportedOperation; they go through self's methods and its `closed`
 * attribute, so a subclass may override any of them.
 *
 * BufferedWriter(raw, buffer_size=8192) keeps small writes in a buffer
 * and hands raw whole buffers; flush() writes what is buffered (raw
 * accepting less is asked again with the rest) and then flushes raw. */
#include <errno.h>

#include "runtime.h"

#define MP_STREAM_POLL 3 /* MicroPython's ioctl request number */
#define DEFAULT_BUFFER_SIZE 8192

typedef struct {
    px_obj base;
    bool closed;
} iobase;

typedef struct {
    iobase io; /* first: IOBase's methods see a BufferedWriter as an IOBase */
    px_val raw;
    unsigned char *buf; /* GC leaf block of cap bytes */
    size_t len, cap;
} bufwriter;

extern const px_type px_type_io_iobase, px_type_io_bufwriter;

/* ---- IOBase's methods: self is the object as called (a subclass
 * instance), so they reach the subclass's methods. */

static bool is_closed(px_val self) {
    return px_truthy(px_getattr(self, PX_Q(closed)));
}

static void check_open(px_val self) {
    if (is_closed(self)) {
        px_raise_value_error("I/O operation on closed file.");
    }
}

/* The IOBase state of self, or NULL for other natives deriving from
 * IOBase (StringIO, BytesIO), which keep their own. */
static iobase *state_of(px_val self) {
    px_val n = px_native(self, &px_type_io_iobase);
    return px_type_of(n) == &px_type_io_iobase ? px_as_ptr(n) : NULL;
}

static px_val iob_close(px_val self) {
    iobase *st = state_of(self);
    if (st != NULL && !st->closed) {
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            px_call_method(self, PX_Q(flush), 0, NULL);
            px_try_pop(&j);
        }
        st->closed = true; /* closed even when flush() raised */
        if (j.exc != PX_NULL) {
            px_raise(j.exc);
        }
    }
    return PX_NONE;
}

/* As CPython's: IOBase's own closed state, not the `closed` attribute. */
static px_val iob_flush(px_val self) {
    iobase *st = state_of(self);
    if (st != NULL ? st->closed : is_closed(self)) {
        px_raise_value_error("I/O operation on closed file.");
    }
    return PX_NONE;
}

static px_val iob_enter(px_val self) {
    check_open(self);
    return self;
}

static px_val iob_exit(size_t argc, const px_val *argv) {
    px_call_method(argv[0], PX_Q(close), 0, NULL);
    return PX_NONE;
}

static px_val iob_iter(px_val self) {
    check_open(self);
    return self;
}

static px_val iob_next(px_val self) {
    px_val line = px_call_method(self, PX_Q(readline), 0, NULL);
    if (!px_truthy(line)) {
        px_raise_stop_iteration(PX_NULL);
    }
    return line;
}

static px_int size_arg(size_t argc, const px_val *argv, size_t i) {
    return argc > i && argv[i] != PX_NONE ? px_index(argv[i]) : -1;
}

/* readline(size=-1): read(1) until a newline, as CPython's IOBase does
 * (a subclass with a faster way overrides it). */
static px_val iob_readline(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    px_int limit = size_arg(argc, argv, 1);
    px_strbuf sb;
    px_strbuf_init(&sb, 0);
    px_val one = px_small(1);
    while (limit < 0 || (px_int)sb.len < limit) {
        px_val b = px_call_method(self, PX_Q(read), 1, &one);
        if (b == PX_NONE) {
            break; /* nothing available now (a non-blocking stream) */
        }
        if (!px_is_type(b, &px_type_bytes) && !px_is_type(b, &px_type_bytearray)) {
            px_raise_type_error("read() should have returned a bytes object, not '%s'", px_type_name(b));
        }
        px_buffer buf;
        px_get_buffer(b, &buf, PX_BUF_READ);
        if (buf.len == 0) {
            break;
        }
        memcpy(px_strbuf_extend(&sb, buf.len), buf.data, buf.len);
        if (((const char *)buf.data)[buf.len - 1] == '\n') {
            break;
        }
    }
    return px_strbuf_to_bytes(&sb);
}

static px_val iob_readlines(size_t argc, const px_val *argv) {
    px_int hint = size_arg(argc, argv, 1);
    px_val list = px_list_new(0, NULL);
    size_t total = 0;
    px_val it = px_iter(argv[0]);
    for (px_val line = px_next(it); line != PX_NULL; line = px_next(it)) {
        px_list_append(list, line);
        total += px_len(line);
        if (hint > 0 && total >= (size_t)hint) {
            break;
        }
    }
    return list;
}

static px_val iob_writelines(px_val self, px_val lines) {
    check_open(self);
    px_val it = px_iter(lines);
    for (px_val v = px_next(it); v != PX_NULL; v = px_next(it)) {
        px_call_method(self, PX_Q(write), 1, &v);
    }
    return PX_NONE;
}

static px_val iob_false(px_val self) {
    check_open(self);
    return PX_FALSE;
}

static px_val iob_no(const char *what) {
    px_raise_msg(&px_type_UnsupportedOperation, "%s", what);
}

static px_val iob_fileno(px_val self) {
    return iob_no("fileno");
}

static px_val iob_seek(size_t argc, const px_val *argv) {
    return iob_no("seek");
}

static px_val iob_tell(px_val self) {
    return iob_no("seek"); /* tell() is seek(0, 1), as CPython says */
}

static px_val iob_truncate(size_t argc, const px_val *argv) {
    return iob_no("truncate");
}

static px_val iob_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    /* The arguments are the subclass constructor's, for its __init__:
     * IOBase has none of its own. */
    iobase *st = px_gc_alloc(sizeof *st, 0);
    st->base.type = &px_type_io_iobase;
    return px_from_ptr(st);
}

static px_val iob_getattr(px_val self, px_qid name) {
    if (name == PX_Q(closed)) {
        return px_bool(((iobase *)px_as_ptr(self))->closed);
    }
    return PX_NULL;
}

/* Owner `object`: self is passed as called, not as IOBase's native part. */
#define M1(c, name, f) static PX_METH1(c, &px_type_object, name, f)
#define MV(c, name, lo, hi, f) static PX_METHV(c, &px_type_object, name, lo, hi, f)
M1(iob_close_obj, close, iob_close);
M1(iob_enter_obj, __enter__, iob_enter);
MV(iob_exit_obj, __exit__, 1, 4, iob_exit);
M1(iob_fileno_obj, fileno, iob_fileno);
M1(iob_flush_obj, flush, iob_flush);
M1(iob_isatty_obj, isatty, iob_false);
M1(iob_iter_obj, __iter__, iob_iter);
M1(iob_next_obj, __next__, iob_next);
M1(iob_readable_obj, readable, iob_false);
MV(iob_readline_obj, readline, 1, 2, iob_readline);
MV(iob_readlines_obj, readlines, 1, 2, iob_readlines);
MV(iob_seek_obj, seek, 2, 3, iob_seek);
M1(iob_seekable_obj, seekable, iob_false);
M1(iob_tell_obj, tell, iob_tell);
MV(iob_truncate_obj, truncate, 1, 2, iob_truncate);
M1(iob_writable_obj, writable, iob_false);
static PX_METH2(iob_writelines_obj, &px_type_object, writelines, iob_writelines);

static const px_map_entry iob_methods[] = {
    PX_ENTRY_OBJ(__enter__, &iob_enter_obj),
    PX_ENTRY_OBJ(__exit__, &iob_exit_obj),
    PX_ENTRY_OBJ(__iter__, &iob_iter_obj),
    PX_ENTRY_OBJ(__next__, &iob_next_obj),
    PX_ENTRY_OBJ(close, &iob_close_obj),
    PX_ENTRY_OBJ(fileno, &iob_fileno_obj),
    PX_ENTRY_OBJ(flush, &iob_flush_obj),
    PX_ENTRY_OBJ(isatty, &iob_isatty_obj),
    PX_ENTRY_OBJ(readable, &iob_readable_obj),
    PX_ENTRY_OBJ(readline, &iob_readline_obj),
    PX_ENTRY_OBJ(readlines, &iob_readlines_obj),
    PX_ENTRY_OBJ(seek, &iob_seek_obj),
    PX_ENTRY_OBJ(seekable, &iob_seekable_obj),
    PX_ENTRY_OBJ(tell, &iob_tell_obj),
    PX_ENTRY_OBJ(truncate, &iob_truncate_obj),
    PX_ENTRY_OBJ(writable, &iob_writable_obj),
    PX_ENTRY_OBJ(writelines, &iob_writelines_obj),
};
static PX_CONST_MAP(iob_dict, iob_methods);

/* ---- IOBase's stream protocol: the Python methods behind the C calls */

static long iob_stream_read(px_val self, void *buf, size_t n, int *err) {
    px_val b = px_bytearray(buf, n); /* its contents are overwritten */
    px_val r = px_call_method(self, PX_Q(readinto), 1, &b);
    if (r == PX_NONE) {
        *err = EAGAIN;
        return -1;
    }
    px_int k = px_index(r);
    if (k < 0 || (size_t)k > n) {
        px_raise_value_error("readinto returned %ld outside 0..%lu", (long)k, (unsigned long)n);
    }
    px_buffer got;
    px_get_buffer(b, &got, PX_BUF_READ);
    memcpy(buf, got.data, (size_t)k);
    return (long)k;
}

static long iob_stream_write(px_val self, const void *buf, size_t n, int *err) {
    px_val b = px_bytes(buf, n);
    px_val r = px_call_method(self, PX_Q(write), 1, &b);
    if (r == PX_NONE) {
        *err = EAGAIN;
        return -1;
    }
    return (long)px_index(r);
}

/* The descriptor of a class that defines fileno() itself, else -1 (the
 * object is then waited on through ioctl only). */
static int iob_stream_fileno(px_val self) {
    const px_type *t = px_type_of(self);
    if (px_type_lookup(t, PX_Q(fileno)) == PX_OBJ_CONST(&iob_fileno_obj)) {
        return -1;
    }
    px_int fd = px_index(px_call_method(self, PX_Q(fileno), 0, NULL));
    return fd < 0 || fd > 0x7fffffff ? -1 : (int)fd;
}

/* ioctl(MP_STREAM_POLL, events) -> the events ready now; 0 for a class
 * without ioctl (its descriptor, if any, says). */
static unsigned iob_stream_ready(px_val self, unsigned events) {
    if (px_getattr_opt(self, PX_Q(ioctl)) == PX_NULL) {
        return 0;
    }
    px_val args[2] = {px_small(MP_STREAM_POLL), px_small((px_int)events)};
    px_val r = px_call_method(self, PX_Q(ioctl), 2, args);
    return r == PX_NONE ? 0 : (unsigned)px_index(r);
}

static const px_stream_proto iob_stream = {iob_stream_read, iob_stream_write, iob_stream_fileno, iob_stream_ready};

const px_type px_type_io_iobase = {
    .base = {&px_type_type},
    .name = PX_Q(IOBase),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &iob_dict,
    .make = iob_make,
    .getattr = iob_getattr,
    .proto = &iob_stream,
};

/* ---- BufferedWriter */

static bufwriter *bw_of(px_val self) {
    return px_as_ptr(self);
}

/* what: CPython's wording for the operation refused on a closed writer */
static bufwriter *bw_open(px_val self, const char *what) {
    bufwriter *w = bw_of(self);
    if (w->io.closed) {
        px_raise_value_error("%s", what);
    }
    return w;
}

/* Hand raw the whole buffer; on a short write ask again with the rest.
 * raw.write() returning None (it would block) leaves the rest buffered
 * and raises OSError(EAGAIN). */
static void bw_drain(bufwriter *w) {
    size_t done = 0;
    while (done < w->len) {
        px_val chunk = px_bytes(w->buf + done, w->len - done);
        px_val r = px_call_method(w->raw, PX_Q(write), 1, &chunk);
        if (r == PX_NONE) {
            memmove(w->buf, w->buf + done, w->len - done);
            w->len -= done;
            px_raise_os_error(EAGAIN, "write could not complete without blocking");
        }
        px_int k = px_index(r);
        if (k <= 0 || (size_t)k > w->len - done) {
            px_raise_msg(&px_type_OSError, "raw write() returned invalid length %ld (should have been between 0 and %lu)",
                         (long)k, (unsigned long)(w->len - done));
        }
        done += (size_t)k;
    }
    w->len = 0;
}

static size_t bw_put(bufwriter *w, const unsigned char *data, size_t n) {
    size_t left = n;
    while (left > 0) {
        size_t room = w->cap - w->len;
        size_t k = left < room ? left : room;
        memcpy(w->buf + w->len, data, k);
        w->len += k;
        data += k;
        left -= k;
        if (w->len == w->cap) {
            bw_drain(w);
        }
    }
    return n;
}

static px_val bw_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(raw), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(buffer_size), 0, PX_NONE},
    };
    px_val a[2];
    px_parse_args(PX_Q(BufferedWriter), argc, argv, kwnames, 2, spec, a);
    px_int size = a[1] == PX_NONE ? DEFAULT_BUFFER_SIZE : px_index(a[1]);
    if (size <= 0) {
        px_raise_value_error("buffer size must be strictly positive");
    }
    if (px_getattr_opt(a[0], PX_Q(write)) == PX_NULL) {
        px_raise_type_error("'%s' object is not a writable stream (it has no write())", px_type_name(a[0]));
    }
    bufwriter *w = px_gc_alloc(sizeof *w, 0);
    w->io.base.type = &px_type_io_bufwriter;
    w->raw = a[0];
    w->buf = px_gc_alloc((size_t)size, PX_GC_LEAF);
    w->cap = (size_t)size;
    return px_from_ptr(w);
}

static px_val bw_write(size_t argc, const px_val *argv) {
    bufwriter *w = bw_open(argv[0], "write to closed file");
    if (px_is_str(argv[1]) || px_type_of(argv[1])->buffer == NULL) {
        px_raise_type_error("a bytes-like object is required, not '%s'", px_type_name(argv[1]));
    }
    px_buffer b;
    px_stream_write_arg(argc, argv, &b);
    return px_int_from_u64(bw_put(w, b.data, b.len));
}

static px_val bw_flush(px_val self) {
    bufwriter *w = bw_open(self, "flush of closed file");
    bw_drain(w);
    if (px_getattr_opt(w->raw, PX_Q(flush)) != PX_NULL) {
        px_call_method(w->raw, PX_Q(flush), 0, NULL);
    }
    return PX_NONE;
}

/* close(): flush, then close raw; closed even when the flush failed. */
static px_val bw_close(px_val self) {
    bufwriter *w = bw_of(self);
    if (w->io.closed) {
        return PX_NONE;
    }
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        bw_flush(self);
        px_try_pop(&j);
    }
    w->io.closed = true;
    if (px_getattr_opt(w->raw, PX_Q(close)) != PX_NULL) {
        px_call_method(w->raw, PX_Q(close), 0, NULL);
    }
    if (j.exc != PX_NULL) {
        px_raise(j.exc);
    }
    return PX_NONE;
}

static px_val bw_writable(px_val self) {
    bw_open(self, "I/O operation on closed file.");
    return PX_TRUE;
}

static px_val bw_getattr(px_val self, px_qid name) {
    bufwriter *w = bw_of(self);
    if (name == PX_Q(closed)) {
        return px_bool(w->io.closed);
    }
    if (name == PX_Q(raw)) {
        return w->raw;
    }
    return PX_NULL;
}

static long bw_stream_write(px_val self, const void *buf, size_t n, int *err) {
    return (long)bw_put(bw_open(self, "write to closed file"), buf, n);
}

static const px_stream_proto bw_stream = {NULL, bw_stream_write, NULL, NULL};

static PX_METH1(bw_close_obj, &px_type_io_bufwriter, close, bw_close);
static PX_METH1(bw_flush_obj, &px_type_io_bufwriter, flush, bw_flush);
static PX_METH1(bw_writable_obj, &px_type_io_bufwriter, writable, bw_writable);
static PX_METHV(bw_write_obj, &px_type_io_bufwriter, write, 2, 3, bw_write);

static const px_map_entry bw_methods[] = {
    PX_ENTRY_OBJ(close, &bw_close_obj),
    PX_ENTRY_OBJ(flush, &bw_flush_obj),
    PX_ENTRY_OBJ(writable, &bw_writable_obj),
    PX_ENTRY_OBJ(write, &bw_write_obj),
};
static PX_CONST_MAP(bw_dict, bw_methods);

const px_type px_type_io_bufwriter = {
    .base = {&px_type_type},
    .name = PX_Q(BufferedWriter),
    .base_type = &px_type_io_iobase,
    .dict = &bw_dict,
    .make = bw_make,
    .getattr = bw_getattr,
    .proto = &bw_stream,
};
