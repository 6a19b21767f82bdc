/* DEFLATE encoding: LZ77 over hash chains of 3-byte prefixes (greedy,
 * with one step of lazy matching),
 * fixed Huffman codes (RFC 1951, 3.2.6). Positions in the chains are
 * stream positions + 1 (so 0 means none), kept in 32 bits: a stream
 * longer than 4 GB wraps them, and a candidate that is too far back or
 * does not match is simply not used, so that only costs compression. */
#include <string.h>

#include "deflate_enc.h"

enum { MIN_MATCH = 3, MAX_MATCH = 258, MAX_CHAIN = 48, LAZY_BELOW = 32, CHUNK = 4096 };

static size_t hash_size(unsigned wbits) {
    return (size_t)1 << (wbits + 1 < 14 ? wbits + 1 : 14);
}

size_t px_deflate_mem(unsigned wbits) {
    size_t w = (size_t)1 << wbits;
    size_t cap = w + CHUNK + MAX_MATCH;
    return cap + (hash_size(wbits) + w) * sizeof(uint32_t);
}

void px_deflate_init(px_deflate *d, unsigned wbits, void *mem) {
    void (*sink)(px_deflate *, const uint8_t *, size_t) = d->sink;
    void *user = d->user;
    memset(d, 0, sizeof *d);
    d->sink = sink;
    d->user = user;
    d->wsize = (size_t)1 << wbits;
    d->hash_bits = wbits + 1 < 14 ? wbits + 1 : 14;
    d->cap = d->wsize + CHUNK + MAX_MATCH;
    d->head = mem; /* the tables first: mem is aligned for them */
    d->prev = d->head + hash_size(wbits);
    d->buf = (uint8_t *)(d->prev + d->wsize);
    memset(d->head, 0, (hash_size(wbits) + d->wsize) * sizeof(uint32_t));
}

/* ---- bits out */

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

/* Huffman codes are sent from their most significant bit. */
static void put_code(px_deflate *d, uint32_t code, unsigned n) {
    uint32_t r = 0;
    for (unsigned i = 0; i < n; i++) {
        r = (r << 1) | ((code >> i) & 1);
    }
    put_bits(d, r, n);
}

/* Literal/length symbol in the fixed code. */
static void put_lit(px_deflate *d, unsigned sym) {
    if (sym < 144) {
        put_code(d, 0x30 + sym, 8);
    } else if (sym < 256) {
        put_code(d, 0x190 + sym - 144, 9);
    } else if (sym < 280) {
        put_code(d, sym - 256, 7);
    } else {
        put_code(d, 0xc0 + sym - 280, 8);
    }
}

