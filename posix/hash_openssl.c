/* hashlib's backend on Linux: OpenSSL's digests, which use the CPU's SHA
 * instructions (SHA-NI, ARMv8 crypto) where it has them: several times
 * the portable C's speed in bulk (docs/performance.md). libcrypto is
 * loaded at hashlib's first import (openssl_lib.h), not at start-up;
 * where it does not load, the portable digests are used if the build has
 * them (-Dhashlib=auto: PX_HASH_PORTABLE_FALLBACK), and the import fails
 * with ImportError if not (-Dhashlib=openssl).
 *
 * OpenSSL's one-algorithm contexts (SHA256_CTX, ...) are used rather
 * than EVP: they are plain structs, so a context lives inside the GC'd
 * hash object, is copied with memcpy and needs no finalizer; EVP
 * contexts are allocated outside the heap the collector accounts for,
 * one per hash object, and cost two allocations per digest(). These
 * functions are deprecated in OpenSSL 3 but present in all of 3.x. */
#include "runtime.h"
#include "hash_backend.h"
#include "openssl_calls.h"

_Static_assert(sizeof(MD5_CTX) <= PX_HASH_CTX_MAX, "MD5_CTX must fit px_hash_ctx");
_Static_assert(sizeof(SHA_CTX) <= PX_HASH_CTX_MAX, "SHA_CTX must fit px_hash_ctx");
_Static_assert(sizeof(SHA256_CTX) <= PX_HASH_CTX_MAX, "SHA256_CTX must fit px_hash_ctx");
_Static_assert(sizeof(SHA512_CTX) <= PX_HASH_CTX_MAX, "SHA512_CTX must fit px_hash_ctx");

static void ossl_init(px_hash_kind k, px_hash_ctx *c) {
    switch (k) {
    case PX_HASH_MD5: MD5_Init((MD5_CTX *)c); break;
    case PX_HASH_SHA1: SHA1_Init((SHA_CTX *)c); break;
    case PX_HASH_SHA224: SHA224_Init((SHA256_CTX *)c); break;
    case PX_HASH_SHA256: SHA256_Init((SHA256_CTX *)c); break;
    case PX_HASH_SHA384: SHA384_Init((SHA512_CTX *)c); break;
    case PX_HASH_SHA512: SHA512_Init((SHA512_CTX *)c); break;
    case PX_HASH_KINDS: break;
    }
}

static void ossl_update(px_hash_kind k, px_hash_ctx *c, const uint8_t *p, size_t n) {
    switch (k) {
    case PX_HASH_MD5: MD5_Update((MD5_CTX *)c, p, n); break;
    case PX_HASH_SHA1: SHA1_Update((SHA_CTX *)c, p, n); break;
    case PX_HASH_SHA224: SHA224_Update((SHA256_CTX *)c, p, n); break;
    case PX_HASH_SHA256: SHA256_Update((SHA256_CTX *)c, p, n); break;
    case PX_HASH_SHA384: SHA384_Update((SHA512_CTX *)c, p, n); break;
    case PX_HASH_SHA512: SHA512_Update((SHA512_CTX *)c, p, n); break;
    case PX_HASH_KINDS: break;
    }
}

static void ossl_final(px_hash_kind k, px_hash_ctx *c, uint8_t *out) {
    switch (k) {
    case PX_HASH_MD5: MD5_Final(out, (MD5_CTX *)c); break;
    case PX_HASH_SHA1: SHA1_Final(out, (SHA_CTX *)c); break;
    case PX_HASH_SHA224: SHA224_Final(out, (SHA256_CTX *)c); break;
    case PX_HASH_SHA256: SHA256_Final(out, (SHA256_CTX *)c); break;
    case PX_HASH_SHA384: SHA384_Final(out, (SHA512_CTX *)c); break;
    case PX_HASH_SHA512: SHA512_Final(out, (SHA512_CTX *)c); break;
    case PX_HASH_KINDS: break;
    }
}

static const px_hash_backend openssl_backend = {ossl_init, ossl_update, ossl_final};

const px_hash_backend *px_hash_backend_open(void) {
    static const px_hash_backend *chosen;
    if (chosen == NULL) {
        const char *why = px_openssl_load(PX_OSSL_CRYPTO);
#if PX_HASH_PORTABLE_FALLBACK
        chosen = why == NULL ? &openssl_backend : &px_hash_portable;
#else
        if (why != NULL) {
            px_raise_msg(&px_type_ImportError, "hashlib: %s", why);
        }
        chosen = &openssl_backend;
#endif
    }
    return chosen;
}
