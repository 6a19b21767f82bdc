/* What hashlib.c needs from an implementation of its digests. A build
 * links exactly one backend: the portable C of hash_*.c
 * (hash_portable.c, every port) or OpenSSL's (posix/hash_openssl.c, on
 * Linux where it is faster); meson's `hashlib` option chooses. */
#ifndef PX_MOD_HASH_BACKEND_H
#define PX_MOD_HASH_BACKEND_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    PX_HASH_MD5,
    PX_HASH_SHA1,
    PX_HASH_SHA224,
    PX_HASH_SHA256,
    PX_HASH_SHA384,
    PX_HASH_SHA512,
    PX_HASH_KINDS
} px_hash_kind;

/* A context lives inside the hash object (GC memory): it is plain data,
 * at most PX_HASH_CTX_MAX bytes, copied with memcpy (hash.copy(), and
 * digest() finishing a copy), holding nothing that needs releasing. */
#define PX_HASH_CTX_MAX 256
typedef union {
    uint64_t align;
    void *align_p;
    uint8_t bytes[PX_HASH_CTX_MAX];
} px_hash_ctx;

void px_hash_init(px_hash_kind k, px_hash_ctx *c);
void px_hash_update(px_hash_kind k, px_hash_ctx *c, const uint8_t *p, size_t n);
/* Writes the digest to out (64 bytes at most); c is spent. */
void px_hash_final(px_hash_kind k, px_hash_ctx *c, uint8_t *out);

#endif
