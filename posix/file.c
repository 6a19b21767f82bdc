/* open() and file objects on POSIX descriptors.
 *
 * One struct serves text and binary files. Reads go through a byte buffer
 * that keeps the raw file bytes, so tell() is exact (descriptor position
 * minus unread bytes) and newline translation happens as text is taken
 * out. Writes collect in a second buffer, flushed when full, before any
 * read or seek, on flush() and on close(); a file dropped without close()
 * is flushed and closed by its GC finalizer. Errors follow CPython's
 * wording (io.UnsupportedOperation, "I/O operation on closed file.").
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "events.h"
#include "vfs.h"
#include "vfs_posix.h"

#define WBUF_SIZE 8192
#define RBUF_MIN 4096

enum {
    F_READ = 1,
    F_WRITE = 2,
    F_APPEND = 4,
    F_TEXT = 8,
    F_CLOSEFD = 16,
    F_UNBUFFERED = 32, /* buffering=0 (binary): every write goes out now */
    F_LINEBUF = 64,    /* buffering=1 (text), or a terminal: flush after a newline */
    F_WAITS = 128,     /* not a regular file: reads and writes may block */
};

/* How newlines are read and written (open's newline argument). */
enum { NL_UNIVERSAL, NL_NONE, NL_LF, NL_CR, NL_CRLF };

typedef struct {
    px_obj base;
    int fd; /* -1 once closed */
    uint8_t flags;
    uint8_t newline;
    px_val name, mode, errors;
    char *rbuf; /* unread bytes are rbuf[rpos..rlen) */
    size_t rpos, rlen, rcap;
    char *wbuf; /* pending output */
    size_t wlen, wcap; /* wcap: the buffer's size (open's buffering) */
} px_file;

/* ---- low-level I/O */

static px_file *file_of(px_val v) {
    return (px_file *)px_as_ptr(v);
}

PX_NORETURN static void raise_errno(int err) {
    px_raise_os_error(err, NULL);
}

PX_NORETURN static void raise_unsupported(const char *what) {
    px_raise_msg(&px_type_UnsupportedOperation, "%s", what);
}

/* An interrupted system call: run what the signal asked for (it may raise
 * KeyboardInterrupt), then the caller retries. */
static void on_eintr(void) {
    if (px_st.pending) {
        px_check_pending();
    }
}

/* Write all of p[0..n) to fd; false with *err on failure. No Python code
 * runs here: this is also the finalizer's flush. */
static bool write_all(int fd, const char *p, size_t n, int *err) {
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR) {
                continue;
            }
            *err = errno;
            return false;
        }
        p += k;
        n -= (size_t)k;
    }
    return true;
}

/* A blocking descriptor that is not a regular file (a pipe, terminal,
 * socket, FIFO): waits on it happen in the event poller, so stdout is
 * flushed, IRQ handlers run, and SIGINT/SIGTERM end the wait with their
 * exception. A non-blocking one is left to report EAGAIN. */
static bool waits(px_file *f) {
    if (!(f->flags & F_WAITS)) {
        return false;
    }
    int fl = fcntl(f->fd, F_GETFL);
    return fl >= 0 && !(fl & O_NONBLOCK);
}

/* write_all for Python calls: a full pipe is waited on in the event poller. */
static void write_out(px_file *f, const char *p, size_t n) {
    bool wait = waits(f);
    while (n > 0) {
        if (wait) {
            px_events_wait_fd(f->fd, POLLOUT);
        }
        ssize_t k = write(f->fd, p, n);
        if (k < 0) {
            if (errno == EINTR) {
                on_eintr();
                continue;
            }
            raise_errno(errno);
        }
        p += k;
        n -= (size_t)k;
    }
}

static void flush_writes(px_file *f) {
    if (f->wlen == 0) {
        return;
    }
    size_t n = f->wlen;
    f->wlen = 0; /* dropped even on error, as CPython's buffer is */
    write_out(f, f->wbuf, n);
}

/* Give back read-ahead bytes to the descriptor before writing or seeking
 * (the descriptor's position must be where the program thinks it is). */
static void drop_readahead(px_file *f) {
    size_t unread = f->rlen - f->rpos;
    f->rpos = f->rlen = 0;
    if (unread > 0) {
        lseek(f->fd, -(off_t)unread, SEEK_CUR); /* not seekable (a pipe): nothing to give back to */
    }
}

static void check_open(px_file *f) {
    if (f->fd < 0) {
        px_raise_value_error("I/O operation on closed file.");
    }
}

static void check_readable(px_file *f) {
    check_open(f);
    if (!(f->flags & F_READ)) {
        raise_unsupported((f->flags & F_TEXT) ? "not readable" : "read");
    }
    flush_writes(f);
}

static void check_writable(px_file *f) {
    check_open(f);
    if (!(f->flags & F_WRITE)) {
        raise_unsupported((f->flags & F_TEXT) ? "not writable" : "write");
    }
    if (f->rlen > f->rpos) {
        drop_readahead(f);
    }
}

