/* SSLSocket: TLS over a socket of the socket module. OpenSSL works on the
 * socket's non-blocking descriptor; when it wants to read or write, the
 * wait is the socket's own (px_sock_wait: its timeout, the event poller,
 * signals), so a TLS socket blocks, times out or is non-blocking exactly
 * as the socket under it. Decrypted bytes OpenSSL holds count as input
 * ready for select.poll (the stream protocol's ready()). */
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <string.h>

#include "events.h"
#include "ssl.h"

static px_sslsocket *ssock_of(px_val v) {
    return px_as_ptr(v);
}

static px_socket *under(px_sslsocket *t) {
    return px_as_ptr(t->sock);
}

static px_sslsocket *ssock_open(px_val v) {
    px_sslsocket *t = ssock_of(v);
    if (t->ssl == NULL || under(t)->fd < 0) {
        px_raise_os_error(EBADF, "the TLS socket is closed");
    }
    return t;
}

/* DTLS over a lossy network: while OpenSSL has a retransmission timer
 * running, wait at most until it fires, then let it resend. True when
 * it handled the wait (the caller retries its call). */
static bool dtls_wait(px_sslsocket *t, uint64_t deadline) {
    struct timeval tv;
    if (DTLSv1_get_timeout(t->ssl, &tv) != 1) {
        return false;
    }
    px_socket *s = under(t);
    if (s->timeout_us == 0) {
        px_sock_raise(EAGAIN, NULL, 0);
    }
    uint64_t now = px_port_ticks_us();
    if (deadline != 0 && now >= deadline) {
        px_sock_raise(ETIMEDOUT, (struct sockaddr *)&s->addr, s->addrlen);
    }
    int64_t us = (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
    if (deadline != 0 && (uint64_t)us > deadline - now) {
        us = (int64_t)(deadline - now);
    }
    if (px_st.pending) {
        px_check_pending();
    }
    struct pollfd p = {.fd = s->fd, .events = POLLIN};
    if (px_events_wait_us(us, &p, 1) == 0 && !px_st.pending) {
        DTLSv1_handle_timeout(t->ssl);
    }
    return true;
}

/* After a failed SSL_* call returning r: wait and return true to retry,
 * return false for a clean end of stream (reads), or raise. With nb_none,
 * a non-blocking socket that would block returns false with *again set. */
static bool after(px_sslsocket *t, int r, const char *what, uint64_t deadline, bool nb_none, bool *again) {
    int sys_errno = errno; /* of the SSL call that failed */
    px_socket *s = under(t);
    int e = SSL_get_error(t->ssl, r);
    switch (e) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        if (s->timeout_us == 0 && nb_none) {
            *again = true;
            return false;
        }
        if (t->dtls && e == SSL_ERROR_WANT_READ && dtls_wait(t, deadline)) {
            return true;
        }
        px_sock_wait(s, e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline, EAGAIN);
        return true;
    case SSL_ERROR_ZERO_RETURN:
        return false;
    case SSL_ERROR_SYSCALL:
        if (sys_errno == EINTR) {
            if (px_st.pending) {
                px_check_pending();
            }
            return true;
        }
        if (ERR_peek_error() == 0) {
            int err = sys_errno != 0 ? sys_errno : ECONNRESET; /* 0: the peer went without a close_notify */
            ERR_clear_error();
            px_sock_raise(err, (struct sockaddr *)&s->addr, s->addrlen);
        }
        px_ssl_raise(what, s);
    default: {
        long v = SSL_get_verify_result(t->ssl);
        if (v != X509_V_OK) {
            char msg[400];
            int k = snprintf(msg, sizeof msg, "certificate verify failed: %s", X509_verify_cert_error_string(v));
            if (v == X509_V_ERR_HOSTNAME_MISMATCH || v == X509_V_ERR_IP_ADDRESS_MISMATCH) {
                size_t n;
                const char *h = px_str_data(t->server_hostname, &n);
                snprintf(msg + k, sizeof msg - (size_t)k, " (the certificate is not valid for '%.*s')", (int)n, h);
            }
            ERR_clear_error();
            char addr[128];
            px_sockaddr_text((struct sockaddr *)&s->addr, s->addrlen, addr, sizeof addr);
            px_val args[3] = {px_small(EIO), px_str_cstr(msg), px_str_cstr(addr)};
            px_raise(px_exc_new(&px_type_OSError, addr[0] ? 3 : 2, args));
        }
        px_ssl_raise(what, s);
    }
    }
}

