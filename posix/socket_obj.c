/* socket.socket: the methods MicroPython documents plus CPython's common
 * ones, on a non-blocking descriptor (socket.h, socket_io.c). Blocking
 * calls wait in the event poller; the GC finalizer closes a socket the
 * program dropped. Sockets are binary streams too (read, readinto,
 * readline, write, and the stream protocol for select.poll). */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "socket.h"

static px_socket *sock_of(px_val v) {
    return px_as_ptr(v);
}

px_socket *px_socket_new(int fd, int family, int type, int proto) {
    px_socket *s = px_gc_alloc(sizeof *s, PX_GC_FINALIZE);
    s->base.type = &px_type_socket;
    s->fd = fd;
    s->family = family;
    s->type = type;
    s->proto = proto;
    s->timeout_us = -1;
    return s;
}

static int int_arg(px_val v) {
    int64_t i = px_int_to_i64(v);
    if (i < -2147483647 - 1 || i > 2147483647) {
        px_raise_overflow("signed integer is greater than maximum");
    }
    return (int)i;
}

/* An int argument, or `dflt` when it is None. */
static int int_or(px_val v, int dflt) {
    return v == PX_NONE ? dflt : int_arg(v);
}

/* A descriptor some other program made (systemd's socket activation,
 * an inherited fd): its family, type and protocol come from the kernel
 * where the caller did not give them, and it becomes non-blocking like
 * every socket here (the waits are the event poller's). */
static px_val sock_adopt(int fd, px_val family, px_val stype, px_val proto) {
    int v[3];
    static const int opt[3] = {SO_DOMAIN, SO_TYPE, SO_PROTOCOL};
    for (int i = 0; i < 3; i++) {
        socklen_t len = sizeof v[i];
        if (getsockopt(fd, SOL_SOCKET, opt[i], &v[i], &len) < 0) {
            px_raise_os_error(errno, "socket(fileno=%d): not a socket descriptor this process has", fd);
        }
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
        px_raise_os_error(errno, "socket(fileno=%d)", fd);
    }
    px_socket *s = px_socket_new(fd, int_or(family, v[0]), int_or(stype, v[1]), int_or(proto, v[2]));
    socklen_t len = sizeof s->addr;
    if (getsockname(fd, (struct sockaddr *)&s->addr, &len) == 0) {
        s->addrlen = len;
    }
    return px_from_ptr(s);
}

/* socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None) */
static px_val sock_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    (void)type;
    static const px_argspec spec[] = {
        {PX_Q(family), 0, PX_NONE},
        {PX_Q(type), 0, PX_NONE},
        {PX_Q(proto), 0, PX_NONE},
        {PX_Q(fileno), 0, PX_NONE},
    };
    px_val a[4];
    px_parse_args(PX_Q(socket), argc, argv, kwnames, 4, spec, a);
    if (a[3] != PX_NONE) {
        return sock_adopt(int_arg(a[3]), a[0], a[1], a[2]);
    }
    int family = int_or(a[0], AF_INET), stype = int_or(a[1], SOCK_STREAM), proto = int_or(a[2], 0);
    int fd = socket(family, stype | SOCK_NONBLOCK | SOCK_CLOEXEC, proto);
    if (fd < 0) {
        px_raise_os_error(errno, "socket(family=%d, type=%d, proto=%d)", family, stype, proto);
    }
    return px_from_ptr(px_socket_new(fd, family, stype, proto));
}

/* ---- connecting */

static px_val sock_bind(px_val self, px_val addr) {
    px_socket *s = px_sock_open(self);
    struct sockaddr_storage sa;
    socklen_t len = px_sockaddr_from(s->family, addr, &sa);
    if (bind(s->fd, (struct sockaddr *)&sa, len) < 0) {
        px_sock_raise(errno, (struct sockaddr *)&sa, len);
    }
    s->addrlen = len;
    memcpy(&s->addr, &sa, len);
    return PX_NONE;
}

