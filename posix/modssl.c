/* The ssl module on OpenSSL: SSLContext (client or server, certificates,
 * CA locations and the system's store, verify modes, hostname checks) and
 * wrap_socket (ssl_socket.c). Errors are OSErrors with OpenSSL's reason
 * and the peer's address (MicroPython has no ssl.SSLError: OSError is
 * used). */
#include <errno.h>
#include <string.h>

#include "ssl.h"

#define CERT_NONE 0
#define CERT_OPTIONAL 1
#define CERT_REQUIRED 2
#define PROTOCOL_TLS_CLIENT 16 /* CPython's numbers */
#define PROTOCOL_TLS_SERVER 17
#define PROTOCOL_DTLS_CLIENT 18 /* MicroPython's extension */
#define PROTOCOL_DTLS_SERVER 19

PX_NORETURN void px_ssl_raise(const char *what, const px_socket *s) {
    unsigned long e = ERR_get_error();
    char msg[256];
    const char *reason = e ? ERR_reason_error_string(e) : NULL;
    snprintf(msg, sizeof msg, "%s%s%s", what, reason ? ": " : "", reason ? reason : "");
    ERR_clear_error();
    char addr[128] = "";
    if (s != NULL) {
        px_sockaddr_text((const struct sockaddr *)&s->addr, s->addrlen, addr, sizeof addr);
    }
    px_val args[3] = {px_small(EIO), px_str_cstr(msg), px_str_cstr(addr)};
    px_raise(px_exc_new(&px_type_OSError, addr[0] ? 3 : 2, args));
}

static px_sslcontext *ctx_of(px_val v) {
    return px_as_ptr(v);
}

/* A path argument as a C string (NULL for None). */
static const char *path_arg(px_val v) {
    if (v == PX_NONE || v == PX_NULL) {
        return NULL;
    }
    size_t n;
    const char *s = px_str_data(v, &n);
    if (memchr(s, 0, n) != NULL) {
        px_raise_value_error("embedded null character in path");
    }
    char *c = px_gc_alloc(n + 1, PX_GC_LEAF);
    memcpy(c, s, n);
    return c;
}

static void ctx_finalize(px_obj *self) {
    px_sslcontext *c = (px_sslcontext *)self;
    if (c->ctx != NULL) {
        SSL_CTX_free(c->ctx);
        c->ctx = NULL;
    }
}

/* The cookie for a DTLS client: HMAC-SHA256 of its client_id (or of its
 * address when wrap_socket got none). The context is reachable from the
 * SSL_CTX, the client id from the SSL's socket object. */
static int cookie_make(SSL *ssl, unsigned char *cookie, unsigned int *len) {
    px_sslcontext *c = SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl));
    px_sslsocket *t = SSL_get_app_data(ssl);
    const void *id = "";
    size_t n = 0;
    px_buffer b;
    if (t != NULL && t->client_id != PX_NONE && px_buffer_try(t->client_id, &b, PX_BUF_READ)) {
        id = b.data;
        n = b.len;
    } else if (t != NULL) {
        px_socket *s = px_as_ptr(t->sock);
        id = &s->addr;
        n = s->addrlen;
    }
    return HMAC(EVP_sha256(), c->cookie_secret, sizeof c->cookie_secret, id, n, cookie, len) != NULL;
}

static int cookie_check(SSL *ssl, const unsigned char *cookie, unsigned int len) {
    unsigned char want[EVP_MAX_MD_SIZE];
    unsigned int n;
    return cookie_make(ssl, want, &n) && n == len && CRYPTO_memcmp(want, cookie, n) == 0;
}

static void set_verify(px_sslcontext *c, int mode) {
    int m = mode == CERT_NONE ? SSL_VERIFY_NONE
            : mode == CERT_OPTIONAL ? SSL_VERIFY_PEER
                                    : SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    SSL_CTX_set_verify(c->ctx, m, NULL);
}

/* SSLContext(protocol): a client context verifies the server and its
 * name (as CPython's PROTOCOL_TLS_CLIENT); a server one asks for no
 * client certificate. TLS 1.2 is the least accepted. */
