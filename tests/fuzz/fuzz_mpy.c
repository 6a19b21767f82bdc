/* libFuzzer target: arbitrary bytes as a .mpy file (compiler/mpy.c), the
 * path of import, frozen modules and marshal.loads. The input is taken as
 * a file without its checksum, which the target appends, so mutations
 * reach the reader and px_code_verify instead of stopping at the checksum;
 * the input as it is (unsealed) is loaded too. Anything but a code object
 * or ValueError (MemoryError for huge counts) is a finding, as is any
 * crash or sanitizer report. The code is not run: checked bytecode is
 * safe to read, not type-safe (see px_code_verify). */
#include <string.h>

#include "compiler/mpy.h"
#include "fuzz.h"

typedef struct {
    const uint8_t *data;
    size_t size;
} job;

static void load_one(void *arg) {
    job *j = arg;
    px_mpy_load(j->data, j->size, "'fuzz.mpy'");
}

static const px_type *const allowed[] = {&px_type_ValueError, &px_type_MemoryError, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_init(false);
    job raw = {data, size};
    fuzz_check(fuzz_guard(load_one, &raw), allowed, data, size);
    uint8_t *sealed = px_gc_alloc(size + 4, PX_GC_LEAF);
    memcpy(sealed, data, size);
    uint32_t h = 2166136261u; /* FNV-1a, as the format's checksum */
    for (size_t i = 0; i < size; i++) {
        h = (h ^ data[i]) * 16777619u;
    }
    for (int i = 0; i < 4; i++) {
        sealed[size + i] = (uint8_t)(h >> (8 * i));
    }
    job s = {sealed, size + 4};
    fuzz_check(fuzz_guard(load_one, &s), allowed, data, size);
    return 0;
}