static px_val sock_listen(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    int backlog = argc > 1 ? int_arg(argv[1]) : SOMAXCONN;
    if (listen(s->fd, backlog < 0 ? 0 : backlog) < 0) {
        px_sock_raise(errno, (struct sockaddr *)&s->addr, s->addrlen);
    }
    return PX_NONE;
}

static px_val sock_accept(px_val self) {
    px_socket *s = px_sock_open(self);
    uint64_t deadline = px_sock_deadline(s);
    struct sockaddr_storage sa;
    socklen_t len;
    int fd;
    for (;;) {
        len = sizeof sa;
        fd = accept4(s->fd, (struct sockaddr *)&sa, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            break;
        }
        int err = errno;
        if (err == EINTR || err == ECONNABORTED) {
            if (px_st.pending) {
                px_check_pending();
            }
        } else if (err == EAGAIN || err == EWOULDBLOCK) {
            px_sock_wait(s, POLLIN, deadline, err);
        } else {
            px_sock_raise(err, (struct sockaddr *)&s->addr, s->addrlen);
        }
    }
    px_socket *c = px_socket_new(fd, s->family, s->type, s->proto);
    if (len > sizeof sa) {
        len = sizeof sa;
    }
    memcpy(&c->addr, &sa, len);
    c->addrlen = len;
    px_val t[2] = {px_from_ptr(c), px_sockaddr_value((struct sockaddr *)&sa, len)};
    return px_tuple_new(2, t);
}

/* connect: 0 or an errno value (for connect_ex); the address is kept for
 * later errors. A non-blocking socket reports EINPROGRESS. */
static int do_connect(px_socket *s, px_val addr) {
    struct sockaddr_storage sa;
    socklen_t len = px_sockaddr_from(s->family, addr, &sa);
    memcpy(&s->addr, &sa, len);
    s->addrlen = len;
    int r;
    do {
        r = connect(s->fd, (struct sockaddr *)&sa, len);
    } while (r < 0 && errno == EINTR);
    if (r == 0) {
        return 0;
    }
    int err = errno;
    if (err != EINPROGRESS || s->timeout_us == 0) {
        return err;
    }
    px_sock_wait(s, POLLOUT, px_sock_deadline(s), err);
    socklen_t elen = sizeof err;
    if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0) {
        err = errno;
    }
    return err;
}

static px_val sock_connect(px_val self, px_val addr) {
    px_socket *s = px_sock_open(self);
    int err = do_connect(s, addr);
    if (err != 0) {
        px_sock_raise(err, (struct sockaddr *)&s->addr, s->addrlen);
    }
    return PX_NONE;
}

static px_val sock_connect_ex(px_val self, px_val addr) {
    return px_small(do_connect(px_sock_open(self), addr));
}

/* ---- sending and receiving */

static size_t size_arg(px_val v) {
    px_int n = px_index(v);
    if (n < 0) {
        px_raise_value_error("negative buffersize in recv");
    }
    return (size_t)n;
}

static px_val new_bytes(px_strbuf *b, long n) {
    b->len = n > 0 ? (size_t)n : 0;
    return px_strbuf_to_bytes(b);
}

static px_val sock_recv(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    size_t n = size_arg(argv[1]);
    int flags = argc > 2 ? int_arg(argv[2]) : 0;
    px_strbuf b;
    px_strbuf_init(&b, n ? n : 1);
    return new_bytes(&b, px_sock_recv(s, b.data, n, flags, false));
}

/* recv_into(buffer[, nbytes[, flags]]) */
static px_val sock_recv_into(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    px_buffer buf;
    px_get_buffer(argv[1], &buf, PX_BUF_WRITE);
    size_t n = buf.len;
    if (argc > 2 && px_index(argv[2]) != 0) {
        px_int k = px_index(argv[2]);
        if (k < 0) {
            px_raise_value_error("negative buffersize in recv_into");
        }
        if ((size_t)k > buf.len) {
            px_raise_value_error("buffer too small for requested bytes");
        }
        n = (size_t)k;
    }
    int flags = argc > 3 ? int_arg(argv[3]) : 0;
    return px_int_from_i64(px_sock_recv(s, buf.data, n, flags, false));
}