static px_val ctx_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    (void)type;
    static const px_argspec spec[] = {{PX_Q(protocol), PX_ARG_REQUIRED, PX_NONE}};
    px_val a[1];
    px_parse_args(PX_Q(SSLContext), argc, argv, kwnames, 1, spec, a);
    px_int proto = px_index(a[0]);
    if (proto < PROTOCOL_TLS_CLIENT || proto > PROTOCOL_DTLS_SERVER) {
        px_raise_value_error("SSLContext: protocol must be one of the PROTOCOL_* constants");
    }
    px_sslcontext *c = px_gc_alloc(sizeof *c, PX_GC_FINALIZE);
    c->base.type = &px_type_sslcontext;
    c->server = proto == PROTOCOL_TLS_SERVER || proto == PROTOCOL_DTLS_SERVER;
    c->dtls = proto >= PROTOCOL_DTLS_CLIENT;
    const SSL_METHOD *m = c->dtls ? (c->server ? DTLS_server_method() : DTLS_client_method())
                                  : (c->server ? TLS_server_method() : TLS_client_method());
    c->ctx = SSL_CTX_new(m);
    if (c->ctx == NULL) {
        px_ssl_raise("SSLContext", NULL);
    }
    SSL_CTX_set_min_proto_version(c->ctx, c->dtls ? DTLS1_2_VERSION : TLS1_2_VERSION);
    if (c->dtls && c->server) {
        /* HelloVerify (DTLS 1.2's cookie exchange): an HMAC of the
         * client's id under a secret of this context */
        RAND_bytes(c->cookie_secret, sizeof c->cookie_secret);
        SSL_CTX_set_app_data(c->ctx, c);
        SSL_CTX_set_cookie_generate_cb(c->ctx, cookie_make);
        SSL_CTX_set_cookie_verify_cb(c->ctx, cookie_check);
        SSL_CTX_set_options(c->ctx, SSL_OP_COOKIE_EXCHANGE);
    }
    SSL_CTX_set_mode(c->ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    c->check_hostname = !c->server;
    set_verify(c, c->server ? CERT_NONE : CERT_REQUIRED);
    return px_from_ptr(c);
}

static void load_cert_files(px_sslcontext *c, const char *cert, const char *key);

/* The certificate chain and key as data (MicroPython: bytes instead of
 * paths), PEM or DER. */
static void load_cert_data(px_sslcontext *c, px_val cert, px_val key) {
    px_buffer cb, kb;
    px_get_buffer(cert, &cb, PX_BUF_READ);
    px_get_buffer(key, &kb, PX_BUF_READ);
    ERR_clear_error();
    BIO *bio = BIO_new_mem_buf(cb.data, (int)cb.len);
    bool pem = cb.len >= 5 && memcmp(cb.data, "-----", 5) == 0;
    X509 *x = pem ? PEM_read_bio_X509(bio, NULL, NULL, NULL) : d2i_X509_bio(bio, NULL);
    int ok = x != NULL && SSL_CTX_use_certificate(c->ctx, x) == 1;
    X509_free(x);
    while (ok && pem) { /* the rest of a PEM chain: intermediates */
        X509 *ca = PEM_read_bio_X509(bio, NULL, NULL, NULL);
        if (ca == NULL) {
            break;
        }
        if (SSL_CTX_add0_chain_cert(c->ctx, ca) != 1) {
            X509_free(ca);
        }
    }
    BIO_free(bio);
    if (!ok) {
        px_ssl_raise("the certificate data", NULL);
    }
    ERR_clear_error();
    bio = BIO_new_mem_buf(kb.data, (int)kb.len);
    pem = kb.len >= 5 && memcmp(kb.data, "-----", 5) == 0;
    EVP_PKEY *pk = pem ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : d2i_PrivateKey_bio(bio, NULL);
    ok = pk != NULL && SSL_CTX_use_PrivateKey(c->ctx, pk) == 1;
    EVP_PKEY_free(pk);
    BIO_free(bio);
    if (!ok) {
        px_ssl_raise("the key data", NULL);
    }
}

/* load_cert_chain(certfile, keyfile=None): PEM files (the key may be in
 * the certificate's file), or the data itself as bytes. */
static px_val ctx_load_cert_chain(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(self), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(certfile), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(keyfile), 0, PX_NONE},
    };
    px_val a[3];
    px_parse_args(PX_Q(load_cert_chain), argc, argv, kwnames, 3, spec, a);
    px_sslcontext *c = ctx_of(a[0]);
    if (!px_is_str(a[1])) {
        if (a[2] == PX_NONE) {
            px_raise_type_error("load_cert_chain: the key is needed with certificate data");
        }
        load_cert_data(c, a[1], a[2]);
    } else {
        load_cert_files(c, path_arg(a[1]), path_arg(a[2]));
    }
    if (SSL_CTX_check_private_key(c->ctx) != 1) {
        px_ssl_raise("the key does not match the certificate", NULL);
    }
    return PX_NONE;
}

