/* The vfs module of a board: mount and umount (the portable VFS,
 * modules/vfs.c) and the file system the firmware has, VfsFat. */
#include "runtime.h"
#include "vfs.h"
#include "vfs_fat.h"

/* Sorted by name bytes. */
static const px_map_entry vfs_table[] = {
    PX_ENTRY_OBJ(VfsFat, &px_type_vfs_fat),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(vfs))),
    PX_ENTRY_OBJ(mount, &px_vfs_mount_obj),
    PX_ENTRY_OBJ(umount, &px_vfs_umount_obj),
};
static PX_CONST_MAP(vfs_globals, vfs_table);
PX_MODULE_DEF(vfs, vfs_globals, 0, NULL);
