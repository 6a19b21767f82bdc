/* OpenSSL, loaded when first needed: the binary does not link libssl or
 * libcrypto (they would be mapped and relocated at every start, about
 * 2 MiB of a `-c pass` run's memory); the ssl module and hashlib's
 * OpenSSL backend load them with px_openssl_load and call them through
 * the table px_openssl (openssl_calls.h). OpenSSL's headers give the
 * types and macros at build time, as before. docs/performance.md. */
#ifndef PX_POSIX_OPENSSL_LIB_H
#define PX_POSIX_OPENSSL_LIB_H

/* MD5_Init and the other one-algorithm digests: deprecated in 3.0, in
 * every 3.x (posix/hash_openssl.c says why they are used) */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* The libraries, as bits for px_openssl_load. */
enum {
    PX_OSSL_CRYPTO = 1, /* libcrypto.so.3 */
    PX_OSSL_SSL = 2,    /* libssl.so.3 (needs libcrypto: the dynamic loader brings it) */
};

/* One pointer per function of openssl_syms.h, of the function's own
 * type; all of a library's are set once it is loaded, and never change. */
struct px_openssl_fns {
#define PX_OSSL_FN(lib, name) __typeof__(&name) name;
#include "openssl_syms.h"
#undef PX_OSSL_FN
};
extern struct px_openssl_fns px_openssl;

/* Loads the libraries of `libs` (PX_OSSL_* bits) that are not loaded yet
 * and looks up their functions. NULL when they are ready; otherwise a
 * message for the user naming the library, what failed and the Debian
 * package to install (static storage, valid until the next call). */
const char *px_openssl_load(unsigned libs);

#endif
