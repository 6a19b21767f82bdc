/* vfs.VfsFat (vfs_fat.h): a FAT file system object with the VFS protocol
 * (docs/vfs.md): VfsFat(block_dev), VfsFat.mkfs(block_dev), mount,
 * umount, open, ilistdir, mkdir, rmdir, remove, rename, stat, statvfs,
 * chdir and getcwd. Paths are str inside the file system ("/" its root);
 * bytes paths are taken as UTF-8 and list bytes names. */
#include <string.h>

#include "vfs.h"
#include "vfs_fat.h"

fat_fs *fat_of(px_val self) {
    return px_as_ptr(px_native(self, &px_type_vfs_fat));
}

static fat_fs *fs_new(px_val bdev) {
    fat_fs *fs = px_gc_alloc(sizeof *fs, 0);
    fs->base.type = &px_type_vfs_fat;
    fs->bdev = bdev;
    fs->cached = FAT_NO_SECTOR;
    fs->cwd = px_str("/", 1);
    return fs;
}

/* Read the geometry if not done yet: ENODEV if there is no FAT12/16 file
 * system on the device. */
static void load(fat_fs *fs) {
    if (fs->mounted) {
        return;
    }
    fat_attach(fs);
    if (!fat_load(fs)) {
        fs->cached = FAT_NO_SECTOR;
        px_raise_os_error(FAT_ENODEV, "no FAT12 or FAT16 file system on the block device");
    }
    fs->mounted = true;
}

/* The file system of self, ready, with `path` (str or bytes) as the
 * operation's path, in *path as a str. */
static fat_fs *begin(px_val self, px_val *path) {
    fat_fs *fs = fat_of(self);
    if (path != NULL) {
        *path = px_vfs_path(*path);
        fat_op_path(*path);
        if (px_is_bytes(*path)) {
            size_t n;
            const char *s = (const char *)px_bytes_data(*path, &n);
            if (!px_utf8_valid(s, n)) {
                fat_raise(FAT_EINVAL); /* FAT names are Unicode */
            }
            *path = px_str(s, n);
        }
    }
    load(fs);
    return fs;
}

static void check_writable(fat_fs *fs) {
    if (fs->readonly) {
        fat_raise(FAT_EROFS);
    }
}

px_val px_vfs_fat_detect(px_val bdev) {
    if (px_getattr_opt(bdev, PX_Q(readblocks)) == PX_NULL || px_getattr_opt(bdev, PX_Q(ioctl)) == PX_NULL) {
        return PX_NULL; /* not a block device: no file system found on it */
    }
    fat_fs *fs = fs_new(bdev);
    fat_attach(fs);
    if (!fat_load(fs)) {
        return PX_NULL;
    }
    fs->mounted = true;
    return px_from_ptr(fs);
}

void px_vfs_fat_sync(px_val v) {
    if (px_native(v, &px_type_vfs_fat) != PX_NULL && fat_of(v)->mounted) {
        fat_sync(fat_of(v));
    }
}

/* ---- construction, mkfs, mount */

static px_val vf_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    (void)type;
    static const px_argspec spec[] = {{PX_Q(block_dev), PX_ARG_REQUIRED, PX_NULL}};
    px_val bdev;
    px_parse_args(PX_Q(VfsFat), argc, argv, kwnames, 1, spec, &bdev);
    return px_from_ptr(fs_new(bdev));
}

static px_val vf_mkfs(px_val bdev) {
    fat_mkfs(bdev);
    return PX_NONE;
}

static px_val vf_mount(px_val self, px_val readonly, px_val mkfs) {
    fat_fs *fs = fat_of(self);
    fat_op_path(PX_NULL);
    if (px_truthy(mkfs)) {
        fat_mkfs(fs->bdev);
        fs->mounted = false;
    }
    fat_dev_init(fs->bdev);
    fs->mounted = false; /* read the boot sector afresh */
    load(fs);
    fs->readonly = px_truthy(readonly);
    fs->cwd = px_str("/", 1);
    return PX_NONE;
}

static px_val vf_umount(px_val self) {
    fat_fs *fs = fat_of(self);
    fat_op_path(PX_NULL);
    if (fs->mounted) {
        fat_sync(fs);
        fs->mounted = false;
    }
    return PX_NONE;
}

/* ---- the protocol */

static px_val vf_open(px_val self, px_val path, px_val mode) {
    begin(self, &path);
    return fat_file_open(self, path, mode);
}

