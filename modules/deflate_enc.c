/* DEFLATE encoding: LZ77 over hash chains of 3-byte prefixes (greedy,
 * with one step of lazy matching); the symbols found go to the block
 * coder (deflate_block.c) a block at a time. Positions in the chains are
 * stream positions + 1 (so 0 means none), kept in 32 bits: a stream
 * longer than 4 GB wraps them, and a candidate that is too far back or
 * does not match is simply not used, so that only costs compression. */
#include <string.h>

#include "deflate_enc.h"

enum { MIN_MATCH = 3, MAX_MATCH = 258, MAX_CHAIN = 48, LAZY_BELOW = 32, CHUNK = 4096 };

static size_t hash_size(unsigned wbits) {
    return (size_t)1 << (wbits + 1 < 14 ? wbits + 1 : 14);
}

/* Symbols per block: half the window's size within 256..8192. Small
 * blocks pay for their code tables often; large ones adapt less to
 * changing data and cost 3 bytes a symbol (with a small window, memory
 * matters most: a 64 KiB board compresses at wbits 9). */
static size_t block_syms(unsigned wbits) {
    return (size_t)1 << (wbits < 9 ? 8 : wbits > 14 ? 13 : wbits - 1);
}

size_t px_deflate_mem(unsigned wbits) {
    size_t w = (size_t)1 << wbits;
    size_t cap = w + CHUNK + MAX_MATCH;
    return cap + (hash_size(wbits) + w) * sizeof(uint32_t) + block_syms(wbits) * (sizeof(uint16_t) + 1);
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
    d->maxsyms = block_syms(wbits);
    d->sym_dist = (uint16_t *)(d->prev + d->wsize);
    d->sym_val = (uint8_t *)(d->sym_dist + d->maxsyms);
    d->buf = d->sym_val + d->maxsyms;
    memset(d->head, 0, (hash_size(wbits) + d->wsize) * sizeof(uint32_t));
}

/* ---- the block's symbols */

static void put_lit(px_deflate *d, unsigned byte) {
    d->sym_dist[d->nsyms] = 0;
    d->sym_val[d->nsyms] = (uint8_t)byte;
    if (++d->nsyms == d->maxsyms) {
        px_deflate_block(d, false);
    }
}

static void put_match(px_deflate *d, unsigned len, unsigned dist) {
    d->sym_dist[d->nsyms] = (uint16_t)dist;
    d->sym_val[d->nsyms] = (uint8_t)(len - MIN_MATCH);
    if (++d->nsyms == d->maxsyms) {
        px_deflate_block(d, false);
    }
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

void px_deflate_write(px_deflate *d, const uint8_t *p, size_t n) {
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
    code(d, true);
    px_deflate_block(d, true);
    px_deflate_flush_bits(d);
    d->finished = true;
}
