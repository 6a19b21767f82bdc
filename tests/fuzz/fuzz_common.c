/* Set-up shared by the libFuzzer targets (see fuzz.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"

/* Heap cap for the whole run: big enough for any input up to -max_len,
 * small enough that a runaway allocation is a MemoryError, not an OOM. */
#define FUZZ_HEAP ((size_t)256 << 20)
/* The C stack the recursion guard allows (libFuzzer runs on the main
 * thread: 8 MiB by default, and ASan frames are large). */
#define FUZZ_STACK ((size_t)4 << 20)

static bool started;

void fuzz_init(bool keep_stdout) {
    if (started) {
        return;
    }
    started = true;
    /* The frames above this one (libFuzzer's loop) stay for the whole run;
     * a little margin above ours is still inside them. */
    char *top = (char *)__builtin_frame_address(0) + 4096;
    px_init(FUZZ_HEAP, top);
    px_set_c_stack(top, FUZZ_STACK);
    if (!keep_stdout) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            close(fd);
        }
    }
}

px_val fuzz_guard(void (*fn)(void *), void *arg) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        fn(arg);
        px_try_pop(&j);
        return PX_NULL;
    }
    return j.exc;
}

void fuzz_check(px_val exc, const px_type *const *allowed, const uint8_t *data, size_t size) {
    if (exc == PX_NULL) {
        return;
    }
    for (size_t i = 0; allowed[i] != NULL; i++) {
        if (px_isinstance(exc, allowed[i])) {
            return;
        }
    }
    fprintf(stderr, "\n==== unexpected exception for a %zu-byte input:\n", size);
    px_exc_print(&px_out_stderr, exc);
    fwrite(data, 1, size < 400 ? size : 400, stderr);
    fprintf(stderr, "\n====\n");
    abort();
}
