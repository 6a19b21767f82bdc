/* The os module of the POSIX port: the file functions of the VFS
 * (modules/vfs.c, shared with every port), the environment, random bytes,
 * uname, sync, system, and the terminal duplication of dupterm.c. mount,
 * umount and VfsPosix are here too, as MicroPython keeps them for older
 * programs (their home is the vfs module). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "runtime.h"
#include "posix.h"
#include "sys.h"
#include "vfs.h"
#include "vfs_fat.h"
#include "vfs_posix.h"

/* ---- the environment */

/* A str argument as a NUL-terminated C string, for names and values. */
static const char *env_arg(px_val v, const char *what) {
    if (!px_is_str(v)) {
        px_raise_type_error("%s must be str, not %s", what, px_type_name(v));
    }
    size_t n;
    const char *s = px_str_data(v, &n);
    if (memchr(s, 0, n) != NULL) {
        px_raise_value_error("embedded null byte");
    }
    char *c = px_gc_alloc(n + 1, PX_GC_LEAF);
    memcpy(c, s, n);
    return c;
}

static const char *env_name(px_val v) {
    const char *name = env_arg(v, "name");
    if (name[0] == 0 || strchr(name, '=') != NULL) {
        px_raise_value_error("illegal environment variable name");
    }
    return name;
}

/* getenv(key, default=None): the process environment itself, so what
 * putenv set is seen at once (MicroPython; CPython reads os.environ). */
static px_val os_getenv(size_t argc, const px_val *argv) {
    const char *v = getenv(env_arg(argv[0], "key"));
    if (v == NULL) {
        return argc > 1 ? argv[1] : PX_NONE;
    }
    size_t n = strlen(v);
    return px_utf8_valid(v, n) ? px_str(v, n) : px_bytes(v, n);
}

static px_val os_putenv(px_val key, px_val value) {
    if (setenv(env_name(key), env_arg(value, "value"), 1) != 0) {
        px_raise_os_error(errno, NULL);
    }
    return PX_NONE;
}

static px_val os_unsetenv(px_val key) {
    if (unsetenv(env_name(key)) != 0) {
        px_raise_os_error(errno, NULL);
    }
    return PX_NONE;
}

/* ---- the system */

/* urandom(n): n bytes from the kernel's random generator. */
static px_val os_urandom(px_val nv) {
    px_int n = px_index(nv);
    if (n < 0) {
        px_raise_value_error("negative argument not allowed");
    }
    px_strbuf b;
    px_strbuf_init(&b, (size_t)n);
    char *p = px_strbuf_extend(&b, (size_t)n);
    size_t got = 0;
    while (got < (size_t)n) {
        ssize_t r = getrandom(p + got, (size_t)n - got, 0);
        if (r < 0) {
            if (errno == EINTR) {
                if (px_st.pending) {
                    px_check_pending();
                }
                continue;
            }
            px_raise_os_error(errno, "getrandom");
        }
        got += (size_t)r;
    }
    return px_strbuf_to_bytes(&b);
}

/* uname(): (sysname, nodename, release, version, machine) as MicroPython
 * documents them: the host's system, network name, release and hardware,
 * and this interpreter's version and build date. */
static px_val os_uname(void) {
    struct utsname u;
    if (uname(&u) != 0) {
        px_raise_os_error(errno, "uname");
    }
    px_val t[5] = {
        px_str_cstr(u.sysname), px_str_cstr(u.nodename), px_str_cstr(u.release),
        px_str_cstr(px_sys_version_text), px_str_cstr(u.machine),
    };
    return px_tuple_new(5, t);
}

static px_val os_sync(void) {
    sync();
    return PX_NONE;
}

/* system(command): the shell's wait status, as C's system() gives it. */
static px_val os_system(px_val cmd) {
    const char *c = env_arg(cmd, "command");
    px_port_stdout_flush(); /* our output first, then the command's */
    int r = system(c);
    if (r < 0) {
        px_raise_os_error(errno, "system");
    }
    return px_small(r);
}

static PX_FUNV(os_getenv_obj, getenv, 1, 2, os_getenv);
static PX_FUN2(os_putenv_obj, putenv, os_putenv);
static PX_FUN1(os_unsetenv_obj, unsetenv, os_unsetenv);
static PX_FUN1(os_urandom_obj, urandom, os_urandom);
static PX_FUN0(os_uname_obj, uname, os_uname);
static PX_FUN0(os_sync_obj, sync, os_sync);
static PX_FUN1(os_system_obj, system, os_system);

/* Sorted by name bytes. */
static const px_map_entry os_table[] = {
    PX_ENTRY_OBJ(VfsFat, &px_type_vfs_fat),
    PX_ENTRY_OBJ(VfsPosix, &px_type_vfs_posix),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(os))),
    PX_ENTRY_OBJ(chdir, &px_vfs_chdir_obj),
    PX_ENTRY_OBJ(dupterm, &px_posix_dupterm_obj),
    PX_ENTRY_OBJ(getcwd, &px_vfs_getcwd_obj),
    PX_ENTRY_OBJ(getenv, &os_getenv_obj),
    PX_ENTRY_OBJ(ilistdir, &px_vfs_ilistdir_obj),
    PX_ENTRY_OBJ(listdir, &px_vfs_listdir_obj),
    PX_ENTRY_OBJ(mkdir, &px_vfs_mkdir_obj),
    PX_ENTRY_OBJ(mount, &px_vfs_mount_obj),
    PX_ENTRY_OBJ(putenv, &os_putenv_obj),
    PX_ENTRY_OBJ(remove, &px_vfs_remove_obj),
    PX_ENTRY_OBJ(rename, &px_vfs_rename_obj),
    PX_ENTRY_OBJ(rmdir, &px_vfs_rmdir_obj),
    PX_ENTRY(sep, PX_QSTR_CONST(PX_Q(slash))),
    PX_ENTRY_OBJ(stat, &px_vfs_stat_obj),
    PX_ENTRY_OBJ(statvfs, &px_vfs_statvfs_obj),
    PX_ENTRY_OBJ(sync, &os_sync_obj),
    PX_ENTRY_OBJ(system, &os_system_obj),
    PX_ENTRY_OBJ(umount, &px_vfs_umount_obj),
    PX_ENTRY_OBJ(uname, &os_uname_obj),
    PX_ENTRY_OBJ(unlink, &px_vfs_remove_obj), /* MicroPython's unix port and CPython have both names */
    PX_ENTRY_OBJ(unsetenv, &os_unsetenv_obj),
    PX_ENTRY_OBJ(urandom, &os_urandom_obj),
};
static PX_CONST_MAP(os_globals, os_table);
PX_MODULE_DEF(os, os_globals, PX_MODULE_EXTENSIBLE, NULL);
