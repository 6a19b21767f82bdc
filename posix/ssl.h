/* TLS on OpenSSL for the socket module's sockets (modssl.c: the module
 * and SSLContext; ssl_socket.c: the wrapped socket). See docs/network.md.
 * OpenSSL is loaded by the module's import (openssl_lib.h): every call
 * to it comes from an object of this module, so it is there. */
#ifndef PX_POSIX_SSL_H
#define PX_POSIX_SSL_H

#include "socket.h"

#include "openssl_calls.h" /* last: it redefines OpenSSL's function names */

typedef struct {
    px_obj base;
    SSL_CTX *ctx; /* NULL only if creation failed */
    bool server;
    bool dtls; /* datagrams (PROTOCOL_DTLS_*) */
    bool check_hostname;
    unsigned char cookie_secret[32]; /* DTLS servers: HelloVerify cookies */
} px_sslcontext;

typedef struct {
    px_obj base;
    px_val sock; /* the px_socket underneath: its descriptor and timeout */
    SSL *ssl;    /* NULL once closed */
    px_val server_hostname;
    px_val client_id; /* DTLS servers: what the cookie is made from (bytes) */
    bool dtls;
} px_sslsocket;

extern const px_type px_type_sslcontext, px_type_sslsocket;

/* ctx.wrap_socket(sock, server_side, do_handshake, server_hostname) */
px_val px_ssl_wrap(px_sslcontext *c, px_val sock, bool server_side, bool handshake, px_val hostname,
                   px_val client_id);
/* OSError(EIO, the OpenSSL reason, peer address) from the error queue. */
PX_NORETURN void px_ssl_raise(const char *what, const px_socket *s);

#endif