/* Read more bytes after the unread ones (which stay in place, moved to the
 * front); false at end of file. */
static bool fill(px_file *f) {
    if (f->rpos > 0) {
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rlen == f->rcap) {
        size_t cap = f->rcap < RBUF_MIN ? RBUF_MIN : f->rcap * 2;
        f->rbuf = px_gc_realloc(f->rbuf, cap, PX_GC_LEAF);
        f->rcap = cap;
    }
    if (waits(f)) {
        px_events_wait_fd(f->fd, POLLIN);
    }
    for (;;) {
        ssize_t k = read(f->fd, f->rbuf + f->rlen, f->rcap - f->rlen);
        if (k >= 0) {
            f->rlen += (size_t)k;
            return k > 0;
        }
        if (errno != EINTR) {
            raise_errno(errno);
        }
        on_eintr();
    }
}

/* ---- taking text or bytes out of the read buffer */

/* Append to `out` up to `max` units (characters for text, bytes for
 * binary), stopping after a line end when `line`, or at end of file.
 * Text newlines are translated as open's newline argument says. */
static void take(px_file *f, size_t max, bool line, px_strbuf *out) {
    bool text = (f->flags & F_TEXT) != 0;
    int nl = text ? f->newline : NL_LF;
    char eol = nl == NL_CR ? '\r' : '\n';
    size_t count = 0;
    for (;;) {
        if (f->rpos == f->rlen && !fill(f)) {
            return;
        }
        unsigned char c = (unsigned char)f->rbuf[f->rpos];
        bool lead = !text || (c & 0xC0) != 0x80; /* a character starts here */
        if (lead && count == max) {
            return;
        }
        if (c == '\r' && (nl == NL_UNIVERSAL || nl == NL_NONE || nl == NL_CRLF)) {
            if (f->rpos + 1 == f->rlen) {
                fill(f); /* is a '\n' next? (false at EOF: the '\r' stays alone) */
            }
            bool crlf = f->rpos + 1 < f->rlen && f->rbuf[f->rpos + 1] == '\n';
            if (nl == NL_UNIVERSAL) {
                px_strbuf_add_char(out, '\n');
                f->rpos += crlf ? 2 : 1;
                count++;
                if (line) {
                    return;
                }
                continue;
            }
            px_strbuf_add_char(out, '\r');
            f->rpos++;
            count++;
            if (crlf && (nl == NL_CRLF || line)) {
                px_strbuf_add_char(out, '\n');
                f->rpos++;
                count++;
                if (line) {
                    return;
                }
            } else if (line && nl == NL_NONE) {
                return;
            }
            continue;
        }
        /* copy the run of ordinary bytes up to the next special one */
        size_t start = f->rpos, end = f->rpos + 1;
        if (lead) {
            count++;
        }
        while (end < f->rlen) {
            unsigned char d = (unsigned char)f->rbuf[end];
            bool dlead = !text || (d & 0xC0) != 0x80;
            if (c == (unsigned char)eol || d == '\r' || (dlead && count == max)) {
                break;
            }
            if (dlead) {
                count++;
            }
            c = d;
            end++;
        }
        px_strbuf_add(out, f->rbuf + start, end - start);
        f->rpos = end;
        if (line && c == (unsigned char)eol && nl != NL_CRLF) {
            return;
        }
    }
}

/* The str (text) or bytes (binary) of what take() collected. */
static px_val finish(px_file *f, px_strbuf *b) {
    if (!(f->flags & F_TEXT)) {
        return px_strbuf_to_bytes(b);
    }
    if (px_utf8_valid(b->data, b->len)) {
        return px_strbuf_to_str(b);
    }
    /* bytes.decode raises CPython's UnicodeDecodeError or applies errors= */
    px_val args[2] = {px_str_cstr("utf-8"), f->errors};
    return px_call_method(px_strbuf_to_bytes(b), PX_Q(decode), 2, args);
}

static size_t size_arg(px_val v) {
    if (v == PX_NONE) {
        return SIZE_MAX;
    }
    px_int n = px_index(v);
    return n < 0 ? SIZE_MAX : (size_t)n;
}

/* Binary read(n): what is buffered, then straight from the descriptor
 * into the result (no per-byte work for big reads). False if nothing
 * could be read from a non-blocking descriptor (read() returns None). */