/* The directory a resolved path names (its first cluster, 0 the root). */
static uint32_t dir_of(fat_fs *fs, const fat_path *p) {
    if (p->name_len == 0) {
        return 0;
    }
    if (!p->found) {
        fat_raise(FAT_ENOENT);
    }
    if (!fat_item_is_dir(p->item.e)) {
        fat_raise(FAT_ENOTDIR);
    }
    uint32_t c = fat_item_cluster(fs, p->item.e);
    if (!fat_valid_cluster(fs, c)) {
        fat_raise(FAT_EIO);
    }
    return c;
}

typedef struct {
    px_obj base;
    px_val fsobj;
    uint32_t dir, pos;
    bool bytes;
} dir_iter;

extern const px_type px_type_vfs_fat_ilistdir;

static px_val vf_ilistdir(px_val self, px_val path) {
    bool bytes = px_is_bytes(path);
    fat_fs *fs = begin(self, &path);
    fat_path p;
    fat_resolve(fs, path, &p);
    dir_iter *it = px_gc_alloc(sizeof *it, 0);
    it->base.type = &px_type_vfs_fat_ilistdir;
    it->fsobj = self;
    it->dir = dir_of(fs, &p);
    it->bytes = bytes;
    return px_from_ptr(it);
}

/* (name, type, inode, size): 0x4000 directory or 0x8000 file, inode 0 */
static px_val dir_next(px_val self) {
    dir_iter *it = px_as_ptr(self);
    fat_fs *fs = fat_of(it->fsobj);
    fat_item item;
    while (it->pos != FAT_NO_SECTOR && fs->mounted) {
        fat_op_path(PX_NULL);
        if (!fat_dir_next(fs, it->dir, &it->pos, &item)) {
            break;
        }
        if (item.e[0] == '.' && (item.e[1] == ' ' || (item.e[1] == '.' && item.e[2] == ' '))) {
            continue;
        }
        bool dir = fat_item_is_dir(item.e);
        px_val t[4] = {
            it->bytes ? px_bytes(item.name, item.name_len) : px_str(item.name, item.name_len),
            px_small(dir ? PX_VFS_IFDIR : PX_VFS_IFREG),
            px_small(0),
            px_int_from_u64(dir ? 0 : fat_rd32(item.e + 28)),
        };
        return px_tuple_new(4, t);
    }
    it->pos = FAT_NO_SECTOR;
    return PX_NULL;
}

static px_val dir_iter_self(px_val self) {
    return self;
}

const px_type px_type_vfs_fat_ilistdir = {
    .base = {&px_type_type},
    .name = PX_Q(ilistdir),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = dir_iter_self,
    .next = dir_next,
};

/* A new directory's first cluster, with its "." and ".." entries. */
static uint32_t new_dir_cluster(fat_fs *fs, uint32_t parent) {
    uint32_t c = fat_alloc(fs, 0, true);
    uint8_t e[FAT_ENTRY_SIZE];
    for (int k = 0; k < 2; k++) {
        memset(e, 0, sizeof e);
        memset(e, ' ', 11);
        e[0] = '.';
        if (k == 1) {
            e[1] = '.';
        }
        e[11] = FAT_ATTR_DIR;
        fat_now(e + 22, e + 24);
        memcpy(e + 14, e + 22, 4);
        uint32_t to = k == 0 ? c : parent;
        fat_wr16(e + 26, to);
        fat_wr16(e + 20, to >> 16);
        fat_dir_write(fs, c, (uint32_t)k, e);
    }
    return c;
}

static px_val vf_mkdir(px_val self, px_val path) {
    fat_fs *fs = begin(self, &path);
    check_writable(fs);
    fat_path p;
    fat_resolve(fs, path, &p);
    if (p.name_len == 0 || p.found) {
        fat_raise(FAT_EEXIST);
    }
    uint32_t c = new_dir_cluster(fs, p.dir);
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        fat_dir_add(fs, p.dir, p.name, p.name_len, FAT_ATTR_DIR, c, 0);
        px_try_pop(&j);
    } else {
        fat_free_chain(fs, c); /* no room for its entry: give the cluster back */
        fat_flush(fs);
        px_raise(j.exc);
    }
    fat_flush(fs);
    return PX_NONE;
}

/* The existing item a path names (not the root: EPERM there). */
static void existing(fat_fs *fs, px_val path, fat_path *p) {
    fat_resolve(fs, path, p);
    if (p->name_len == 0) {
        fat_raise(1); /* EPERM: the root itself */
    }
    if (!p->found) {
        fat_raise(FAT_ENOENT);
    }
}

static px_val vf_rmdir(px_val self, px_val path) {
    fat_fs *fs = begin(self, &path);
    check_writable(fs);
    fat_path p;
    existing(fs, path, &p);
    uint32_t c = dir_of(fs, &p);
    if (!fat_dir_empty(fs, c)) {
        fat_raise(FAT_ENOTEMPTY);
    }
    fat_dir_remove(fs, p.dir, &p.item);
    fat_free_chain(fs, c);
    fat_flush(fs);
    return PX_NONE;
}

