/* OSErrors of the Linux HAL: our own message naming the device or file and
 * what to do, with the errno the kernel gave (so OSError picks its subclass:
 * PermissionError, FileNotFoundError, ...). */
#ifndef PX_HAL_ERROR_H
#define PX_HAL_ERROR_H

#include "runtime.h"

/* OSError(err, message). */
PX_NORETURN void px_hal_raise_msg(int err, const char *fmt, ...) PX_PRINTF(2, 3);

/* PermissionError for a device node or sysfs file the user may not open:
 * "permission denied: PATH: add the user to group 'G' ..." when a group
 * other than root's owns it, else the udev rule that gives `group` access
 * (rule is a udev rule text such as SUBSYSTEM=="i2c-dev", GROUP="i2c",
 * MODE="0660"). */
PX_NORETURN void px_hal_raise_access(int err, const char *path, const char *group, const char *rule);

#endif