static px_val sock_recvfrom(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    size_t n = size_arg(argv[1]);
    int flags = argc > 2 ? int_arg(argv[2]) : 0;
    px_strbuf b;
    px_strbuf_init(&b, n ? n : 1);
    uint64_t deadline = px_sock_deadline(s);
    struct sockaddr_storage sa;
    socklen_t len;
    ssize_t r;
    for (;;) {
        len = sizeof sa;
        r = recvfrom(s->fd, b.data, n, flags, (struct sockaddr *)&sa, &len);
        if (r >= 0) {
            break;
        }
        int err = errno;
        if (err == EINTR) {
            if (px_st.pending) {
                px_check_pending();
            }
        } else if (err == EAGAIN || err == EWOULDBLOCK) {
            px_sock_wait(s, POLLIN, deadline, err);
        } else {
            px_sock_raise(err, (struct sockaddr *)&s->addr, s->addrlen);
        }
    }
    /* a connected stream socket reports no address (None, as CPython) */
    px_val from = len == 0 ? PX_NONE : px_sockaddr_value((struct sockaddr *)&sa, len > sizeof sa ? sizeof sa : len);
    px_val t[2] = {new_bytes(&b, r), from};
    return px_tuple_new(2, t);
}

static px_val sock_send(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    px_buffer buf;
    px_get_write_buffer(argv[1], &buf);
    int flags = argc > 2 ? int_arg(argv[2]) : 0;
    return px_int_from_i64(px_sock_send(s, buf.data, buf.len, flags, false));
}

static px_val sock_sendall(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    px_buffer buf;
    px_get_write_buffer(argv[1], &buf);
    int flags = argc > 2 ? int_arg(argv[2]) : 0;
    size_t done = 0;
    while (done < buf.len) {
        done += (size_t)px_sock_send(s, (const char *)buf.data + done, buf.len - done, flags, false);
    }
    return PX_NONE;
}

/* sendto(bytes[, flags], address) */
static px_val sock_sendto(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    px_buffer buf;
    px_get_write_buffer(argv[1], &buf);
    int flags = argc > 3 ? int_arg(argv[2]) : 0;
    struct sockaddr_storage sa;
    socklen_t len = px_sockaddr_from(s->family, argv[argc - 1], &sa);
    uint64_t deadline = px_sock_deadline(s);
    for (;;) {
        ssize_t r = sendto(s->fd, buf.data, buf.len, flags | MSG_NOSIGNAL, (struct sockaddr *)&sa, len);
        if (r >= 0) {
            return px_int_from_i64(r);
        }
        int err = errno;
        if (err == EINTR) {
            if (px_st.pending) {
                px_check_pending();
            }
        } else if (err == EAGAIN || err == EWOULDBLOCK) {
            px_sock_wait(s, POLLOUT, deadline, err);
        } else {
            px_sock_raise(err, (struct sockaddr *)&sa, len);
        }
    }
}

/* ---- stream methods (MicroPython): no short reads or writes while
 * blocking; a non-blocking socket with nothing to give returns None */

