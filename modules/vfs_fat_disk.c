/* VfsFat's disk (vfs_fat.h): the block device through MicroPython's block
 * protocol, the one-sector cache every access goes through, the boot
 * sector's geometry, the FAT itself, and making a new file system.
 *
 * One sector of cache per file system keeps the RAM cost at a sector
 * (the board's heap is 64 KiB); a changed sector is written back when
 * another is needed, and at the end of every operation (fat_flush), so
 * the device is up to date whenever control returns to the program. */
#include <string.h>

#include "vfs.h"
#include "vfs_fat.h"

enum { IOCTL_INIT = 1, IOCTL_SYNC = 3, IOCTL_BLOCK_COUNT = 4, IOCTL_BLOCK_SIZE = 5, IOCTL_ERASE = 6 };

/* the path the current operation is about (a GC root: the last one
 * stays reachable until the next operation sets its own) */
static px_val op_path = PX_NULL;
static bool op_path_rooted;

void fat_op_path(px_val path) {
    if (!op_path_rooted) {
        op_path_rooted = true;
        px_gc_add_root(&op_path, sizeof op_path);
    }
    op_path = path;
}

PX_NORETURN void fat_raise(int err) {
    px_vfs_raise(err, op_path, PX_NULL);
}

/* A value the device returned from readblocks/writeblocks/ioctl: None or
 * 0 is success, another int an error (OSError(EIO)). */
static void check_status(px_val r) {
    if (r != PX_NONE && px_cont_is_index(r) && px_index(r) != 0) {
        fat_raise(FAT_EIO);
    }
}

static px_val dev_ioctl(px_val bdev, int op, uint32_t arg) {
    px_val args[2] = {px_small(op), px_int_from_u64(arg)};
    return px_call_method(bdev, PX_Q(ioctl), 2, args);
}

/* readblocks/writeblocks(sector, buf) with the simple interface; a device
 * that refuses two arguments (TypeError) is asked with the extended
 * interface from then on: offset 0, and an erase (ioctl 6) before each
 * write, as that interface leaves erasing to the caller. */
static void dev_io(fat_fs *fs, bool write, uint32_t sector, uint8_t *data) {
    px_qid name = write ? PX_Q(writeblocks) : PX_Q(readblocks);
    px_val args[3] = {px_int_from_u64(sector), px_bytearray_at(data, fs->ss), px_small(0)};
    if (!fs->ext) {
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            px_val r = px_call_method(fs->bdev, name, 2, args);
            px_try_pop(&j);
            check_status(r);
            return;
        }
        if (!px_isinstance(j.exc, &px_type_TypeError)) {
            px_raise(j.exc);
        }
        fs->ext = true;
    }
    if (write) {
        check_status(dev_ioctl(fs->bdev, IOCTL_ERASE, sector));
    }
    check_status(px_call_method(fs->bdev, name, 3, args));
}

uint32_t fat_dev_block_size(px_val bdev) {
    px_val r = dev_ioctl(bdev, IOCTL_BLOCK_SIZE, 0);
    if (r == PX_NONE) {
        return 512;
    }
    px_int n = px_index(r);
    if (n != 512 && n != 1024 && n != 2048 && n != 4096) {
        px_raise_os_error(FAT_EINVAL, "FAT needs a block size of 512, 1024, 2048 or 4096 bytes, not %ld", (long)n);
    }
    return (uint32_t)n;
}

uint32_t fat_dev_block_count(px_val bdev) {
    px_val r = dev_ioctl(bdev, IOCTL_BLOCK_COUNT, 0);
    if (r == PX_NONE) {
        px_raise_os_error(FAT_EINVAL, "the block device does not say its size (ioctl 4)");
    }
    px_int n = px_index(r);
    if (n < 0 || (uint64_t)n > 0xFFFFFFFFu) {
        px_raise_os_error(FAT_EINVAL, "ioctl 4 gave %ld blocks", (long)n);
    }
    return (uint32_t)n;
}

/* ---- the sector cache */

void fat_attach(fat_fs *fs) {
    fs->ss = (uint16_t)fat_dev_block_size(fs->bdev);
    fs->cached = FAT_NO_SECTOR;
    fs->dirty = false;
    fs->mem = NULL;
    const px_type *t = px_type_of(fs->bdev);
    px_buffer b;
    if (!(t->flags & PX_TF_HEAPTYPE) && t->buffer != NULL && t->buffer(fs->bdev, &b, PX_BUF_WRITE) &&
        px_getattr_opt(fs->bdev, PX_Q(readblocks)) != PX_NULL) {
        uint32_t n = fat_dev_block_count(fs->bdev);
        if (b.len >= (uint64_t)n * fs->ss) {
            fs->mem = b.data;
            fs->mem_blocks = n;
            fs->cache = NULL;
            return;
        }
    }
    fs->cache = px_gc_alloc(fs->ss, PX_GC_LEAF);
}

