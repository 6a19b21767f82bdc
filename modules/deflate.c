/* The deflate module: DeflateIO(stream, format=AUTO, wbits=0, close=False)
 * wraps a blocking stream; read()/readinto() decompress what the stream
 * gives, write() compresses into it, close() ends the compressed data
 * (and closes the stream if close=True). Formats: RAW DEFLATE, ZLIB
 * (RFC 1950: header and Adler-32) and GZIP (RFC 1952: header, CRC-32 and
 * size); AUTO reads zlib or gzip, as the header says, and writes raw.
 * Window sizes as MicroPython documents: wbits 5..15; by default 256
 * bytes, except reading zlib (the header's size, or wbits if smaller) and
 * gzip (32 KB). The decoder is inflate.c, the encoder deflate_enc.c.
 * A DeflateIO ends after one gzip member, as MicroPython's does (a
 * socket may carry more after it); the private format _GZIP_MEMBERS reads
 * every member that follows, zero padding allowed between and after
 * them, until the stream ends, as CPython's gzip module reads (gzip.py). */
#include <string.h>

#include "runtime.h"
#include "checksum.h"
#include "deflate_enc.h"
#include "inflate.h"
#include "objects/str_impl.h"

enum { FMT_AUTO, FMT_RAW, FMT_ZLIB, FMT_GZIP, FMT_GZIP_MEMBERS = 0x1f8b }; /* the last: private, for gzip.py */

typedef struct {
    px_obj base;
    px_val stream;
    uint8_t format, wbits;
    bool close_stream, closed;
    bool members;     /* reading: go on with the gzip members that follow */
    /* reading: inf is NULL until the first read */
    px_inflate *inf;
    px_val chunk;     /* the input bytes inf->in points into */
    uint8_t rformat;  /* ZLIB or GZIP once the header is read, or RAW */
    bool reof;        /* the trailer has been checked */
    uint32_t rcheck;  /* Adler-32 or CRC-32 of what was decompressed */
    /* writing: def is NULL until the first write */
    px_deflate *def;
    uint32_t wcheck;
    uint32_t wsize;   /* bytes written, modulo 2**32 (gzip's ISIZE) */
} dio_obj;

extern const px_type deflate_type_DeflateIO;

static dio_obj *dio_of(px_val v) {
    return px_as_ptr(px_native(v, &deflate_type_DeflateIO));
}

static void check_open(dio_obj *d) {
    if (d->closed) {
        px_raise_value_error("I/O operation on closed DeflateIO");
    }
}

PX_NORETURN static void bad_data(const char *what) {
    px_raise_os_error(PX_DEFLATE_EINVAL, "%s", what);
}

/* ---- reading */

static bool refill(px_inflate *z) {
    dio_obj *d = z->user;
    px_val n = px_small(1024);
    px_val r = px_call_method(d->stream, PX_Q(read), 1, &n);
    if (r == PX_NONE) {
        px_raise_os_error(11 /* EAGAIN */, "DeflateIO needs a blocking stream");
    }
    px_buffer buf;
    px_get_buffer(r, &buf, PX_BUF_READ);
    d->chunk = r;
    z->in = buf.data;
    z->in_end = z->in + buf.len;
    return buf.len > 0;
}

static unsigned header_byte(px_inflate *z) {
    int b = px_inflate_byte(z);
    if (b < 0) {
        bad_data("compressed stream ends in its header");
    }
    return (unsigned)b;
}

/* The rest of a gzip member's header, after its two magic bytes. */
static void read_gzip_header(dio_obj *d, px_inflate *z) {
    if (header_byte(z) != 8) {
        bad_data("not a gzip stream (bad header)");
    }
    unsigned flags = header_byte(z);
    for (int i = 0; i < 6; i++) { /* MTIME, XFL, OS */
        header_byte(z);
    }
    if (flags & 4) { /* FEXTRA */
        unsigned xlen = header_byte(z);
        xlen |= header_byte(z) << 8;
        while (xlen--) {
            header_byte(z);
        }
    }
    for (unsigned f = 8; f <= 16; f <<= 1) { /* FNAME, FCOMMENT: zero-terminated */
        if (flags & f) {
            while (header_byte(z) != 0) {
            }
        }
    }
    if (flags & 2) { /* FHCRC */
        header_byte(z);
        header_byte(z);
    }
    d->rformat = FMT_GZIP;
    d->rcheck = 0;
}

