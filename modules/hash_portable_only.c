/* The backend choice of a build whose hashlib has only the portable
 * digests (every MCU port; Linux with -Dhashlib=portable or without
 * OpenSSL): nothing to load. */
#include "hash_backend.h"

const px_hash_backend *px_hash_backend_open(void) {
    return &px_hash_portable;
}
