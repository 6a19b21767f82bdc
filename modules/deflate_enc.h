/* DEFLATE encoding (RFC 1951), incremental: LZ77 matches found through
 * hash chains within a window of 2**wbits bytes, gathered into blocks of
 * up to px_deflate_block_syms(wbits) symbols; each block is coded with
 * the fixed Huffman codes or with codes made for it (a dynamic block),
 * whichever is smaller. Output goes to a sink callback in pieces.
 * Portable C, no OS; memory is the caller's (px_deflate_mem bytes, about
 * eight times the window) and the struct's. */
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
    /* the block being gathered: symbol i is the literal sym_val[i] when
     * sym_dist[i] is 0, else a match of sym_val[i] + 3 bytes at that distance */
    uint16_t *sym_dist;
    uint8_t *sym_val;
    size_t nsyms, maxsyms;
    uint32_t bits;       /* output bit buffer, first bit lowest */
    unsigned nbits;
    uint8_t out[1024];
    size_t nout;
    bool finished;
} px_deflate;

/* Bytes of memory px_deflate_init needs for a window of 2**wbits. */
size_t px_deflate_mem(unsigned wbits);
void px_deflate_init(px_deflate *d, unsigned wbits, void *mem);
void px_deflate_write(px_deflate *d, const uint8_t *p, size_t n);
/* Code what is left as the final block and pad to a byte boundary. */
void px_deflate_finish(px_deflate *d);

/* deflate_block.c, for deflate_enc.c: code the gathered symbols as one
 * block (the last if final), and empty the symbol buffer; write out the
 * bits pending, padded to a byte. */
void px_deflate_block(px_deflate *d, bool final);
void px_deflate_flush_bits(px_deflate *d);

#endif