static void load_cert_files(px_sslcontext *c, const char *cert, const char *key) {
    ERR_clear_error();
    if (SSL_CTX_use_certificate_chain_file(c->ctx, cert) != 1) {
        px_ssl_raise(cert, NULL);
    }
    if (SSL_CTX_use_PrivateKey_file(c->ctx, key ? key : cert, SSL_FILETYPE_PEM) != 1) {
        px_ssl_raise(key ? key : cert, NULL);
    }
}

/* Certificates from memory: PEM text (str or bytes) or DER bytes, one or
 * more, into the context's trust store. */
static void load_cadata(px_sslcontext *c, px_val data) {
    size_t n;
    const char *p;
    if (px_is_str(data)) {
        p = px_str_data(data, &n);
    } else {
        px_buffer b;
        px_get_buffer(data, &b, PX_BUF_READ);
        p = b.data;
        n = b.len;
    }
    X509_STORE *store = SSL_CTX_get_cert_store(c->ctx);
    bool pem = n >= 5 && memcmp(p, "-----", 5) == 0;
    int count = 0;
    if (pem) {
        BIO *bio = BIO_new_mem_buf(p, (int)n);
        X509 *x;
        while ((x = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL) {
            X509_STORE_add_cert(store, x);
            X509_free(x);
            count++;
        }
        BIO_free(bio);
    } else {
        const unsigned char *q = (const unsigned char *)p, *end = q + n;
        while (q < end) {
            X509 *x = d2i_X509(NULL, &q, (long)(end - q));
            if (x == NULL) {
                break;
            }
            X509_STORE_add_cert(store, x);
            X509_free(x);
            count++;
        }
    }
    ERR_clear_error(); /* the end of the PEM data reads as an error */
    if (count == 0) {
        px_raise_value_error("cadata holds no certificate (PEM text or DER bytes expected)");
    }
}

/* load_verify_locations(cafile=None, capath=None, cadata=None) */
static px_val ctx_load_verify_locations(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(self), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(cafile), 0, PX_NONE},
        {PX_Q(capath), 0, PX_NONE},
        {PX_Q(cadata), 0, PX_NONE},
    };
    px_val a[4];
    px_parse_args(PX_Q(load_verify_locations), argc, argv, kwnames, 4, spec, a);
    px_sslcontext *c = ctx_of(a[0]);
    const char *file = path_arg(a[1]), *dir = path_arg(a[2]);
    if (file == NULL && dir == NULL && a[3] == PX_NONE) {
        px_raise_type_error("cafile, capath and cadata cannot be all omitted");
    }
    ERR_clear_error();
    if ((file != NULL || dir != NULL) && SSL_CTX_load_verify_locations(c->ctx, file, dir) != 1) {
        px_ssl_raise(file ? file : dir, NULL);
    }
    if (a[3] != PX_NONE) {
        load_cadata(c, a[3]);
    }
    return PX_NONE;
}

/* The system's CA store (Debian: /etc/ssl/certs through OpenSSL's dir). */
static px_val ctx_load_default_certs(size_t argc, const px_val *argv) {
    (void)argc;
    if (SSL_CTX_set_default_verify_paths(ctx_of(argv[0])->ctx) != 1) {
        px_ssl_raise("the system's CA certificates", NULL);
    }
    return PX_NONE;
}

static px_val ctx_set_ciphers(px_val self, px_val ciphers) {
    const char *s = path_arg(ciphers);
    if (SSL_CTX_set_cipher_list(ctx_of(self)->ctx, s) != 1) {
        px_ssl_raise("No cipher can be selected", NULL);
    }
    return PX_NONE;
}

static px_val ctx_get_ciphers(px_val self) {
    STACK_OF(SSL_CIPHER) *sk = SSL_CTX_get_ciphers(ctx_of(self)->ctx);
    px_val list = px_list_new(0, NULL);
    for (int i = 0; sk != NULL && i < sk_SSL_CIPHER_num(sk); i++) {
        px_list_append(list, px_str_cstr(SSL_CIPHER_get_name(sk_SSL_CIPHER_value(sk, i))));
    }
    return list;
}

/* wrap_socket(sock, server_side=False, do_handshake_on_connect=True,
 * server_hostname=None, client_id=None) */