static bool take_bytes(px_file *f, size_t max, px_strbuf *out) {
    size_t k = f->rlen - f->rpos < max ? f->rlen - f->rpos : max;
    px_strbuf_add(out, f->rbuf + f->rpos, k);
    f->rpos += k;
    size_t got = k;
    bool wait = waits(f);
    while (got < max) {
        if (wait) {
            px_events_wait_fd(f->fd, POLLIN);
        }
        size_t want = max - got < 65536 ? max - got : 65536;
        char *dst = px_strbuf_extend(out, want);
        ssize_t r = read(f->fd, dst, want);
        out->len -= want - (r > 0 ? (size_t)r : 0);
        if (r == 0) {
            return true;
        }
        if (r < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                return got > 0;
            }
            if (errno != EINTR) {
                raise_errno(errno);
            }
            on_eintr();
            continue;
        }
        got += (size_t)r;
        if ((f->flags & F_UNBUFFERED) && max != SIZE_MAX) {
            return true; /* a raw read(n) is one system call, as CPython's FileIO */
        }
    }
    return true;
}

/* ---- methods */

static px_val file_read(size_t argc, const px_val *argv) {
    px_file *f = file_of(argv[0]);
    check_readable(f);
    size_t max = argc > 1 ? size_arg(argv[1]) : SIZE_MAX;
    px_strbuf b;
    px_strbuf_init(&b, max < RBUF_MIN ? max : RBUF_MIN);
    if (f->flags & F_TEXT) {
        take(f, max, false, &b);
    } else if (!take_bytes(f, max, &b)) {
        return PX_NONE; /* non-blocking and nothing there yet */
    }
    return finish(f, &b);
}

static px_val file_readline(size_t argc, const px_val *argv) {
    px_file *f = file_of(argv[0]);
    check_readable(f);
    size_t max = argc > 1 ? size_arg(argv[1]) : SIZE_MAX;
    px_strbuf b;
    px_strbuf_init(&b, 80);
    take(f, max, true, &b);
    return finish(f, &b);
}

static px_val file_readlines(size_t argc, const px_val *argv) {
    px_file *f = file_of(argv[0]);
    check_readable(f);
    size_t hint = argc > 1 ? size_arg(argv[1]) : SIZE_MAX;
    if (hint == 0) {
        hint = SIZE_MAX;
    }
    px_val list = px_list_new(0, NULL);
    size_t total = 0;
    while (total < hint) {
        px_strbuf b;
        px_strbuf_init(&b, 80);
        take(f, SIZE_MAX, true, &b);
        if (b.len == 0) {
            break;
        }
        total += b.len;
        px_list_append(list, finish(f, &b));
    }
    return list;
}

static px_val file_next(px_val self) {
    px_file *f = file_of(self);
    check_readable(f);
    px_strbuf b;
    px_strbuf_init(&b, 80);
    take(f, SIZE_MAX, true, &b);
    return b.len == 0 ? PX_NULL : finish(f, &b);
}

static px_val file_iter(px_val self) {
    check_open(file_of(self));
    return self;
}

/* readinto(buf[, nbytes]): bytes into buf, at most nbytes (MicroPython's
 * stream method); the count, or None when a non-blocking descriptor has
 * nothing yet. Unbuffered: one system call, as CPython's FileIO. */
static px_val file_readinto(size_t argc, const px_val *argv) {
    px_file *f = file_of(argv[0]);
    check_readable(f);
    px_buffer buf;
    px_stream_readinto_arg(argc, argv, &buf);
    size_t want = buf.len;
    size_t got = 0;
    while (got < want) {
        if (f->rpos == f->rlen) {
            if ((f->flags & F_UNBUFFERED) && got == 0) {
                px_strbuf b;
                px_strbuf_init(&b, want);
                if (!take_bytes(f, want, &b)) {
                    return PX_NONE;
                }
                memcpy(buf.data, b.data, b.len);
                return px_int_from_u64(b.len);
            }
            int fl = fcntl(f->fd, F_GETFL);
            if (fl >= 0 && (fl & O_NONBLOCK)) {
                ssize_t r = read(f->fd, (char *)buf.data + got, want - got);
                if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                    return got > 0 ? px_int_from_u64(got) : PX_NONE;
                }
                if (r < 0 && errno != EINTR) {
                    raise_errno(errno);
                }
                if (r < 0) {
                    on_eintr();
                    continue;
                }
                got += (size_t)r;
                if (r == 0) {
                    break;
                }
                continue;
            }
            if (!fill(f)) {
                break;
            }
        }
        size_t k = f->rlen - f->rpos;
        if (k > want - got) {
            k = want - got;
        }
        memcpy((char *)buf.data + got, f->rbuf + f->rpos, k);
        f->rpos += k;
        got += k;
    }
    return px_int_from_u64(got);
}

/* Queue n bytes for output (or write them now when unbuffered, or when
 * they do not fit the buffer). */
static void put(px_file *f, const char *p, size_t n) {
    if (f->flags & F_UNBUFFERED) {
        write_out(f, p, n);
        return;
    }
    if (f->wlen + n > f->wcap) {
        flush_writes(f);
    }
    if (n >= f->wcap) {
        write_out(f, p, n);
        return;
    }
    if (f->wbuf == NULL) {
        f->wbuf = px_gc_alloc(f->wcap, PX_GC_LEAF);
    }
    memcpy(f->wbuf + f->wlen, p, n);
    f->wlen += n;
}