static void handshake(px_sslsocket *t) {
    uint64_t deadline = px_sock_deadline(under(t));
    bool again = false;
    for (;;) {
        ERR_clear_error();
        errno = 0;
        int r = SSL_do_handshake(t->ssl);
        if (r == 1) {
            return;
        }
        if (!after(t, r, "TLS handshake failed", deadline, false, &again)) {
            px_sock_raise(ECONNRESET, (struct sockaddr *)&under(t)->addr, under(t)->addrlen);
        }
    }
}

px_val px_ssl_wrap(px_sslcontext *c, px_val sock, bool server_side, bool do_handshake, px_val hostname,
                   px_val client_id) {
    if (!px_is_type(sock, &px_type_socket)) {
        px_raise_type_error("wrap_socket: a socket.socket is needed, not %s", px_type_name(sock));
    }
    px_socket *s = px_sock_open(sock);
    if (server_side != c->server) {
        px_raise_value_error(server_side ? "a server socket needs a PROTOCOL_TLS_SERVER context"
                                         : "a client socket needs a PROTOCOL_TLS_CLIENT context");
    }
    const char *host = NULL;
    if (hostname != PX_NONE) {
        if (server_side) {
            px_raise_value_error("server_hostname can only be specified in client mode");
        }
        size_t n;
        const char *p = px_str_data(hostname, &n);
        if (n == 0 || memchr(p, 0, n) != NULL) {
            px_raise_value_error("server_hostname cannot be an empty string or contain a null character");
        }
        char *h = px_gc_alloc(n + 1, PX_GC_LEAF);
        memcpy(h, p, n);
        host = h;
    } else if (!server_side && c->check_hostname) {
        px_raise_value_error("check_hostname requires server_hostname");
    }
    px_sslsocket *t = px_gc_alloc(sizeof *t, PX_GC_FINALIZE);
    t->base.type = &px_type_sslsocket;
    t->sock = sock;
    t->server_hostname = hostname;
    t->client_id = client_id;
    t->dtls = c->dtls;
    if (c->dtls && s->type != SOCK_DGRAM) {
        px_raise_value_error("DTLS needs a datagram socket (SOCK_DGRAM)");
    }
    if (!c->dtls && s->type != SOCK_STREAM) {
        px_raise_value_error("TLS needs a stream socket (SOCK_STREAM); DTLS is PROTOCOL_DTLS_*");
    }
    t->ssl = SSL_new(c->ctx);
    if (t->ssl == NULL) {
        px_ssl_raise("wrap_socket", s);
    }
    SSL_set_app_data(t->ssl, t); /* for the cookie callbacks; t outlives ssl */
    if (c->dtls) {
        /* the socket is connected to its one peer (MicroPython's DTLS) */
        BIO *bio = BIO_new_dgram(s->fd, BIO_NOCLOSE);
        struct sockaddr_storage peer;
        socklen_t plen = sizeof peer;
        if (getpeername(s->fd, (struct sockaddr *)&peer, &plen) != 0) {
            BIO_free(bio);
            px_sock_raise(errno, NULL, 0);
        }
        BIO_ctrl_set_connected(bio, &peer);
        SSL_set_bio(t->ssl, bio, bio);
    } else {
        SSL_set_fd(t->ssl, s->fd);
    }
    if (server_side) {
        SSL_set_accept_state(t->ssl);
    } else {
        SSL_set_connect_state(t->ssl);
        if (host != NULL) {
            unsigned char ip[16];
            bool is_ip = inet_pton(AF_INET, host, ip) == 1 || inet_pton(AF_INET6, host, ip) == 1;
            if (!is_ip) {
                SSL_set_tlsext_host_name(t->ssl, host); /* SNI is for names only */
            }
            if (c->check_hostname) {
                X509_VERIFY_PARAM *param = SSL_get0_param(t->ssl);
                if (is_ip ? X509_VERIFY_PARAM_set1_ip_asc(param, host) != 1 : SSL_set1_host(t->ssl, host) != 1) {
                    px_ssl_raise("server_hostname", s);
                }
            }
        }
    }
    if (do_handshake) {
        handshake(t);
    }
    return px_from_ptr(t);
}

