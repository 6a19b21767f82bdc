/* AES (FIPS-197) block cipher with 128-, 192- and 256-bit keys: portable
 * C without OS calls or allocation (cryptolib on every port). One block
 * of 16 bytes at a time; the modes of operation are in cryptolib.c. */
#ifndef PX_MOD_AES_H
#define PX_MOD_AES_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint8_t rk[15][16]; /* round keys: rounds + 1 of them */
    int rounds;         /* 10, 12 or 14 */
} px_aes_ctx;

/* key_len is 16, 24 or 32 (the caller checks). */
void px_aes_init(px_aes_ctx *c, const uint8_t *key, size_t key_len);
/* out may be in. */
void px_aes_encrypt(const px_aes_ctx *c, const uint8_t in[16], uint8_t out[16]);
void px_aes_decrypt(const px_aes_ctx *c, const uint8_t in[16], uint8_t out[16]);

#endif
