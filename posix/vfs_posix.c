/* VfsPosix (vfs_posix.h): the VFS file system object of the host's files.
 * Mounted at "/" when the program starts (px_vfs_port_root), so os and
 * open() reach host paths unchanged; more can be mounted with a root, and
 * read-only. Errors are OSError(errno, message, path) with the path as
 * this file system was given it (for the one at "/", the program's). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "vfs_posix.h"
#include "file.h"
#include "vfs.h"
#include "vfs_fat.h"

typedef struct {
    px_obj base;
    px_val root_arg; /* as given, or None */
    char *root;      /* "" or the root with a trailing '/' */
    size_t root_len;
    bool readonly;
} vfs_posix;

static vfs_posix *as_vfs(px_val v) {
    return px_as_ptr(px_native(v, &px_type_vfs_posix));
}

static vfs_posix *vfs_new(px_val root) {
    vfs_posix *v = px_gc_alloc(sizeof *v, 0);
    v->base.type = &px_type_vfs_posix;
    v->root_arg = root;
    v->root = "";
    if (root != PX_NONE) {
        root = px_vfs_path(root);
        size_t n;
        const char *s = px_is_str(root) ? px_str_data(root, &n) : (const char *)px_bytes_data(root, &n);
        if (n > 0) {
            v->root = px_gc_alloc(n + 2, PX_GC_LEAF);
            memcpy(v->root, s, n);
            if (s[n - 1] != '/') {
                v->root[n++] = '/';
            }
            v->root[n] = '\0';
            v->root_len = n;
        }
    }
    return v;
}

px_val px_vfs_port_root(void) {
    return px_from_ptr(vfs_new(PX_NONE));
}

px_val px_vfs_port_detect(px_val bdev) {
    return px_vfs_fat_detect(bdev); /* FAT on a block device (a Python class) */
}

const char *px_vfs_posix_host_path(px_val fs, px_val path, bool write, px_val shown) {
    vfs_posix *v = as_vfs(fs);
    if (write && v->readonly) {
        px_vfs_raise(EROFS, shown, PX_NULL);
    }
    size_t n;
    const char *s = px_is_str(path) ? px_str_data(path, &n) : (const char *)px_bytes_data(path, &n);
    bool rooted = v->root_len > 0 && n > 0 && s[0] == '/';
    if (rooted) {
        s++;
        n--;
    }
    size_t pre = rooted ? v->root_len : 0;
    char *c = px_gc_alloc(pre + n + 1, PX_GC_LEAF);
    memcpy(c, v->root, pre);
    memcpy(c + pre, s, n);
    c[pre + n] = '\0';
    return c;
}

/* The host path of a path argument (checked as the os functions check). */
static const char *host(px_val self, px_val *path, bool write) {
    *path = px_vfs_path(*path);
    return px_vfs_posix_host_path(self, *path, write, *path);
}

/* ---- the file system protocol */

static px_val vp_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(root), 0, PX_NONE}};
    px_val root;
    px_parse_args(PX_Q(VfsPosix), argc, argv, kwnames, 1, spec, &root);
    vfs_posix *v = vfs_new(root);
    if (v->root_len > 0) {
        struct stat st;
        if (stat(v->root, &st) != 0) {
            px_vfs_raise(errno, root, PX_NULL);
        }
        if (!S_ISDIR(st.st_mode)) {
            px_vfs_raise(ENOTDIR, root, PX_NULL);
        }
    }
    return px_from_ptr(v);
}

static px_val vp_mount(px_val self, px_val readonly, px_val mkfs) {
    if (px_truthy(mkfs)) {
        px_raise_os_error(EPERM, "VfsPosix cannot make a file system");
    }
    as_vfs(self)->readonly = px_truthy(readonly);
    return PX_NONE;
}

static px_val vp_umount(px_val self) {
    return PX_NONE;
}

static px_val vp_open(px_val self, px_val path, px_val mode) {
    size_t n;
    const char *m = px_is_str(mode) ? px_str_data(mode, &n) : "";
    return px_file_open_host(host(self, &path, strpbrk(m, "wax+") != NULL), path, mode);
}

static px_val vp_mkdir(px_val self, px_val path) {
    const char *h = host(self, &path, true);
    if (mkdir(h, 0777) != 0) {
        px_vfs_raise(errno, path, PX_NULL);
    }
    return PX_NONE;
}

static px_val vp_rmdir(px_val self, px_val path) {
    const char *h = host(self, &path, true);
    if (rmdir(h) != 0) {
        px_vfs_raise(errno, path, PX_NULL);
    }
    return PX_NONE;
}

