/* The os module of a board, as MicroPython's docs list it for boards: the
 * file functions of the VFS (modules/vfs.c), sync, uname, and mount,
 * umount and VfsFat kept here for older programs (their home is vfs).
 * There is no urandom: these boards have no random-number hardware. */
#include "runtime.h"
#include "build_info.h"
#include "sys.h"
#include "vfs.h"
#include "vfs_fat.h"

/* sync(): every mounted FAT file system's cache to its device, and the
 * device's own sync. */
static px_val os_sync(void) {
    px_val mounts = px_call(PX_OBJ_CONST(&px_vfs_mount_obj), 0, NULL, PX_NULL);
    size_t n;
    px_val *items = px_seq_items(mounts, &n);
    for (size_t i = 0; i < n; i++) {
        px_vfs_fat_sync(px_tuple_ptr(items[i])->items[0]);
    }
    return PX_NONE;
}

#ifndef PX_SYS_PLATFORM
#error "a board's px_config.h names its platform (PX_SYS_PLATFORM)"
#endif
#define PLATFORM_QID(name) PX_Q(name) /* expands PX_SYS_PLATFORM first */

/* uname(): (sysname, nodename, release, version, machine): the platform
 * (sys.platform) twice, this interpreter's version, its version text with
 * the build date, and the board with its CPU. */
static px_val os_uname(void) {
    px_val platform = px_qstr(PLATFORM_QID(PX_SYS_PLATFORM));
    px_val t[5] = {platform, platform, px_str_cstr(PX_VERSION), px_str_cstr(px_sys_version_text),
                   px_str_cstr(PX_SYS_MACHINE)};
    return px_tuple_new(5, t);
}

static PX_FUN0(os_sync_obj, sync, os_sync);
static PX_FUN0(os_uname_obj, uname, os_uname);

/* Sorted by name bytes. */
static const px_map_entry os_table[] = {
    PX_ENTRY_OBJ(VfsFat, &px_type_vfs_fat),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(os))),
    PX_ENTRY_OBJ(chdir, &px_vfs_chdir_obj),
    PX_ENTRY_OBJ(getcwd, &px_vfs_getcwd_obj),
    PX_ENTRY_OBJ(ilistdir, &px_vfs_ilistdir_obj),
    PX_ENTRY_OBJ(listdir, &px_vfs_listdir_obj),
    PX_ENTRY_OBJ(mkdir, &px_vfs_mkdir_obj),
    PX_ENTRY_OBJ(mount, &px_vfs_mount_obj),
    PX_ENTRY_OBJ(remove, &px_vfs_remove_obj),
    PX_ENTRY_OBJ(rename, &px_vfs_rename_obj),
    PX_ENTRY_OBJ(rmdir, &px_vfs_rmdir_obj),
    PX_ENTRY(sep, PX_QSTR_CONST(PX_Q(slash))),
    PX_ENTRY_OBJ(stat, &px_vfs_stat_obj),
    PX_ENTRY_OBJ(statvfs, &px_vfs_statvfs_obj),
    PX_ENTRY_OBJ(sync, &os_sync_obj),
    PX_ENTRY_OBJ(umount, &px_vfs_umount_obj),
    PX_ENTRY_OBJ(uname, &os_uname_obj),
    PX_ENTRY_OBJ(unlink, &px_vfs_remove_obj),
};
static PX_CONST_MAP(os_globals, os_table);
PX_MODULE_DEF(os, os_globals, PX_MODULE_EXTENSIBLE, NULL);
