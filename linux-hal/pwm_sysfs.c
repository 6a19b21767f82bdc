/* The sysfs PWM interface: finding a chip by name, exporting channels and
 * waiting for udev, reading and writing attributes. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pwm_sysfs.h"

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    size_t len = strlen(text);
    ssize_t n;
    do {
        n = write(fd, text, len);
    } while (n < 0 && errno == EINTR);
    int err = n < 0 ? errno : (size_t)n != len ? EIO : 0;
    close(fd);
    return err;
}

static int read_file(const char *path, char *buf, size_t size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    ssize_t n;
    do {
        n = read(fd, buf, size - 1);
    } while (n < 0 && errno == EINTR);
    int err = n < 0 ? errno : 0;
    close(fd);
    buf[n > 0 ? (size_t)n : 0] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    return err;
}

/* The last part of the path a link resolves to, "" if it does not. */
static void link_name(const char *link, char *out, size_t size, char resolved[PATH_MAX]) {
    out[0] = '\0';
    resolved[0] = '\0';
    if (realpath(link, resolved) != NULL) {
        const char *slash = strrchr(resolved, '/');
        snprintf(out, size, "%s", slash != NULL ? slash + 1 : resolved);
    }
}

/* Fill c from /sys/class/pwm/pwmchipN; dev_path gets the device's path. */
static bool read_chip(unsigned num, px_pwm_chip *c, char dev_path[PATH_MAX]) {
    char path[96], buf[24], drv[PATH_MAX];
    snprintf(path, sizeof path, PX_PWM_CLASS "/pwmchip%u/npwm", num);
    if (read_file(path, buf, sizeof buf) != 0) {
        return false;
    }
    c->num = num;
    c->npwm = (unsigned)strtoul(buf, NULL, 10);
    snprintf(path, sizeof path, PX_PWM_CLASS "/pwmchip%u/device", num);
    link_name(path, c->device, sizeof c->device, dev_path);
    snprintf(path, sizeof path, PX_PWM_CLASS "/pwmchip%u/device/driver", num);
    link_name(path, c->driver, sizeof c->driver, drv);
    return true;
}

/* Chip numbers under /sys/class/pwm, ascending; returns how many. */
static size_t chip_numbers(unsigned *nums, size_t max) {
    DIR *d = opendir(PX_PWM_CLASS);
    size_t n = 0;
    struct dirent *e;
    while (d != NULL && n < max && (e = readdir(d)) != NULL) {
        char *end;
        if (strncmp(e->d_name, "pwmchip", 7) == 0) {
            unsigned long v = strtoul(e->d_name + 7, &end, 10);
            if (*end == '\0' && end != e->d_name + 7) {
                size_t i = n++;
                for (; i > 0 && nums[i - 1] > v; i--) {
                    nums[i] = nums[i - 1];
                }
                nums[i] = (unsigned)v;
            }
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    return n;
}

/* "pwmchip0 (px-pwm-sim.1, 2 channels), ..." for messages. */
static void describe(char *buf, size_t size, const px_pwm_chip *chips, size_t n) {
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < size; i++) {
        used += (size_t)snprintf(buf + used, size - used, "%spwmchip%u (%s, %u channels)", i ? ", " : "",
                                 chips[i].num, chips[i].device, chips[i].npwm);
    }
}

void px_pwm_find_chip(const char *id, size_t len, px_pwm_chip *out) {
    char want[PATH_MAX], wanted_real[PATH_MAX] = "";
    snprintf(want, sizeof want, "%.*s", (int)(len < sizeof want - 1 ? len : sizeof want - 1), id);
    if (want[0] == '/' && realpath(want, wanted_real) == NULL) {
        wanted_real[0] = '\0';
    }
    unsigned nums[32];
    size_t n = chip_numbers(nums, 32);
    px_pwm_chip chips[32], by_driver[32];
    size_t nchips = 0, ndriver = 0;
    for (size_t i = 0; i < n; i++) {
        px_pwm_chip *c = &chips[nchips];
        char dev_path[PATH_MAX], chip_path[PATH_MAX], self[64];
        if (!read_chip(nums[i], c, dev_path)) {
            continue;
        }
        nchips++;
        snprintf(self, sizeof self, "pwmchip%u", c->num);
        snprintf(chip_path, sizeof chip_path, PX_PWM_CLASS "/%s", self);
        char chip_real[PATH_MAX];
        bool path_match = wanted_real[0] != '\0' && (strcmp(wanted_real, dev_path) == 0 ||
                                                     (realpath(chip_path, chip_real) != NULL &&
                                                      strcmp(wanted_real, chip_real) == 0));
        if (strcmp(want, self) == 0 || strcmp(want, c->device) == 0 || path_match) {
            *out = *c;
            return;
        }
        if (c->driver[0] != '\0' && strcmp(want, c->driver) == 0) {
            by_driver[ndriver++] = *c;
        }
    }
    char list[400];
    if (ndriver == 1) {
        *out = by_driver[0];
        return;
    }
    if (ndriver > 1) {
        describe(list, sizeof list, by_driver, ndriver);
        px_raise_value_error("several PWM chips have the driver '%s': %s; name one by its device", want, list);
    }
    if (nchips == 0) {
        px_hal_raise_msg(ENOENT,
                         "no PWM chip '%s': this system has no PWM chips (" PX_PWM_CLASS
                         " is empty; enable a PWM overlay in the device tree, e.g. dtoverlay=pwm on a "
                         "Raspberry Pi)",
                         want);
    }
    describe(list, sizeof list, chips, nchips);
    px_raise_value_error("no PWM chip '%s' (chips: %s)", want, list);
}

static void attr_path(char *buf, size_t size, const px_pwm_chip *c, unsigned ch, const char *attr) {
    snprintf(buf, size, PX_PWM_CLASS "/pwmchip%u/pwm%u%s%s", c->num, ch, attr[0] ? "/" : "", attr);
}

/* 0 when every file of the channel is writable, else the errno of the
 * first that is not (its path in failed). */
static int channel_access(const px_pwm_chip *c, unsigned ch, char *failed, size_t size) {
    static const char *const attrs[] = {"period", "duty_cycle", "polarity", "enable"};
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        attr_path(failed, size, c, ch, attrs[i]);
        if (access(failed, W_OK) != 0) {
            return errno;
        }
    }
    return 0;
}

