/* CRC-32 (ZIP/gzip), for binascii.crc32 and any module that checksums
 * streams. Internal to modules/. */
#ifndef PX_MODULES_CRC32_H
#define PX_MODULES_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* The CRC of data[0..len) continuing from crc (0 to start). */
uint32_t px_crc32(uint32_t crc, const uint8_t *data, size_t len);

#endif
