/* A port with no operating system, as a microcontroller has: the heap is
 * one static region, the console a memory buffer, no files, a fake clock.
 * It shows that the core (libpxcore) links and runs with nothing from
 * modules/, posix/ or linux-hal/ and an empty module table; see
 * test_core_alone.c. Only the C library is used. */
#include <stdlib.h>
#include <string.h>

#include "port_bare.h"
#include "runtime.h"

char bare_out[4096];
size_t bare_out_len;

static void out(const char *s, size_t n) {
    size_t room = sizeof bare_out - 1 - bare_out_len;
    n = n < room ? n : room;
    memcpy(bare_out + bare_out_len, s, n);
    bare_out_len += n;
    bare_out[bare_out_len] = '\0';
}

void px_port_stdout(const char *s, size_t n) {
    out(s, n);
}
void px_port_stdout_flush(void) {
}
void px_port_stdout_bytes(const char *s, size_t n) {
    out(s, n);
}
void px_port_stderr(const char *s, size_t n) {
    out(s, n);
}
int px_port_stdin_char(void) {
    return -1;
}
size_t px_port_stdin_pending(void) {
    return 0;
}

static uint64_t clock_us;
uint64_t px_port_ticks_ms(void) {
    return clock_us / 1000;
}
uint64_t px_port_ticks_us(void) {
    return clock_us;
}
int64_t px_port_time_ns(void) {
    return 0;
}
void px_port_sleep_us(uint64_t us) {
    clock_us += us;
}
int32_t px_port_tz_offset(int64_t utc, bool *dst) {
    *dst = false;
    return 0;
}

/* One fixed region, handed out once, as on an MCU. */
static _Alignas(16) unsigned char heap[BARE_HEAP_SIZE];
static bool heap_given;
void *px_port_heap_region(size_t min, size_t *got) {
    if (heap_given || min > sizeof heap) {
        return NULL;
    }
    heap_given = true;
    memset(heap, 0, sizeof heap); /* handed out again after a reset: zero, as port.h says */
    *got = sizeof heap;
    return heap;
}
void bare_heap_reset(void) {
    heap_given = false;
}
size_t px_port_heap_default_cap(void) {
    return sizeof heap;
}

px_path_kind px_port_stat(const char *path) {
    return PX_PATH_NONE;
}
char *px_port_read_file(const char *path, size_t *len, int *err) {
    *err = 2; /* ENOENT */
    return NULL;
}
const char *px_port_strerror(int err) {
    return err == 2 ? "No such file or directory" : "Error";
}
px_val px_port_open(size_t argc, const px_val *argv, px_val kwnames) {
    px_raise_os_error(2, "this port has no files");
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
    return 12345;
}

void px_port_fatal(const char *msg) {
    out(msg, strlen(msg));
    abort();
}
void px_port_exit(int status) {
    exit(status);
}
