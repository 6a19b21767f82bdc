/* DEFLATE decoding (RFC 1951), incremental: px_inflate_read() produces
 * as many bytes as asked (fewer only at the end of the data) and keeps
 * its place between calls. Input comes from a refill callback, so a
 * stream is decoded as it is read; back-references reach into a window of
 * 2**wbits bytes, the decoder's only large buffer. Bad data raises
 * OSError(EINVAL) naming the problem. Portable C, no OS. */
#ifndef PX_MOD_INFLATE_H
#define PX_MOD_INFLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* MicroPython's EINVAL, the same number on every port. */
#define PX_DEFLATE_EINVAL 22

typedef struct {
    uint16_t count[16];  /* codes of each length */
    uint16_t symbol[288]; /* symbols in canonical order */
} px_huff;

typedef struct px_inflate {
    /* input: the bytes in [in, in_end); refill() points them at more and
     * returns false when there is none */
    const uint8_t *in, *in_end;
    bool (*refill)(struct px_inflate *z);
    void *user;
    uint32_t bits;  /* bit buffer, next bit lowest */
    unsigned nbits;
    /* output history */
    uint8_t *win;   /* 2**wbits bytes, circular */
    size_t wmask;   /* size - 1 */
    size_t wpos;    /* where the next byte goes */
    uint64_t total; /* bytes produced so far */
    /* where decoding is */
    uint8_t state;  /* internal: block header, stored, coded, done */
    bool last;      /* the current block is the final one */
    size_t stored_left;
    unsigned copy_len, copy_dist; /* a back-reference not yet copied out */
    px_huff lit, dist;
} px_inflate;

/* win must hold 2**wbits bytes; it may be NULL until the first read, and
 * set by px_inflate_window after reading a header with px_inflate_byte. */
void px_inflate_init(px_inflate *z, uint8_t *win, unsigned wbits);
void px_inflate_window(px_inflate *z, uint8_t *win, unsigned wbits);
/* Decode up to n bytes into out; fewer only when the final block ends. */
size_t px_inflate_read(px_inflate *z, uint8_t *out, size_t n);
bool px_inflate_done(const px_inflate *z);
/* After px_inflate_done, decode a new DEFLATE stream that follows in the
 * same input (the next member of a gzip file): the input, its bit
 * position and the window are kept; back-references cannot reach into
 * the previous stream's output. */
void px_inflate_restart(px_inflate *z);
/* The next input byte at a byte boundary (headers and trailers), or -1
 * at the end of the input. Unused bits of a partial byte are dropped. */
int px_inflate_byte(px_inflate *z);

#endif