void fat_flush(fat_fs *fs) {
    if (!fs->dirty) {
        return;
    }
    fs->dirty = false; /* (a failing device must not be asked again and again) */
    uint32_t s = fs->cached;
    uint8_t *data = fs->mem != NULL ? fs->mem + (size_t)s * fs->ss : fs->cache;
    if (fs->mem == NULL) {
        dev_io(fs, true, s, data);
    }
    if (s >= fs->fat_start && s < fs->fat_start + fs->fat_sectors) {
        for (uint32_t k = 1; k < fs->nfats; k++) { /* the copies of the FAT */
            if (fs->mem != NULL) {
                memcpy(fs->mem + (size_t)(s + k * fs->fat_sectors) * fs->ss, data, fs->ss);
            } else {
                dev_io(fs, true, s + k * fs->fat_sectors, data);
            }
        }
    }
}

void fat_sync(fat_fs *fs) {
    fat_flush(fs);
    check_status(dev_ioctl(fs->bdev, IOCTL_SYNC, 0));
}

uint8_t *fat_sector(fat_fs *fs, uint32_t sector, bool fresh) {
    if (fs->mem != NULL) { /* in place: the cache only remembers which sector changed */
        if (sector >= fs->mem_blocks) {
            fat_raise(FAT_EIO);
        }
        if (fs->cached != sector) {
            fat_flush(fs);
            fs->cached = sector;
        }
        return fs->mem + (size_t)sector * fs->ss;
    }
    if (fs->cached == sector) {
        return fs->cache;
    }
    fat_flush(fs);
    fs->cached = FAT_NO_SECTOR; /* until it has been read */
    if (!fresh) {
        dev_io(fs, false, sector, fs->cache);
    }
    fs->cached = sector;
    return fs->cache;
}

void fat_mark_dirty(fat_fs *fs) {
    if (fs->readonly) {
        fat_raise(FAT_EROFS);
    }
    fs->dirty = true;
}

/* ---- the boot sector (BIOS parameter block) */

enum {
    BPB_BYTES_PER_SEC = 11,
    BPB_SEC_PER_CLUS = 13,
    BPB_RSVD_SECS = 14,
    BPB_NUM_FATS = 16,
    BPB_ROOT_ENTS = 17,
    BPB_TOT_SEC16 = 19,
    BPB_MEDIA = 21,
    BPB_FAT_SZ16 = 22,
    BPB_SEC_PER_TRK = 24,
    BPB_NUM_HEADS = 26,
    BPB_TOT_SEC32 = 32,
    BS_DRV_NUM = 36,
    BS_BOOT_SIG = 38,
    BS_VOL_ID = 39,
    BS_VOL_LAB = 43,
    BS_FIL_SYS_TYPE = 54,
};

/* FAT12 below this many clusters, FAT16 below the second (the
 * specification's rule: the count alone decides the type) */
#define FAT12_MAX_CLUSTERS 4084u
#define FAT16_MAX_CLUSTERS 65524u

bool fat_load(fat_fs *fs) {
    uint32_t dev_blocks = fat_dev_block_count(fs->bdev);
    if (dev_blocks == 0) {
        return false;
    }
    const uint8_t *b = fat_sector(fs, 0, false);
    uint32_t ss = fat_rd16(b + BPB_BYTES_PER_SEC), spc = b[BPB_SEC_PER_CLUS];
    uint32_t rsvd = fat_rd16(b + BPB_RSVD_SECS), nfats = b[BPB_NUM_FATS];
    uint32_t root_ents = fat_rd16(b + BPB_ROOT_ENTS), fatsz = fat_rd16(b + BPB_FAT_SZ16);
    uint32_t total = fat_rd16(b + BPB_TOT_SEC16);
    if (total == 0) {
        total = fat_rd32(b + BPB_TOT_SEC32);
    }
    if (b[510] != 0x55 || b[511] != 0xAA || ss != fs->ss || spc == 0 || (spc & (spc - 1)) != 0 || rsvd == 0 ||
        nfats == 0 || nfats > 4 || root_ents == 0 || fatsz == 0 || total > dev_blocks) {
        return false; /* not FAT12/16 (FAT32 has no fixed root), or not FAT at all */
    }
    uint32_t root_secs = (root_ents * FAT_ENTRY_SIZE + ss - 1) / ss;
    uint64_t data = (uint64_t)rsvd + (uint64_t)nfats * fatsz + root_secs;
    if (data >= total) {
        return false;
    }
    uint32_t nclus = (uint32_t)((total - data) / spc);
    if (nclus == 0 || nclus > FAT16_MAX_CLUSTERS) {
        return false;
    }
    fs->bits = nclus <= FAT12_MAX_CLUSTERS ? 12 : 16;
    if ((uint64_t)fatsz * ss * 8 / fs->bits < (uint64_t)nclus + 2) {
        return false; /* the FAT cannot describe every cluster */
    }
    fs->spc = (uint8_t)spc;
    fs->nfats = (uint8_t)nfats;
    fs->fat_start = rsvd;
    fs->fat_sectors = fatsz;
    fs->root_start = rsvd + nfats * fatsz;
    fs->root_entries = root_secs * ss / FAT_ENTRY_SIZE;
    fs->data_start = (uint32_t)data;
    fs->nclusters = nclus;
    fs->free_hint = 2;
    return true;
}

