/* Reading files through the VFS for the port's import hooks
 * (px_port_stat, px_port_read_file): whatever file system serves the
 * path, a Python class included. */
#ifndef PX_VFS_FILES_H
#define PX_VFS_FILES_H

#include "runtime.h"

/* What path (str or bytes) is: stat through its mount; PX_PATH_NONE for
 * an OSError (other exceptions propagate). */
px_path_kind px_vfs_file_kind(px_val path);
/* The whole file in a GC block, NUL-terminated; NULL with *err set to the
 * errno of an OSError (other exceptions propagate). */
char *px_vfs_read_file(px_val path, size_t *len, int *err);

#endif
