/* VfsPosix: the host's file system as a VFS file system object (see
 * modules/vfs.h). VfsPosix() serves host paths as they are; VfsPosix(root)
 * serves the tree under root, "/" being root itself. */
#ifndef PX_VFS_POSIX_H
#define PX_VFS_POSIX_H

#include "runtime.h"

extern const px_type px_type_vfs_posix;

/* The host path (a NUL-terminated GC string) of `path` inside the file
 * system fs; OSError(EROFS) naming `shown` if `write` and fs is mounted
 * read-only. */
const char *px_vfs_posix_host_path(px_val fs, px_val path, bool write, px_val shown);

#endif