static px_val ctx_wrap_socket(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(self), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(sock), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(server_side), 0, PX_FALSE},
        {PX_Q(do_handshake_on_connect), 0, PX_TRUE},
        {PX_Q(server_hostname), 0, PX_NONE},
        {PX_Q(client_id), 0, PX_NONE},
    };
    px_val a[6];
    px_parse_args(PX_Q(wrap_socket), argc, argv, kwnames, 6, spec, a);
    return px_ssl_wrap(ctx_of(a[0]), a[1], px_truthy(a[2]), px_truthy(a[3]), a[4], a[5]);
}

static px_val ctx_getattr(px_val self, px_qid name) {
    px_sslcontext *c = ctx_of(self);
    if (name == PX_Q(verify_mode)) {
        int m = SSL_CTX_get_verify_mode(c->ctx);
        return px_small(!(m & SSL_VERIFY_PEER) ? CERT_NONE : (m & SSL_VERIFY_FAIL_IF_NO_PEER_CERT) ? CERT_REQUIRED : CERT_OPTIONAL);
    }
    if (name == PX_Q(check_hostname)) {
        return px_bool(c->check_hostname);
    }
    if (name == PX_Q(protocol)) {
        return px_small((c->server ? PROTOCOL_TLS_SERVER : PROTOCOL_TLS_CLIENT) + (c->dtls ? 2 : 0));
    }
    return PX_NULL;
}

/* verify_mode and check_hostname, with CPython's rule that hostname
 * checks need verification. */
