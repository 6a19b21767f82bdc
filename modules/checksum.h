/* The checksums of the zlib and gzip formats: CRC-32 (ISO 3309, as in
 * gzip and binascii.crc32) and Adler-32 (RFC 1950). Pass the previous
 * value to continue over more data; start with 0 (CRC-32) or 1 (Adler). */
#ifndef PX_MOD_CHECKSUM_H
#define PX_MOD_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

uint32_t px_crc32(uint32_t crc, const uint8_t *p, size_t n);
uint32_t px_adler32(uint32_t adler, const uint8_t *p, size_t n);

/* The Python functions crc32/adler32(data[, value]) (binascii.crc32,
 * zlib's through deflate): data any buffer, value an int taken modulo
 * 2**32 (start when absent); the result an int in 0..2**32-1. */
typedef uint32_t (*px_checksum_fn)(uint32_t, const uint8_t *, size_t);
px_val px_checksum_call(size_t argc, const px_val *argv, px_checksum_fn fn, uint32_t start);

#endif
