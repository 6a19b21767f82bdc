/* VfsFat: a FAT12/FAT16 file system on any block device with
 * MicroPython's block protocol (readblocks/writeblocks/ioctl), written
 * from the FAT specification's on-disk facts (docs/vfs.md, "VfsFat").
 *
 * The parts: the disk (vfs_fat_disk.c: one sector cache, the boot sector,
 * the FAT, clusters, mkfs), directories and names (vfs_fat_dir.c: entries,
 * long file names, paths), the file object (vfs_fat_file.c) and the
 * VfsFat type with the VFS protocol (vfs_fat.c).
 *
 * Invariant: nothing read from the device is trusted. Every cluster
 * number, chain, size and name taken from the image is checked before it
 * is used, and a bad one is OSError(EIO), never a wild access or a loop. */
#ifndef PX_VFS_FAT_H
#define PX_VFS_FAT_H

#include <stdint.h>

#include "runtime.h"

/* errno values (Linux's, which MicroPython's errno module uses) */
enum {
    FAT_ENOENT = 2,
    FAT_EIO = 5,
    FAT_EBADF = 9,
    FAT_EEXIST = 17,
    FAT_EXDEV = 18,
    FAT_ENODEV = 19,
    FAT_ENOTDIR = 20,
    FAT_EISDIR = 21,
    FAT_EINVAL = 22,
    FAT_EFBIG = 27,
    FAT_ENOSPC = 28,
    FAT_EROFS = 30,
    FAT_ENAMETOOLONG = 36,
    FAT_ENOTEMPTY = 39,
};

#define FAT_NO_SECTOR 0xFFFFFFFFu
#define FAT_ENTRY_SIZE 32
/* attribute bits of a directory entry */
enum { FAT_ATTR_RO = 0x01, FAT_ATTR_VOLUME = 0x08, FAT_ATTR_DIR = 0x10, FAT_ATTR_ARCHIVE = 0x20, FAT_ATTR_LFN = 0x0F };

typedef struct {
    px_obj base;
    px_val bdev;
    uint8_t *cache;  /* GC leaf block of `ss` bytes: one sector (NULL with mem) */
    uint8_t *mem;    /* the device's own memory (a built-in memory device), or NULL */
    uint32_t mem_blocks;
    uint32_t cached; /* the sector in it, or FAT_NO_SECTOR */
    bool dirty;      /* cache differs from the device */
    bool mounted, readonly;
    bool ext;        /* the device takes only the extended interface (offset argument) */
    uint8_t bits;    /* 12 or 16 */
    uint8_t spc;     /* sectors per cluster */
    uint8_t nfats;
    uint16_t ss;     /* bytes per sector = the device's block size */
    uint32_t fat_start, fat_sectors;  /* the first FAT */
    uint32_t root_start, root_entries; /* the fixed root directory */
    uint32_t data_start;               /* sector of cluster 2 */
    uint32_t nclusters;                /* clusters 2 .. nclusters + 1 exist */
    uint32_t free_hint;                /* where the next search for a free cluster starts */
    px_val cwd;                        /* str: the current directory, "/" or "/a/b" */
} fat_fs;

extern const px_type px_type_vfs_fat, px_type_fat_textio, px_type_fat_fileio;

/* ---- the disk (vfs_fat_disk.c) */
/* OSError(err) naming the path of the operation under way (fat_op_path),
 * as the VFS protocol's methods set it. */
PX_NORETURN void fat_raise(int err);
void fat_op_path(px_val path);
/* The device's initialisation (ioctl 1), at mount. */
void fat_dev_init(px_val bdev);
/* The sector's bytes in the cache (read from the device unless `fresh`:
 * the caller overwrites all of it). Valid until the next cache call. */
uint8_t *fat_sector(fat_fs *fs, uint32_t sector, bool fresh);
void fat_mark_dirty(fat_fs *fs);
/* Write the cached sector back if changed (and its mirror in the other FATs). */
void fat_flush(fat_fs *fs);
/* fat_flush, then the device's sync (ioctl 3). */
void fat_sync(fat_fs *fs);
/* Set up the device's access: its block size, and its memory when it is
 * a built-in block device whose buffer is the disk (a board's RAM disk:
 * sectors are used in place, no cache), else a one-sector cache. */
void fat_attach(fat_fs *fs);
/* The device's block size and count (ioctl 5 and 4). */
uint32_t fat_dev_block_size(px_val bdev);
uint32_t fat_dev_block_count(px_val bdev);
/* Read the boot sector and set up the geometry; false if the device holds
 * no FAT12/16 file system this driver can use. */