static bool ctx_setattr(px_val self, px_qid name, px_val value) {
    px_sslcontext *c = ctx_of(self);
    if (name == PX_Q(verify_mode) && value != PX_DELETE) {
        px_int m = px_index(value);
        if (m < CERT_NONE || m > CERT_REQUIRED) {
            px_raise_value_error("invalid value for verify_mode");
        }
        if (m == CERT_NONE && c->check_hostname) {
            px_raise_value_error("Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
        }
        set_verify(c, (int)m);
        return true;
    }
    if (name == PX_Q(check_hostname) && value != PX_DELETE) {
        c->check_hostname = px_truthy(value);
        if (c->check_hostname && !(SSL_CTX_get_verify_mode(c->ctx) & SSL_VERIFY_PEER)) {
            set_verify(c, CERT_REQUIRED);
        }
        return true;
    }
    return false;
}

static PX_METHKW(m_load_cert_chain, &px_type_sslcontext, load_cert_chain, 2, 3, ctx_load_cert_chain);
static PX_METHKW(m_load_verify_locations, &px_type_sslcontext, load_verify_locations, 1, 4, ctx_load_verify_locations);
static PX_METHV(m_load_default_certs, &px_type_sslcontext, load_default_certs, 1, 2, ctx_load_default_certs);
static PX_METHV(m_set_default_verify_paths, &px_type_sslcontext, set_default_verify_paths, 1, 1, ctx_load_default_certs);
static PX_METH2(m_set_ciphers, &px_type_sslcontext, set_ciphers, ctx_set_ciphers);
static PX_METH1(m_get_ciphers, &px_type_sslcontext, get_ciphers, ctx_get_ciphers);
static PX_METHKW(m_wrap_socket, &px_type_sslcontext, wrap_socket, 2, 6, ctx_wrap_socket);

/* Sorted by name bytes. */
static const px_map_entry ctx_methods[] = {
    PX_ENTRY_OBJ(get_ciphers, &m_get_ciphers),
    PX_ENTRY_OBJ(load_cert_chain, &m_load_cert_chain),
    PX_ENTRY_OBJ(load_default_certs, &m_load_default_certs),
    PX_ENTRY_OBJ(load_verify_locations, &m_load_verify_locations),
    PX_ENTRY_OBJ(set_ciphers, &m_set_ciphers),
    PX_ENTRY_OBJ(set_default_verify_paths, &m_set_default_verify_paths),
    PX_ENTRY_OBJ(wrap_socket, &m_wrap_socket),
};
static PX_CONST_MAP(ctx_dict, ctx_methods);

const px_type px_type_sslcontext = {
    .base = {&px_type_type},
    .name = PX_Q(SSLContext),
    .base_type = &px_type_object,
    .dict = &ctx_dict,
    .make = ctx_make,
    .getattr = ctx_getattr,
    .setattr = ctx_setattr,
    .finalize = ctx_finalize,
};

/* create_default_context(): a client context trusting the system's CAs. */
static px_val ssl_create_default_context(void) {
    px_val proto = px_small(PROTOCOL_TLS_CLIENT);
    px_val c = ctx_make(&px_type_sslcontext, 1, &proto, PX_NULL);
    ctx_load_default_certs(1, &c);
    return c;
}

static PX_FUN0(ssl_create_default_context_obj, create_default_context, ssl_create_default_context);

/* ssl.wrap_socket(sock, server_side=False, key=None, cert=None,
 * cert_reqs=CERT_NONE, cadata=None, server_hostname=None,
 * do_handshake=True): MicroPython's older API, through a new context;
 * key and cert are data (bytes), cadata CA certificates. */
static px_val ssl_wrap_socket(size_t argc, const px_val *argv, px_val kwnames) {
    enum { A_SOCK, A_SERVER, A_KEY, A_CERT, A_REQS, A_CADATA, A_HOST, A_HANDSHAKE, A_N };
    static const px_argspec spec[] = {
        {PX_Q(sock), PX_ARG_REQUIRED, PX_NONE},   {PX_Q(server_side), 0, PX_FALSE},
        {PX_Q(key), 0, PX_NONE},                  {PX_Q(cert), 0, PX_NONE},
        {PX_Q(cert_reqs), 0, PX_SMALL_CONST(0)},  {PX_Q(cadata), 0, PX_NONE},
        {PX_Q(server_hostname), 0, PX_NONE},      {PX_Q(do_handshake), 0, PX_TRUE},
    };
    px_val a[A_N];
    px_parse_args(PX_Q(wrap_socket), argc, argv, kwnames, A_N, spec, a);
    bool server = px_truthy(a[A_SERVER]);
    px_val proto = px_small(server ? PROTOCOL_TLS_SERVER : PROTOCOL_TLS_CLIENT);
    px_sslcontext *c = px_as_ptr(ctx_make(&px_type_sslcontext, 1, &proto, PX_NULL));
    px_int reqs = px_index(a[A_REQS]);
    if (reqs < CERT_NONE || reqs > CERT_REQUIRED) {
        px_raise_value_error("invalid value for cert_reqs");
    }
    c->check_hostname = reqs == CERT_REQUIRED && a[A_HOST] != PX_NONE;
    set_verify(c, (int)reqs);
    if (a[A_CERT] != PX_NONE || a[A_KEY] != PX_NONE) {
        if (a[A_CERT] == PX_NONE || a[A_KEY] == PX_NONE) {
            px_raise_value_error("wrap_socket: key and cert go together");
        }
        load_cert_data(c, a[A_CERT], a[A_KEY]);
    }
    if (a[A_CADATA] != PX_NONE) {
        load_cadata(c, a[A_CADATA]);
    }
    return px_ssl_wrap(c, a[A_SOCK], server, px_truthy(a[A_HANDSHAKE]), a[A_HOST], PX_NONE);
}

static PX_FUNKW(ssl_wrap_socket_obj, wrap_socket, 1, 8, ssl_wrap_socket);

/* PX_QID_##name pastes the name before a macro could expand it. */
#define CONST(name) {PX_QSTR_CONST(PX_QID_##name), PX_SMALL_CONST(name)}

/* Sorted by name bytes. */
static const px_map_entry ssl_table[] = {
    CONST(CERT_NONE),
    CONST(CERT_OPTIONAL),
    CONST(CERT_REQUIRED),
    CONST(PROTOCOL_DTLS_CLIENT),
    CONST(PROTOCOL_DTLS_SERVER),
    CONST(PROTOCOL_TLS_CLIENT),
    CONST(PROTOCOL_TLS_SERVER),
    PX_ENTRY_OBJ(SSLContext, &px_type_sslcontext),
    PX_ENTRY_OBJ(SSLSocket, &px_type_sslsocket),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(ssl))),
    PX_ENTRY_OBJ(create_default_context, &ssl_create_default_context_obj),
    PX_ENTRY_OBJ(wrap_socket, &ssl_wrap_socket_obj),
};
static PX_CONST_MAP(ssl_globals, ssl_table);
/* The first import loads libssl and libcrypto (not loaded at start-up:
 * docs/performance.md); without them, an ImportError says what to
 * install. The module itself is the const one. */
static px_val ssl_make(const px_module *module) {
    const char *why = px_openssl_load(PX_OSSL_CRYPTO | PX_OSSL_SSL);
    if (why != NULL) {
        px_raise_msg(&px_type_ImportError, "ssl: %s", why);
    }
    return px_from_ptr(module);
}

PX_MODULE_DEF(ssl, ssl_globals, PX_MODULE_EXTENSIBLE, ssl_make);
