/* DEFLATE decoding (RFC 1951). Huffman codes are canonical, so a code is
 * decoded from the count of codes of each length: reading one bit at a
 * time, the codes of length L are the values from `first` to
 * first + count[L] - 1, and their symbols follow each other in the
 * symbol table. */
#include <string.h>

#include "runtime.h"
#include "inflate.h"

enum { ST_HEADER, ST_STORED, ST_CODED, ST_DONE, ST_BROKEN };

PX_NORETURN static void bad(px_inflate *z, const char *what) {
    z->state = ST_BROKEN;
    px_raise_os_error(PX_DEFLATE_EINVAL, "invalid compressed data: %s", what);
}

/* ---- input */

static bool more(px_inflate *z) {
    return z->in < z->in_end || (z->refill != NULL && z->refill(z) && z->in < z->in_end);
}

static uint32_t need_bits(px_inflate *z, unsigned n) {
    while (z->nbits < n) {
        if (!more(z)) {
            bad(z, "unexpected end of data");
        }
        z->bits |= (uint32_t)*z->in++ << z->nbits;
        z->nbits += 8;
    }
    uint32_t v = z->bits & ((1u << n) - 1);
    z->bits >>= n;
    z->nbits -= n;
    return v;
}

int px_inflate_byte(px_inflate *z) {
    z->bits >>= z->nbits & 7;
    z->nbits -= z->nbits & 7;
    if (z->nbits >= 8) {
        int b = (int)(z->bits & 0xff);
        z->bits >>= 8;
        z->nbits -= 8;
        return b;
    }
    if (!more(z)) {
        return -1;
    }
    return *z->in++;
}

/* ---- Huffman codes */

/* Build h from the code length of each of n symbols; false if the
 * lengths over-subscribe the code space. An incomplete code is allowed
 * (RFC 1951 permits one distance code, or none). */
static bool build(px_huff *h, const uint8_t *lengths, unsigned n) {
    uint16_t offs[16];
    memset(h->count, 0, sizeof h->count);
    for (unsigned i = 0; i < n; i++) {
        h->count[lengths[i]]++;
    }
    h->count[0] = 0;
    int left = 1;
    for (int len = 1; len < 16; len++) {
        left = left * 2 - h->count[len];
        if (left < 0) {
            return false;
        }
    }
    offs[1] = 0;
    for (int len = 1; len < 15; len++) {
        offs[len + 1] = (uint16_t)(offs[len] + h->count[len]);
    }
    for (unsigned i = 0; i < n; i++) {
        if (lengths[i]) {
            h->symbol[offs[lengths[i]]++] = (uint16_t)i;
        }
    }
    return true;
}

