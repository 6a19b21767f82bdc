/* The memory this process may use: what a board or a container can give
 * before the kernel's OOM killer ends the process (which no MemoryError
 * handler survives). The heap cap is drawn from it so that a runaway
 * program meets MemoryError while the machine is still alive. */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "memlimit.h"

#define MIN_CAP ((uint64_t)8 << 20)
#define MAX_CAP ((uint64_t)2 << 30)

/* A number read from a one-line file; 0 if absent, unreadable or "max". */
static uint64_t read_number(const char *path) {
    FILE *f = fopen(path, "re");
    if (f == NULL) {
        return 0;
    }
    unsigned long long v = 0;
    if (fscanf(f, "%llu", &v) != 1) {
        v = 0;
    }
    fclose(f);
    return (uint64_t)v;
}

static void lower(uint64_t *limit, const char **what, uint64_t v, const char *name) {
    if (v != 0 && v < *limit) {
        *limit = v;
        *what = name;
    }
}

/* cgroup v2: the smallest memory.max from our group up to the root. */
static uint64_t cgroup2_limit(void) {
    FILE *f = fopen("/proc/self/cgroup", "re");
    if (f == NULL) {
        return 0;
    }
    char line[512], group[512] = "";
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "0::", 3) == 0) {
            snprintf(group, sizeof group, "%s", line + 3);
            group[strcspn(group, "\n")] = '\0';
        }
    }
    fclose(f);
    uint64_t best = 0;
    char path[600];
    for (;;) {
        snprintf(path, sizeof path, "/sys/fs/cgroup%s/memory.max", group);
        uint64_t v = read_number(path);
        if (v != 0 && (best == 0 || v < best)) {
            best = v;
        }
        char *slash = strrchr(group, '/');
        if (slash == NULL || group[0] == '\0') {
            break;
        }
        *slash = '\0';
    }
    return best;
}

uint64_t px_posix_memory_limit(const char **what) {
    uint64_t limit = UINT64_MAX;
    const char *name = "physical memory";
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    if (pages > 0 && size > 0) {
        limit = (uint64_t)pages * (uint64_t)size;
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
