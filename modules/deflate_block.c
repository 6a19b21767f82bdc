/* DEFLATE blocks (RFC 1951, 3.2.3 to 3.2.7): the symbols the matcher
 * gathered (deflate_enc.c) coded with the fixed Huffman codes or with
 * codes built for the block, whichever takes fewer bits, counting the
 * dynamic block's header (its code lengths, run-length coded and
 * themselves Huffman coded). Extra bits of lengths and distances are the
 * same either way, so the comparison leaves them out. */
#include <string.h>

#include "deflate_enc.h"
#include "deflate_huff.h"

/* A block's statistics and codes, and the code builder's scratch: on the
 * stack while a block is coded (about 6 KB), not in the compressor's
 * state, which lives as long as the DeflateIO. (288 literal/length
 * entries: the fixed code has two symbols more than a block may use, and
 * they take their place in its canonical order.) */
typedef struct {
    uint16_t lit_freq[288], dist_freq[30];
    uint8_t lit_len[288], dist_len[30];
    uint16_t lit_code[288], dist_code[30];
    px_huff_work huff;
} tables;

/* ---- bits out, lowest bit first */

static void put_bits(px_deflate *d, uint32_t v, unsigned n) {
    d->bits |= v << d->nbits;
    d->nbits += n;
    while (d->nbits >= 8) {
        d->out[d->nout++] = (uint8_t)d->bits;
        d->bits >>= 8;
        d->nbits -= 8;
        if (d->nout == sizeof d->out) {
            d->sink(d, d->out, d->nout);
            d->nout = 0;
        }
    }
}

void px_deflate_flush_bits(px_deflate *d) {
    if (d->nbits > 0) {
        put_bits(d, 0, 8 - d->nbits);
    }
    if (d->nout > 0) {
        d->sink(d, d->out, d->nout);
        d->nout = 0;
    }
}

/* ---- the symbol alphabets */

