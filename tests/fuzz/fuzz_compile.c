/* libFuzzer target: arbitrary bytes as Python source through the lexer,
 * parser, scope analysis and code generator, in file, single-statement
 * and expression mode. Any outcome but a code object or SyntaxError
 * (MemoryError, RecursionError for deep nesting) is a finding, as is any
 * crash or sanitizer report. */
#include "fuzz.h"

typedef struct {
    const uint8_t *data;
    size_t size;
    px_compile_mode mode;
} job;

static void compile_one(void *arg) {
    job *j = arg;
    px_compile((const char *)j->data, j->size, px_qstr_intern_cstr("<fuzz>"), j->mode);
}

static const px_type *const allowed[] = {&px_type_SyntaxError, &px_type_MemoryError, &px_type_RecursionError, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_init(false);
    static const px_compile_mode modes[] = {PX_COMPILE_FILE, PX_COMPILE_SINGLE, PX_COMPILE_EVAL};
    /* The other modes share most of the front end: only for short inputs. */
    size_t nmodes = size <= 1024 ? 3 : 1;
    for (size_t m = 0; m < nmodes; m++) {
        job j = {data, size, modes[m]};
        fuzz_check(fuzz_guard(compile_one, &j), allowed, data, size);
    }
    return 0;
}
