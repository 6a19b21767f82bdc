/* The port interface (src/port.h) for Linux and other POSIX systems. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "runtime.h"
#include "posix.h"
#include "events.h"
#include "services.h"
#include "memlimit.h"
#include "thread.h"
#include "sys.h"
#include "vfs.h"
#include "vfs_files.h"
#include "vfs_posix.h"

/* ---- time */

static uint64_t mono_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t px_port_ticks_ms(void) {
    return mono_ns() / 1000000u;
}

uint64_t px_port_ticks_us(void) {
    return mono_ns() / 1000u;
}

int64_t px_port_time_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The C library's zone: TZ if set (a zoneinfo name or a POSIX rule),
 * else /etc/localtime. tzset() re-reads TZ each time (cheap when it has
 * not changed), so os.putenv('TZ', ...) takes effect at the next call. */
int32_t px_port_tz_offset(int64_t utc, bool *dst) {
    /* a time_t of 32 bits (some 32-bit systems) keeps the zone of its edge */
    time_t t = (time_t)utc;
    if ((int64_t)t != utc) {
        t = utc < 0 ? (time_t)INT32_MIN : (time_t)INT32_MAX;
    }
    struct tm tm;
    tzset();
    if (localtime_r(&t, &tm) == NULL) {
        *dst = false;
        return 0;
    }
    *dst = tm.tm_isdst > 0;
    return (int32_t)tm.tm_gmtoff;
}

/* Sleep in the event wait: sources' callbacks run meanwhile, and the sleep
 * ends when the time is up or the scheduler has work (px_st.pending: a
 * signal, or a callback that queued Python code). */
void px_port_sleep_us(uint64_t us) {
    uint64_t end = us < UINT64_MAX / 4000u ? mono_ns() + us * 1000u : UINT64_MAX; /* huge: forever */
    for (;;) {
        if (px_st.pending) {
            return;
        }
        uint64_t now = mono_ns();
        if (now >= end) {
            return;
        }
        uint64_t left = (end - now + 999u) / 1000u; /* round up: never return early */
        if (px_events_wait_us((int64_t)left, NULL, 0) < 0) {
            /* cannot happen without extra fds; do not spin if it does */
            struct timespec ts = {0, 1000000};
            nanosleep(&ts, NULL);
        }
    }
}

/* ---- heap */

void *px_port_heap_region(size_t min, size_t *got) {
    long pg = sysconf(_SC_PAGESIZE);
    size_t page = pg > 0 ? (size_t)pg : 4096;
    size_t n = (min + page - 1) / page * page;
    /* NORESERVE: pages cost nothing until touched, so a big chunk is cheap. */
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        return NULL;
    }
    *got = n;
    return p;
}

/* The default heap cap: a fraction of the memory this process may use
 * (memlimit.c). -X heapsize overrides it. */
size_t px_port_heap_default_cap(void) {
    return px_posix_default_heap_cap();
}

/* ---- files */

/* The path as the VFS takes it when another file system than the host's
 * serves it (the program mounted a VfsFat or a Python file system and
 * imports from there), else PX_NULL: the host's file, read directly. */
static px_val vfs_path(const char *path) {
    if (!px_vfs_remounted()) {
        return PX_NULL;
    }
    size_t n = strlen(path);
    px_val p = px_utf8_valid(path, n) ? px_str(path, n) : px_bytes(path, n), sub;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_val fs = px_vfs_lookup(p, &sub);
        px_try_pop(&j);
        return px_is_type(fs, &px_type_vfs_posix) ? PX_NULL : p;
    }
    return PX_NULL; /* nothing mounted there: the host's answer (none) */
}

px_path_kind px_port_stat(const char *path) {
    px_val vp = vfs_path(path);
    if (vp != PX_NULL) {
        return px_vfs_file_kind(vp);
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        return PX_PATH_NONE;
    }
    if (S_ISDIR(st.st_mode)) {
        return PX_PATH_DIR;
    }
    return PX_PATH_FILE;
}

char *px_port_read_file(const char *path, size_t *len, int *err) {
    px_val vp = vfs_path(path);
    if (vp != PX_NULL) {
        return px_vfs_read_file(vp, len, err);
    }
    int fd;
    do {
        fd = open(path, O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        *err = errno;
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = errno;
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        *err = EISDIR;
        return NULL;
    }
    /* st_size may be 0 or wrong (pipes, /proc): read until EOF, growing. */
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096, n = 0;
    char *buf = px_gc_try_alloc(cap + 1, PX_GC_LEAF);
    if (buf == NULL) {
        close(fd);
        *err = ENOMEM;
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            char *nb = px_gc_try_alloc(cap * 2 + 1, PX_GC_LEAF);
            if (nb == NULL) {
                close(fd);
                *err = ENOMEM;
                return NULL;
            }
            memcpy(nb, buf, n);
            px_gc_free(buf);
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            *err = errno;
            close(fd);
            return NULL;
        }
        if (r == 0) {
            break;
        }
        n += (size_t)r;
    }
    close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
}

const char *px_port_strerror(int err) {
    return strerror(err);
}

/* ---- the scheduler: signals (signals.c) and event sources */

void px_port_poll(void) {
    px_st.pending = 0;
    if (px_thread_is_main()) {
        px_posix_signals_poll(); /* signals are the main thread's */
    } else if (px_posix_signals_caught()) {
        px_st.pending = 1; /* still to do: the main thread gets the interpreter */
        px_thread_handover();
    }
    px_events_poll();
    px_service_poll();
    px_thread_poll();
}

uint64_t px_port_random_seed(void) {
    uint64_t seed = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t r = read(fd, &seed, sizeof seed);
        close(fd);
        if (r == (ssize_t)sizeof seed) {
            return seed;
        }
    }
    return mono_ns() ^ ((uint64_t)getpid() << 32);
}

void px_port_fatal(const char *msg) {
    px_port_stdout_flush();
    px_port_stderr("FATAL: ", 7);
    px_port_stderr(msg, strlen(msg));
    px_port_stderr("\n", 1);
    abort();
}

void px_port_exit(int status) {
    px_port_stdout_flush();
    exit(status);
}

/* The REPL banner's first line, as sys and `micropython --version` have it. */
const char *px_port_banner(void) {
    px_strbuf b;
    px_strbuf_init(&b, 128);
    px_out out = px_strbuf_out(&b);
    px_sys_print_banner(&out);
    px_strbuf_add_char(&b, '\0');
    return b.data;
}