/* read([size]): up to size bytes, or everything until the peer closes */
static px_val sock_read(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    px_int want = argc > 1 && argv[1] != PX_NONE ? px_index(argv[1]) : -1;
    /* Up to 4 KiB are received into the C stack and become the bytes
     * object when that is all there is: no GC buffer to clear and copy for
     * the usual short read. More goes on in a growing buffer. The buffer
     * starts zeroed: the collector scans the C stack conservatively, and
     * whatever earlier calls left in the part recv does not fill (stale
     * pointers) would keep dead objects alive at every allocation made
     * while it is live (kernel/soak's heap grew with it). */
    char first[4096];
    memset(first, 0, sizeof first);
    size_t ask = want >= 0 && (size_t)want < sizeof first ? (size_t)want : sizeof first;
    size_t got = 0;
    while (got < ask) {
        long r = px_sock_recv(s, first + got, ask - got, 0, true);
        if (r < 0) {
            if (got == 0) {
                return PX_NONE;
            }
            break;
        }
        if (r == 0) {
            break;
        }
        got += (size_t)r;
    }
    if (got < ask || (want >= 0 && got == (size_t)want)) {
        return px_bytes(first, got);
    }
    px_strbuf b;
    px_strbuf_init(&b, want >= 0 ? (size_t)want + 1 : 2 * sizeof first);
    px_strbuf_add(&b, first, got);
    for (;;) {
        size_t room = want >= 0 ? (size_t)want - b.len : 4096;
        if (room == 0) {
            break;
        }
        char *p = px_strbuf_extend(&b, room);
        b.len -= room;
        long r = px_sock_recv(s, p, room, 0, true);
        if (r < 0) {
            if (b.len == 0) {
                return PX_NONE;
            }
            break;
        }
        b.len += (size_t)r;
        if (r == 0) {
            break;
        }
    }
    return px_strbuf_to_bytes(&b);
}

static px_val sock_readinto(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    px_buffer buf;
    px_get_buffer(argv[1], &buf, PX_BUF_WRITE);
    size_t want = buf.len;
    if (argc > 2 && argv[2] != PX_NONE) {
        px_int k = px_index(argv[2]);
        if (k >= 0 && (size_t)k < want) {
            want = (size_t)k;
        }
    }
    size_t got = 0;
    while (got < want) {
        long r = px_sock_recv(s, (char *)buf.data + got, want - got, 0, true);
        if (r < 0) {
            if (got == 0) {
                return PX_NONE;
            }
            break;
        }
        if (r == 0) {
            break;
        }
        got += (size_t)r;
    }
    return px_int_from_u64(got);
}

/* readline(): up to and including b'\n'. Peeks, so that nothing after
 * the line is taken from the socket (no buffer of our own). */
static px_val sock_readline(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    px_int limit = argc > 1 && argv[1] != PX_NONE ? px_index(argv[1]) : -1;
    px_strbuf b;
    px_strbuf_init(&b, 128);
    for (;;) {
        size_t room = 1024;
        if (limit >= 0) {
            if (b.len >= (size_t)limit) {
                break;
            }
            room = (size_t)limit - b.len < room ? (size_t)limit - b.len : room;
        }
        char *p = px_strbuf_extend(&b, room);
        b.len -= room;
        long r = px_sock_recv(s, p, room, MSG_PEEK, true);
        if (r < 0) {
            if (b.len == 0) {
                return PX_NONE;
            }
            break;
        }
        if (r == 0) {
            break;
        }
        char *nl = memchr(p, '\n', (size_t)r);
        size_t take = nl != NULL ? (size_t)(nl - p) + 1 : (size_t)r;
        long got = px_sock_recv(s, p, take, 0, true); /* what was peeked is there */
        b.len += got > 0 ? (size_t)got : 0;
        if (nl != NULL) {
            break;
        }
    }
    return px_strbuf_to_bytes(&b);
}

/* write(buf): everything while blocking; a non-blocking socket writes
 * what fits (None if nothing does). */
static px_val sock_write(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    px_buffer buf;
    px_stream_write_arg(argc, argv, &buf);
    size_t n = buf.len;
    size_t done = 0;
    while (done < n) {
        long r = px_sock_send(s, (const char *)buf.data + done, n - done, 0, true);
        if (r < 0) {
            if (done == 0) {
                return PX_NONE;
            }
            break;
        }
        done += (size_t)r;
    }
    return px_int_from_u64(done);
}

/* ---- options and state */

static px_val sock_setsockopt(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    int level = int_arg(argv[1]), opt = int_arg(argv[2]);
    int r;
    if (px_is_int(argv[3]) || px_is_type(argv[3], &px_type_bool)) {
        int v = int_arg(argv[3]);
        r = setsockopt(s->fd, level, opt, &v, sizeof v);
    } else {
        px_buffer buf;
        px_get_buffer(argv[3], &buf, PX_BUF_READ);
        r = setsockopt(s->fd, level, opt, buf.data, (socklen_t)buf.len);
    }
    if (r < 0) {
        px_raise_os_error(errno, "setsockopt(%d, %d)", level, opt);
    }
    (void)argc;
    return PX_NONE;
}