static px_val vf_remove(px_val self, px_val path) {
    fat_fs *fs = begin(self, &path);
    check_writable(fs);
    fat_path p;
    existing(fs, path, &p);
    if (fat_item_is_dir(p.item.e)) {
        fat_raise(FAT_EISDIR);
    }
    fat_dir_remove(fs, p.dir, &p.item);
    uint32_t c = fat_item_cluster(fs, p.item.e);
    if (fat_valid_cluster(fs, c)) {
        fat_free_chain(fs, c);
    }
    fat_flush(fs);
    return PX_NONE;
}

static px_val vf_rename(px_val self, px_val old, px_val new_) {
    fat_fs *fs = begin(self, &old);
    new_ = px_vfs_path(new_);
    if (px_is_bytes(new_)) {
        size_t n;
        const char *s = (const char *)px_bytes_data(new_, &n);
        if (!px_utf8_valid(s, n)) {
            fat_op_path(new_);
            fat_raise(FAT_EINVAL); /* FAT names are Unicode */
        }
        new_ = px_str(s, n);
    }
    check_writable(fs);
    fat_path a, b;
    existing(fs, old, &a);
    fat_op_path(new_);
    fat_resolve(fs, new_, &b);
    fat_op_path(old);
    bool is_dir = fat_item_is_dir(a.item.e);
    if (b.name_len == 0) {
        fat_raise(FAT_EEXIST);
    }
    if (is_dir && b.full_len > a.full_len && memcmp(b.full, a.full, a.full_len) == 0 && b.full[a.full_len] == '/') {
        fat_raise(FAT_EINVAL); /* a directory into itself */
    }
    bool same = b.found && b.dir == a.dir && b.item.index == a.item.index;
    if (b.found && !same) {
        if (is_dir || fat_item_is_dir(b.item.e)) {
            fat_raise(FAT_EEXIST);
        }
        /* a file over a file replaces it, as os.rename does on POSIX */
        fat_dir_remove(fs, b.dir, &b.item);
        uint32_t c = fat_item_cluster(fs, b.item.e);
        if (fat_valid_cluster(fs, c)) {
            fat_free_chain(fs, c);
        }
    }
    uint32_t cluster = fat_item_cluster(fs, a.item.e);
    if (same) {
        fat_dir_remove(fs, a.dir, &a.item); /* a new spelling of the same name: its slots are free again */
    }
    uint32_t at = fat_dir_add(fs, b.dir, b.name, b.name_len, a.item.e[11], cluster, fat_rd32(a.item.e + 28));
    uint8_t e[FAT_ENTRY_SIZE];
    fat_dir_read(fs, b.dir, at, e);
    memcpy(e + 13, a.item.e + 13, 7); /* keep the creation time and access date */
    memcpy(e + 22, a.item.e + 22, 4); /* and the modification time */
    fat_dir_write(fs, b.dir, at, e);
    if (!same) {
        fat_dir_remove(fs, a.dir, &a.item);
    }
    if (is_dir && b.dir != a.dir && fat_valid_cluster(fs, cluster)) {
        uint8_t dots[FAT_ENTRY_SIZE];
        if (fat_dir_read(fs, cluster, 1, dots) && dots[0] == '.' && dots[1] == '.') {
            fat_wr16(dots + 26, b.dir); /* ".." now names the new parent */
            fat_wr16(dots + 20, b.dir >> 16);
            fat_dir_write(fs, cluster, 1, dots);
        }
    }
    fat_flush(fs);
    return PX_NONE;
}

/* Seconds since 1970 of a FAT date and time (0 for no date). */
static int64_t fat_epoch(uint32_t date, uint32_t time) {
    if (date == 0) {
        return 0;
    }
    int64_t y = 1980 + (date >> 9), m = (date >> 5) & 15, d = date & 31;
    m = m < 1 ? 1 : m > 12 ? 12 : m;
    /* the day count of a civil date (days since 1970-01-01), by 400-year eras */
    y -= m <= 2;
    int64_t era = y / 400, yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    return days * 86400 + (time >> 11) * 3600 + ((time >> 5) & 63) * 60 + (time & 31) * 2;
}

/* (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime,
 * st_mtime, st_ctime) */