static const uint16_t LEN_BASE[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t LEN_EXTRA[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t DIST_BASE[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                       193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t DIST_EXTRA[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

static void put_match(px_deflate *d, unsigned len, unsigned dist) {
    unsigned s = 28;
    while (LEN_BASE[s] > len) {
        s--;
    }
    put_lit(d, 257 + s);
    put_bits(d, len - LEN_BASE[s], LEN_EXTRA[s]);
    unsigned k = 29;
    while (DIST_BASE[k] > dist) {
        k--;
    }
    put_code(d, k, 5);
    put_bits(d, dist - DIST_BASE[k], DIST_EXTRA[k]);
}

/* ---- matching */

static inline uint32_t hash3(const px_deflate *d, const uint8_t *p) {
    uint32_t v = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
    return (v * 2654435761u) >> (32 - d->hash_bits);
}

/* Enter position i of buf (3 bytes available) in the chains. */
static inline void insert(px_deflate *d, size_t i) {
    uint32_t h = hash3(d, d->buf + i);
    uint32_t pos = (uint32_t)(d->base + i);
    d->prev[pos & (d->wsize - 1)] = d->head[h];
    d->head[h] = pos + 1;
}

/* The longest match for buf[i...] within the window (0 if none of at
 * least MIN_MATCH), the nearest of equal ones; its distance in *dist. */
static unsigned find(const px_deflate *d, size_t i, unsigned *dist_out) {
    size_t avail = d->len - i;
    unsigned best = 0;
    *dist_out = 0;
    if (avail < MIN_MATCH) {
        return 0;
    }
    uint32_t pos = (uint32_t)(d->base + i);
    uint32_t cand = d->head[hash3(d, d->buf + i)];
    size_t limit = avail < MAX_MATCH ? avail : MAX_MATCH;
    for (int chain = 0; cand != 0 && chain < MAX_CHAIN; chain++) {
        uint32_t dist = pos - (cand - 1);
        if (dist == 0 || dist > d->wsize || dist > i) {
            break; /* too far back (or wrapped): the rest are further */
        }
        const uint8_t *a = d->buf + i, *b = a - dist;
        if (b[best] == a[best]) {
            unsigned n = 0;
            while (n < limit && a[n] == b[n]) {
                n++;
            }
            if (n > best) {
                best = n;
                *dist_out = dist;
                if (n == limit) {
                    break;
                }
            }
        }
        uint32_t next = d->prev[(cand - 1) & (d->wsize - 1)];
        if (next >= cand) {
            break; /* the slot was reused by a later position */
        }
        cand = next;
    }
    return best >= MIN_MATCH ? best : 0;
}

/* Code buf[at, len), leaving at least MAX_MATCH bytes unless final.
 * Lazy matching: a short match is put off by one byte when the match
 * starting at the next byte is longer. */
static void code(px_deflate *d, bool final) {
    size_t stop = final ? d->len : (d->len > MAX_MATCH ? d->len - MAX_MATCH : 0);
    while (d->at < stop) {
        size_t i = d->at;
        unsigned dist, next_dist;
        unsigned best = find(d, i, &dist);
        if (best > 0 && best < LAZY_BELOW && i + 1 < d->len && find(d, i + 1, &next_dist) > best) {
            best = 0; /* a literal now, the longer match next */
        }
        if (best > 0) {
            put_match(d, best, dist);
            for (size_t k = 0; k < best; k++) {
                if (i + k + MIN_MATCH <= d->len) {
                    insert(d, i + k);
                }
            }
            d->at = i + best;
        } else {
            put_lit(d, d->buf[i]);
            if (i + MIN_MATCH <= d->len) {
                insert(d, i);
            }
            d->at = i + 1;
        }
    }
}

/* Keep only the last wsize bytes before `at`. */
static void slide(px_deflate *d) {
    if (d->at <= d->wsize) {
        return;
    }
    size_t drop = d->at - d->wsize;
    memmove(d->buf, d->buf + drop, d->len - drop);
    d->len -= drop;
    d->at -= drop;
    d->base += drop;
}

static void start(px_deflate *d) {
    if (!d->started) {
        d->started = true;
        put_bits(d, 1, 1); /* BFINAL: the one block is the last */
        put_bits(d, 1, 2); /* BTYPE 01: fixed Huffman codes */
    }
}

void px_deflate_write(px_deflate *d, const uint8_t *p, size_t n) {
    start(d);
    while (n > 0) {
        size_t room = d->cap - d->len;
        size_t take = n < room ? n : room;
        memcpy(d->buf + d->len, p, take);
        d->len += take;
        p += take;
        n -= take;
        if (d->len == d->cap) {
            code(d, false);
            slide(d);
        }
    }
}

void px_deflate_finish(px_deflate *d) {
    if (d->finished) {
        return;
    }
    start(d);
    code(d, true);
    put_lit(d, 256); /* end of block */
    if (d->nbits > 0) {
        put_bits(d, 0, 8 - d->nbits);
    }
    if (d->nout > 0) {
        d->sink(d, d->out, d->nout);
        d->nout = 0;
    }
    d->finished = true;
}