static px_val sock_getsockopt(size_t argc, const px_val *argv) {
    px_socket *s = px_sock_open(argv[0]);
    int level = int_arg(argv[1]), opt = int_arg(argv[2]);
    if (argc < 4) {
        int v = 0;
        socklen_t len = sizeof v;
        if (getsockopt(s->fd, level, opt, &v, &len) < 0) {
            px_raise_os_error(errno, "getsockopt(%d, %d)", level, opt);
        }
        return px_small(v);
    }
    px_int n = px_index(argv[3]);
    if (n <= 0 || n > 1024) {
        px_raise_os_error(EINVAL, "getsockopt buflen out of range");
    }
    px_strbuf b;
    px_strbuf_init(&b, (size_t)n);
    socklen_t len = (socklen_t)n;
    if (getsockopt(s->fd, level, opt, b.data, &len) < 0) {
        px_raise_os_error(errno, "getsockopt(%d, %d)", level, opt);
    }
    return new_bytes(&b, (long)len);
}

/* settimeout(None | seconds): None blocks, 0 is non-blocking. */
static px_val sock_settimeout(px_val self, px_val t) {
    px_socket *s = sock_of(self);
    if (t == PX_NONE) {
        s->timeout_us = -1;
        return PX_NONE;
    }
    double secs = px_float_of(t);
    if (secs != secs) {
        px_raise_value_error("Invalid value NaN (not a number)");
    }
    if (secs < 0) {
        px_raise_value_error("Timeout value out of range");
    }
    double us = ceil(secs * 1e6);
    s->timeout_us = secs == 0 ? 0 : us < 9e15 ? (int64_t)us : (int64_t)9e15;
    if (s->timeout_us == 0 && secs > 0) {
        s->timeout_us = 1;
    }
    return PX_NONE;
}

static px_val sock_gettimeout(px_val self) {
    px_socket *s = sock_of(self);
    if (s->timeout_us < 0) {
        return PX_NONE;
    }
#if PX_HAS_FLOAT
    return px_float((double)s->timeout_us / 1e6);
#else
    /* whole seconds, rounded up: settimeout took an int */
    return px_int_from_i64((s->timeout_us + 999999) / 1000000);
#endif
}

static px_val sock_setblocking(px_val self, px_val flag) {
    sock_of(self)->timeout_us = px_truthy(flag) ? -1 : 0;
    return PX_NONE;
}

static px_val sock_getblocking(px_val self) {
    return px_bool(sock_of(self)->timeout_us != 0);
}

static px_val sock_name(px_val self, bool peer) {
    px_socket *s = px_sock_open(self);
    struct sockaddr_storage sa;
    socklen_t len = sizeof sa;
    int r = peer ? getpeername(s->fd, (struct sockaddr *)&sa, &len) : getsockname(s->fd, (struct sockaddr *)&sa, &len);
    if (r < 0) {
        px_raise_os_error(errno, peer ? "getpeername" : "getsockname");
    }
    return px_sockaddr_value((struct sockaddr *)&sa, len > sizeof sa ? sizeof sa : len);
}

static px_val sock_getsockname(px_val self) {
    return sock_name(self, false);
}

static px_val sock_getpeername(px_val self) {
    return sock_name(self, true);
}

static px_val sock_shutdown(px_val self, px_val how) {
    px_socket *s = px_sock_open(self);
    if (shutdown(s->fd, int_arg(how)) < 0) {
        px_sock_raise(errno, (struct sockaddr *)&s->addr, s->addrlen);
    }
    return PX_NONE;
}

static px_val sock_fileno(px_val self) {
    return px_small(sock_of(self)->fd);
}

