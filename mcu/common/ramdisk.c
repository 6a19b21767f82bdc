/* The board's block device when it has no flash to spare: RAM
 * (BOARD_RAMDISK_SIZE bytes in .persist), with MicroPython's block
 * protocol, the simple and the extended interface, and its bytes as a
 * buffer (memoryview(dev) reaches the disk). .persist is zeroed at
 * power-on only, so the file system on it survives a soft reset (Ctrl-D,
 * machine.soft_reset) and not a power cycle or a restart of QEMU. */
#include <string.h>

#include "runtime.h"
#include "mcu.h"
#include "ramdisk.h"

#ifdef BOARD_RAMDISK_SIZE

#define BLOCK 512u
static MCU_PERSIST _Alignas(8) uint8_t disk[BOARD_RAMDISK_SIZE];

typedef struct {
    px_obj base;
} ramdisk;

extern const px_type px_type_mcu_ramdisk;

px_val mcu_ramdisk(void) {
    ramdisk *r = px_gc_alloc(sizeof *r, 0);
    r->base.type = &px_type_mcu_ramdisk;
    return px_from_ptr(r);
}

/* Where blocks(n, buf[, offset]) reach in the disk: EIO beyond its end. */
static uint8_t *span(size_t argc, const px_val *argv, px_buffer *b, unsigned flags) {
    px_int n = px_index(argv[1]), off = argc > 3 && argv[3] != PX_NONE ? px_index(argv[3]) : 0;
    px_get_buffer(argv[2], b, flags);
    if (n < 0 || off < 0 || (uint64_t)n * BLOCK + (uint64_t)off + b->len > sizeof disk) {
        px_raise_os_error(5, "block %ld: beyond the RAM disk's %u blocks", (long)n, (unsigned)(sizeof disk / BLOCK));
    }
    return disk + (size_t)n * BLOCK + (size_t)off;
}

static px_val rd_readblocks(size_t argc, const px_val *argv) {
    px_buffer b;
    uint8_t *p = span(argc, argv, &b, PX_BUF_WRITE);
    memcpy(b.data, p, b.len);
    return PX_NONE;
}

static px_val rd_writeblocks(size_t argc, const px_val *argv) {
    px_buffer b;
    uint8_t *p = span(argc, argv, &b, PX_BUF_READ);
    memcpy(p, b.data, b.len);
    return PX_NONE;
}

/* ioctl(op, arg): 4 the block count, 5 the block size, 0 for the others
 * (init, deinit, sync, erase: RAM needs none of them). */
static px_val rd_ioctl(px_val self, px_val op, px_val arg) {
    (void)self;
    (void)arg;
    switch (px_index(op)) {
    case 4:
        return px_small((px_int)(sizeof disk / BLOCK));
    case 5:
        return px_small(BLOCK);
    default:
        return px_small(0);
    }
}

/* The disk's bytes as a buffer: VfsFat uses the sectors in place, with
 * no cache in the heap (vfs_fat.h, fat_attach). */
static bool rd_buffer(px_val self, px_buffer *buf, unsigned flags) {
    (void)self;
    (void)flags;
    buf->data = disk;
    buf->len = sizeof disk;
    buf->typecode = 'B';
    buf->readonly = false;
    return true;
}

static PX_METHV(rd_readblocks_obj, &px_type_mcu_ramdisk, readblocks, 3, 4, rd_readblocks);
static PX_METHV(rd_writeblocks_obj, &px_type_mcu_ramdisk, writeblocks, 3, 4, rd_writeblocks);
static PX_METH3(rd_ioctl_obj, &px_type_mcu_ramdisk, ioctl, rd_ioctl);

/* Sorted by name bytes. */
static const px_map_entry rd_table[] = {
    PX_ENTRY_OBJ(ioctl, &rd_ioctl_obj),
    PX_ENTRY_OBJ(readblocks, &rd_readblocks_obj),
    PX_ENTRY_OBJ(writeblocks, &rd_writeblocks_obj),
};
static PX_CONST_MAP(rd_dict, rd_table);

const px_type px_type_mcu_ramdisk = {
    .base = {&px_type_type},
    .name = PX_Q(RAMBlockDev),
    .base_type = &px_type_object,
    .dict = &rd_dict,
    .buffer = rd_buffer,
};

#endif