static const uint16_t LEN_BASE[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t LEN_EXTRA[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t DIST_BASE[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                       193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t DIST_EXTRA[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

/* Length symbol index (0..28) of a match length 3..258. */
static unsigned len_slot(unsigned len) {
    unsigned s = 28;
    while (LEN_BASE[s] > len) {
        s--;
    }
    return s;
}

/* Distance symbol (0..29) of a distance 1..32768. */
static unsigned dist_slot(unsigned dist) {
    unsigned k = 29;
    while (DIST_BASE[k] > dist) {
        k--;
    }
    return k;
}

static unsigned fixed_lit_len(unsigned sym) {
    return sym < 144 ? 8 : sym < 256 ? 9 : sym < 280 ? 7 : 8;
}

/* ---- the code-length sequence of a dynamic header */

/* The order code-length code lengths are sent in. */
static const uint8_t CL_ORDER[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

typedef struct {
    unsigned nlit, ndist, ncl;
    unsigned n;             /* run-length symbols */
    uint8_t sym[286 + 30];  /* 0..15 a length, 16 repeat, 17/18 zeros */
    uint8_t extra[286 + 30];
    uint16_t freq[19];
    uint8_t len[19];
    uint16_t code[19];
} header;

static void add_cl(header *h, unsigned sym, unsigned extra) {
    h->sym[h->n] = (uint8_t)sym;
    h->extra[h->n++] = (uint8_t)extra;
    h->freq[sym]++;
}

/* Run-length code the lit and dist lengths as one sequence (runs may
 * cross from one to the other, as the RFC allows). */
static void rle_lengths(const tables *t, header *h) {
    uint8_t all[286 + 30];
    memcpy(all, t->lit_len, h->nlit);
    memcpy(all + h->nlit, t->dist_len, h->ndist);
    unsigned total = h->nlit + h->ndist;
    for (unsigned i = 0; i < total;) {
        unsigned v = all[i], run = 1;
        while (i + run < total && all[i + run] == v) {
            run++;
        }
        i += run;
        if (v == 0) {
            while (run >= 11) {
                unsigned r = run < 138 ? run : 138;
                add_cl(h, 18, r - 11);
                run -= r;
            }
            if (run >= 3) {
                add_cl(h, 17, run - 3);
                run = 0;
            }
        } else {
            add_cl(h, v, 0);
            run--;
            while (run >= 3) {
                unsigned r = run < 6 ? run : 6;
                add_cl(h, 16, r - 3);
                run -= r;
            }
        }
        while (run-- > 0) {
            add_cl(h, v, 0);
        }
    }
}

/* Bits of the dynamic header (after the 3-bit block header). */
static size_t header_bits(const header *h) {
    size_t bits = 5 + 5 + 4 + 3 * (size_t)h->ncl;
    static const uint8_t extra_bits[19] = {[16] = 2, [17] = 3, [18] = 7};
    for (unsigned s = 0; s < 19; s++) {
        bits += (size_t)h->freq[s] * (h->len[s] + extra_bits[s]);
    }
    return bits;
}

static void put_header(px_deflate *d, const header *h) {
    put_bits(d, h->nlit - 257, 5);
    put_bits(d, h->ndist - 1, 5);
    put_bits(d, h->ncl - 4, 4);
    for (unsigned i = 0; i < h->ncl; i++) {
        put_bits(d, h->len[CL_ORDER[i]], 3);
    }
    static const uint8_t extra_bits[19] = {[16] = 2, [17] = 3, [18] = 7};
    for (unsigned i = 0; i < h->n; i++) {
        unsigned s = h->sym[i];
        put_bits(d, h->code[s], h->len[s]);
        put_bits(d, h->extra[i], extra_bits[s]);
    }
}

/* ---- a block */

static void count(const px_deflate *d, tables *t) {
    memset(t->lit_freq, 0, sizeof t->lit_freq);
    memset(t->dist_freq, 0, sizeof t->dist_freq);
    for (size_t i = 0; i < d->nsyms; i++) {
        if (d->sym_dist[i] == 0) {
            t->lit_freq[d->sym_val[i]]++;
        } else {
            t->lit_freq[257 + len_slot(d->sym_val[i] + 3u)]++;
            t->dist_freq[dist_slot(d->sym_dist[i])]++;
        }
    }
    t->lit_freq[256] = 1; /* end of block */
}

static size_t data_bits(const tables *t) {
    size_t bits = 0;
    for (unsigned s = 0; s < 286; s++) {
        bits += (size_t)t->lit_freq[s] * t->lit_len[s];
    }
    for (unsigned s = 0; s < 30; s++) {
        bits += (size_t)t->dist_freq[s] * t->dist_len[s];
    }
    return bits;
}

static void fixed_codes(tables *t) {
    for (unsigned s = 0; s < 288; s++) {
        t->lit_len[s] = (uint8_t)fixed_lit_len(s);
    }
    memset(t->dist_len, 5, sizeof t->dist_len);
    px_huff_codes(t->lit_len, 288, t->lit_code);
    px_huff_codes(t->dist_len, 30, t->dist_code);
}

static void put_symbols(px_deflate *d, const tables *t) {
    for (size_t i = 0; i < d->nsyms; i++) {
        unsigned v = d->sym_val[i], dist = d->sym_dist[i];
        if (dist == 0) {
            put_bits(d, t->lit_code[v], t->lit_len[v]);
            continue;
        }
        unsigned len = v + 3u, s = len_slot(len), k = dist_slot(dist);
        put_bits(d, t->lit_code[257 + s], t->lit_len[257 + s]);
        put_bits(d, len - LEN_BASE[s], LEN_EXTRA[s]);
        put_bits(d, t->dist_code[k], t->dist_len[k]);
        put_bits(d, dist - DIST_BASE[k], DIST_EXTRA[k]);
    }
    put_bits(d, t->lit_code[256], t->lit_len[256]);
    d->nsyms = 0;
}

void px_deflate_block(px_deflate *d, bool final) {
    tables tab, *t = &tab;
    count(d, t);
    fixed_codes(t);
    size_t fixed = data_bits(t);
    /* the dynamic code for this block, and what it costs with its header */
    px_huff_lengths(t->lit_freq, 286, 15, t->lit_len, &t->huff);
    px_huff_lengths(t->dist_freq, 30, 15, t->dist_len, &t->huff);
    header h;
    memset(&h, 0, sizeof h);
    h.nlit = 286;
    while (h.nlit > 257 && t->lit_len[h.nlit - 1] == 0) {
        h.nlit--;
    }
    h.ndist = 30;
    while (h.ndist > 1 && t->dist_len[h.ndist - 1] == 0) {
        h.ndist--;
    }
    rle_lengths(t, &h);
    px_huff_lengths(h.freq, 19, 7, h.len, &t->huff);
    h.ncl = 19;
    while (h.ncl > 4 && h.len[CL_ORDER[h.ncl - 1]] == 0) {
        h.ncl--;
    }
    size_t dynamic = header_bits(&h) + data_bits(t);
    put_bits(d, final, 1);
    if (dynamic < fixed) {
        put_bits(d, 2, 2); /* BTYPE 10: dynamic codes */
        px_huff_codes(t->lit_len, 286, t->lit_code);
        px_huff_codes(t->dist_len, 30, t->dist_code);
        px_huff_codes(h.len, 19, h.code);
        put_header(d, &h);
    } else {
        put_bits(d, 1, 2); /* BTYPE 01: fixed codes */
        fixed_codes(t);
    }
    put_symbols(d, t);
}