/* Read the zlib or gzip header; returns the window bits to decode with. */
static unsigned read_header(dio_obj *d, px_inflate *z) {
    unsigned fmt = d->format, w = d->wbits;
    if (fmt == FMT_RAW) {
        d->rformat = FMT_RAW;
        return w ? w : 8;
    }
    unsigned b0 = header_byte(z), b1 = header_byte(z);
    if (fmt == FMT_GZIP || (fmt == FMT_AUTO && b0 == 0x1f && b1 == 0x8b)) {
        if (b0 != 0x1f || b1 != 0x8b) {
            bad_data("not a gzip stream (bad header)");
        }
        read_gzip_header(d, z);
        return w ? w : 15;
    }
    if ((b0 & 15) != 8 || (b0 * 256 + b1) % 31 != 0 || (b0 >> 4) > 7) {
        bad_data(fmt == FMT_AUTO ? "not a zlib or gzip stream (bad header)" : "not a zlib stream (bad header)");
    }
    if (b1 & 0x20) {
        bad_data("zlib streams with a preset dictionary are not supported");
    }
    d->rformat = FMT_ZLIB;
    d->rcheck = 1;
    unsigned hw = (b0 >> 4) + 8;
    return w && w < hw ? w : hw;
}

static uint32_t trailer_word(px_inflate *z, bool big_endian) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int b = px_inflate_byte(z);
        if (b < 0) {
            bad_data("compressed stream ends before its checksum");
        }
        v = big_endian ? v << 8 | (uint32_t)b : v | (uint32_t)b << (8 * i);
    }
    return v;
}

static void read_trailer(dio_obj *d) {
    px_inflate *z = d->inf;
    d->reof = true;
    if (d->rformat == FMT_ZLIB) {
        if (trailer_word(z, true) != d->rcheck) {
            bad_data("zlib stream: Adler-32 checksum mismatch");
        }
    } else if (d->rformat == FMT_GZIP) {
        uint32_t crc = trailer_word(z, false), size = trailer_word(z, false);
        if (crc != d->rcheck || size != (uint32_t)z->total) {
            bad_data("gzip stream: CRC-32 or length mismatch");
        }
    }
}

/* After a gzip member's trailer: the next member's header, or the end
 * of the stream (after any zero bytes); anything else is an error. */
static void next_member(dio_obj *d) {
    px_inflate *z = d->inf;
    int b;
    do {
        b = px_inflate_byte(z);
    } while (b == 0);
    if (b < 0) {
        return;
    }
    if (b != 0x1f || header_byte(z) != 0x8b) {
        bad_data("not a gzip stream after a gzip member (bad header)");
    }
    read_gzip_header(d, z);
    px_inflate_restart(z);
    d->reof = false;
}

static size_t dio_read_into(dio_obj *d, uint8_t *out, size_t n) {
    check_open(d);
    if (d->inf == NULL) {
        px_inflate *z = px_gc_alloc(sizeof *z, 0);
        px_inflate_init(z, NULL, 8);
        z->refill = refill;
        z->user = d;
        d->inf = z;
        unsigned w = read_header(d, z);
        px_inflate_window(z, px_gc_alloc((size_t)1 << w, PX_GC_LEAF), w);
    }
    size_t got = 0;
    while (got < n && !d->reof) {
        size_t k = px_inflate_read(d->inf, out + got, n - got);
        if (d->rformat == FMT_ZLIB) {
            d->rcheck = px_adler32(d->rcheck, out + got, k);
        } else if (d->rformat == FMT_GZIP) {
            d->rcheck = px_crc32(d->rcheck, out + got, k);
        }
        got += k;
        if (got < n && px_inflate_done(d->inf)) {
            read_trailer(d);
            if (d->members) {
                next_member(d);
            }
        }
    }
    return got;
}