static px_val vp_remove(px_val self, px_val path) {
    const char *h = host(self, &path, true);
    if (unlink(h) != 0) {
        px_vfs_raise(errno, path, PX_NULL);
    }
    return PX_NONE;
}

static px_val vp_rename(px_val self, px_val old, px_val new_) {
    const char *a = host(self, &old, true);
    const char *b = host(self, &new_, true);
    if (rename(a, b) != 0) {
        px_vfs_raise(errno, old, new_);
    }
    return PX_NONE;
}

/* (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime,
 * st_mtime, st_ctime): MicroPython's tuple, whole seconds. */
static px_val vp_stat(px_val self, px_val path) {
    const char *h = host(self, &path, false);
    struct stat st;
    if (stat(h, &st) != 0) {
        px_vfs_raise(errno, path, PX_NULL);
    }
    px_val t[10] = {
        px_int_from_u64(st.st_mode),           px_int_from_u64(st.st_ino),
        px_int_from_u64(st.st_dev),            px_int_from_u64(st.st_nlink),
        px_int_from_u64(st.st_uid),            px_int_from_u64(st.st_gid),
        px_int_from_i64((int64_t)st.st_size),  px_int_from_i64((int64_t)st.st_atime),
        px_int_from_i64((int64_t)st.st_mtime), px_int_from_i64((int64_t)st.st_ctime),
    };
    return px_tuple_new(10, t);
}

/* (f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree,
 * f_favail, f_flag, f_namemax) */
static px_val vp_statvfs(px_val self, px_val path) {
    const char *h = host(self, &path, false);
    struct statvfs sv;
    if (statvfs(h, &sv) != 0) {
        px_vfs_raise(errno, path, PX_NULL);
    }
    px_val t[10] = {
        px_int_from_u64(sv.f_bsize), px_int_from_u64(sv.f_frsize), px_int_from_u64(sv.f_blocks),
        px_int_from_u64(sv.f_bfree), px_int_from_u64(sv.f_bavail), px_int_from_u64(sv.f_files),
        px_int_from_u64(sv.f_ffree), px_int_from_u64(sv.f_favail), px_int_from_u64(sv.f_flag),
        px_int_from_u64(sv.f_namemax),
    };
    return px_tuple_new(10, t);
}

static px_val vp_chdir(px_val self, px_val path) {
    const char *h = host(self, &path, false);
    if (chdir(h) != 0) {
        px_vfs_raise(errno, path, PX_NULL);
    }
    return PX_NONE;
}

/* The host's current directory, as a path inside this file system. */
static px_val vp_getcwd(px_val self) {
    vfs_posix *v = as_vfs(self);
    size_t cap = PATH_MAX;
    char *buf = px_gc_alloc(cap, PX_GC_LEAF);
    while (getcwd(buf, cap) == NULL) {
        if (errno != ERANGE) {
            px_raise_os_error(errno, "getcwd");
        }
        cap *= 2;
        buf = px_gc_alloc(cap, PX_GC_LEAF);
    }
    size_t n = strlen(buf);
    const char *s = buf;
    size_t rl = v->root_len > 0 ? v->root_len - 1 : 0; /* the root without its '/' */
    if (rl > 0 && n >= rl && memcmp(buf, v->root, rl) == 0 && (n == rl || buf[rl] == '/')) {
        s = n == rl ? "/" : buf + rl;
        n = n == rl ? 1 : n - rl;
    }
    return px_utf8_valid(s, n) ? px_str(s, n) : px_bytes(s, n);
}

/* ---- ilistdir: an iterator over (name, type, inode) */

typedef struct {
    px_obj base;
    DIR *dir; /* NULL once exhausted */
    bool bytes;
} dir_iter;

extern const px_type px_type_vfs_posix_ilistdir;

static px_val vp_ilistdir(px_val self, px_val path) {
    const char *h = host(self, &path, false);
    if (h[0] == 0) {
        h = "."; /* os.ilistdir() with no argument: the current directory */
    }
    DIR *d = opendir(h);
    if (d == NULL) {
        px_vfs_raise(errno, path, PX_NULL);
    }
    dir_iter *it = px_gc_alloc(sizeof *it, PX_GC_FINALIZE);
    it->base.type = &px_type_vfs_posix_ilistdir;
    it->dir = d;
    it->bytes = px_is_bytes(path);
    return px_from_ptr(it);
}

/* The entry's own file type (a symbolic link is one, not its target), as
 * stat's S_IFMT bits: 0x4000 directory, 0x8000 regular file, ... */
