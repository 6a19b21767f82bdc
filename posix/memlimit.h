/* How much memory this process may use, and the default heap cap drawn
 * from it (docs/reliability.md, "Heap cap"). */
#ifndef PX_POSIX_MEMLIMIT_H
#define PX_POSIX_MEMLIMIT_H

#include <stddef.h>
#include <stdint.h>

/* Physical memory, lowered by a cgroup memory limit (v2 memory.max on the
 * way up the hierarchy, or v1 memory.limit_in_bytes) and by the address
 * space and data limits (ulimit -v, -d). *what names the smallest. */
uint64_t px_posix_memory_limit(const char **what);

/* The default heap cap: a quarter of that limit, kept within [8 MiB,
 * 2 GiB] and never above half of the limit. */
size_t px_posix_default_heap_cap(void);

/* "1.5G", "256M", "800K": a size for messages. */
void px_posix_format_size(uint64_t n, char *buf, size_t len);

#endif