static px_val dio_read(size_t argc, const px_val *argv) {
    dio_obj *d = dio_of(argv[0]);
    px_int want = argc > 1 && argv[1] != PX_NONE ? px_index(argv[1]) : -1;
    px_strbuf b;
    if (want >= 0) {
        px_strbuf_init(&b, (size_t)want);
        char *p = px_strbuf_extend(&b, (size_t)want);
        b.len = (size_t)(p - b.data) + dio_read_into(d, (uint8_t *)p, (size_t)want);
        return px_strbuf_to_bytes(&b);
    }
    px_strbuf_init(&b, 4096);
    for (;;) {
        char *p = px_strbuf_extend(&b, 4096);
        size_t got = dio_read_into(d, (uint8_t *)p, 4096);
        b.len -= 4096 - got;
        if (got < 4096) {
            break;
        }
    }
    return px_strbuf_to_bytes(&b);
}
static PX_METHV(dio_read_obj, &deflate_type_DeflateIO, read, 1, 2, dio_read);

static px_val dio_readinto(size_t argc, const px_val *argv) {
    dio_obj *d = dio_of(argv[0]);
    px_buffer buf;
    px_get_buffer(argv[1], &buf, PX_BUF_WRITE);
    size_t n = buf.len;
    if (argc > 2) {
        px_int lim = px_index(argv[2]);
        if (lim >= 0 && (size_t)lim < n) {
            n = (size_t)lim;
        }
    }
    return px_small((px_int)dio_read_into(d, buf.data, n));
}
static PX_METHV(dio_readinto_obj, &deflate_type_DeflateIO, readinto, 2, 3, dio_readinto);

/* ---- writing */

static void stream_write(dio_obj *d, const uint8_t *p, size_t n) {
    px_val data = px_bytes(p, n);
    px_call_method(d->stream, PX_Q(write), 1, &data);
}

static void sink(px_deflate *z, const uint8_t *p, size_t n) {
    stream_write(z->user, p, n);
}

static void start_writing(dio_obj *d) {
    unsigned w = d->wbits ? d->wbits : 8;
    px_deflate *z = px_gc_alloc(sizeof *z, 0);
    z->sink = sink;
    z->user = d;
    px_deflate_init(z, w, px_gc_alloc(px_deflate_mem(w), PX_GC_LEAF));
    d->def = z;
    if (d->format == FMT_ZLIB) {
        uint8_t h[2] = {(uint8_t)((w - 8) << 4 | 8), 0};
        /* CINFO for windows under 256 bytes is 0: a decoder then uses 256 */
        if (w < 8) {
            h[0] = 8;
        }
        h[1] = (uint8_t)(31 - (h[0] * 256) % 31);
        stream_write(d, h, 2);
        d->wcheck = 1;
    } else if (d->format == FMT_GZIP) {
        static const uint8_t h[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff};
        stream_write(d, h, sizeof h);
        d->wcheck = 0;
    }
}

static px_val dio_write(size_t argc, const px_val *argv) {
    dio_obj *d = dio_of(argv[0]);
    check_open(d);
    px_buffer buf;
    px_stream_write_arg(argc, argv, &buf); /* str as UTF-8 (json.dump into a DeflateIO) */
    if (d->def == NULL) {
        start_writing(d);
    }
    if (d->format == FMT_ZLIB) {
        d->wcheck = px_adler32(d->wcheck, buf.data, buf.len);
    } else if (d->format == FMT_GZIP) {
        d->wcheck = px_crc32(d->wcheck, buf.data, buf.len);
    }
    d->wsize += (uint32_t)buf.len;
    px_deflate_write(d->def, buf.data, buf.len);
    return px_small((px_int)buf.len);
}
static PX_METHV(dio_write_obj, &deflate_type_DeflateIO, write, 2, 3, dio_write);

static void finish_writing(dio_obj *d) {
    px_deflate_finish(d->def);
    uint8_t t[8];
    uint32_t c = d->wcheck;
    if (d->format == FMT_ZLIB) {
        uint8_t be[4] = {(uint8_t)(c >> 24), (uint8_t)(c >> 16), (uint8_t)(c >> 8), (uint8_t)c};
        stream_write(d, be, 4);
    } else if (d->format == FMT_GZIP) {
        for (int i = 0; i < 4; i++) {
            t[i] = (uint8_t)(c >> (8 * i));
            t[4 + i] = (uint8_t)(d->wsize >> (8 * i));
        }
        stream_write(d, t, 8);
    }
}