/* ---- reading and writing */

/* One SSL_read of up to n bytes: the count, 0 at the end, -1 when a
 * non-blocking socket has nothing (only with nb_none; else EAGAIN). */
static long tls_read(px_sslsocket *t, void *buf, size_t n, bool nb_none) {
    uint64_t deadline = px_sock_deadline(under(t));
    if (n == 0) {
        return 0;
    }
    for (;;) {
        ERR_clear_error();
        errno = 0;
        size_t got = 0;
        int r = SSL_read_ex(t->ssl, buf, n, &got);
        if (r == 1) {
            return (long)got;
        }
        bool again = false;
        if (!after(t, r, "TLS read failed", deadline, nb_none, &again)) {
            return again ? -1 : 0;
        }
    }
}

static long tls_write(px_sslsocket *t, const void *buf, size_t n, bool nb_none) {
    uint64_t deadline = px_sock_deadline(under(t));
    if (n == 0) {
        return 0;
    }
    for (;;) {
        ERR_clear_error();
        errno = 0;
        size_t done = 0;
        int r = SSL_write_ex(t->ssl, buf, n, &done);
        if (r == 1) {
            return (long)done;
        }
        bool again = false;
        if (!after(t, r, "TLS write failed", deadline, nb_none, &again)) {
            if (again) {
                return -1;
            }
            px_sock_raise(EPIPE, (struct sockaddr *)&under(t)->addr, under(t)->addrlen);
        }
    }
}

static px_val ssock_recv(size_t argc, const px_val *argv) {
    px_sslsocket *t = ssock_open(argv[0]);
    px_int n = px_index(argv[1]);
    if (n < 0) {
        px_raise_value_error("negative buffersize in recv");
    }
    (void)argc;
    px_strbuf b;
    px_strbuf_init(&b, n ? (size_t)n : 1);
    b.len = (size_t)tls_read(t, b.data, (size_t)n, false);
    return px_strbuf_to_bytes(&b);
}

static px_val ssock_recv_into(size_t argc, const px_val *argv) {
    px_sslsocket *t = ssock_open(argv[0]);
    px_buffer buf;
    px_get_buffer(argv[1], &buf, PX_BUF_WRITE);
    size_t n = buf.len;
    if (argc > 2 && px_index(argv[2]) > 0 && (size_t)px_index(argv[2]) < n) {
        n = (size_t)px_index(argv[2]);
    }
    return px_int_from_i64(tls_read(t, buf.data, n, false));
}

/* read([n]): MicroPython's stream read: up to n bytes (all to the end
 * without n), None when a non-blocking socket has nothing yet. */
