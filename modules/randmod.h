/* The random module's generator (random_mt.c), used by random.c.
 * Internal to modules/. */
#ifndef PX_MODULES_RANDMOD_H
#define PX_MODULES_RANDMOD_H

#include "runtime.h"

/* Seed from 32-bit words, least significant first (CPython's seeding of
 * an int); no words means the seed 0. */
void px_random_seed_words(const uint32_t *key, size_t len);
/* Seed from the port's entropy (px_port_random_seed). */
void px_random_seed_entropy(void);
/* The next 32 random bits. The first use seeds from the port's entropy. */
uint32_t px_random_u32(void);
#if PX_HAS_FLOAT
/* A double in [0, 1) with 53 random bits (two draws). */
double px_random_double(void);
#endif

#endif
