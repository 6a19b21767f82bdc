/* Files on a board without a file system (yet: docs/mcu.md): no path
 * names a file, so import finds only built-in and frozen modules and
 * open() raises FileNotFoundError naming the path. */
#include <errno.h>
#include <string.h>

#include "runtime.h"

px_path_kind px_port_stat(const char *path) {
    (void)path;
    return PX_PATH_NONE;
}

char *px_port_read_file(const char *path, size_t *len, int *err) {
    (void)path;
    (void)len;
    *err = ENOENT;
    return NULL;
}

const char *px_port_strerror(int err) {
    return strerror(err);
}

px_val px_port_open(size_t argc, const px_val *argv, px_val kwnames) {
    (void)kwnames;
    if (argc == 0) {
        px_raise_type_error("open() missing required argument 'file' (pos 1)");
    }
    px_val path = argv[0];
    if (px_is_str(path)) {
        size_t n;
        const char *s = px_str_data(path, &n);
        px_raise_os_error(ENOENT, "'%.*s'", (int)n, s);
    }
    px_raise_os_error(ENOENT, "this board has no file system");
}