static px_val sock_close(px_val self) {
    px_socket *s = sock_of(self);
    if (s->fd >= 0) {
        int fd = s->fd;
        s->fd = -1;
        if (close(fd) < 0 && errno != EINTR) {
            px_raise_os_error(errno, "close");
        }
    }
    return PX_NONE;
}

/* makefile(mode='rb', buffering=0): the socket itself, as MicroPython
 * (sockets are binary streams; closing the "file" closes the socket). */
static px_val sock_makefile(size_t argc, const px_val *argv) {
    if (argc > 1) {
        size_t n;
        const char *m = px_str_data(argv[1], &n);
        if (memchr(m, 'b', n) == NULL) {
            px_raise_value_error("makefile: only binary modes ('rb', 'wb', 'rwb') are supported");
        }
    }
    return argv[0];
}

/* Writes are not buffered: there is never anything to flush (for code
 * written for CPython's makefile objects). */
static px_val sock_flush(px_val self) {
    px_sock_open(self);
    return PX_NONE;
}

static px_val sock_enter(px_val self) {
    return self;
}

static px_val sock_exit(size_t argc, const px_val *argv) {
    (void)argc;
    return sock_close(argv[0]);
}

static px_val sock_getattr(px_val self, px_qid name) {
    px_socket *s = sock_of(self);
    switch (name) {
    case PX_Q(family):
        return px_small(s->family);
    case PX_Q(type):
        return px_small(s->type);
    case PX_Q(proto):
        return px_small(s->proto);
    default:
        return PX_NULL;
    }
}

static void sock_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    px_socket *s = sock_of(self);
    px_printf(out, "<socket fd=%d family=%d type=%d proto=%d>", s->fd, s->family, s->type, s->proto);
}

/* No Python code or allocation: just release the descriptor. */
static void sock_finalize(px_obj *self) {
    px_socket *s = (px_socket *)self;
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
}

/* ---- the stream protocol (select.poll, C readers): never waits */

static long stream_read(px_val self, void *buf, size_t n, int *err) {
    px_socket *s = sock_of(self);
    ssize_t r = s->fd < 0 ? (errno = EBADF, -1) : recv(s->fd, buf, n, 0);
    if (r < 0) {
        *err = errno;
    }
    return (long)r;
}

static long stream_write(px_val self, const void *buf, size_t n, int *err) {
    px_socket *s = sock_of(self);
    ssize_t r = s->fd < 0 ? (errno = EBADF, -1) : send(s->fd, buf, n, MSG_NOSIGNAL);
    if (r < 0) {
        *err = errno;
    }
    return (long)r;
}

static int stream_fileno(px_val self) {
    return sock_of(self)->fd;
}

static const px_stream_proto sock_stream = {stream_read, stream_write, stream_fileno, NULL};

/* ---- the type */