/* Text output: '\n' becomes the newline sequence asked for. */
static void put_text(px_file *f, const char *s, size_t n) {
    if (f->newline != NL_CR && f->newline != NL_CRLF) {
        put(f, s, n);
        return;
    }
    const char *nl = f->newline == NL_CR ? "\r" : "\r\n";
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            put(f, s + start, i - start);
            put(f, nl, strlen(nl));
            start = i + 1;
        }
    }
    put(f, s + start, n - start);
}

/* write(data[, len]) */
static px_val file_write(size_t argc, const px_val *argv) {
    px_file *f = file_of(argv[0]);
    px_val data = argv[1];
    check_writable(f);
    if (f->flags & F_TEXT) {
        px_stream_text_write_arg(argc);
        if (!px_is_str(data)) {
            px_raise_type_error("write() argument must be str, not %s", px_type_name(data));
        }
        size_t n;
        const char *s = px_str_data(data, &n);
        put_text(f, s, n);
        if ((f->flags & F_LINEBUF) && memchr(s, '\n', n) != NULL) {
            flush_writes(f);
        }
        return px_int_from_u64(px_str_charlen(data));
    }
    px_buffer buf;
    px_stream_write_arg(argc, argv, &buf);
    put(f, buf.data, buf.len);
    return px_int_from_u64(buf.len);
}

static px_val file_writelines(px_val self, px_val lines) {
    px_val it = px_iter(lines);
    for (px_val line = px_next(it); line != PX_NULL; line = px_next(it)) {
        px_val args[2] = {self, line};
        file_write(2, args);
    }
    return PX_NONE;
}

static px_val file_flush(px_val self) {
    px_file *f = file_of(self);
    check_open(f);
    flush_writes(f);
    return PX_NONE;
}

static off_t seek_or_raise(px_file *f, off_t off, int whence) {
    off_t r = lseek(f->fd, off, whence);
    if (r < 0) {
        raise_errno(errno);
    }
    return r;
}

static px_val file_seek(size_t argc, const px_val *argv) {
    px_file *f = file_of(argv[0]);
    check_open(f);
    px_int off = px_index(argv[1]);
    px_int whence = argc > 2 ? px_index(argv[2]) : 0;
    if (whence < 0 || whence > 2) {
        px_raise_value_error("invalid whence (%ld, should be 0, 1 or 2)", (long)whence);
    }
    if (f->flags & F_TEXT) {
        if (whence == 1 && off != 0) {
            raise_unsupported("can't do nonzero cur-relative seeks");
        }
        if (whence == 2 && off != 0) {
            raise_unsupported("can't do nonzero end-relative seeks");
        }
        if (whence == 0 && off < 0) {
            px_raise_value_error("negative seek position %ld", (long)off);
        }
    }
    flush_writes(f);
    if (whence == 1) {
        off -= (px_int)(f->rlen - f->rpos);
    }
    f->rpos = f->rlen = 0;
    return px_int_from_i64((int64_t)seek_or_raise(f, (off_t)off, (int)whence));
}

static px_val file_tell(px_val self) {
    px_file *f = file_of(self);
    check_open(f);
    off_t pos = seek_or_raise(f, 0, SEEK_CUR);
    return px_int_from_i64((int64_t)pos - (int64_t)(f->rlen - f->rpos) + (int64_t)f->wlen);
}

static px_val file_truncate(size_t argc, const px_val *argv) {
    px_file *f = file_of(argv[0]);
    check_writable(f);
    flush_writes(f);
    off_t size = argc > 1 && argv[1] != PX_NONE ? (off_t)px_index(argv[1]) : seek_or_raise(f, 0, SEEK_CUR);
    if (ftruncate(f->fd, size) < 0) {
        raise_errno(errno);
    }
    return px_int_from_i64((int64_t)size);
}

/* Flush and release the descriptor; a flush error is raised after the
 * descriptor is closed, so close() always closes. */
static px_val file_close(px_val self) {
    px_file *f = file_of(self);
    if (f->fd < 0) {
        return PX_NONE;
    }
    int fd = f->fd;
    size_t n = f->wlen;
    f->wlen = 0;
    f->fd = -1;
    int err = 0;
    bool ok = n == 0 || write_all(fd, f->wbuf, n, &err);
    if ((f->flags & F_CLOSEFD) && close(fd) < 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        raise_errno(err);
    }
    return PX_NONE;
}

static px_val file_fileno(px_val self) {
    px_file *f = file_of(self);
    if (f->fd < 0) {
        px_raise_value_error("I/O operation on closed file");
    }
    return px_small(f->fd);
}

static px_val file_isatty(px_val self) {
    px_file *f = file_of(self);
    check_open(f);
    return px_bool(isatty(f->fd));
}

