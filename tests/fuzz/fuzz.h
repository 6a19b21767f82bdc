/* Shared set-up of the libFuzzer targets (tests/fuzz/fuzz_*.c): one
 * interpreter for the whole run, each input run under a handler, and the
 * rule that decides whether an exception is a finding. See
 * docs/reliability.md for how they are built and run. */
#ifndef PX_FUZZ_H
#define PX_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "runtime.h"

/* Start the interpreter on the first call (heap cap, C stack bounds from
 * the caller's frame, standard output to /dev/null unless keep_stdout). */
void fuzz_init(bool keep_stdout);

/* Run fn(arg) under a handler: the exception it raised, or PX_NULL. */
px_val fuzz_guard(void (*fn)(void *), void *arg);

/* An exception a well-formed run may end with is fine; any other type is
 * a bug: print it with its traceback and abort(), so libFuzzer saves the
 * input. `allowed` ends with NULL. */
void fuzz_check(px_val exc, const px_type *const *allowed, const uint8_t *data, size_t size);

/* A target whose checks are the Python function check(data) defined by
 * `checks` (compiled at the first input): runs it on each input and
 * judges the outcome as fuzz_check does. One such target per program. */
int fuzz_py_target(const char *checks, const px_type *const *allowed, const uint8_t *data, size_t size);

#endif