int px_pwm_export(const px_pwm_chip *c, unsigned ch, char *failed, size_t size) {
    char dir[96];
    struct stat st;
    attr_path(dir, sizeof dir, c, ch, "");
    if (stat(dir, &st) != 0) {
        char num[16];
        snprintf(failed, size, PX_PWM_CLASS "/pwmchip%u/export", c->num);
        snprintf(num, sizeof num, "%u", ch);
        int err = write_file(failed, num);
        if (err != 0 && !(err == EBUSY && stat(dir, &st) == 0)) {
            return err; /* EBUSY without the directory: a kernel driver uses it */
        }
    }
    /* udev gives the files their group after the export: wait for it */
    uint64_t deadline = px_port_ticks_ms() + PX_PWM_UDEV_WAIT_MS;
    int err;
    while ((err = channel_access(c, ch, failed, size)) != 0) {
        if ((err != EACCES && err != EPERM) || px_port_ticks_ms() >= deadline) {
            return err;
        }
        px_port_sleep_us(10000);
    }
    return 0;
}

int px_pwm_unexport(const px_pwm_chip *c, unsigned ch) {
    char path[96], num[16];
    snprintf(path, sizeof path, PX_PWM_CLASS "/pwmchip%u/unexport", c->num);
    snprintf(num, sizeof num, "%u", ch);
    return write_file(path, num);
}

int px_pwm_read(const px_pwm_chip *c, unsigned ch, const char *attr, char *buf, size_t size) {
    char path[96];
    attr_path(path, sizeof path, c, ch, attr);
    return read_file(path, buf, size);
}

int px_pwm_read_u64(const px_pwm_chip *c, unsigned ch, const char *attr, uint64_t *v) {
    char buf[32];
    int err = px_pwm_read(c, ch, attr, buf, sizeof buf);
    if (err == 0) {
        *v = strtoull(buf, NULL, 10);
    }
    return err;
}

int px_pwm_write(const px_pwm_chip *c, unsigned ch, const char *attr, const char *value) {
    char path[96];
    attr_path(path, sizeof path, c, ch, attr);
    return write_file(path, value);
}

int px_pwm_write_u64(const px_pwm_chip *c, unsigned ch, const char *attr, uint64_t v) {
    char buf[32];
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
    return px_pwm_write(c, ch, attr, buf);
}
