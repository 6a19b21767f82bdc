/* What hashlib.c needs from an implementation of its digests: a backend.
 * The portable C of hash_*.c (hash_portable.c) is every port's; on Linux
 * posix/hash_openssl.c offers OpenSSL's, faster, from libcrypto loaded at
 * hashlib's first import. Meson's `hashlib` option chooses which a build
 * has: the portable one (portable), OpenSSL's (openssl), or OpenSSL's
 * with the portable one where libcrypto does not load (auto). */
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

typedef struct {
    void (*init)(px_hash_kind k, px_hash_ctx *c);
    void (*update)(px_hash_kind k, px_hash_ctx *c, const uint8_t *p, size_t n);
    /* Writes the digest to out (64 bytes at most); c is spent. */
    void (*final)(px_hash_kind k, px_hash_ctx *c, uint8_t *out);
} px_hash_backend;

/* The portable C digests (hash_portable.c). */
extern const px_hash_backend px_hash_portable;

/* The build's backend, ready for use: hashlib calls it at each first
 * import, and uses what it returns for every hash object. It may load a
 * library the first time; a backend that cannot be had raises
 * ImportError. Defined once per build: hash_portable_only.c, or
 * posix/hash_openssl.c. Once it has returned a backend, it returns the
 * same one ever after (hash objects keep their context across imports). */
const px_hash_backend *px_hash_backend_open(void);

#endif
