/* The memory this process may use: what a board or a container can give
 * before the kernel's OOM killer ends the process (which no MemoryError
 * handler survives). The heap cap is drawn from it so that a runaway
 * program meets MemoryError while the machine is still alive. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "memlimit.h"

#define MIN_CAP ((uint64_t)8 << 20)
#define MAX_CAP ((uint64_t)2 << 30)

/* Up to cap - 1 bytes of a small file, NUL-terminated; 0 if unreadable.
 * Plain read(2), not stdio: start-up reads these files, and stdio's
 * fopen/fscanf/fgets would page in C library code that nothing else at
 * start-up touches (docs/performance.md, "Footprint"). */
static size_t read_small(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    size_t n = 0;
    while (n + 1 < cap) {
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r <= 0) {
            break;
        }
        n += (size_t)r;
    }
    close(fd);
    buf[n] = '\0';
    return n;
}

/* A number read from a one-line file; 0 if absent, unreadable or "max". */
static uint64_t read_number(const char *path) {
    char buf[32];
    read_small(path, buf, sizeof buf);
    uint64_t v = 0;
    for (const char *p = buf; *p >= '0' && *p <= '9'; p++) {
        if (v > (UINT64_MAX - 9) / 10) {
            return UINT64_MAX; /* more than any memory: no limit */
        }
        v = v * 10 + (uint64_t)(*p - '0');
    }
    return v;
}

static void lower(uint64_t *limit, const char **what, uint64_t v, const char *name) {
    if (v != 0 && v < *limit) {
        *limit = v;
        *what = name;
    }
}

/* cgroup v2: the smallest memory.max from our group up to the root. */
static uint64_t cgroup2_limit(void) {
    char text[1024];
    read_small("/proc/self/cgroup", text, sizeof text);
    /* the v2 line, "0::/path" (v1 lines name their controllers) */
    const char *line = strncmp(text, "0::", 3) == 0 ? text : strstr(text, "\n0::");
    if (line == NULL) {
        return 0;
    }
    line += line[0] == '\n' ? 4 : 3;
    static const char root[] = "/sys/fs/cgroup", leaf[] = "/memory.max";
    char path[sizeof root - 1 + 512 + sizeof leaf];
    size_t glen = strcspn(line, "\n");
    if (glen > 512) {
        return 0; /* a group deeper than any real one: no limit from it */
    }
    memcpy(path, root, sizeof root - 1);
    memcpy(path + sizeof root - 1, line, glen);
    size_t end = sizeof root - 1 + glen; /* the group's directory ends here */
    uint64_t best = 0;
    for (;;) {
        memcpy(path + end, leaf, sizeof leaf);
        uint64_t v = read_number(path);
        if (v != 0 && (best == 0 || v < best)) {
            best = v;
        }
        /* up one level, down to the root itself */
        if (end == sizeof root - 1) {
            break;
        }
        while (end > sizeof root - 1 && path[end - 1] != '/') {
            end--;
        }
        if (end > sizeof root - 1) {
            end--; /* the slash itself */
        }
    }
    return best;
}

uint64_t px_posix_memory_limit(const char **what) {
    uint64_t limit = UINT64_MAX;
    const char *name = "physical memory";
    struct sysinfo si; /* (what sysconf(_SC_PHYS_PAGES) asks, without sysconf's code) */
    if (sysinfo(&si) == 0 && si.totalram > 0) {
        limit = (uint64_t)si.totalram * (si.mem_unit > 0 ? si.mem_unit : 1);
    }
    lower(&limit, &name, cgroup2_limit(), "cgroup memory limit");
    lower(&limit, &name, read_number("/sys/fs/cgroup/memory/memory.limit_in_bytes"), "cgroup memory limit");
    struct rlimit rl;
    if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        lower(&limit, &name, (uint64_t)rl.rlim_cur, "ulimit -v");
    }
    if (getrlimit(RLIMIT_DATA, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        lower(&limit, &name, (uint64_t)rl.rlim_cur, "ulimit -d");
    }
    if (what != NULL) {
        *what = name;
    }
    return limit;
}

size_t px_posix_default_heap_cap(void) {
    uint64_t limit = px_posix_memory_limit(NULL);
    uint64_t cap = limit / 4;
    if (cap < MIN_CAP) {
        cap = MIN_CAP;
    }
    if (cap > MAX_CAP) {
        cap = MAX_CAP;
    }
    if (cap > limit / 2) {
        cap = limit / 2;
    }
    if (cap > SIZE_MAX / 2) {
        cap = SIZE_MAX / 2;
    }
    return (size_t)cap;
}

void px_posix_format_size(uint64_t n, char *buf, size_t len) {
    static const char units[] = "KMGT";
    if (n < 1024) {
        snprintf(buf, len, "%llu", (unsigned long long)n);
        return;
    }
    double v = (double)n;
    int u = -1;
    while (v >= 1024 && u < 3) {
        v /= 1024;
        u++;
    }
    if (v == (double)(uint64_t)v) {
        snprintf(buf, len, "%.0f%c", v, units[u]);
    } else {
        snprintf(buf, len, "%.1f%c", v, units[u]);
    }
}
