/* The part MD5, SHA-1 and SHA-2 share: gathering input into blocks, and
 * the final padding (a 1 bit, zeros, the length in bits in the last 8 or
 * 16 bytes of a block), then the state written out as the digest. */
#include <string.h>

#include "hash_md.h"

void px_md_init(px_md_ctx *c, const px_md_algo *a) {
    memset(c, 0, sizeof *c);
    memcpy(&c->h, a->iv, a->block_size == 128 ? 8 * sizeof(uint64_t) : 8 * sizeof(uint32_t));
}

void px_md_update(px_md_ctx *c, const px_md_algo *a, const uint8_t *p, size_t n) {
    size_t bs = a->block_size;
    c->bytes += n;
    if (c->fill > 0) {
        size_t take = bs - c->fill < n ? bs - c->fill : n;
        memcpy(c->buf + c->fill, p, take);
        c->fill += take;
        p += take;
        n -= take;
        if (c->fill < bs) {
            return;
        }
        a->block(c, c->buf);
        c->fill = 0;
    }
    for (; n >= bs; p += bs, n -= bs) {
        a->block(c, p);
    }
    memcpy(c->buf, p, n);
    c->fill = n;
}

void px_md_final(px_md_ctx *c, const px_md_algo *a, uint8_t *out) {
    size_t bs = a->block_size, len_bytes = bs == 128 ? 16 : 8;
    uint64_t bits = c->bytes << 3;
    uint64_t bits_high = c->bytes >> 61; /* the upper half of a 128-bit length */
    c->buf[c->fill++] = 0x80;
    if (c->fill > bs - len_bytes) {
        memset(c->buf + c->fill, 0, bs - c->fill);
        a->block(c, c->buf);
        c->fill = 0;
    }
    memset(c->buf + c->fill, 0, bs - c->fill);
    uint8_t *len = c->buf + bs - len_bytes;
    for (int i = 0; i < 8; i++) {
        if (a->little_endian) {
            len[i] = (uint8_t)(bits >> (8 * i));
        } else {
            len[len_bytes - 1 - i] = (uint8_t)(bits >> (8 * i));
            if (len_bytes == 16) {
                len[7 - i] = (uint8_t)(bits_high >> (8 * i));
            }
        }
    }
    a->block(c, c->buf);
    for (size_t i = 0; i < a->digest_size; i++) {
        if (bs == 128) {
            out[i] = (uint8_t)(c->h.w64[i / 8] >> (56 - 8 * (i % 8)));
        } else if (a->little_endian) {
            out[i] = (uint8_t)(c->h.w32[i / 4] >> (8 * (i % 4)));
        } else {
            out[i] = (uint8_t)(c->h.w32[i / 4] >> (24 - 8 * (i % 4)));
        }
    }
}