/* ---- the FAT */

uint32_t fat_eoc(const fat_fs *fs) {
    return fs->bits == 12 ? 0xFF8 : 0xFFF8;
}

bool fat_valid_cluster(const fat_fs *fs, uint32_t c) {
    return c >= 2 && c < fs->nclusters + 2;
}

uint32_t fat_get(fat_fs *fs, uint32_t n) {
    if (fs->bits == 16) {
        uint32_t off = n * 2;
        return fat_rd16(fat_sector(fs, fs->fat_start + off / fs->ss, false) + off % fs->ss);
    }
    uint32_t off = n + n / 2, sec = fs->fat_start + off / fs->ss, i = off % fs->ss;
    const uint8_t *p = fat_sector(fs, sec, false);
    uint32_t v = p[i];
    v |= (uint32_t)(i + 1 < fs->ss ? p[i + 1] : fat_sector(fs, sec + 1, false)[0]) << 8;
    return n & 1 ? v >> 4 : v & 0xFFF;
}

static void put_byte(fat_fs *fs, uint32_t off, uint8_t v, uint8_t keep) {
    uint8_t *p = fat_sector(fs, fs->fat_start + off / fs->ss, false) + off % fs->ss;
    *p = (uint8_t)((*p & keep) | (v & ~keep));
    fat_mark_dirty(fs);
}

void fat_set(fat_fs *fs, uint32_t n, uint32_t v) {
    if (fs->bits == 16) {
        put_byte(fs, n * 2, (uint8_t)v, 0);
        put_byte(fs, n * 2 + 1, (uint8_t)(v >> 8), 0);
    } else if (n & 1) { /* the high nibble of one byte, then a whole byte */
        put_byte(fs, n + n / 2, (uint8_t)(v << 4), 0x0F);
        put_byte(fs, n + n / 2 + 1, (uint8_t)(v >> 4), 0);
    } else {
        put_byte(fs, n + n / 2, (uint8_t)v, 0);
        put_byte(fs, n + n / 2 + 1, (uint8_t)(v >> 8), 0xF0);
    }
}

uint32_t fat_next(fat_fs *fs, uint32_t c) {
    uint32_t v = fat_get(fs, c);
    if (v >= fat_eoc(fs)) {
        return 0;
    }
    if (!fat_valid_cluster(fs, v)) {
        fat_raise(FAT_EIO); /* free, bad or out of range in the middle of a chain */
    }
    return v;
}

uint32_t fat_alloc(fat_fs *fs, uint32_t prev, bool zero) {
    if (fs->readonly) {
        fat_raise(FAT_EROFS);
    }
    uint32_t n = fs->nclusters, c = fs->free_hint;
    for (uint32_t k = 0; k < n; k++, c++) {
        if (!fat_valid_cluster(fs, c)) {
            c = 2;
        }
        if (fat_get(fs, c) == 0) {
            fat_set(fs, c, fs->bits == 12 ? 0xFFF : 0xFFFF);
            if (prev != 0) {
                fat_set(fs, prev, c);
            }
            fs->free_hint = c + 1;
            if (zero) {
                for (uint32_t s = 0; s < fs->spc; s++) {
                    memset(fat_sector(fs, fat_cluster_sector(fs, c) + s, true), 0, fs->ss);
                    fat_mark_dirty(fs);
                }
            }
            return c;
        }
    }
    fat_raise(FAT_ENOSPC);
}

void fat_free_chain(fat_fs *fs, uint32_t c) {
    /* at most nclusters links: a chain that loops ends here */
    for (uint32_t k = 0; k < fs->nclusters && fat_valid_cluster(fs, c); k++) {
        uint32_t v = fat_get(fs, c);
        fat_set(fs, c, 0);
        if (c < fs->free_hint) {
            fs->free_hint = c;
        }
        if (v >= fat_eoc(fs)) {
            return;
        }
        c = v;
    }
}

uint32_t fat_count_free(fat_fs *fs) {
    uint32_t n = 0;
    for (uint32_t c = 2; c < fs->nclusters + 2; c++) {
        n += fat_get(fs, c) == 0;
    }
    return n;
}

/* ---- mkfs */

