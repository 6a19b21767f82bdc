/* SHA-1 (FIPS 180-4, 6.1): 80 steps over a 512-bit block with a message
 * schedule that rotates by one. */
#include "hash_md.h"

static void sha1_block(px_md_ctx *c, const uint8_t *p) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++) {
        w[i] = px_md_be32(p + 4 * i);
    }
    for (int i = 16; i < 80; i++) {
        w[i] = px_md_rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    }
    uint32_t *h = c->h.w32;
    uint32_t a = h[0], b = h[1], cc = h[2], d = h[3], e = h[4];
    /* four rounds of 20 steps, each with its own function and constant */
#define SHA1_STEP(f, k)                                                  \
    do {                                                                 \
        uint32_t t = px_md_rol32(a, 5) + (f) + e + (k) + w[i];           \
        e = d;                                                           \
        d = cc;                                                          \
        cc = px_md_rol32(b, 30);                                         \
        b = a;                                                           \
        a = t;                                                           \
    } while (0)
    int i = 0;
    for (; i < 20; i++) {
        SHA1_STEP(d ^ (b & (cc ^ d)), 0x5a827999u); /* choose: (b & c) | (~b & d) */
    }
    for (; i < 40; i++) {
        SHA1_STEP(b ^ cc ^ d, 0x6ed9eba1u);
    }
    for (; i < 60; i++) {
        SHA1_STEP((b & cc) | (d & (b | cc)), 0x8f1bbcdcu); /* majority */
    }
    for (; i < 80; i++) {
        SHA1_STEP(b ^ cc ^ d, 0xca62c1d6u);
    }
#undef SHA1_STEP
    h[0] += a;
    h[1] += b;
    h[2] += cc;
    h[3] += d;
    h[4] += e;
}

static const uint32_t sha1_iv[8] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u};

const px_md_algo px_md_sha1 = {"sha1", 20, 64, false, sha1_iv, sha1_block};