static px_val file_readable(px_val self) {
    px_file *f = file_of(self);
    check_open(f);
    return px_bool(f->flags & F_READ);
}

static px_val file_writable(px_val self) {
    px_file *f = file_of(self);
    check_open(f);
    return px_bool(f->flags & F_WRITE);
}

static px_val file_seekable(px_val self) {
    px_file *f = file_of(self);
    check_open(f);
    return px_bool(lseek(f->fd, 0, SEEK_CUR) >= 0);
}

static px_val file_enter(px_val self) {
    check_open(file_of(self));
    return self;
}

static px_val file_exit(size_t argc, const px_val *argv) {
    return file_close(argv[0]);
}

static px_val file_getattr(px_val self, px_qid name) {
    px_file *f = file_of(self);
    switch (name) {
    case PX_Q(closed):
        return px_bool(f->fd < 0);
    case PX_Q(name):
        return f->name;
    case PX_Q(mode):
        return f->mode;
    case PX_Q(encoding):
        return (f->flags & F_TEXT) ? px_str_cstr("UTF-8") : PX_NULL;
    case PX_Q(errors):
        return (f->flags & F_TEXT) ? f->errors : PX_NULL;
    case PX_Q(line_buffering):
        return (f->flags & F_TEXT) ? px_bool(f->flags & F_LINEBUF) : PX_NULL;
    default:
        return PX_NULL;
    }
}

static void file_print(px_out *out, px_val self, px_print_kind kind) {
    px_file *f = file_of(self);
    px_printf(out, "<_io.%s name=", px_qstr_str(f->base.type->name));
    px_print(out, f->name, PX_PRINT_REPR);
    px_write_cstr(out, " mode=");
    px_print(out, f->mode, PX_PRINT_REPR);
    if (f->flags & F_TEXT) {
        px_write_cstr(out, " encoding='UTF-8'");
    }
    px_write_cstr(out, ">");
}

/* At collection (or exit) a file still open is flushed and closed. No
 * Python code or allocation here; errors are ignored, as CPython does. */
static void file_finalize(px_obj *self) {
    px_file *f = (px_file *)self;
    if (f->fd < 0) {
        return;
    }
    int err;
    if (f->wlen > 0) {
        write_all(f->fd, f->wbuf, f->wlen, &err);
        f->wlen = 0;
    }
    if (f->flags & F_CLOSEFD) {
        close(f->fd);
    }
    f->fd = -1;
}

/* ---- the stream protocol (select.poll, print(file=), C readers) */

static long stream_read(px_val self, void *buf, size_t n, int *err) {
    px_file *f = file_of(self);
    if (f->fd < 0) {
        *err = EBADF;
        return -1;
    }
    if (f->rpos < f->rlen) {
        size_t k = f->rlen - f->rpos < n ? f->rlen - f->rpos : n;
        memcpy(buf, f->rbuf + f->rpos, k);
        f->rpos += k;
        return (long)k;
    }
    ssize_t k = read(f->fd, buf, n);
    if (k < 0) {
        *err = errno;
    }
    return (long)k;
}

static long stream_write(px_val self, const void *buf, size_t n, int *err) {
    px_file *f = file_of(self);
    if (f->fd < 0) {
        *err = EBADF;
        return -1;
    }
    if (f->wlen > 0 && !write_all(f->fd, f->wbuf, f->wlen, err)) {
        f->wlen = 0;
        return -1;
    }
    f->wlen = 0;
    ssize_t k = write(f->fd, buf, n);
    if (k < 0) {
        *err = errno;
    }
    return (long)k;
}

static int stream_fileno(px_val self) {
    return file_of(self)->fd;
}

/* Read-ahead bytes are input ready now, whatever the descriptor says; a
 * closed file is POLLNVAL. */
static unsigned stream_ready(px_val self, unsigned events) {
    px_file *f = file_of(self);
    if (f->fd < 0) {
        return PX_POLL_NVAL;
    }
    return (events & PX_POLL_IN) && f->rpos < f->rlen ? PX_POLL_IN : 0;
}

static const px_stream_proto file_stream = {stream_read, stream_write, stream_fileno, stream_ready};

/* ---- the types */

/* The methods live on a common base type, so the runtime checks `self`
 * (a subclass instance passes the check, anything else is a TypeError). */
