/* Building the Huffman codes of a dynamic DEFLATE block (RFC 1951,
 * 3.2.2 and 3.2.7): code lengths from symbol frequencies, limited to a
 * maximum length, then the canonical codes. Portable C, no allocation:
 * the caller gives the scratch space. */
#ifndef PX_MOD_DEFLATE_HUFF_H
#define PX_MOD_DEFLATE_HUFF_H

#include <stdint.h>

enum { PX_HUFF_MAX_SYMS = 286 }; /* literal/length symbols: the largest alphabet */

typedef struct {
    uint16_t weight[2 * PX_HUFF_MAX_SYMS]; /* the frequencies sum to less than 2**16 */
    uint16_t parent[2 * PX_HUFF_MAX_SYMS];
    uint16_t leaf[PX_HUFF_MAX_SYMS]; /* used symbols, by increasing weight */
    uint8_t depth[2 * PX_HUFF_MAX_SYMS];
} px_huff_work;

/* len[i] for each of n symbols: 0 for an unused one (freq 0), else at
 * most maxlen. The frequencies must add up to less than 65534 (a block
 * has at most 8192 symbols). At least two symbols get a length (symbols 0 and 1 are
 * given one when fewer are used), so the code is always complete, which
 * every decompressor accepts. */
void px_huff_lengths(const uint16_t *freq, unsigned n, unsigned maxlen, uint8_t *len, px_huff_work *w);

/* The canonical code of each symbol with a length, bit-reversed so it
 * is sent with the bit writer's lowest-bit-first order. */
void px_huff_codes(const uint8_t *len, unsigned n, uint16_t *code);

#endif