bool fat_load(fat_fs *fs);
/* Make an empty FAT file system on the device. */
void fat_mkfs(px_val bdev);
/* FAT entry n (a next cluster, 0 free, >= fat_eoc end of chain). */
uint32_t fat_get(fat_fs *fs, uint32_t n);
void fat_set(fat_fs *fs, uint32_t n, uint32_t v);
uint32_t fat_eoc(const fat_fs *fs);
/* The cluster after c in its chain, or 0 at the end; EIO for a bad link. */
uint32_t fat_next(fat_fs *fs, uint32_t c);
bool fat_valid_cluster(const fat_fs *fs, uint32_t c);
/* A free cluster, zeroed if `zero`, linked after `prev` (0: none), marked
 * as the end of its chain; ENOSPC when the disk is full. */
uint32_t fat_alloc(fat_fs *fs, uint32_t prev, bool zero);
/* Free the chain from c on. */
void fat_free_chain(fat_fs *fs, uint32_t c);
uint32_t fat_count_free(fat_fs *fs);
static inline uint32_t fat_cluster_sector(const fat_fs *fs, uint32_t c) {
    return fs->data_start + (c - 2) * fs->spc;
}
static inline uint32_t fat_cluster_bytes(const fat_fs *fs) {
    return (uint32_t)fs->spc * fs->ss;
}
static inline uint16_t fat_rd16(const uint8_t *p) {
    return (uint16_t)(p[0] | p[1] << 8);
}
static inline uint32_t fat_rd32(const uint8_t *p) {
    return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline void fat_wr16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void fat_wr32(uint8_t *p, uint32_t v) {
    fat_wr16(p, v);
    fat_wr16(p + 2, v >> 16);
}

/* ---- directories (vfs_fat_dir.c). A directory is its first cluster, 0
 * for the fixed root. An entry is found by its index in the directory. */
typedef struct {
    uint8_t e[FAT_ENTRY_SIZE]; /* the short entry */
    uint32_t index;            /* its index */
    uint32_t first;            /* the index of its first long-name entry (== index without one) */
    char name[768];            /* its name as UTF-8 (the long name if it has a valid one) */
    size_t name_len;
} fat_item;

/* The entry at `index` of dir (a copy in out[32]); false past the end. */
bool fat_dir_read(fat_fs *fs, uint32_t dir, uint32_t index, uint8_t *out);
/* Overwrite the entry at index (which exists). */
void fat_dir_write(fat_fs *fs, uint32_t dir, uint32_t index, const uint8_t *e);
/* The next file or directory at or after *pos (volume labels and free
 * entries skipped; "." and ".." included); false at the end. */
bool fat_dir_next(fat_fs *fs, uint32_t dir, uint32_t *pos, fat_item *it);
/* The item named name[0..n) in dir (ASCII letters match either case). */
bool fat_dir_find(fat_fs *fs, uint32_t dir, const char *name, size_t n, fat_item *it);
/* Add an entry named name[0..n) with the attributes and first cluster:
 * its index. EEXIST is the caller's check; EINVAL, ENAMETOOLONG for a
 * name FAT cannot hold; ENOSPC when the directory cannot grow. */
uint32_t fat_dir_add(fat_fs *fs, uint32_t dir, const char *name, size_t n, uint8_t attr, uint32_t cluster,
                     uint32_t size);
/* Mark the item's entries (long name and short) free. */
void fat_dir_remove(fat_fs *fs, uint32_t dir, const fat_item *it);
/* True if the directory has nothing but "." and "..". */
bool fat_dir_empty(fat_fs *fs, uint32_t dir);
uint32_t fat_item_cluster(const fat_fs *fs, const uint8_t *e);
static inline bool fat_item_is_dir(const uint8_t *e) {
    return (e[11] & FAT_ATTR_DIR) != 0;
}
/* The FAT date and time stamp of "now" (the port's clock; 1980-01-01 00:00
 * when it has none). */
void fat_now(uint8_t *time2, uint8_t *date2);

/* ---- paths (vfs_fat_dir.c) */
typedef struct {
    uint32_t dir;       /* the directory holding the last component */
    const char *name;   /* the last component ("" for the root itself) */
    size_t name_len;
    bool found;         /* it exists: item is it */
    fat_item item;
    const char *full;   /* the absolute path with "." and ".." applied: "" (the root) or "/a/b" */
    size_t full_len;
} fat_path;
/* Resolve path (str, relative to the current directory) up to its last
 * component: ENOENT / ENOTDIR for a missing or non-directory parent. */
void fat_resolve(fat_fs *fs, px_val path, fat_path *p);

/* ---- files (vfs_fat_file.c) */
px_val fat_file_open(px_val fsobj, px_val path, px_val mode);
/* The whole contents of a FAT file object in a GC block, NUL-terminated
 * (import's reader); NULL if f is not one. */
char *fat_file_read_all(px_val f, size_t *len);

/* ---- the type (vfs_fat.c) */
fat_fs *fat_of(px_val self);
/* The file system object for a block device holding a FAT file system,
 * or PX_NULL (vfs.mount of a block device: px_vfs_port_detect). */
px_val px_vfs_fat_detect(px_val bdev);
/* fat_sync for a VfsFat object (os.sync), nothing for another object. */
void px_vfs_fat_sync(px_val fs);

#endif