static PX_METH1(m_enter, &px_type_socket, __enter__, sock_enter);
static PX_METHV(m_exit, &px_type_socket, __exit__, 1, 4, sock_exit);
static PX_METH1(m_accept, &px_type_socket, accept, sock_accept);
static PX_METH2(m_bind, &px_type_socket, bind, sock_bind);
static PX_METH1(m_close, &px_type_socket, close, sock_close);
static PX_METH2(m_connect, &px_type_socket, connect, sock_connect);
static PX_METH2(m_connect_ex, &px_type_socket, connect_ex, sock_connect_ex);
static PX_METH1(m_fileno, &px_type_socket, fileno, sock_fileno);
static PX_METH1(m_flush, &px_type_socket, flush, sock_flush);
static PX_METH1(m_getblocking, &px_type_socket, getblocking, sock_getblocking);
static PX_METH1(m_getpeername, &px_type_socket, getpeername, sock_getpeername);
static PX_METH1(m_getsockname, &px_type_socket, getsockname, sock_getsockname);
static PX_METHV(m_getsockopt, &px_type_socket, getsockopt, 3, 4, sock_getsockopt);
static PX_METH1(m_gettimeout, &px_type_socket, gettimeout, sock_gettimeout);
static PX_METHV(m_listen, &px_type_socket, listen, 1, 2, sock_listen);
static PX_METHV(m_makefile, &px_type_socket, makefile, 1, 3, sock_makefile);
static PX_METHV(m_read, &px_type_socket, read, 1, 2, sock_read);
static PX_METHV(m_readinto, &px_type_socket, readinto, 2, 3, sock_readinto);
static PX_METHV(m_readline, &px_type_socket, readline, 1, 2, sock_readline);
static PX_METHV(m_recv, &px_type_socket, recv, 2, 3, sock_recv);
static PX_METHV(m_recv_into, &px_type_socket, recv_into, 2, 4, sock_recv_into);
static PX_METHV(m_recvfrom, &px_type_socket, recvfrom, 2, 3, sock_recvfrom);
static PX_METHV(m_send, &px_type_socket, send, 2, 3, sock_send);
static PX_METHV(m_sendall, &px_type_socket, sendall, 2, 3, sock_sendall);
static PX_METHV(m_sendto, &px_type_socket, sendto, 3, 4, sock_sendto);
static PX_METH2(m_setblocking, &px_type_socket, setblocking, sock_setblocking);
static PX_METHV(m_setsockopt, &px_type_socket, setsockopt, 4, 4, sock_setsockopt);
static PX_METH2(m_settimeout, &px_type_socket, settimeout, sock_settimeout);
static PX_METH2(m_shutdown, &px_type_socket, shutdown, sock_shutdown);
static PX_METHV(m_write, &px_type_socket, write, 2, 3, sock_write);

/* Sorted by name bytes. */
static const px_map_entry sock_methods[] = {
    PX_ENTRY_OBJ(__enter__, &m_enter),
    PX_ENTRY_OBJ(__exit__, &m_exit),
    PX_ENTRY_OBJ(accept, &m_accept),
    PX_ENTRY_OBJ(bind, &m_bind),
    PX_ENTRY_OBJ(close, &m_close),
    PX_ENTRY_OBJ(connect, &m_connect),
    PX_ENTRY_OBJ(connect_ex, &m_connect_ex),
    PX_ENTRY_OBJ(fileno, &m_fileno),
    PX_ENTRY_OBJ(flush, &m_flush),
    PX_ENTRY_OBJ(getblocking, &m_getblocking),
    PX_ENTRY_OBJ(getpeername, &m_getpeername),
    PX_ENTRY_OBJ(getsockname, &m_getsockname),
    PX_ENTRY_OBJ(getsockopt, &m_getsockopt),
    PX_ENTRY_OBJ(gettimeout, &m_gettimeout),
    PX_ENTRY_OBJ(listen, &m_listen),
    PX_ENTRY_OBJ(makefile, &m_makefile),
    PX_ENTRY_OBJ(read, &m_read),
    PX_ENTRY_OBJ(readinto, &m_readinto),
    PX_ENTRY_OBJ(readline, &m_readline),
    PX_ENTRY_OBJ(recv, &m_recv),
    PX_ENTRY_OBJ(recv_into, &m_recv_into),
    PX_ENTRY_OBJ(recvfrom, &m_recvfrom),
    PX_ENTRY_OBJ(send, &m_send),
    PX_ENTRY_OBJ(sendall, &m_sendall),
    PX_ENTRY_OBJ(sendto, &m_sendto),
    PX_ENTRY_OBJ(setblocking, &m_setblocking),
    PX_ENTRY_OBJ(setsockopt, &m_setsockopt),
    PX_ENTRY_OBJ(settimeout, &m_settimeout),
    PX_ENTRY_OBJ(shutdown, &m_shutdown),
    PX_ENTRY_OBJ(write, &m_write),
};
static PX_CONST_MAP(sock_dict, sock_methods);

const px_type px_type_socket = {
    .base = {&px_type_type},
    .name = PX_Q(socket),
    .base_type = &px_type_object,
    .dict = &sock_dict,
    .make = sock_make,
    .print = sock_print,
    .getattr = sock_getattr,
    .finalize = sock_finalize,
    .proto = &sock_stream,
};
