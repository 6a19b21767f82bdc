/* The port under px-mpy-cross: a host program that only compiles. The
 * console is stdio, the heap grows in malloc'd regions, files are read
 * with stdio; there is no event loop, no interrupt and no clock worth
 * the name, since compiling needs none. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "runtime.h"

void px_port_stdout(const char *s, size_t n) {
    fwrite(s, 1, n, stdout);
}
void px_port_stdout_flush(void) {
    fflush(stdout);
}
void px_port_stdout_bytes(const char *s, size_t n) {
    fwrite(s, 1, n, stdout);
}
void px_port_stderr(const char *s, size_t n) {
    fwrite(s, 1, n, stderr);
}
int px_port_stdin_char(void) {
    return -1;
}
size_t px_port_stdin_pending(void) {
    return 0;
}

static uint64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}
uint64_t px_port_ticks_ms(void) {
    return now_us() / 1000;
}
uint64_t px_port_ticks_us(void) {
    return now_us();
}
int64_t px_port_time_ns(void) {
    return 0;
}
void px_port_sleep_us(uint64_t us) {
    (void)us;
}
int32_t px_port_tz_offset(int64_t utc, bool *dst) {
    *dst = false;
    return 0;
}

void *px_port_heap_region(size_t min, size_t *got) {
    size_t n = min < (4u << 20) ? (4u << 20) : (min + 15) & ~(size_t)15;
    /* zeroed (port.h), by calloc: fresh pages for a block this large,
     * not written here; never freed, so aligned up in place */
    uint8_t *p = calloc(1, n + 15);
    if (p == NULL) {
        return NULL;
    }
    *got = n;
    return (void *)(((uintptr_t)p + 15) & ~(uintptr_t)15);
}
size_t px_port_heap_default_cap(void) {
    return (size_t)1 << 30;
}

px_path_kind px_port_stat(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        return PX_PATH_NONE;
    }
    return S_ISDIR(st.st_mode) ? PX_PATH_DIR : PX_PATH_FILE;
}

char *px_port_read_file(const char *path, size_t *len, int *err) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        *err = errno;
        return NULL;
    }
    px_strbuf b;
    px_strbuf_init(&b, 4096);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        px_strbuf_add(&b, chunk, n);
    }
    int failed = ferror(f) ? errno : 0;
    fclose(f);
    if (failed) {
        *err = failed;
        return NULL;
    }
    px_strbuf_add_char(&b, '\0');
    *len = b.len - 1;
    return b.data;
}
const char *px_port_strerror(int err) {
    return strerror(err);
}
px_val px_port_open(size_t argc, const px_val *argv, px_val kwnames) {
    px_raise_os_error(EPERM, "px-mpy-cross compiles only: no open()");
}

void px_port_irq_lock(void) {
}
void px_port_irq_unlock(void) {
}
void px_port_set_interrupt_char(int c) {
    (void)c;
}
void px_port_poll(void) {
}
uint64_t px_port_random_seed(void) {
    return 1;
}

void px_port_fatal(const char *msg) {
    fprintf(stderr, "px-mpy-cross: fatal: %s\n", msg);
    abort();
}
void px_port_exit(int status) {
    exit(status);
}
