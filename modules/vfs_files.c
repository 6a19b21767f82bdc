/* Reading files through the VFS (vfs_files.h): stat and open(path, "rb")
 * of the mounted file system, a VfsFat file read straight into the
 * block, any other file through its read(). */
#include <string.h>

#include "vfs.h"
#include "vfs_fat.h"
#include "vfs_files.h"

/* The errno of an OSError, or 0 for any other exception. */
static int os_errno(px_val exc) {
    if (!px_isinstance(exc, &px_type_OSError)) {
        return 0;
    }
    px_val e = px_getattr(exc, PX_Q(errno));
    return px_is_small(e) ? (int)px_index(e) : 5;
}

px_path_kind px_vfs_file_kind(px_val path) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_val sub, fs = px_vfs_lookup(path, &sub);
        px_val st = px_call_method(fs, PX_Q(stat), 1, &sub);
        px_int mode = px_index(px_subscr_load(st, px_small(0)));
        px_try_pop(&j);
        return mode & PX_VFS_IFDIR ? PX_PATH_DIR : PX_PATH_FILE;
    }
    if (os_errno(j.exc) == 0) {
        px_raise(j.exc); /* not "no such file" but, say, Ctrl-C */
    }
    return PX_PATH_NONE;
}

char *px_vfs_read_file(px_val path, size_t *len, int *err) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_val args[2];
        px_val fs = px_vfs_lookup(path, &args[0]);
        args[1] = px_str("rb", 2);
        px_val f = px_call_method(fs, PX_Q(open), 2, args);
        char *data = fat_file_read_all(f, len);
        if (data == NULL) { /* another file system's file: its read() */
            size_t n;
            px_val b = px_call_method(f, PX_Q(read), 0, NULL);
            if (!px_is_bytes(b)) {
                px_raise_type_error("read() of a file opened 'rb' gave %s, not bytes", px_type_name(b));
            }
            const uint8_t *s = px_bytes_data(b, &n);
            data = px_gc_alloc(n + 1, PX_GC_LEAF);
            memcpy(data, s, n);
            data[n] = '\0';
            *len = n;
        }
        px_call_method(f, PX_Q(close), 0, NULL);
        px_try_pop(&j);
        return data;
    }
    *err = os_errno(j.exc);
    if (*err == 0) {
        px_raise(j.exc);
    }
    return NULL;
}
