/* OSErrors for the Linux HAL (see hal_error.h). */
#include <grp.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>

#include "hal_error.h"

PX_NORETURN void px_hal_raise_msg(int err, const char *fmt, ...) {
    char msg[480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    px_val args[2] = {px_small(err), px_str_cstr(msg)};
    px_raise(px_exc_new(&px_type_OSError, 2, args));
}

PX_NORETURN void px_hal_raise_access(int err, const char *path, const char *group, const char *rule) {
    struct stat st;
    const struct group *g = stat(path, &st) == 0 && st.st_gid != 0 ? getgrgid(st.st_gid) : NULL;
    if (g != NULL) {
        px_hal_raise_msg(err,
                         "permission denied: %s: add the user to group '%s', which owns it "
                         "(sudo usermod -aG %s $USER, then log in again)",
                         path, g->gr_name, g->gr_name);
    }
    px_hal_raise_msg(err,
                     "permission denied: %s: only root may use it; give a group access with a udev "
                     "rule such as %s and add the user to group '%s' (sudo usermod -aG %s $USER, "
                     "then log in again)",
                     path, rule, group, group);
}