/* Sectors of one FAT for `total` sectors in clusters of spc with `bits`
 * per entry, and the cluster count it leaves (*nclus). */
static uint32_t fat_size_for(uint32_t total, uint32_t fixed, uint32_t nfats, uint32_t spc, uint32_t bits,
                             uint32_t ss, uint32_t *nclus) {
    uint32_t fatsz = 1;
    for (;;) {
        uint32_t used = fixed + nfats * fatsz;
        *nclus = used < total ? (total - used) / spc : 0;
        uint32_t need = (uint32_t)((((uint64_t)*nclus + 2) * bits + 7) / 8 + ss - 1) / ss;
        if (need <= fatsz) {
            return fatsz;
        }
        fatsz = need;
    }
}

void fat_mkfs(px_val bdev) {
    fat_fs fs = {0};
    fs.bdev = bdev;
    fs.ss = (uint16_t)fat_dev_block_size(bdev);
    uint32_t total = fat_dev_block_count(bdev);
    uint32_t ss = fs.ss, nfats = 2, rsvd = 1;
    /* a root directory of 4 to 32 sectors (64 to 512 entries of 512-byte
     * sectors), a sixteenth of the disk between */
    uint32_t root_secs = total / 16;
    root_secs = root_secs < 4 ? 4 : root_secs > 32 ? 32 : root_secs;
    uint32_t fixed = rsvd + root_secs, spc = 1, bits = 12, nclus = 0, fatsz = 0;
    for (; spc <= 128; spc *= 2) {
        fatsz = fat_size_for(total, fixed, nfats, spc, 12, ss, &nclus);
        if (nclus <= FAT12_MAX_CLUSTERS) {
            bits = 12;
            break;
        }
        fatsz = fat_size_for(total, fixed, nfats, spc, 16, ss, &nclus);
        if (nclus > FAT12_MAX_CLUSTERS && nclus <= FAT16_MAX_CLUSTERS) {
            bits = 16;
            break;
        }
    }
    if (spc > 128 || nclus < 2) {
        px_raise_os_error(FAT_EINVAL, "%lu blocks: FAT12/16 needs at least %lu and at most about 4 GiB",
                          (unsigned long)total, (unsigned long)(fixed + 2 * nfats + 2));
    }
    fs.cache = px_gc_alloc(ss, PX_GC_LEAF);
    fs.cached = FAT_NO_SECTOR;
    uint8_t *b = fs.cache;
    /* the FATs and the root directory: zeros, the FATs' first two entries */
    for (uint32_t s = rsvd; s < fixed + nfats * fatsz; s++) {
        memset(b, 0, ss);
        uint32_t k = (s - rsvd) % fatsz;
        if (s < rsvd + nfats * fatsz && k == 0) {
            b[0] = 0xF8; /* the media byte, the rest of entry 0 and entry 1 ones */
            b[1] = 0xFF;
            b[2] = 0xFF;
            if (bits == 16) {
                b[3] = 0xFF;
            }
        }
        dev_io(&fs, true, s, b);
    }
    memset(b, 0, ss);
    static const uint8_t jump[3] = {0xEB, 0x3C, 0x90};
    memcpy(b, jump, 3);
    memcpy(b + 3, "MSWIN4.1", 8);
    fat_wr16(b + BPB_BYTES_PER_SEC, ss);
    b[BPB_SEC_PER_CLUS] = (uint8_t)spc;
    fat_wr16(b + BPB_RSVD_SECS, rsvd);
    b[BPB_NUM_FATS] = (uint8_t)nfats;
    fat_wr16(b + BPB_ROOT_ENTS, root_secs * ss / FAT_ENTRY_SIZE);
    if (total < 0x10000) {
        fat_wr16(b + BPB_TOT_SEC16, total);
    } else {
        fat_wr32(b + BPB_TOT_SEC32, total);
    }
    b[BPB_MEDIA] = 0xF8;
    fat_wr16(b + BPB_FAT_SZ16, fatsz);
    fat_wr16(b + BPB_SEC_PER_TRK, 63);
    fat_wr16(b + BPB_NUM_HEADS, 255);
    b[BS_DRV_NUM] = 0x80;
    b[BS_BOOT_SIG] = 0x29;
    fat_wr32(b + BS_VOL_ID, (uint32_t)px_port_ticks_us());
    memcpy(b + BS_VOL_LAB, "NO NAME    ", 11);
    memcpy(b + BS_FIL_SYS_TYPE, bits == 12 ? "FAT12   " : "FAT16   ", 8);
    b[510] = 0x55;
    b[511] = 0xAA;
    dev_io(&fs, true, 0, b);
    check_status(dev_ioctl(bdev, IOCTL_SYNC, 0));
}

void fat_dev_init(px_val bdev) {
    check_status(dev_ioctl(bdev, IOCTL_INIT, 0));
}