static unsigned decode(px_inflate *z, const px_huff *h) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len < 16; len++) {
        code |= (int)need_bits(z, 1);
        int count = h->count[len];
        if (code - first < count) {
            return h->symbol[index + code - first];
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    bad(z, "invalid Huffman code");
}

static void fixed_tables(px_inflate *z) {
    uint8_t len[288];
    memset(len, 8, 144);
    memset(len + 144, 9, 112);
    memset(len + 256, 7, 24);
    memset(len + 280, 8, 8);
    build(&z->lit, len, 288);
    memset(len, 5, 30);
    build(&z->dist, len, 30);
}

/* The order code-length code lengths are sent in. */
static const uint8_t CL_ORDER[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

static void dynamic_tables(px_inflate *z) {
    unsigned nlit = need_bits(z, 5) + 257, ndist = need_bits(z, 5) + 1, ncl = need_bits(z, 4) + 4;
    if (nlit > 286 || ndist > 30) {
        bad(z, "too many length or distance codes");
    }
    uint8_t len[320];
    memset(len, 0, 19);
    for (unsigned i = 0; i < ncl; i++) {
        len[CL_ORDER[i]] = (uint8_t)need_bits(z, 3);
    }
    px_huff cl;
    if (!build(&cl, len, 19)) {
        bad(z, "invalid code lengths code");
    }
    for (unsigned i = 0; i < nlit + ndist;) {
        unsigned sym = decode(z, &cl);
        if (sym < 16) {
            len[i++] = (uint8_t)sym;
            continue;
        }
        unsigned rep, val = 0;
        if (sym == 16) {
            if (i == 0) {
                bad(z, "repeat with no first length");
            }
            val = len[i - 1];
            rep = 3 + need_bits(z, 2);
        } else if (sym == 17) {
            rep = 3 + need_bits(z, 3);
        } else {
            rep = 11 + need_bits(z, 7);
        }
        if (i + rep > nlit + ndist) {
            bad(z, "too many code lengths");
        }
        while (rep--) {
            len[i++] = (uint8_t)val;
        }
    }
    if (len[256] == 0) {
        bad(z, "no end-of-block code");
    }
    if (!build(&z->lit, len, nlit) || !build(&z->dist, len + nlit, ndist)) {
        bad(z, "invalid literal/length or distance code");
    }
}

/* ---- lengths and distances (RFC 1951, 3.2.5) */

static const uint16_t LEN_BASE[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t LEN_EXTRA[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t DIST_BASE[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                       193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t DIST_EXTRA[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

/* ---- output */

static inline void put(px_inflate *z, uint8_t b, uint8_t *out) {
    *out = b;
    z->win[z->wpos] = b;
    z->wpos = (z->wpos + 1) & z->wmask;
    z->total++;
}

void px_inflate_init(px_inflate *z, uint8_t *win, unsigned wbits) {
    memset(z, 0, sizeof *z);
    z->win = win;
    z->wmask = ((size_t)1 << wbits) - 1;
    z->state = ST_HEADER;
}

void px_inflate_window(px_inflate *z, uint8_t *win, unsigned wbits) {
    z->win = win;
    z->wmask = ((size_t)1 << wbits) - 1;
}

void px_inflate_restart(px_inflate *z) {
    z->state = ST_HEADER;
    z->last = false;
    z->stored_left = 0;
    z->copy_len = 0;
    z->total = 0;
}

bool px_inflate_done(const px_inflate *z) {
    return z->state == ST_DONE;
}

size_t px_inflate_read(px_inflate *z, uint8_t *out, size_t n) {
    size_t got = 0;
    if (z->state == ST_BROKEN) {
        bad(z, "the stream failed before");
    }
    while (got < n) {
        if (z->copy_len > 0) { /* finish a back-reference */
            size_t from = (z->wpos - z->copy_dist) & z->wmask;
            while (z->copy_len > 0 && got < n) {
                put(z, z->win[from], out + got++);
                from = (from + 1) & z->wmask;
                z->copy_len--;
            }
            continue;
        }
        switch (z->state) {
        case ST_HEADER: {
            if (z->last) {
                z->state = ST_DONE;
                return got;
            }
            z->last = need_bits(z, 1);
            unsigned type = need_bits(z, 2);
            if (type == 0) {
                z->bits >>= z->nbits & 7; /* to a byte boundary */
                z->nbits -= z->nbits & 7;
                unsigned len = need_bits(z, 16), nlen = need_bits(z, 16);
                if ((len ^ 0xffff) != nlen) {
                    bad(z, "stored block length check");
                }
                z->stored_left = len;
                z->state = ST_STORED;
            } else if (type == 1) {
                fixed_tables(z);
                z->state = ST_CODED;
            } else if (type == 2) {
                dynamic_tables(z);
                z->state = ST_CODED;
            } else {
                bad(z, "invalid block type");
            }
            break;
        }
        case ST_STORED:
            while (z->stored_left > 0 && got < n) {
                uint8_t b;
                if (z->nbits >= 8) {
                    b = (uint8_t)z->bits;
                    z->bits >>= 8;
                    z->nbits -= 8;
                } else {
                    if (!more(z)) {
                        bad(z, "unexpected end of data");
                    }
                    b = *z->in++;
                }
                put(z, b, out + got++);
                z->stored_left--;
            }
            if (z->stored_left == 0) {
                z->state = ST_HEADER;
            }
            break;
        case ST_CODED: {
            unsigned sym = decode(z, &z->lit);
            if (sym < 256) {
                put(z, (uint8_t)sym, out + got++);
            } else if (sym == 256) {
                z->state = ST_HEADER;
            } else {
                sym -= 257;
                if (sym >= 29) {
                    bad(z, "invalid length code");
                }
                unsigned len = LEN_BASE[sym] + need_bits(z, LEN_EXTRA[sym]);
                unsigned dsym = decode(z, &z->dist);
                if (dsym >= 30) {
                    bad(z, "invalid distance code");
                }
                unsigned dist = DIST_BASE[dsym] + need_bits(z, DIST_EXTRA[dsym]);
                if (dist > z->total) {
                    bad(z, "distance too far back");
                }
                if (dist > z->wmask + 1) {
                    z->state = ST_BROKEN;
                    px_raise_os_error(PX_DEFLATE_EINVAL, "compressed data refers %u bytes back, beyond the window of %zu bytes (give a larger wbits)",
                                      dist, z->wmask + 1);
                }
                z->copy_len = len;
                z->copy_dist = dist;
            }
            break;
        }
        default: /* ST_DONE */
            return got;
        }
    }
    return got;
}