static px_val dio_close(px_val self) {
    dio_obj *d = dio_of(self);
    if (d->closed) {
        return PX_NONE;
    }
    d->closed = true;
    if (d->def != NULL) {
        finish_writing(d);
    }
    if (d->close_stream) {
        px_call_method(d->stream, PX_Q(close), 0, NULL);
    }
    return PX_NONE;
}
static PX_METH1(dio_close_obj, &deflate_type_DeflateIO, close, dio_close);

static px_val dio_enter(px_val self) {
    check_open(dio_of(self));
    return self;
}
static PX_METH1(dio_enter_obj, &deflate_type_DeflateIO, __enter__, dio_enter);

static px_val dio_exit(size_t argc, const px_val *argv) {
    (void)argc;
    return dio_close(argv[0]);
}
static PX_METHV(dio_exit_obj, &deflate_type_DeflateIO, __exit__, 1, 4, dio_exit);

static px_val dio_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    (void)type;
    px_check_args(PX_Q(DeflateIO), argc, kwnames, 1, 4);
    px_int format = argc > 1 ? px_index(argv[1]) : FMT_AUTO;
    px_int wbits = argc > 2 ? px_index(argv[2]) : 0;
    if ((format < FMT_AUTO || format > FMT_GZIP) && format != FMT_GZIP_MEMBERS) {
        px_raise_value_error("format must be AUTO, RAW, ZLIB or GZIP");
    }
    if (wbits != 0 && (wbits < 5 || wbits > 15)) {
        px_raise_value_error("wbits must be 0 or 5 to 15, not %ld", (long)wbits);
    }
    dio_obj *d = px_gc_alloc(sizeof *d, 0);
    d->base.type = &deflate_type_DeflateIO;
    d->stream = argv[0];
    d->members = format == FMT_GZIP_MEMBERS;
    d->format = (uint8_t)(d->members ? FMT_GZIP : format);
    d->wbits = (uint8_t)wbits;
    d->close_stream = argc > 3 && px_truthy(argv[3]);
    d->chunk = PX_NONE;
    return px_from_ptr(d);
}

static const px_map_entry dio_methods[] = {
    PX_ENTRY_OBJ(__enter__, &dio_enter_obj),
    PX_ENTRY_OBJ(__exit__, &dio_exit_obj),
    PX_ENTRY_OBJ(close, &dio_close_obj),
    PX_ENTRY_OBJ(read, &dio_read_obj),
    PX_ENTRY_OBJ(readinto, &dio_readinto_obj),
    PX_ENTRY_OBJ(write, &dio_write_obj),
};
static PX_CONST_MAP(dio_dict, dio_methods);

const px_type deflate_type_DeflateIO = {
    .base = {&px_type_type},
    .name = PX_Q(DeflateIO),
    .base_type = &px_type_object,
    .dict = &dio_dict,
    .make = dio_make,
};

/* ---- zlib's crc32 and adler32 (zlib.py lists them; not MicroPython's
 * deflate API, hence the underscores) */

static px_val deflate_crc32(size_t argc, const px_val *argv) {
    return px_checksum_call(argc, argv, px_crc32, 0);
}
static PX_FUNV(deflate_crc32_obj, _crc32, 1, 2, deflate_crc32);

static px_val deflate_adler32(size_t argc, const px_val *argv) {
    return px_checksum_call(argc, argv, px_adler32, 1);
}
static PX_FUNV(deflate_adler32_obj, _adler32, 1, 2, deflate_adler32);

static const px_map_entry deflate_table[] = {
    PX_ENTRY(AUTO, PX_SMALL_CONST(FMT_AUTO)),
    PX_ENTRY_OBJ(DeflateIO, &deflate_type_DeflateIO),
    PX_ENTRY(GZIP, PX_SMALL_CONST(FMT_GZIP)),
    PX_ENTRY(RAW, PX_SMALL_CONST(FMT_RAW)),
    PX_ENTRY(ZLIB, PX_SMALL_CONST(FMT_ZLIB)),
    PX_ENTRY(_GZIP_MEMBERS, PX_SMALL_CONST(FMT_GZIP_MEMBERS)),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(deflate))),
    PX_ENTRY_OBJ(_adler32, &deflate_adler32_obj),
    PX_ENTRY_OBJ(_crc32, &deflate_crc32_obj),
};
static PX_CONST_MAP(deflate_globals, deflate_table);
PX_MODULE_DEF(deflate, deflate_globals, 0, NULL);
