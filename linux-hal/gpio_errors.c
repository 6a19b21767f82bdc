/* OSErrors for GPIO failures that say which line, who holds it, and how to
 * fix a permission problem: Linux lines can be held by other processes or
 * by kernel drivers, and device nodes have owners. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gpio_chip.h"

PX_NORETURN void px_gpio_raise_msg(int err, const char *fmt, ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    px_val args[2] = {px_small(err), px_str_cstr(msg)};
    px_raise(px_exc_new(&px_type_OSError, 2, args));
}

PX_NORETURN void px_gpio_raise_no_chip(const char *what) {
    px_gpio_raise_msg(ENOENT,
                      "%s does not exist: this system has no GPIO character device "
                      "(on a board, check that its GPIO driver is loaded; list chips with "
                      "'micropython -m gpio')",
                      what);
}

/* "GPIO17 (gpiochip0 line 17)" or "gpiochip0 line 17". */
static void line_desc(char *buf, size_t size, const px_gpio_chip *chip, unsigned line) {
    if (line < chip->nlines && chip->names != NULL && chip->names[line][0] != '\0') {
        snprintf(buf, size, "%s (%s line %u)", chip->names[line], chip->dev, line);
    } else {
        snprintf(buf, size, "%s line %u", chip->dev, line);
    }
}

/* Whether any other process holds a GPIO line request (an anon inode named
 * "gpio-line", or v1's "gpio-linehandle"/"gpio-event"). *complete is false
 * when some processes' fds could not be inspected (not root). */
static bool other_process_holds_lines(bool *complete) {
    *complete = true;
    DIR *proc = opendir("/proc");
    if (proc == NULL) {
        *complete = false;
        return false;
    }
    long self = (long)getpid();
    bool found = false;
    struct dirent *p;
    while (!found && (p = readdir(proc)) != NULL) {
        char *end;
        long pid = strtol(p->d_name, &end, 10);
        if (*end != '\0' || pid <= 0 || pid == self) {
            continue;
        }
        char path[300];
        snprintf(path, sizeof path, "/proc/%ld/fd", pid);
        DIR *fds = opendir(path);
        if (fds == NULL) {
            if (errno != ENOENT) {
                *complete = false;
            }
            continue;
        }
        struct dirent *f;
        while ((f = readdir(fds)) != NULL) {
            char link[300], target[64];
            snprintf(link, sizeof link, "/proc/%ld/fd/%s", pid, f->d_name);
            ssize_t n = readlink(link, target, sizeof target - 1);
            if (n > 0) {
                target[n] = '\0';
                if (strncmp(target, "anon_inode:gpio-", 16) == 0) {
                    found = true;
                    break;
                }
            }
        }
        closedir(fds);
    }
    closedir(proc);
    return found;
}

PX_NORETURN static void raise_busy(const px_gpio_chip *chip, unsigned line, const char *desc) {
    px_gpio_line_info info;
    const char *who = "";
    if (px_gpio_line_info_get(chip, line, &info) == 0) {
        who = info.consumer;
    }
    if (strcmp(who, "sysfs") == 0) {
        px_gpio_raise_msg(EBUSY, "%s is exported through /sys/class/gpio: unexport it first", desc);
    }
    char mine[48];
    snprintf(mine, sizeof mine, "micropython[%ld]", (long)getpid());
    if (strcmp(who, mine) == 0) {
        px_gpio_raise_msg(EBUSY, "%s is in use by this program: use its Pin object or call deinit() on it",
                          desc);
    }
    bool complete;
    if (!other_process_holds_lines(&complete) && complete) {
        px_gpio_raise_msg(EBUSY,
                          "%s is used by the kernel ('%s'): a driver or device-tree overlay "
                          "owns this line; free it there",
                          desc, who);
    }
    if (who[0] == '\0') {
        px_gpio_raise_msg(EBUSY, "%s is in use by another program (no consumer name)", desc);
    }
    px_gpio_raise_msg(EBUSY, "%s is in use by '%s'", desc, who);
}

PX_NORETURN void px_gpio_raise(int err, const px_gpio_chip *chip, unsigned line) {
    if (chip == NULL) {
        px_raise_os_error(err, NULL);
    }
    char desc[120];
    line_desc(desc, sizeof desc, chip, line);
    switch (err) {
    case EBUSY:
        raise_busy(chip, line, desc);
    case EACCES:
    case EPERM:
        px_gpio_raise_msg(err,
                          "permission denied: /dev/%s: add the user to the group that owns it "
                          "(usually 'gpio': sudo usermod -aG gpio $USER, then log in again) or "
                          "install a udev rule giving that group access (see docs/gpio.md)",
                          chip->dev);
    case ENOENT:
        px_gpio_raise_msg(err, "/dev/%s does not exist (was the device removed?)", chip->dev);
    case ENODEV:
    case ENXIO:
        px_gpio_raise_msg(err, "%s: the GPIO chip is gone (device removed or driver unloaded)", desc);
    case 524: /* the kernel's ENOTSUPP */
    case EOPNOTSUPP:
        px_gpio_raise_msg(err, "%s: the GPIO driver does not support this configuration", desc);
    default:
        px_gpio_raise_msg(err, "%s: %s", px_port_strerror(err), desc);
    }
}
