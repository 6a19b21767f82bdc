/* The random module's generator: MT19937, the Mersenne Twister of
 * Matsumoto and Nishimura (1998), seeded the way CPython seeds it (the
 * 32-bit words of |seed|, least significant first, through the
 * generator's init_by_array). So the same int seed gives CPython's
 * sequence. The 2.5 KB state is allocated at first use. */
#include "randmod.h"

#define N 624
#define M 397
#define MATRIX_A 0x9908b0dfu
#define UPPER_MASK 0x80000000u
#define LOWER_MASK 0x7fffffffu

typedef struct {
    uint32_t mt[N];
    size_t next; /* index of the next word to temper; N: regenerate first */
} mt_state;

static mt_state *state; /* a GC root once allocated */

static void init_genrand(uint32_t s) {
    uint32_t *mt = state->mt;
    mt[0] = s;
    for (uint32_t i = 1; i < N; i++) {
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
    }
    state->next = N;
}

static void init_by_array(const uint32_t *key, size_t len) {
    uint32_t *mt = state->mt;
    init_genrand(19650218u);
    size_t i = 1, j = 0;
    for (size_t k = N > len ? N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= len) {
            j = 0;
        }
    }
    for (size_t k = N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u; /* the state is never all zero */
}

static void ensure_state(void) {
    if (state == NULL) {
        px_gc_add_root(&state, sizeof state);
        state = px_gc_alloc(sizeof *state, PX_GC_LEAF);
        uint64_t s = px_port_random_seed();
        uint32_t key[2] = {(uint32_t)s, (uint32_t)(s >> 32)};
        init_by_array(key, 2);
    }
}

void px_random_seed_words(const uint32_t *key, size_t len) {
    ensure_state();
    uint32_t zero = 0;
    if (len == 0) {
        key = &zero;
        len = 1;
    }
    init_by_array(key, len);
}

void px_random_seed_entropy(void) {
    ensure_state();
    uint64_t s = px_port_random_seed();
    uint32_t key[2] = {(uint32_t)s, (uint32_t)(s >> 32)};
    init_by_array(key, 2);
}

/* Regenerate the N words of the state (the twist). */
static void twist(uint32_t *mt) {
    static const uint32_t mag01[2] = {0, MATRIX_A};
    size_t kk;
    uint32_t y;
    for (kk = 0; kk < N - M; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; kk < N - 1; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[y & 1];
    }
    y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 1];
}

uint32_t px_random_u32(void) {
    ensure_state();
    if (state->next >= N) {
        twist(state->mt);
        state->next = 0;
    }
    uint32_t y = state->mt[state->next++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

#if PX_HAS_FLOAT
double px_random_double(void) {
    uint32_t a = px_random_u32() >> 5, b = px_random_u32() >> 6; /* 27 and 26 bits */
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}
#endif
