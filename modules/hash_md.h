/* Message digests of the Merkle-Damgard family (MD5, SHA-1, SHA-2): one
 * buffering and padding routine (hash_md.c) shared by the algorithms,
 * which each supply their block function and start values. Portable C,
 * no OS and no allocation, so a microcontroller port has them too. */
#ifndef PX_MOD_HASH_MD_H
#define PX_MOD_HASH_MD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    union {
        uint32_t w32[8];
        uint64_t w64[8];
    } h;            /* the chaining state */
    uint64_t bytes; /* message length so far */
    size_t fill;    /* bytes waiting in buf (less than a block) */
    uint8_t buf[128];
} px_md_ctx;

typedef struct px_md_algo {
    const char *name;    /* hashlib's name: "sha256" */
    uint8_t digest_size; /* bytes */
    uint8_t block_size;  /* 64 or 128 bytes; 128 means 64-bit words and a 128-bit length */
    bool little_endian;  /* MD5: words and length little-endian */
    const void *iv;      /* 8 words (w32 or w64), copied into h */
    void (*block)(px_md_ctx *c, const uint8_t *p); /* one block into h */
} px_md_algo;

extern const px_md_algo px_md_md5, px_md_sha1, px_md_sha224, px_md_sha256, px_md_sha384, px_md_sha512;

void px_md_init(px_md_ctx *c, const px_md_algo *a);
void px_md_update(px_md_ctx *c, const px_md_algo *a, const uint8_t *p, size_t n);
/* Pads and writes digest_size bytes to out; c is spent (init it again). */
void px_md_final(px_md_ctx *c, const px_md_algo *a, uint8_t *out);

/* Big- and little-endian words (the block functions read with these). */
static inline uint32_t px_md_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint32_t px_md_le32(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}
static inline uint64_t px_md_be64(const uint8_t *p) {
    return (uint64_t)px_md_be32(p) << 32 | px_md_be32(p + 4);
}
static inline uint32_t px_md_rol32(uint32_t x, unsigned n) {
    return (x << n) | (x >> (32 - n));
}
static inline uint32_t px_md_ror32(uint32_t x, unsigned n) {
    return (x >> n) | (x << (32 - n));
}
static inline uint64_t px_md_ror64(uint64_t x, unsigned n) {
    return (x >> n) | (x << (64 - n));
}

#endif
