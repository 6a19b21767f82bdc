/* libFuzzer target: generated valid programs (vm_gen.c) compiled and run
 * in the VM. Every program is valid Python, so a SyntaxError is a finding
 * (in the generator or the compiler); exceptions the program does not
 * catch itself are fine only if they are MemoryError/RecursionError.
 * Output is discarded here; tests/fuzz/vm_diff.py compares it with
 * CPython's for the programs of the corpus. */
#include <stdlib.h>

#include "fuzz.h"
#include "vm_gen.h"

typedef struct {
    const char *src;
    size_t len;
} job;

static void run_one(void *arg) {
    job *j = arg;
    px_code *code = px_compile(j->src, j->len, px_qstr_intern_cstr("<fuzz>"), PX_COMPILE_FILE);
    px_val m = px_module_new(px_qstr_intern_cstr("__fuzz__"));
    px_vm_run_module(code, px_module_globals(m));
}

static const px_type *const allowed[] = {&px_type_MemoryError, &px_type_RecursionError, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_init(false);
    size_t len;
    char *src = vm_gen_program(data, size, &len);
    job j = {src, len};
    px_val exc = fuzz_guard(run_one, &j);
    fuzz_check(exc, allowed, (const uint8_t *)src, len);
    free(src);
    return 0;
}
