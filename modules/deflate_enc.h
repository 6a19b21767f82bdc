/* DEFLATE encoding (RFC 1951), incremental: LZ77 matches found through
 * hash chains within a window of 2**wbits bytes, coded with the fixed
 * Huffman codes in one final block that spans the whole stream (what a
 * small compressor does: no code tables to build or send, and any
 * decompressor reads it). Output goes to a sink callback in pieces.
 * Portable C, no OS; memory is the caller's (px_deflate_mem bytes). */
#ifndef PX_MOD_DEFLATE_ENC_H
#define PX_MOD_DEFLATE_ENC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct px_deflate {
    void (*sink)(struct px_deflate *d, const uint8_t *p, size_t n);
    void *user;
    size_t wsize;        /* 2**wbits */
    uint8_t *buf;        /* the last wsize bytes seen, then those not yet coded */
    size_t cap, len, at; /* buf holds [0, len); [at, len) is not yet coded */
    uint64_t base;       /* stream position of buf[0] */
    uint32_t *head;      /* hash -> stream position + 1 of the last 3 bytes with it, 0: none */
    uint32_t *prev;      /* [pos & (wsize - 1)]: the earlier position + 1 with the same hash */
    unsigned hash_bits;
    uint32_t bits;       /* output bit buffer, first bit lowest */
    unsigned nbits;
    uint8_t out[1024];
    size_t nout;
    bool started, finished;
} px_deflate;

/* Bytes of memory px_deflate_init needs for a window of 2**wbits. */
size_t px_deflate_mem(unsigned wbits);
void px_deflate_init(px_deflate *d, unsigned wbits, void *mem);
void px_deflate_write(px_deflate *d, const uint8_t *p, size_t n);
/* Code what is left, end the block and pad to a byte boundary. */
void px_deflate_finish(px_deflate *d);

#endif