extern const px_type px_type_iobase;
static PX_METH1(m_close, &px_type_iobase, close, file_close);
static PX_METH1(m_enter, &px_type_iobase, __enter__, file_enter);
static PX_METHV(m_exit, &px_type_iobase, __exit__, 1, 4, file_exit);
static PX_METH1(m_fileno, &px_type_iobase, fileno, file_fileno);
static PX_METH1(m_flush, &px_type_iobase, flush, file_flush);
static PX_METH1(m_isatty, &px_type_iobase, isatty, file_isatty);
static PX_METHV(m_read, &px_type_iobase, read, 1, 2, file_read);
static PX_METH1(m_readable, &px_type_iobase, readable, file_readable);
static PX_METHV(m_readline, &px_type_iobase, readline, 1, 2, file_readline);
static PX_METHV(m_readlines, &px_type_iobase, readlines, 1, 2, file_readlines);
static PX_METHV(m_seek, &px_type_iobase, seek, 2, 3, file_seek);
static PX_METH1(m_seekable, &px_type_iobase, seekable, file_seekable);
static PX_METH1(m_tell, &px_type_iobase, tell, file_tell);
static PX_METHV(m_truncate, &px_type_iobase, truncate, 1, 2, file_truncate);
static PX_METH1(m_writable, &px_type_iobase, writable, file_writable);
static PX_METHV(m_write, &px_type_iobase, write, 2, 3, file_write);
static PX_METH2(m_writelines, &px_type_iobase, writelines, file_writelines);
static PX_METHV(m_readinto, &px_type_iobase, readinto, 2, 3, file_readinto);

static const px_map_entry iobase_methods[] = {
    PX_ENTRY_OBJ(__enter__, &m_enter),     PX_ENTRY_OBJ(__exit__, &m_exit),     PX_ENTRY_OBJ(close, &m_close),
    PX_ENTRY_OBJ(fileno, &m_fileno),       PX_ENTRY_OBJ(flush, &m_flush),       PX_ENTRY_OBJ(isatty, &m_isatty),
    PX_ENTRY_OBJ(read, &m_read),           PX_ENTRY_OBJ(readable, &m_readable), PX_ENTRY_OBJ(readinto, &m_readinto),
    PX_ENTRY_OBJ(readline, &m_readline),
    PX_ENTRY_OBJ(readlines, &m_readlines), PX_ENTRY_OBJ(seek, &m_seek),         PX_ENTRY_OBJ(seekable, &m_seekable),
    PX_ENTRY_OBJ(tell, &m_tell),           PX_ENTRY_OBJ(truncate, &m_truncate), PX_ENTRY_OBJ(writable, &m_writable),
    PX_ENTRY_OBJ(write, &m_write),         PX_ENTRY_OBJ(writelines, &m_writelines),
};
static PX_CONST_MAP(iobase_dict, iobase_methods);

const px_type px_type_iobase = {
    .base = {&px_type_type},
    .name = PX_Q(IOBase),
    .base_type = &px_type_object,
    .dict = &iobase_dict,
};

#define FILE_TYPE(cname, pyname, dictp)                                                                            \
    const px_type cname = {                                                                                       \
        .base = {&px_type_type},                                                                                  \
        .name = PX_Q(pyname),                                                                                     \
        .flags = PX_TF_ITERATOR,                                                                                  \
        .base_type = &px_type_iobase,                                                                             \
        .dict = dictp,                                                                                            \
        .print = file_print,                                                                                      \
        .getattr = file_getattr,                                                                                  \
        .iter = file_iter,                                                                                        \
        .next = file_next,                                                                                        \
        .finalize = file_finalize,                                                                                \
        .proto = &file_stream,                                                                                    \
    }
FILE_TYPE(px_type_textio, TextIOWrapper, NULL);
FILE_TYPE(px_type_fileio, FileIO, NULL);

/* ---- open() */

typedef struct {
    int oflags;
    unsigned flags;
    char norm[5]; /* the binary mode as CPython reports it: "rb+", "ab", ... */
} parsed_mode;

static void parse_mode(px_val mode, parsed_mode *pm) {
    if (!px_is_str(mode)) {
        px_raise_type_error("open() argument 'mode' must be str, not %s", px_type_name(mode));
    }
    size_t n;
    const char *s = px_str_data(mode, &n);
    unsigned seen = 0; /* one bit per letter of "rwxa+btU" */
    static const char letters[] = "rwxa+bt";
    for (size_t i = 0; i < n; i++) {
        const char *p = memchr(letters, s[i], sizeof letters - 1);
        unsigned bit = p == NULL ? 0 : 1u << (p - letters);
        if (bit == 0 || s[i] == 0 || (seen & bit)) {
            px_raise_value_error("invalid mode: '%.*s'", (int)n, s);
        }
        seen |= bit;
    }
    unsigned kinds = seen & 15;
    if ((seen & 32) && (seen & 64)) {
        px_raise_value_error("can't have text and binary mode at once");
    }
    if (kinds == 0 || (kinds & (kinds - 1)) != 0) {
        px_raise_value_error(n == 0 || (seen & 16)
                                 ? "Must have exactly one of create/read/write/append mode and at most one plus"
                                 : "must have exactly one of create/read/write/append mode");
    }
    bool plus = (seen & 16) != 0;
    char kind = (kinds & 1) ? 'r' : (kinds & 2) ? 'w' : (kinds & 4) ? 'x' : 'a';
    pm->flags = (seen & 32) ? 0 : F_TEXT;
    int acc = plus ? O_RDWR : kind == 'r' ? O_RDONLY : O_WRONLY;
    pm->flags |= plus ? F_READ | F_WRITE : kind == 'r' ? F_READ : F_WRITE;
    switch (kind) {
    case 'r':
        pm->oflags = acc;
        break;
    case 'w':
        pm->oflags = acc | O_CREAT | O_TRUNC;
        break;
    case 'x':
        pm->oflags = acc | O_CREAT | O_EXCL;
        break;
    default:
        pm->oflags = acc | O_CREAT | O_APPEND;
        pm->flags |= F_APPEND;
        break;
    }
    pm->oflags |= O_CLOEXEC;
    pm->norm[0] = kind;
    pm->norm[1] = 'b';
    pm->norm[2] = plus ? '+' : 0;
    pm->norm[3] = 0;
}

