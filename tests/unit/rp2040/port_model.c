/* The port for the machine module's unit test: the Pico's own time
 * (mcu/rp2040/port_time.c, on the register model's clock) and event
 * collection (rp_machine_poll); console output to a buffer, one fixed
 * heap, no files. */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "port_model.h"
#include "rp_machine.h"
#include "runtime.h"

char model_out[8192];
size_t model_out_len;

static void out(const char *s, size_t n) {
    size_t room = sizeof model_out - 1 - model_out_len;
    n = n < room ? n : room;
    memcpy(model_out + model_out_len, s, n);
    model_out_len += n;
    model_out[model_out_len] = '\0';
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

static _Alignas(16) unsigned char heap[MODEL_HEAP_SIZE];
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
size_t px_port_heap_default_cap(void) {
    return sizeof heap;
}
void model_heap_reset(void) {
    heap_given = false;
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
    px_st.pending = 0; /* what is still to do sets it again */
    rp_machine_poll();
}
uint64_t px_port_random_seed(void) {
    return 1;
}
void px_port_fatal(const char *msg) {
    out(msg, strlen(msg));
    abort();
}
void px_port_exit(int status) {
    exit(status);
}

/* machine.reset() (board.h): not something a unit test survives. */
void rp_board_reset(void) {
    abort();
}