static unsigned entry_type(DIR *d, const struct dirent *e) {
    switch (e->d_type) {
    case DT_DIR:
        return S_IFDIR;
    case DT_REG:
        return S_IFREG;
    case DT_LNK:
        return S_IFLNK;
    case DT_FIFO:
        return S_IFIFO;
    case DT_CHR:
        return S_IFCHR;
    case DT_BLK:
        return S_IFBLK;
    case DT_SOCK:
        return S_IFSOCK;
    default: {
        struct stat st; /* the file system does not say: ask */
        return fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? (unsigned)(st.st_mode & S_IFMT) : 0;
    }
    }
}

static px_val dir_next(px_val self) {
    dir_iter *it = px_as_ptr(self);
    while (it->dir != NULL) {
        errno = 0;
        struct dirent *e = readdir(it->dir);
        if (e == NULL) {
            int err = errno;
            closedir(it->dir);
            it->dir = NULL;
            if (err != 0) {
                px_raise_os_error(err, "reading a directory");
            }
            break;
        }
        const char *name = e->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) {
            continue;
        }
        size_t n = strlen(name);
        px_val t[3] = {
            it->bytes || !px_utf8_valid(name, n) ? px_bytes(name, n) : px_str(name, n),
            px_small((px_int)entry_type(it->dir, e)),
            px_int_from_u64(e->d_ino),
        };
        return px_tuple_new(3, t);
    }
    return PX_NULL;
}

static px_val dir_iter_self(px_val self) {
    return self;
}

static void dir_finalize(px_obj *self) {
    dir_iter *it = (dir_iter *)self;
    if (it->dir != NULL) {
        closedir(it->dir);
        it->dir = NULL;
    }
}

const px_type px_type_vfs_posix_ilistdir = {
    .base = {&px_type_type},
    .name = PX_Q(ilistdir),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = dir_iter_self,
    .next = dir_next,
    .finalize = dir_finalize,
};

/* ---- the type */

static void vp_print(px_out *out, px_val self, px_print_kind kind) {
    vfs_posix *v = px_as_ptr(self);
    if (v->root_arg == PX_NONE) {
        px_write_cstr(out, "VfsPosix()");
        return;
    }
    px_write_cstr(out, "VfsPosix(");
    px_print(out, v->root_arg, PX_PRINT_REPR);
    px_write_cstr(out, ")");
}

static PX_METH3(vp_mount_obj, &px_type_vfs_posix, mount, vp_mount);
static PX_METH1(vp_umount_obj, &px_type_vfs_posix, umount, vp_umount);
static PX_METH3(vp_open_obj, &px_type_vfs_posix, open, vp_open);
static PX_METH2(vp_ilistdir_obj, &px_type_vfs_posix, ilistdir, vp_ilistdir);
static PX_METH2(vp_mkdir_obj, &px_type_vfs_posix, mkdir, vp_mkdir);
static PX_METH2(vp_rmdir_obj, &px_type_vfs_posix, rmdir, vp_rmdir);
static PX_METH2(vp_remove_obj, &px_type_vfs_posix, remove, vp_remove);
static PX_METH3(vp_rename_obj, &px_type_vfs_posix, rename, vp_rename);
static PX_METH2(vp_stat_obj, &px_type_vfs_posix, stat, vp_stat);
static PX_METH2(vp_statvfs_obj, &px_type_vfs_posix, statvfs, vp_statvfs);
static PX_METH2(vp_chdir_obj, &px_type_vfs_posix, chdir, vp_chdir);
static PX_METH1(vp_getcwd_obj, &px_type_vfs_posix, getcwd, vp_getcwd);

/* Sorted by name bytes. */
static const px_map_entry vp_table[] = {
    PX_ENTRY_OBJ(chdir, &vp_chdir_obj),   PX_ENTRY_OBJ(getcwd, &vp_getcwd_obj), PX_ENTRY_OBJ(ilistdir, &vp_ilistdir_obj),
    PX_ENTRY_OBJ(mkdir, &vp_mkdir_obj),   PX_ENTRY_OBJ(mount, &vp_mount_obj),   PX_ENTRY_OBJ(open, &vp_open_obj),
    PX_ENTRY_OBJ(remove, &vp_remove_obj), PX_ENTRY_OBJ(rename, &vp_rename_obj), PX_ENTRY_OBJ(rmdir, &vp_rmdir_obj),
    PX_ENTRY_OBJ(stat, &vp_stat_obj),     PX_ENTRY_OBJ(statvfs, &vp_statvfs_obj), PX_ENTRY_OBJ(umount, &vp_umount_obj),
};
static PX_CONST_MAP(vp_dict, vp_table);

const px_type px_type_vfs_posix = {
    .base = {&px_type_type},
    .name = PX_Q(VfsPosix),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &vp_dict,
    .make = vp_make,
    .print = vp_print,
};