static bool is_utf8_name(const char *s, size_t n) {
    char low[8];
    if (n > 7) {
        return false;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        if (c != '-' && c != '_') {
            low[k++] = c;
        }
    }
    return k == 4 && memcmp(low, "utf8", 4) == 0;
}

static void check_encoding(px_val enc) {
    if (enc == PX_NONE) {
        return;
    }
    if (!px_is_str(enc)) {
        px_raise_type_error("open() argument 'encoding' must be str or None, not %s", px_type_name(enc));
    }
    size_t n;
    const char *s = px_str_data(enc, &n);
    if (is_utf8_name(s, n) || (n == 6 && memcmp(s, "locale", 6) == 0)) {
        return; /* "locale": we take the locale's encoding to be UTF-8 */
    }
    static const char *const known[] = {"ascii", "latin-1", "latin1", "iso-8859-1", "utf-16", "utf-32", "cp1252"};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (strlen(known[i]) == n && memcmp(known[i], s, n) == 0) {
            px_raise_value_error("encoding '%.*s' is not supported: files are UTF-8 only", (int)n, s);
        }
    }
    px_raise_msg(&px_type_LookupError, "unknown encoding: %.*s", (int)n, s);
}

static int parse_newline(px_val nl) {
    if (nl == PX_NONE) {
        return NL_UNIVERSAL;
    }
    if (!px_is_str(nl)) {
        px_raise_type_error("open() argument 'newline' must be str or None, not %s", px_type_name(nl));
    }
    size_t n;
    const char *s = px_str_data(nl, &n);
    if (n == 0) {
        return NL_NONE;
    }
    if (n == 1 && s[0] == '\n') {
        return NL_LF;
    }
    if (n == 1 && s[0] == '\r') {
        return NL_CR;
    }
    if (n == 2 && s[0] == '\r' && s[1] == '\n') {
        return NL_CRLF;
    }
    px_raise_value_error("illegal newline value: %.*s", (int)n, s);
}

static px_file *file_new(int fd, unsigned flags, px_val name, px_val mode) {
    px_file *f = px_gc_alloc(sizeof *f, PX_GC_FINALIZE);
    f->base.type = (flags & F_TEXT) ? &px_type_textio : &px_type_fileio;
    f->fd = fd;
    struct stat st;
    if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) && !S_ISBLK(st.st_mode)) {
        flags |= F_WAITS;
    }
    f->wcap = WBUF_SIZE;
    f->flags = (uint8_t)flags;
    f->name = name;
    f->mode = mode;
    f->errors = px_str_cstr("strict");
    return f;
}

px_val px_file_from_fd(int fd, const char *mode, px_val name, bool closefd) {
    parsed_mode pm;
    px_val m = px_str_cstr(mode);
    parse_mode(m, &pm);
    px_file *f = file_new(fd, pm.flags | (closefd ? F_CLOSEFD : 0), name, (pm.flags & F_TEXT) ? m : px_str_cstr(pm.norm));
    return px_from_ptr(f);
}

/* The arguments of open(), parsed: file, mode, buffering, encoding,
 * errors, newline, closefd, opener. */
enum { A_FILE, A_MODE, A_BUFFERING, A_ENCODING, A_ERRORS, A_NEWLINE, A_CLOSEFD, A_OPENER, A_COUNT };

