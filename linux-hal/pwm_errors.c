/* OSErrors for sysfs PWM failures that name the channel and what to do. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pwm_sysfs.h"

#define UDEV_RULE                                                                                     \
    "SUBSYSTEM==\"pwm\", PROGRAM=\"/bin/sh -c 'chgrp -R gpio /sys%p && chmod -R g+w /sys%p'\""

/* Who uses a channel in the kernel, from debugfs (root only): the label
 * in the chip's block of /sys/kernel/debug/pwm. */
static bool kernel_user(const px_pwm_chip *c, unsigned ch, char *who, size_t size) {
    size_t len;
    int err;
    char *text = px_port_read_file("/sys/kernel/debug/pwm", &len, &err);
    if (text == NULL) {
        return false;
    }
    char head[80], line[24];
    snprintf(head, sizeof head, "/%s, ", c->device);
    snprintf(line, sizeof line, " pwm-%-3u (", ch);
    const char *block = strstr(text, head);
    const char *next = block != NULL ? strstr(block, "\n\n") : NULL;
    const char *at = block != NULL ? strstr(block, line) : NULL;
    if (at == NULL || (next != NULL && at > next)) {
        return false;
    }
    at += strlen(line);
    const char *end = strchr(at, ')');
    if (end == NULL) {
        return false;
    }
    while (end > at && end[-1] == ' ') {
        end--;
    }
    snprintf(who, size, "%.*s", (int)(end - at), at);
    return true;
}

PX_NORETURN void px_pwm_raise(int err, const px_pwm_chip *c, unsigned ch, const char *what) {
    char desc[120], who[48];
    snprintf(desc, sizeof desc, "pwmchip%u channel %u (%s)", c->num, ch, c->device);
    switch (err) {
    case EBUSY:
        if (kernel_user(c, ch, who, sizeof who)) {
            px_hal_raise_msg(err, "%s is used by the kernel ('%s'): a driver or device-tree overlay owns it", desc,
                             who);
        }
        px_hal_raise_msg(err, "%s is used by a kernel driver (run as root to see which)", desc);
    case EACCES:
    case EPERM:
        px_hal_raise_access(err, what, "gpio", UDEV_RULE);
    case ENODEV:
    case ENOENT:
        px_hal_raise_msg(err, "%s: %s: the PWM chip is gone (driver unloaded?)", desc, what);
    default:
        px_hal_raise_msg(err, "%s: %s: %s", desc, what, px_port_strerror(err));
    }
}
