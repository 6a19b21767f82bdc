/* A generator of valid, deterministic, terminating Python programs from
 * arbitrary bytes (each byte picks a production; when the bytes run out
 * the simplest choice is taken). Used by the fuzz_vm target and by
 * fuzz_vm_gen, which prints the program so tests/fuzz/vm_diff.py can
 * compare our output with CPython's. */
#ifndef PX_FUZZ_VM_GEN_H
#define PX_FUZZ_VM_GEN_H

#include <stddef.h>
#include <stdint.h>

/* The program for `data` as a malloc'd NUL-terminated string. */
char *vm_gen_program(const uint8_t *data, size_t size, size_t *len);

#endif
