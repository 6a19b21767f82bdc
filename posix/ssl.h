/* TLS on OpenSSL for the socket module's sockets (modssl.c: the module
 * and SSLContext; ssl_socket.c: the wrapped socket). See docs/network.md. */
#ifndef PX_POSIX_SSL_H
#define PX_POSIX_SSL_H

#include <openssl/ssl.h>

#include "socket.h"

typedef struct {
    px_obj base;
    SSL_CTX *ctx; /* NULL only if creation failed */
    bool server;
    bool check_hostname;
} px_sslcontext;

typedef struct {
    px_obj base;
    px_val sock; /* the px_socket underneath: its descriptor and timeout */
    SSL *ssl;    /* NULL once closed */
    px_val server_hostname;
    bool handshaken;
} px_sslsocket;

extern const px_type px_type_sslcontext, px_type_sslsocket;

/* ctx.wrap_socket(sock, server_side, do_handshake, server_hostname) */
px_val px_ssl_wrap(px_sslcontext *c, px_val sock, bool server_side, bool handshake, px_val hostname);
/* OSError(EIO, the OpenSSL reason, peer address) from the error queue. */
PX_NORETURN void px_ssl_raise(const char *what, const px_socket *s);

#endif