/* Open a host file (host_path NULL: file is a descriptor) as open() says. */
static px_val open_host(const char *host_path, const px_val *a) {
    px_val file = a[A_FILE], mode = a[A_MODE];
    parsed_mode pm;
    parse_mode(mode, &pm);
    px_int buffering = px_index(a[A_BUFFERING]);
    bool text = (pm.flags & F_TEXT) != 0;
    if (!text) {
        if (a[A_ENCODING] != PX_NONE) {
            px_raise_value_error("binary mode doesn't take an encoding argument");
        }
        if (a[A_ERRORS] != PX_NONE) {
            px_raise_value_error("binary mode doesn't take an errors argument");
        }
        if (a[A_NEWLINE] != PX_NONE) {
            px_raise_value_error("binary mode doesn't take a newline argument");
        }
    } else if (buffering == 0) {
        px_raise_value_error("can't have unbuffered text I/O");
    }
    int newline = parse_newline(a[A_NEWLINE]);
    check_encoding(a[A_ENCODING]);
    if (a[A_ERRORS] != PX_NONE && !px_is_str(a[A_ERRORS])) {
        px_raise_type_error("open() argument 'errors' must be str or None, not %s", px_type_name(a[A_ERRORS]));
    }
    bool closefd = px_truthy(a[A_CLOSEFD]);
    int fd;
    if (host_path == NULL) {
        px_int n = px_index(file);
        if (n < 0) {
            px_raise_value_error("negative file descriptor");
        }
        fd = (int)n;
        struct stat st;
        if (fstat(fd, &st) < 0) {
            raise_errno(errno);
        }
    } else {
        if (!closefd) {
            px_raise_value_error("Cannot use closefd=False with file name");
        }
        if (a[A_OPENER] != PX_NONE) {
            px_val r = px_call2(a[A_OPENER], file, px_small(pm.oflags));
            fd = (int)px_index(r);
        } else {
            do {
                fd = open(host_path, pm.oflags, 0666);
            } while (fd < 0 && errno == EINTR && (on_eintr(), true));
        }
        if (fd < 0) {
            px_vfs_raise(errno, file, PX_NULL);
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            px_vfs_raise(EISDIR, file, PX_NULL);
        }
    }
    unsigned flags = pm.flags | (closefd ? F_CLOSEFD : 0);
    if (buffering == 0) {
        flags |= F_UNBUFFERED;
    } else if (text && (buffering == 1 || (buffering < 0 && isatty(fd)))) {
        flags |= F_LINEBUF; /* as CPython: a terminal opened in text mode is line-buffered */
    }
    px_file *f = file_new(fd, flags, file, text ? mode : px_str_cstr(pm.norm));
    if (buffering > 1) {
        f->wcap = (size_t)buffering; /* the write buffer's size, as CPython's buffer_size */
    }
    f->newline = (uint8_t)newline;
    if (a[A_ERRORS] != PX_NONE) {
        f->errors = a[A_ERRORS];
    }
    if (pm.flags & F_APPEND) {
        lseek(fd, 0, SEEK_END); /* tell() reports the end from the start, as CPython does */
    }
    return px_from_ptr(f);
}

/* Whether a mode writes (a read-only file system refuses it). */
static bool mode_writes(px_val mode) {
    size_t n;
    const char *s = px_is_str(mode) ? px_str_data(mode, &n) : "";
    return px_is_str(mode) && strpbrk(s, "wax+") != NULL;
}

px_val px_file_open_host(const char *host_path, px_val name, px_val mode) {
    px_val a[A_COUNT] = {name, mode, px_small(-1), PX_NONE, PX_NONE, PX_NONE, PX_TRUE, PX_NONE};
    return open_host(host_path, a);
}

/* open(): a descriptor directly; a path through the VFS (modules/vfs.h):
 * on a VfsPosix mount it is a host file with every argument of open(),
 * on any other file system its open(path, mode) (text there is UTF-8). */
px_val px_port_open(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(file), PX_ARG_REQUIRED, PX_NONE},   {PX_Q(mode), 0, PX_NULL},    {PX_Q(buffering), 0, PX_SMALL_CONST(-1)},
        {PX_Q(encoding), 0, PX_NONE},             {PX_Q(errors), 0, PX_NONE},  {PX_Q(newline), 0, PX_NONE},
        {PX_Q(closefd), 0, PX_TRUE},              {PX_Q(opener), 0, PX_NONE},
    };
    px_val a[A_COUNT];
    px_parse_args(PX_Q(open), argc, argv, kwnames, A_COUNT, spec, a);
    if (a[A_MODE] == PX_NULL) {
        a[A_MODE] = px_qstr(PX_Q(r));
    }
    px_val file = a[A_FILE];
    if (px_is_small(file) || px_is_type(file, &px_type_bool)) {
        return open_host(NULL, a);
    }
    px_val path = px_vfs_path(file), sub;
    px_val fs = px_vfs_lookup(path, &sub);
    if (px_is_type(fs, &px_type_vfs_posix)) {
        return open_host(px_vfs_posix_host_path(fs, sub, mode_writes(a[A_MODE]), file), a);
    }
    for (int i = A_BUFFERING; i < A_COUNT; i++) {
        if (a[i] != spec[i].def && !(i == A_ENCODING && px_vfs_utf8_name(a[i]))) {
            px_raise_value_error("open() on this file system takes only a path, a mode and encoding='utf-8'");
        }
    }
    px_val args[2] = {sub, a[A_MODE]};
    return px_call_method(fs, PX_Q(open), 2, args);
}
