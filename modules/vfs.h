/* The virtual file system (VFS): file system objects mounted at points of
 * one tree, as MicroPython's vfs module describes. A file system object is
 * any object with the methods below (built-in ones such as the POSIX
 * port's VfsPosix, or a Python class); the VFS finds the mount that serves
 * a path and calls the method with the path inside that file system:
 *
 *   mount(readonly, mkfs)  umount()
 *   open(path, mode)       ilistdir(path) -> iterator of (name, type, inode[, size])
 *   mkdir(path)  rmdir(path)  remove(path)  rename(old, new)
 *   stat(path) -> 10-tuple  statvfs(path) -> 10-tuple
 *   chdir(path)  getcwd() -> its own current directory ("/" at its root)
 *
 * Absolute paths go to the mount with the longest matching mount point;
 * relative paths go to the mount holding the current directory, unchanged,
 * so each file system keeps its own current directory. When nothing is
 * mounted at "/", the root directory lists the mount points.
 *
 * This layer is portable (modules/); a port supplies the file system that
 * is mounted at "/" before the program mounts anything and, optionally,
 * the file systems it can find on a block device (px_vfs_port_*). The os
 * and vfs modules of a port list the functions declared here. See
 * docs/vfs.md. */
#ifndef PX_VFS_H
#define PX_VFS_H

#include "runtime.h"

/* The mount serving `path` (str or bytes, "" for the current directory):
 * its file system object, and in *sub the path inside it (of the same
 * type). Raises OSError(ENOENT) when nothing is mounted there. `path` has
 * been through px_vfs_path (a str or bytes without NUL). */
px_val px_vfs_lookup(px_val path, px_val *sub);

/* False while the mount table is as the port set it up (only the port's
 * root file system, holding the current directory), true once the program
 * has mounted, unmounted or changed directory into another mount: a port
 * whose import reads its own files directly then asks the VFS instead. */
bool px_vfs_remounted(void);

/* A path argument as the os functions take it: str, bytes, or an object
 * with __fspath__; TypeError or ValueError (embedded NUL) otherwise. */
px_val px_vfs_path(px_val path);

/* OSError(err) naming the path, as CPython words it:
 * "[Errno 2] No such file or directory: 'x'". path2 may be PX_NULL. */
PX_NORETURN void px_vfs_raise(int err, px_val path, px_val path2);

/* `v` names UTF-8 in any spelling CPython takes ("UTF8", "utf_8"): the
 * one encoding of text files on file systems other than the host's, so
 * open() there takes encoding= only so. */
bool px_vfs_utf8_name(px_val v);

/* Supplied by the port: the file system mounted at "/" before anything
 * else (the POSIX port: VfsPosix() on the host's file system), or PX_NULL. */
px_val px_vfs_port_root(void);
/* Supplied by the port: a file system object for the block device `bdev`,
 * recognised from its contents (FAT, littlefs on an MCU), or PX_NULL when
 * the port knows none (mount then raises OSError(ENODEV)). */
px_val px_vfs_port_detect(px_val bdev);

/* The portable functions of the vfs and os modules. */
extern const px_builtin px_vfs_mount_obj, px_vfs_umount_obj;
extern const px_builtin px_vfs_chdir_obj, px_vfs_getcwd_obj, px_vfs_ilistdir_obj, px_vfs_listdir_obj,
    px_vfs_mkdir_obj, px_vfs_remove_obj, px_vfs_rename_obj, px_vfs_rmdir_obj, px_vfs_stat_obj,
    px_vfs_statvfs_obj;

/* Type bits of ilistdir entries and stat's st_mode, as MicroPython's. */
#define PX_VFS_IFDIR 0x4000
#define PX_VFS_IFREG 0x8000

#endif