static px_val ssock_read(size_t argc, const px_val *argv) {
    px_sslsocket *t = ssock_open(argv[0]);
    px_int want = argc > 1 && argv[1] != PX_NONE ? px_index(argv[1]) : -1;
    px_strbuf b;
    px_strbuf_init(&b, want >= 0 ? (size_t)want + 1 : 4096);
    for (;;) {
        size_t room = want >= 0 ? (size_t)want - b.len : 4096;
        if (room == 0) {
            break;
        }
        char *p = px_strbuf_extend(&b, room);
        b.len -= room;
        long r = tls_read(t, p, room, true);
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

static px_val ssock_readinto(size_t argc, const px_val *argv) {
    px_sslsocket *t = ssock_open(argv[0]);
    px_buffer buf;
    px_get_buffer(argv[1], &buf, PX_BUF_WRITE);
    size_t want = buf.len, got = 0;
    if (argc > 2 && argv[2] != PX_NONE && px_index(argv[2]) >= 0 && (size_t)px_index(argv[2]) < want) {
        want = (size_t)px_index(argv[2]);
    }
    while (got < want) {
        long r = tls_read(t, (char *)buf.data + got, want - got, true);
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

/* readline(): a byte at a time from OpenSSL's buffer (no read-ahead of
 * our own, so poll and read keep agreeing on what is pending). */
static px_val ssock_readline(size_t argc, const px_val *argv) {
    px_sslsocket *t = ssock_open(argv[0]);
    px_int limit = argc > 1 && argv[1] != PX_NONE ? px_index(argv[1]) : -1;
    px_strbuf b;
    px_strbuf_init(&b, 128);
    while (limit < 0 || b.len < (size_t)limit) {
        char c;
        long r = tls_read(t, &c, 1, true);
        if (r < 0) {
            if (b.len == 0) {
                return PX_NONE;
            }
            break;
        }
        if (r == 0) {
            break;
        }
        px_strbuf_add_char(&b, c);
        if (c == '\n') {
            break;
        }
    }
    return px_strbuf_to_bytes(&b);
}

static px_val ssock_send(px_val self, px_val data) {
    px_sslsocket *t = ssock_open(self);
    px_buffer buf;
    px_get_buffer(data, &buf, PX_BUF_READ);
    return px_int_from_i64(tls_write(t, buf.data, buf.len, false));
}

static px_val ssock_sendall(px_val self, px_val data) {
    px_sslsocket *t = ssock_open(self);
    px_buffer buf;
    px_get_buffer(data, &buf, PX_BUF_READ);
    for (size_t done = 0; done < buf.len;) {
        done += (size_t)tls_write(t, (const char *)buf.data + done, buf.len - done, false);
    }
    return PX_NONE;
}

/* write(buf): all of it while blocking; what fits (None: nothing) when not */
static px_val ssock_write(size_t argc, const px_val *argv) {
    px_sslsocket *t = ssock_open(argv[0]);
    px_buffer buf;
    px_stream_write_arg(argc, argv, &buf);
    size_t done = 0;
    while (done < buf.len) {
        long r = tls_write(t, (const char *)buf.data + done, buf.len - done, true);
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

static px_val ssock_do_handshake(px_val self) {
    handshake(ssock_open(self));
    return PX_NONE;
}

/* close(): a close_notify to the peer (not waited for), then the socket */
static px_val ssock_close(px_val self) {
    px_sslsocket *t = ssock_of(self);
    if (t->ssl != NULL) {
        if (SSL_is_init_finished(t->ssl) && under(t)->fd >= 0) {
            ERR_clear_error();
            SSL_shutdown(t->ssl);
            ERR_clear_error();
        }
        SSL_free(t->ssl);
        t->ssl = NULL;
    }
    px_call_method(t->sock, PX_Q(close), 0, NULL);
    return PX_NONE;
}

/* getpeercert(binary_form=False): the DER bytes with binary_form (as
 * MicroPython); otherwise CPython's dict of subject, issuer and dates of
 * a verified certificate ({} when not verified). */
static px_val name_tuple(X509_NAME *name) {
    px_val rdns = px_list_new(0, NULL);
    for (int i = 0; i < X509_NAME_entry_count(name); i++) {
        X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
        const char *key = OBJ_nid2ln(OBJ_obj2nid(X509_NAME_ENTRY_get_object(e)));
        unsigned char *utf8 = NULL;
        int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
        px_val pair[2] = {px_str_cstr(key ? key : "?"), n >= 0 ? px_str((const char *)utf8, (size_t)n) : PX_NONE};
        OPENSSL_free(utf8);
        px_val one = px_tuple_new(2, pair);
        px_list_append(rdns, px_tuple_new(1, &one));
    }
    size_t n;
    px_val *items = px_seq_items(rdns, &n);
    return px_tuple_new(n, items);
}

static px_val asn1_time(const ASN1_TIME *tm) {
    BIO *bio = BIO_new(BIO_s_mem());
    ASN1_TIME_print(bio, tm);
    char *p;
    long n = BIO_get_mem_data(bio, &p);
    px_val v = px_str(p, (size_t)n);
    BIO_free(bio);
    return v;
}

static px_val ssock_getpeercert(size_t argc, const px_val *argv) {
    px_sslsocket *t = ssock_open(argv[0]);
    bool binary = argc > 1 && px_truthy(argv[1]);
    X509 *x = SSL_get1_peer_certificate(t->ssl);
    if (x == NULL) {
        return PX_NONE;
    }
    px_val r;
    if (binary) {
        unsigned char *der = NULL;
        int n = i2d_X509(x, &der);
        r = n > 0 ? px_bytes(der, (size_t)n) : PX_NONE;
        OPENSSL_free(der);
    } else if (SSL_get_verify_result(t->ssl) != X509_V_OK) {
        r = px_dict_new(4);
    } else {
        r = px_dict_new(4);
        px_dict_set(r, px_str_cstr("subject"), name_tuple(X509_get_subject_name(x)));
        px_dict_set(r, px_str_cstr("issuer"), name_tuple(X509_get_issuer_name(x)));
        px_dict_set(r, px_str_cstr("notBefore"), asn1_time(X509_get0_notBefore(x)));
        px_dict_set(r, px_str_cstr("notAfter"), asn1_time(X509_get0_notAfter(x)));
    }
    X509_free(x);
    return r;
}

static px_val ssock_version(px_val self) {
    px_sslsocket *t = ssock_open(self);
    return SSL_is_init_finished(t->ssl) ? px_str_cstr(SSL_get_version(t->ssl)) : PX_NONE;
}

static px_val ssock_cipher(px_val self) {
    px_sslsocket *t = ssock_open(self);
    const SSL_CIPHER *c = SSL_get_current_cipher(t->ssl);
    if (c == NULL) {
        return PX_NONE;
    }
    px_val v[3] = {px_str_cstr(SSL_CIPHER_get_name(c)), px_str_cstr(SSL_CIPHER_get_version(c)),
                   px_small(SSL_CIPHER_get_bits(c, NULL))};
    return px_tuple_new(3, v);
}

static px_val ssock_pending(px_val self) {
    px_sslsocket *t = ssock_of(self);
    return px_small(t->ssl != NULL ? SSL_pending(t->ssl) : 0);
}

/* The socket's own: settimeout, setblocking, fileno, getpeername, ... */
static px_val ssock_getattr(px_val self, px_qid name) {
    px_sslsocket *t = ssock_of(self);
    if (name == PX_Q(server_hostname)) {
        return t->server_hostname;
    }
    return px_getattr_opt(t->sock, name);
}

static px_val ssock_enter(px_val self) {
    return self;
}

static px_val ssock_exit(size_t argc, const px_val *argv) {
    (void)argc;
    return ssock_close(argv[0]);
}

static px_val ssock_makefile(size_t argc, const px_val *argv) {
    (void)argc;
    return argv[0];
}

static void ssock_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    px_printf(out, "<SSLSocket fd=%d>", ssock_of(self)->ssl ? under(ssock_of(self))->fd : -1);
}

/* The socket object closes its own descriptor when collected. */
static void ssock_finalize(px_obj *self) {
    px_sslsocket *t = (px_sslsocket *)self;
    if (t->ssl != NULL) {
        SSL_free(t->ssl);
        t->ssl = NULL;
    }
}

/* ---- the stream protocol: select.poll and asyncio */

static long stream_read(px_val self, void *buf, size_t n, int *err) {
    px_sslsocket *t = ssock_of(self);
    size_t got = 0;
    if (t->ssl == NULL) {
        *err = EBADF;
        return -1;
    }
    ERR_clear_error();
    if (SSL_read_ex(t->ssl, buf, n, &got) == 1) {
        return (long)got;
    }
    int e = SSL_get_error(t->ssl, 0);
    ERR_clear_error();
    if (e == SSL_ERROR_ZERO_RETURN) {
        return 0;
    }
    *err = e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE ? EAGAIN : EIO;
    return -1;
}

static long stream_write(px_val self, const void *buf, size_t n, int *err) {
    px_sslsocket *t = ssock_of(self);
    size_t done = 0;
    if (t->ssl == NULL) {
        *err = EBADF;
        return -1;
    }
    ERR_clear_error();
    if (SSL_write_ex(t->ssl, buf, n, &done) == 1) {
        return (long)done;
    }
    int e = SSL_get_error(t->ssl, 0);
    ERR_clear_error();
    *err = e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE ? EAGAIN : EIO;
    return -1;
}

static int stream_fileno(px_val self) {
    px_sslsocket *t = ssock_of(self);
    return t->ssl != NULL ? under(t)->fd : -1;
}

static unsigned stream_ready(px_val self, unsigned events) {
    px_sslsocket *t = ssock_of(self);
    if (t->ssl == NULL || under(t)->fd < 0) {
        return PX_POLL_NVAL;
    }
    return (events & PX_POLL_IN) && SSL_pending(t->ssl) > 0 ? PX_POLL_IN : 0;
}

static const px_stream_proto ssock_stream = {stream_read, stream_write, stream_fileno, stream_ready};

static PX_METH1(m_enter, &px_type_sslsocket, __enter__, ssock_enter);
static PX_METHV(m_exit, &px_type_sslsocket, __exit__, 1, 4, ssock_exit);
static PX_METH1(m_cipher, &px_type_sslsocket, cipher, ssock_cipher);
static PX_METH1(m_close, &px_type_sslsocket, close, ssock_close);
static PX_METH1(m_do_handshake, &px_type_sslsocket, do_handshake, ssock_do_handshake);
static PX_METHV(m_getpeercert, &px_type_sslsocket, getpeercert, 1, 2, ssock_getpeercert);
static PX_METHV(m_makefile, &px_type_sslsocket, makefile, 1, 3, ssock_makefile);
static PX_METH1(m_pending, &px_type_sslsocket, pending, ssock_pending);
static PX_METHV(m_read, &px_type_sslsocket, read, 1, 2, ssock_read);
static PX_METHV(m_readinto, &px_type_sslsocket, readinto, 2, 3, ssock_readinto);
static PX_METHV(m_readline, &px_type_sslsocket, readline, 1, 2, ssock_readline);
static PX_METHV(m_recv, &px_type_sslsocket, recv, 2, 3, ssock_recv);
static PX_METHV(m_recv_into, &px_type_sslsocket, recv_into, 2, 4, ssock_recv_into);
static PX_METH2(m_send, &px_type_sslsocket, send, ssock_send);
static PX_METH2(m_sendall, &px_type_sslsocket, sendall, ssock_sendall);
static PX_METH1(m_version, &px_type_sslsocket, version, ssock_version);
static PX_METHV(m_write, &px_type_sslsocket, write, 2, 3, ssock_write);

/* Sorted by name bytes. */
static const px_map_entry ssock_methods[] = {
    PX_ENTRY_OBJ(__enter__, &m_enter),
    PX_ENTRY_OBJ(__exit__, &m_exit),
    PX_ENTRY_OBJ(cipher, &m_cipher),
    PX_ENTRY_OBJ(close, &m_close),
    PX_ENTRY_OBJ(do_handshake, &m_do_handshake),
    PX_ENTRY_OBJ(getpeercert, &m_getpeercert),
    PX_ENTRY_OBJ(makefile, &m_makefile),
    PX_ENTRY_OBJ(pending, &m_pending),
    PX_ENTRY_OBJ(read, &m_read),
    PX_ENTRY_OBJ(readinto, &m_readinto),
    PX_ENTRY_OBJ(readline, &m_readline),
    PX_ENTRY_OBJ(recv, &m_recv),
    PX_ENTRY_OBJ(recv_into, &m_recv_into),
    PX_ENTRY_OBJ(send, &m_send),
    PX_ENTRY_OBJ(sendall, &m_sendall),
    PX_ENTRY_OBJ(version, &m_version),
    PX_ENTRY_OBJ(write, &m_write),
};
static PX_CONST_MAP(ssock_dict, ssock_methods);

const px_type px_type_sslsocket = {
    .base = {&px_type_type},
    .name = PX_Q(SSLSocket),
    .base_type = &px_type_object,
    .dict = &ssock_dict,
    .print = ssock_print,
    .getattr = ssock_getattr,
    .finalize = ssock_finalize,
    .proto = &ssock_stream,
};