static px_val vf_stat(px_val self, px_val path) {
    fat_fs *fs = begin(self, &path);
    fat_path p;
    fat_resolve(fs, path, &p);
    px_val t[10];
    for (int i = 0; i < 10; i++) {
        t[i] = px_small(0);
    }
    if (p.name_len == 0) {
        t[0] = px_small(PX_VFS_IFDIR);
        return px_tuple_new(10, t);
    }
    if (!p.found) {
        fat_raise(FAT_ENOENT);
    }
    bool dir = fat_item_is_dir(p.item.e);
    t[0] = px_small(dir ? PX_VFS_IFDIR : PX_VFS_IFREG);
    t[6] = px_int_from_u64(dir ? 0 : fat_rd32(p.item.e + 28));
    t[7] = t[8] = t[9] = px_int_from_i64(fat_epoch(fat_rd16(p.item.e + 24), fat_rd16(p.item.e + 22)));
    return px_tuple_new(10, t);
}

/* (f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree,
 * f_favail, f_flag, f_namemax): in clusters; f_flag 1 (ST_RDONLY) when
 * mounted read-only */
static px_val vf_statvfs(px_val self, px_val path) {
    fat_fs *fs = begin(self, &path);
    uint32_t cb = fat_cluster_bytes(fs), free = fat_count_free(fs);
    px_val t[10] = {
        px_int_from_u64(cb), px_int_from_u64(cb), px_int_from_u64(fs->nclusters), px_int_from_u64(free),
        px_int_from_u64(free), px_small(0), px_small(0), px_small(0), px_small(fs->readonly ? 1 : 0),
        px_small(255),
    };
    return px_tuple_new(10, t);
}

static px_val vf_chdir(px_val self, px_val path) {
    fat_fs *fs = begin(self, &path);
    fat_path p;
    fat_resolve(fs, path, &p);
    dir_of(fs, &p);
    fs->cwd = p.full_len == 0 ? px_str("/", 1) : px_str(p.full, p.full_len);
    return PX_NONE;
}

static px_val vf_getcwd(px_val self) {
    return fat_of(self)->cwd;
}

static void vf_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    (void)self;
    px_write_cstr(out, "<VfsFat>");
}

static PX_METH1(vf_mkfs_fn, NULL, mkfs, vf_mkfs);
static PX_STATICMETHOD(vf_mkfs_obj, &vf_mkfs_fn);
static PX_METH3(vf_mount_obj, &px_type_vfs_fat, mount, vf_mount);
static PX_METH1(vf_umount_obj, &px_type_vfs_fat, umount, vf_umount);
static PX_METH3(vf_open_obj, &px_type_vfs_fat, open, vf_open);
static PX_METH2(vf_ilistdir_obj, &px_type_vfs_fat, ilistdir, vf_ilistdir);
static PX_METH2(vf_mkdir_obj, &px_type_vfs_fat, mkdir, vf_mkdir);
static PX_METH2(vf_rmdir_obj, &px_type_vfs_fat, rmdir, vf_rmdir);
static PX_METH2(vf_remove_obj, &px_type_vfs_fat, remove, vf_remove);
static PX_METH3(vf_rename_obj, &px_type_vfs_fat, rename, vf_rename);
static PX_METH2(vf_stat_obj, &px_type_vfs_fat, stat, vf_stat);
static PX_METH2(vf_statvfs_obj, &px_type_vfs_fat, statvfs, vf_statvfs);
static PX_METH2(vf_chdir_obj, &px_type_vfs_fat, chdir, vf_chdir);
static PX_METH1(vf_getcwd_obj, &px_type_vfs_fat, getcwd, vf_getcwd);

/* Sorted by name bytes. */
static const px_map_entry vf_table[] = {
    PX_ENTRY_OBJ(chdir, &vf_chdir_obj),     PX_ENTRY_OBJ(getcwd, &vf_getcwd_obj), PX_ENTRY_OBJ(ilistdir, &vf_ilistdir_obj),
    PX_ENTRY_OBJ(mkdir, &vf_mkdir_obj),     PX_ENTRY_OBJ(mkfs, &vf_mkfs_obj),     PX_ENTRY_OBJ(mount, &vf_mount_obj),
    PX_ENTRY_OBJ(open, &vf_open_obj),       PX_ENTRY_OBJ(remove, &vf_remove_obj), PX_ENTRY_OBJ(rename, &vf_rename_obj),
    PX_ENTRY_OBJ(rmdir, &vf_rmdir_obj),     PX_ENTRY_OBJ(stat, &vf_stat_obj),     PX_ENTRY_OBJ(statvfs, &vf_statvfs_obj),
    PX_ENTRY_OBJ(umount, &vf_umount_obj),
};
static PX_CONST_MAP(vf_dict, vf_table);

const px_type px_type_vfs_fat = {
    .base = {&px_type_type},
    .name = PX_Q(VfsFat),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &vf_dict,
    .make = vf_make,
    .print = vf_print,
};
