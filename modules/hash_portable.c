/* hashlib's portable backend: the digests of hash_*.c, no library and
 * no allocation (every port; on Linux the fallback when libcrypto does
 * not load, and the only one with -Dhashlib=portable or without OpenSSL). */
#include "hash_backend.h"
#include "hash_md.h"

_Static_assert(sizeof(px_md_ctx) <= PX_HASH_CTX_MAX, "px_md_ctx must fit px_hash_ctx");

static const px_md_algo *const algos[PX_HASH_KINDS] = {
    [PX_HASH_MD5] = &px_md_md5,       [PX_HASH_SHA1] = &px_md_sha1,
    [PX_HASH_SHA224] = &px_md_sha224, [PX_HASH_SHA256] = &px_md_sha256,
    [PX_HASH_SHA384] = &px_md_sha384, [PX_HASH_SHA512] = &px_md_sha512,
};

static void portable_init(px_hash_kind k, px_hash_ctx *c) {
    px_md_init((px_md_ctx *)c, algos[k]);
}

static void portable_update(px_hash_kind k, px_hash_ctx *c, const uint8_t *p, size_t n) {
    px_md_update((px_md_ctx *)c, algos[k], p, n);
}

static void portable_final(px_hash_kind k, px_hash_ctx *c, uint8_t *out) {
    px_md_final((px_md_ctx *)c, algos[k], out);
}

const px_hash_backend px_hash_portable = {portable_init, portable_update, portable_final};
