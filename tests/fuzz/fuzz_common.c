/* Set-up shared by the libFuzzer targets (see fuzz.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

typedef struct {
    const char *src;
    const char *name;
    px_val f;
} py_job;

static void py_define(void *arg) {
    py_job *j = arg;
    px_code *code = px_compile(j->src, strlen(j->src), px_qstr_intern_cstr("<fuzz checks>"), PX_COMPILE_FILE);
    px_val m = px_module_new(px_qstr_intern_cstr("__fuzz__"));
    px_vm_run_module(code, px_module_globals(m));
    j->f = px_map_get(px_module_globals(m), px_qstr(px_qstr_intern_cstr(j->name)));
}

/* The function `name` that `src` defines (run once as a module). */
static px_val py_function(const char *src, const char *name) {
    py_job j = {src, name, PX_NULL};
    px_val exc = fuzz_guard(py_define, &j);
    if (exc != PX_NULL || j.f == PX_NULL) {
        fprintf(stderr, "fuzz: the checks' source does not define %s\n", name);
        if (exc != PX_NULL) {
            px_exc_print(&px_out_stderr, exc);
        }
        abort();
    }
    return j.f;
}

typedef struct {
    px_val f;
    const uint8_t *data;
    size_t size;
} call_job;

static void py_call(void *arg) {
    call_job *j = arg;
    px_val b = px_bytes(j->data, j->size);
    px_call(j->f, 1, &b, PX_NULL);
}

int fuzz_py_target(const char *checks, const px_type *const *allowed, const uint8_t *data, size_t size) {
    static px_val check = PX_NULL; /* a root for the whole run */
    fuzz_init(false);
    if (check == PX_NULL) {
        px_gc_add_root(&check, sizeof check);
        check = py_function(checks, "check");
    }
    call_job j = {check, data, size};
    fuzz_check(fuzz_guard(py_call, &j), allowed, data, size);
    return 0;
}
