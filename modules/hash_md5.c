/* MD5 (RFC 1321): 64 steps over a 512-bit block, in four rounds of 16
 * with their own mixing function, message word order and shifts. */
#include "hash_md.h"

/* floor(abs(sin(i + 1)) * 2**32) */
static const uint32_t T[64] = {
    0xd76aa478u, 0xe8c7b756u, 0x242070dbu, 0xc1bdceeeu, 0xf57c0fafu, 0x4787c62au,
    0xa8304613u, 0xfd469501u, 0x698098d8u, 0x8b44f7afu, 0xffff5bb1u, 0x895cd7beu,
    0x6b901122u, 0xfd987193u, 0xa679438eu, 0x49b40821u, 0xf61e2562u, 0xc040b340u,
    0x265e5a51u, 0xe9b6c7aau, 0xd62f105du, 0x02441453u, 0xd8a1e681u, 0xe7d3fbc8u,
    0x21e1cde6u, 0xc33707d6u, 0xf4d50d87u, 0x455a14edu, 0xa9e3e905u, 0xfcefa3f8u,
    0x676f02d9u, 0x8d2a4c8au, 0xfffa3942u, 0x8771f681u, 0x6d9d6122u, 0xfde5380cu,
    0xa4beea44u, 0x4bdecfa9u, 0xf6bb4b60u, 0xbebfbc70u, 0x289b7ec6u, 0xeaa127fau,
    0xd4ef3085u, 0x04881d05u, 0xd9d4d039u, 0xe6db99e5u, 0x1fa27cf8u, 0xc4ac5665u,
    0xf4292244u, 0x432aff97u, 0xab9423a7u, 0xfc93a039u, 0x655b59c3u, 0x8f0ccc92u,
    0xffeff47du, 0x85845dd1u, 0x6fa87e4fu, 0xfe2ce6e0u, 0xa3014314u, 0x4e0811a1u,
    0xf7537e82u, 0xbd3af235u, 0x2ad7d2bbu, 0xeb86d391u,
};

/* Left-rotation amounts: four per round, repeated over its 16 steps. */
static const uint8_t S[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

static void md5_block(px_md_ctx *c, const uint8_t *p) {
    uint32_t m[16];
    for (int i = 0; i < 16; i++) {
        m[i] = px_md_le32(p + 4 * i);
    }
    uint32_t *h = c->h.w32;
    uint32_t a = h[0], b = h[1], cc = h[2], d = h[3];
    for (unsigned i = 0; i < 64; i++) {
        uint32_t f;
        unsigned g, round = i / 16;
        switch (round) {
        case 0: f = (b & cc) | (~b & d); g = i; break;
        case 1: f = (b & d) | (cc & ~d); g = (5 * i + 1) & 15; break;
        case 2: f = b ^ cc ^ d; g = (3 * i + 5) & 15; break;
        default: f = cc ^ (b | ~d); g = (7 * i) & 15; break;
        }
        uint32_t t = d;
        d = cc;
        cc = b;
        b = b + px_md_rol32(a + f + T[i] + m[g], S[round][i & 3]);
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += cc;
    h[3] += d;
}

static const uint32_t md5_iv[8] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u};

const px_md_algo px_md_md5 = {"md5", 16, 64, true, md5_iv, md5_block};
