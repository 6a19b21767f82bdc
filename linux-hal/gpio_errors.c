/* OSErrors for GPIO failures that say which line, who holds it, and how to
 * fix a permission problem: Linux lines can be held by other processes or
 * by kernel drivers, and device nodes have owners. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gpio_chip.h"

PX_NORETURN void px_gpio_raise_no_chip(const char *what) {
    px_hal_raise_msg(ENOENT,
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

/* Who holds a busy line, from the processes' open line requests. */
typedef enum {
    HOLDER_NONE,    /* no process: a kernel driver */
    HOLDER_SELF,    /* this program */
    HOLDER_OTHER,   /* another program */
    HOLDER_UNKNOWN, /* some fds could not be inspected (not root), or a
                     * uAPI v1 handle (its fdinfo lists no lines) is open */
} holder_kind;

/* Does the fdinfo of a "gpio-line" fd (uAPI v2; recent kernels, 6.1 included, write
 * "gpio-chip:\tgpiochip0" then "gpio-line:\t17" per line) name this line?
 * *listed is false if the kernel writes no such lines. */
static bool fdinfo_has_line(const char *path, const char *dev, unsigned line, bool *listed) {
    *listed = false;
    FILE *f = fopen(path, "re");
    if (f == NULL) {
        return false;
    }
    char buf[128];
    bool chip = false, found = false;
    while (!found && fgets(buf, sizeof buf, f) != NULL) {
        buf[strcspn(buf, "\n")] = '\0';
        if (strncmp(buf, "gpio-chip:", 10) == 0) {
            *listed = true;
            chip = strcmp(buf + 10 + strspn(buf + 10, " \t"), dev) == 0;
        } else if (chip && strncmp(buf, "gpio-line:", 10) == 0) {
            char *end;
            unsigned long l = strtoul(buf + 10, &end, 10);
            found = end != buf + 10 && l == line;
        }
    }
    fclose(f);
    return found;
}

/* Search every process's line requests for (chip, line). A busy line that
 * no process has requested is held by a kernel driver; that can be told
 * only when every process could be inspected. */
static holder_kind line_holder(const px_gpio_chip *chip, unsigned line) {
    DIR *proc = opendir("/proc");
    if (proc == NULL) {
        return HOLDER_UNKNOWN;
    }
    long self = (long)getpid();
    holder_kind kind = HOLDER_NONE;
    struct dirent *p;
    while ((kind == HOLDER_NONE || kind == HOLDER_UNKNOWN) && (p = readdir(proc)) != NULL) {
        char *end;
        long pid = strtol(p->d_name, &end, 10);
        if (*end != '\0' || pid <= 0) {
            continue;
        }
        char path[300];
        snprintf(path, sizeof path, "/proc/%ld/fd", pid);
        DIR *fds = opendir(path);
        if (fds == NULL) {
            if (errno != ENOENT) {
                kind = HOLDER_UNKNOWN; /* another user's process */
            }
            continue;
        }
        struct dirent *f;
        while ((f = readdir(fds)) != NULL) {
            char link[300], target[64];
            snprintf(link, sizeof link, "/proc/%ld/fd/%s", pid, f->d_name);
            ssize_t n = readlink(link, target, sizeof target - 1);
            if (n <= 0) {
                continue;
            }
            target[n] = '\0';
            if (strncmp(target, "anon_inode:gpio-", 16) != 0) {
                continue;
            }
            bool listed = false;
            if (strcmp(target + 16, "line") == 0) {
                snprintf(link, sizeof link, "/proc/%ld/fdinfo/%s", pid, f->d_name);
                if (fdinfo_has_line(link, chip->dev, line, &listed)) {
                    kind = pid == self ? HOLDER_SELF : HOLDER_OTHER;
                    break;
                }
            }
            if (!listed) {
                kind = HOLDER_UNKNOWN; /* a v1 handle, or a kernel without fdinfo */
            }
        }
        closedir(fds);
    }
    closedir(proc);
    return kind;
}

PX_NORETURN static void raise_busy(const px_gpio_chip *chip, unsigned line, const char *desc) {
    px_gpio_line_info info;
    const char *who = "";
    if (px_gpio_line_info_get(chip, line, &info) == 0) {
        who = info.consumer;
    }
    if (strcmp(who, "sysfs") == 0) {
        px_hal_raise_msg(EBUSY, "%s is exported through /sys/class/gpio: unexport it first", desc);
    }
    holder_kind kind = line_holder(chip, line);
    char mine[48];
    snprintf(mine, sizeof mine, "micropython[%ld]", (long)getpid());
    if (kind == HOLDER_UNKNOWN && strcmp(who, mine) == 0) {
        kind = HOLDER_SELF; /* a kernel without fdinfo line lists: go by the name */
    }
    unsigned bus, cs;
    char extra;
    if (kind == HOLDER_NONE &&
        sscanf(who, "spi%u CS%u%c", &bus, &cs, &extra) == 2) {
        /* the name the SPI core gives the chip-select GPIOs it drives */
        px_hal_raise_msg(EBUSY,
                         "%s is chip select %u of SPI bus %u, driven by the kernel ('%s'): use "
                         "SPI((%u, %u)) without cs=, the kernel selects the device",
                         desc, cs, bus, who, bus, cs);
    }
    switch (kind) {
    case HOLDER_SELF:
        px_hal_raise_msg(EBUSY, "%s is in use by this program: use its Pin object or call deinit() on it",
                          desc);
    case HOLDER_NONE:
        px_hal_raise_msg(EBUSY,
                          "%s is used by the kernel ('%s'): a driver or device-tree overlay "
                          "owns this line; free it there",
                          desc, who);
    case HOLDER_UNKNOWN:
        /* cannot tell a program from a driver: say both */
        px_hal_raise_msg(EBUSY,
                          "%s is in use by '%s' (another program, or a kernel driver; run as root "
                          "to tell which)",
                          desc, who[0] ? who : "(no consumer name)");
    case HOLDER_OTHER:
        break;
    }
    if (who[0] == '\0') {
        px_hal_raise_msg(EBUSY, "%s is in use by another program (no consumer name)", desc);
    }
    px_hal_raise_msg(EBUSY, "%s is in use by '%s'", desc, who);
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
        px_hal_raise_msg(err,
                          "permission denied: /dev/%s: add the user to the group that owns it "
                          "(usually 'gpio': sudo usermod -aG gpio $USER, then log in again) or "
                          "install a udev rule giving that group access (see docs/gpio.md)",
                          chip->dev);
    case ENOENT:
        px_hal_raise_msg(err, "/dev/%s does not exist (was the device removed?)", chip->dev);
    case ENODEV:
    case ENXIO:
        px_hal_raise_msg(err,
                          "%s: the GPIO chip is gone (device unplugged or driver unloaded); "
                          "create the Pin again when it is back",
                          desc);
    case 524: /* the kernel's ENOTSUPP */
    case EOPNOTSUPP:
        px_hal_raise_msg(err, "%s: the GPIO driver does not support this configuration", desc);
    default:
        px_hal_raise_msg(err, "%s: %s", px_port_strerror(err), desc);
    }
}
