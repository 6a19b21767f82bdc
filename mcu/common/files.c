/* Files on a board: import, running boot.py/main.py and open() go through
 * the VFS (modules/vfs.c) to whatever is mounted, the board's own FAT file
 * system at "/" (main.c) or any file system the program mounts, a Python
 * class included (mpremote's `mount`). */
#include <errno.h>
#include <string.h>

#include "runtime.h"
#include "vfs.h"
#include "vfs_fat.h"
#include "vfs_files.h"

px_path_kind px_port_stat(const char *path) {
    return px_vfs_file_kind(px_str_cstr(path));
}

char *px_port_read_file(const char *path, size_t *len, int *err) {
    return px_vfs_read_file(px_str_cstr(path), len, err);
}

const char *px_port_strerror(int err) {
    return strerror(err);
}

/* open(file, mode='r', ...): the mounted file system's open(path, mode);
 * the other arguments of CPython's open() belong to host files. */
px_val px_port_open(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(file), PX_ARG_REQUIRED, PX_NONE},   {PX_Q(mode), 0, PX_NULL},    {PX_Q(buffering), 0, PX_SMALL_CONST(-1)},
        {PX_Q(encoding), 0, PX_NONE},             {PX_Q(errors), 0, PX_NONE},  {PX_Q(newline), 0, PX_NONE},
        {PX_Q(closefd), 0, PX_TRUE},              {PX_Q(opener), 0, PX_NONE},
    };
    px_val a[8];
    px_parse_args(PX_Q(open), argc, argv, kwnames, 8, spec, a);
    for (int i = 2; i < 8; i++) {
        if (a[i] != spec[i].def && !(i == 3 && px_vfs_utf8_name(a[i]))) {
            px_raise_value_error("open() on this board takes only a path, a mode and encoding='utf-8'");
        }
    }
    px_val args[2];
    px_val fs = px_vfs_lookup(px_vfs_path(a[0]), &args[0]);
    args[1] = a[1] == PX_NULL ? px_str("r", 1) : a[1];
    return px_call_method(fs, PX_Q(open), 2, args);
}

/* ---- the VFS's port hooks (vfs.h) */

/* Nothing at "/" before start-up mounts the board's own file system. */
px_val px_vfs_port_root(void) {
    return PX_NULL;
}

/* vfs.mount of a block device: FAT is the file system boards know. */
px_val px_vfs_port_detect(px_val bdev) {
    return px_vfs_fat_detect(bdev);
}
